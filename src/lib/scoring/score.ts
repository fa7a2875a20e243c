import type { Answer, Profile } from '$lib/assessment/types';
import { isLevel } from '$lib/assessment/types';
import { conditionHolds } from '$lib/content/conditions';
import type { QuestionBank } from '$lib/content/question-bank';
import { applyTerms, resolveTerms, type Terms } from '$lib/content/terms';
import { buildActionPlan } from './plan';
import {
	IMPERATIVE_RECOMMENDATIONS,
	LEVEL_LABELS,
	SCORING_RULES,
	STAGES,
	type StageId
} from './rules';
import type {
	Blocker,
	Confidence,
	Counts,
	DomainResult,
	ScoringResult,
	StatementResult
} from './types';

export interface ScoringInput {
	profile: Pick<Profile, 'bpdSpecific' | 'consumerTerm' | 'peerTerm'>;
	decisions: Readonly<Record<string, string>>;
	answers: Readonly<Record<string, Answer>>;
}

const R = SCORING_RULES;

export function statementWeight(recommendations: readonly string[]): number {
	return recommendations.some((r) => IMPERATIVE_RECOMMENDATIONS.includes(r))
		? R.weights.imperative
		: R.weights.other;
}

export function bandFor(score: number | null): string | null {
	if (score === null) return null;
	let label: string = R.bands[0].label;
	for (const band of R.bands) if (score >= band.min) label = band.label;
	return label;
}

export function ratingLabel(rating: Answer['rating'], terms: Terms): string {
	if (rating === undefined) return 'Unanswered';
	if (rating === 'dont-know') return "Don't know";
	if (rating === 'not-applicable') return 'Not applicable';
	return `${rating} – ${applyTerms(LEVEL_LABELS[rating], terms)}`;
}

/** Weighted mean of rated levels, as 0–100; null with nothing rated. */
function weightedScore(statements: StatementResult[]): number | null {
	let sum = 0;
	let max = 0;
	for (const s of statements) {
		if (s.status !== 'rated' || !isLevel(s.rating)) continue;
		sum += s.weight * s.rating;
		max += s.weight * R.maxLevel;
	}
	return max === 0 ? null : Math.round((sum / max) * 1000) / 10;
}

function countOf(statements: StatementResult[]): Counts {
	const counts: Counts = { considered: 0, rated: 0, dontKnow: 0, unanswered: 0, notApplicable: 0 };
	for (const s of statements) {
		if (s.status === 'switched-off') continue;
		if (s.status === 'not-applicable') {
			counts.notApplicable++;
			continue;
		}
		counts.considered++;
		if (s.status === 'rated') counts.rated++;
		else if (s.status === 'dont-know') counts.dontKnow++;
		else counts.unanswered++;
	}
	return counts;
}

function confidenceOf(counts: Counts): Confidence {
	const share = counts.considered === 0 ? 0 : counts.rated / counts.considered;
	const level =
		share >= R.confidence.high ? 'high' : share >= R.confidence.medium ? 'medium' : 'low';
	const parts = [`Based on ${counts.rated} of ${counts.considered} statements`];
	if (counts.dontKnow) parts.push(`${counts.dontKnow} don't know`);
	if (counts.unanswered) parts.push(`${counts.unanswered} unanswered`);
	if (counts.notApplicable) parts.push(`${counts.notApplicable} not applicable`);
	return { ...counts, share, level, summary: parts.join('; ') + '.' };
}

function statusOf(
	answer: Answer | undefined,
	applies: boolean,
	allowNotApplicable: boolean
): StatementResult['status'] {
	if (!applies) return 'switched-off';
	const rating = answer?.rating;
	if (rating === undefined) return 'unanswered';
	if (rating === 'dont-know') return 'dont-know';
	if (rating === 'not-applicable') return allowNotApplicable ? 'not-applicable' : 'unanswered';
	return 'rated';
}

