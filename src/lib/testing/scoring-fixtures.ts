import type { Answer, Rating } from '$lib/assessment/types';
import { bank } from '$lib/content';
import type { ScoringInput } from './score';

/** Small factories for scoring tests: an input where every statement has the same rating, then overrides. */
export function inputWith(
	rating: Rating | undefined,
	overrides: Record<string, Rating | undefined> = {},
	decisions: Record<string, string> = {}
): ScoringInput {
	const answers: Record<string, Answer> = {};
	for (const s of bank.statements) {
		const r = Object.hasOwn(overrides, s.id) ? overrides[s.id] : rating;
		if (r !== undefined)
			answers[s.id] = { rating: r === 'not-applicable' && !s.allowNotApplicable ? 0 : r };
	}
	return {
		profile: { bpdSpecific: 'yes', consumerTerm: 'consumer', peerTerm: 'peer-worker' },
		decisions,
		answers
	};
}

export const allDecisionsMade: Record<string, string> = Object.fromEntries(
	bank.decisions.map((d) => [d.id, d.options[0]!.id])
);
