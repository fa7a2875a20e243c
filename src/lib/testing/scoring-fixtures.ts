import { bank } from '$lib/content';
import type { Answer, Rating } from '$lib/model/assessment';
import type { ScoringInput } from '$lib/scoring';

export type AnswerSpec = Rating | Answer;

/**
 * Test factories (not shipped): an input where every statement has the same answer, then overrides.
 * `withLivedExperience` marks every rating of a "rate with lived experience" statement as checked.
 */
export function inputWith(
	base: Rating | undefined,
	overrides: Record<string, AnswerSpec | undefined> = {},
	decisions: Record<string, string> = {},
	options: { withLivedExperience?: boolean; bpdSpecific?: 'yes' | 'no' } = {}
): ScoringInput {
	const answers: Record<string, Answer> = {};
	for (const s of bank.statements) {
		const spec = Object.hasOwn(overrides, s.id) ? overrides[s.id] : base;
		if (spec === undefined) continue;
		const answer: Answer = typeof spec === 'object' ? { ...spec } : { rating: spec };
		if (answer.rating === 'not-applicable' && !s.allowNotApplicable) answer.rating = 0;
		if (
			options.withLivedExperience &&
			s.rateWithLivedExperience &&
			answer.rating !== undefined &&
			answer.withLivedExperience === undefined
		)
			answer.withLivedExperience = true;
		answers[s.id] = answer;
	}
	return {
		profile: {
			bpdSpecific: options.bpdSpecific ?? 'yes',
			consumerTerm: 'consumer',
			peerTerm: 'peer-worker'
		},
		decisions,
		answers
	};
}

/** The first option of every decision: a fully decided organisation. */
export const allDecisionsMade: Record<string, string> = Object.fromEntries(
	bank.decisions.map((d) => [d.id, d.options[0]!.id])
);

/** Statement ids only people with lived experience can judge. */
export const livedExperienceIds = bank.statements
	.filter((s) => s.rateWithLivedExperience)
	.map((s) => s.id);