export function scoreAssessment(input: ScoringInput, bank: QuestionBank): ScoringResult {
	const terms = resolveTerms(input.profile, bank.terminology);
	const context = { decisions: input.decisions, bpdSpecific: input.profile.bpdSpecific };

	const domains: DomainResult[] = bank.domains.map((domain) => {
		const statements: StatementResult[] = domain.statements.map((s) => {
			const answer = Object.hasOwn(input.answers, s.id) ? input.answers[s.id] : undefined;
			return {
				id: s.id,
				domainId: domain.id,
				text: applyTerms(s.text, terms),
				critical: s.critical,
				weight: statementWeight(s.recommendations),
				status: statusOf(answer, conditionHolds(s.condition, context), s.allowNotApplicable),
				rating: answer?.rating,
				note: answer?.note ?? ''
			};
		});
		const confidence = confidenceOf(countOf(statements));
		const insufficientEvidence =
			confidence.rated < R.minRatedCount || confidence.share < R.minRatedShare;
		const score = insufficientEvidence ? null : weightedScore(statements);
		return {
			id: domain.id,
			name: applyTerms(domain.name, terms),
			score,
			band: bandFor(score),
			insufficientEvidence,
			confidence,
			statements
		};
	});

	const all = domains.flatMap((d) => d.statements);
	const confidence = confidenceOf(countOf(all));
	const overallScore = weightedScore(all);

	const blockers: Blocker[] = all
		.filter(
			(s) =>
				s.critical &&
				s.status !== 'switched-off' &&
				s.status !== 'not-applicable' &&
				!(isLevel(s.rating) && s.rating >= R.inPlaceLevel)
		)
		.map((s) => {
			const source = bank.statementById.get(s.id)!;
			const reason =
				s.status === 'dont-know'
					? 'Nobody could say whether this is in place.'
					: s.status === 'unanswered'
						? 'Not answered yet, so it cannot count as in place.'
						: `Rated ${ratingLabel(s.rating, terms)}; it must be at least "${LEVEL_LABELS[R.inPlaceLevel]}".`;
			return {
				statementId: s.id,
				domainId: s.domainId,
				text: s.text,
				rating: s.rating,
				reason,
				why: applyTerms(source.why, terms),
				actionIds: bank.actions.filter((a) => a.addresses.includes(s.id)).map((a) => a.id)
			};
		});

	const criticalCount = all.filter(
		(s) => s.critical && s.status !== 'switched-off' && s.status !== 'not-applicable'
	).length;
	const stage = decideStage({ blockers, criticalCount, overallScore, domains });

	const openDecisions = bank.decisions.filter((d) => !input.decisions[d.id]).map((d) => d.id);

	return {
		contentVersion: bank.version,
		stage,
		overall: { score: overallScore, band: bandFor(overallScore) },
		confidence,
		domains,
		blockers,
		strengths: {
			statementIds: all
				.filter((s) => isLevel(s.rating) && s.status === 'rated' && s.rating >= R.inPlaceLevel)
				.map((s) => s.id),
			domainIds: domains
				.filter((d) => d.score !== null && d.score >= R.strengthDomainMin)
				.map((d) => d.id)
		},
		plan: buildActionPlan({ domains, openDecisions, decisions: input.decisions, terms, bank }),
		openDecisions,
		orphanAnswerIds: Object.keys(input.answers)
			.filter((id) => !bank.statementById.has(id))
			.sort()
	};
}

function listOf(items: string[]): string {
	return items.length <= 1
		? (items[0] ?? '')
		: `${items.slice(0, -1).join('; ')}; and ${items.at(-1)}`;
}

function decideStage(args: {
	blockers: Blocker[];
	criticalCount: number;
	overallScore: number | null;
	domains: DomainResult[];
}): ScoringResult['stage'] {
	const { blockers, criticalCount, overallScore, domains } = args;
	const S = R.stages;
	const label = (id: StageId) => STAGES.find((s) => s.id === id)!.label;
	const reasons: string[] = [];
	const lowDomains = domains.filter((d) => d.score !== null && d.score < S.readyDomainFloor);
	const unscored = domains.filter((d) => d.score === null);

	let id: StageId;
	if (blockers.length > 0) {
		const n = blockers.length;
		// Name each blocker with its text when there are few; with many, the ids keep the reason readable.
		const named =
			n <= 2
				? blockers.map((b) => `${b.statementId} (${b.text})`)
				: blockers.map((b) => b.statementId);
		reasons.push(
			`${n} critical statement${n === 1 ? ' is' : 's are'} not in place: ${listOf(named)}.`
		);
		const manyBlocked = n > criticalCount * S.notReadyBlockerShare;
		const lowOverall = overallScore === null || overallScore < S.notReadyScoreFloor;
		if (manyBlocked)
			reasons.push(`That is more than half of the ${criticalCount} critical statements.`);
		if (lowOverall) {
			reasons.push(
				overallScore === null
					? 'There are not enough ratings to calculate an overall score.'
					: `The overall score is ${overallScore}, below ${S.notReadyScoreFloor}.`
			);
		}
		id = manyBlocked || lowOverall ? 'not-yet-ready' : 'preparing';
	} else if (lowDomains.length > 0 || unscored.length > 0) {
		id = 'preparing';
		reasons.push('Every critical statement is in place.');
		if (lowDomains.length) {
			reasons.push(
				`${listOf(lowDomains.map((d) => `${d.name} (${d.score})`))} score${lowDomains.length === 1 ? 's' : ''} below ${S.readyDomainFloor}.`
			);
		}
		if (unscored.length) {
			reasons.push(
				`${listOf(unscored.map((d) => d.name))} ${unscored.length === 1 ? 'has' : 'have'} too little rated evidence to score.`
			);
		}
	} else if (
		overallScore !== null &&
		overallScore >= S.embeddingOverall &&
		domains.every((d) => d.score !== null && d.score >= S.embeddingDomainFloor)
	) {
		id = 'embedding';
		reasons.push(
			'Every critical statement is in place.',
			`The overall score is ${overallScore} and every domain scores ${S.embeddingDomainFloor} or more.`
		);
	} else {
		id = 'ready-to-recruit';
		reasons.push(
			'Every critical statement is in place.',
			`Every domain scores ${S.readyDomainFloor} or more (overall ${overallScore}).`
		);
	}
	const summary = `${label(id)}: ${reasons[0]}`;
	return { id, label: label(id), summary, reasons };
}
