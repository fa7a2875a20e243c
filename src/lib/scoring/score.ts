import { isLevel, type Answer, type Profile, type Rating } from '$lib/model/assessment';
import {
	conditionContextOf,
	conditionHolds,
	conditionMet,
	type ConditionContext
} from '$lib/content/conditions';
import type { BankStatement, QuestionBank } from '$lib/content/question-bank';
import type { Scale } from '$lib/content/schema';
import { applyTerms, resolveTerms, type Terms } from '$lib/content/terms';
import { statementWording } from '$lib/content/wording';
import { buildActionPlan } from './action-plan';
import { SCORING_RULES, stageIndex, stageLabel, type StageId } from './rules';
import type {
	AnsweringProgress,
	Blocker,
	Confidence,
	Counts,
	DomainResult,
	PlanItem,
	ScoringResult,
	StatementResult,
	StatementState
} from './types';
import { counted } from '$lib/format/counts';

export interface ScoringInput {
	profile: Pick<Profile, 'bpdSpecific' | 'consumerTerm' | 'peerTerm'>;
	decisions: Readonly<Record<string, string>>;
	answers: Readonly<Record<string, Answer>>;
}

const R = SCORING_RULES;

export function statementWeight(statement: Pick<BankStatement, 'imperative'>): number {
	return statement.imperative ? R.weights.imperative : R.weights.other;
}

export function bandFor(score: number | null): string | null {
	if (score === null) return null;
	let label: string = R.bands[0].label;
	for (const band of R.bands) if (score >= band.min) label = band.label;
	return label;
}

/** An answer in words, for tables and files: "3 – In place", "Don't know", … */
export function ratingLabel(rating: Rating | undefined, terms: Terms, scale: Scale): string {
	if (rating === undefined) return 'Unanswered';
	if (rating === 'dont-know') return scale.dontKnow.label;
	if (rating === 'not-applicable') return scale.notApplicable.label;
	if (rating === 'declined') return scale.declined.label;
	return `${rating} – ${applyTerms(scale.levels[rating]!, terms)}`;
}

/** The level an answer counts as in scores, or null when it does not count. */
function countedLevel(statement: BankStatement, answer: Answer | undefined): number | null {
	const rating = answer?.rating;
	if (isLevel(rating)) return rating;
	if (rating === 'declined' && statement.allowDeclined && answer?.note?.trim())
		return R.declinedCountsAs;
	return null;
}

function evaluate(
	statement: BankStatement,
	answer: Answer | undefined,
	applies: boolean,
	answers: Readonly<Record<string, Answer>>,
	bank: QuestionBank
): Omit<StatementState, 'id' | 'critical'> {
	if (!applies) return { status: 'switched-off', level: null };
	const rating = answer?.rating;
	if (rating === undefined)
		return { status: 'unanswered', level: null, issue: answer?.earlier ? 'rerate' : undefined };
	if (rating === 'dont-know') return { status: 'dont-know', level: null };
	if (rating === 'not-applicable') {
		if (!statement.allowNotApplicable) return { status: 'unanswered', level: null };
		const requires = statement.notApplicableRequires;
		if (requires) {
			const other = bank.statementById.get(requires.statement)!;
			const otherLevel = countedLevel(other, own(answers, requires.statement));
			if (otherLevel === null || otherLevel < requires.atLeast)
				return { status: 'unanswered', level: null, issue: 'not-applicable-too-early' };
		}
		return { status: 'not-applicable', level: null };
	}
	const level = countedLevel(statement, answer);
	if (level === null)
		return {
			status: 'unanswered',
			level: null,
			issue: rating === 'declined' && statement.allowDeclined ? 'needs-reason' : undefined
		};
	return { status: 'rated', level };
}

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
	Object.hasOwn(record, key) ? record[key] : undefined;

/** Too few ratings to show a score, for an area or the whole: a number would mislead. */
const tooLittleRated = (c: Counts) =>
	c.rated < R.minRatedCount || c.considered === 0 || c.rated / c.considered < R.minRatedShare;

/** Weighted mean of counted levels, as a whole number 0–100; null with nothing rated. */
function weightedScore(statements: StatementResult[]): number | null {
	let sum = 0;
	let max = 0;
	for (const s of statements) {
		if (s.status !== 'rated' || s.level === null) continue;
		sum += s.weight * s.level;
		max += s.weight * R.maxLevel;
	}
	return max === 0 ? null : Math.round((sum / max) * 100);
}

/** How many of the statements that apply have an answer (a rating, "Don't know" or "Not applicable"). */
export const answeredOf = (c: Counts) => ({
	answered: c.considered - c.unanswered + c.notApplicable,
	total: c.considered + c.notApplicable
});

function countOf(statements: readonly Pick<StatementResult, 'status'>[]): Counts {
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

function confidenceOf(statements: StatementResult[]): Confidence {
	const counts = countOf(statements);
	const rated = statements.filter((s) => s.status === 'rated');
	const unchecked = rated.filter((s) => s.needsLivedExperience && !s.withLivedExperience).length;
	const fromMedian = rated.filter((s) => s.agreement === 'from-median').length;
	const c = R.confidence;
	const weighted =
		counts.rated - unchecked * (1 - c.uncheckedCounts) - fromMedian * (1 - c.fromMedianCounts);
	const share = counts.considered === 0 ? 0 : Math.max(0, weighted) / counts.considered;
	// A result resting on unchecked or undiscussed ratings is never "high" confidence, whatever the share.
	const level =
		share >= c.high && !unchecked && !fromMedian ? 'high' : share >= c.medium ? 'medium' : 'low';
	const parts = [`Based on ${counts.rated} of ${counted(counts.considered, 'statement')}`];
	if (counts.dontKnow) parts.push(`${counts.dontKnow} don't know`);
	if (counts.unanswered) parts.push(`${counts.unanswered} unanswered`);
	if (counts.notApplicable) parts.push(`${counts.notApplicable} not applicable`);
	if (unchecked)
		parts.push(
			`${counted(unchecked, 'rating')} that only people with lived experience can judge ${unchecked === 1 ? 'was' : 'were'} made without them`
		);
	if (fromMedian)
		parts.push(
			`${counted(fromMedian, 'agreed rating')} ${fromMedian === 1 ? 'was' : 'were'} taken from the median without discussion`
		);
	return { ...counts, share, unchecked, fromMedian, level, summary: parts.join('; ') + '.' };
}

/** Whether a statement applies, how its answer counts, and whether it must be in place. */
function stateOf(
	s: BankStatement,
	input: ScoringInput,
	context: ConditionContext,
	bank: QuestionBank
): StatementState {
	return {
		id: s.id,
		critical: s.critical || conditionMet(s.criticalWhen, context),
		...evaluate(
			s,
			own(input.answers, s.id),
			conditionHolds(s.condition, context),
			input.answers,
			bank
		)
	};
}

const openDecisionsOf = (input: ScoringInput, context: ConditionContext, bank: QuestionBank) =>
	bank.decisions
		.filter((d) => conditionHolds(d.condition, context) && !own(input.decisions, d.id))
		.map((d) => d.id);

const sameState = (a: StatementState, b: StatementState) =>
	a.id === b.id &&
	a.critical === b.critical &&
	a.status === b.status &&
	a.level === b.level &&
	a.issue === b.issue;

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What answering needs after every answer, and nothing more: each statement's state and how much
 * is answered. The stage, the blockers and the plan are left to `scoreAssessment`, for the pages
 * that show them; the counts here are the counts it gives.
 *
 * Given the progress before a change, every part the change left as it was is that earlier part
 * itself (the same object), so a page redraws the statement answered and its counts, not every
 * statement on it.
 */
export function answeringProgress(
	input: ScoringInput,
	bank: QuestionBank,
	previous?: AnsweringProgress
): AnsweringProgress {
	const context = conditionContextOf(input);
	const domains = bank.domains.map((domain, d) => {
		const before = previous?.domains[d];
		const fresh = domain.statements.map((s, i) => {
			const state = stateOf(s, input, context, bank);
			const earlier = before?.statements[i];
			return earlier && sameState(state, earlier) ? earlier : state;
		});
		const statements = before && sameItems(fresh, before.statements) ? before.statements : fresh;
		const counts = answeredOf(countOf(statements));
		return before?.statements === statements &&
			before.answered === counts.answered &&
			before.total === counts.total
			? before
			: { statements, ...counts };
	});
	const openDecisions = openDecisionsOf(input, context, bank);
	return {
		domains: previous && sameItems(domains, previous.domains) ? previous.domains : domains,
		...answeredOf(countOf(domains.flatMap((d) => d.statements))),
		openDecisions:
			previous && sameItems(openDecisions, previous.openDecisions)
				? previous.openDecisions
				: openDecisions
	};
}

export function scoreAssessment(input: ScoringInput, bank: QuestionBank): ScoringResult {
	const terms = resolveTerms(input.profile, bank.terminology);
	const context = conditionContextOf(input);

	const domains: DomainResult[] = bank.domains.map((domain) => {
		const statements: StatementResult[] = domain.statements.map((s) => {
			const answer = own(input.answers, s.id);
			const wording = statementWording(s, context, terms);
			return {
				...stateOf(s, input, context, bank),
				domainId: domain.id,
				title: wording.title,
				text: wording.text,
				weight: statementWeight(s),
				rating: answer?.rating,
				note: answer?.note ?? '',
				needsLivedExperience: !!s.rateWithLivedExperience,
				withLivedExperience: !!answer?.withLivedExperience,
				agreement: answer?.agreement
			};
		});
		const confidence = confidenceOf(statements);
		const insufficientEvidence = tooLittleRated(confidence);
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
	const confidence = confidenceOf(all);
	// The same rule as an area's: a few ratings among many "don't know"s or gaps give no overall score
	// (a board paper once showed "62, Established" from 11 of 76 rated, under "Not enough answers yet").
	const overallScore = tooLittleRated(confidence) ? null : weightedScore(all);
	const inPlace = (s: StatementResult) => s.status === 'rated' && (s.level ?? 0) >= R.inPlaceLevel;
	const applicable = (s: StatementResult) =>
		s.status !== 'switched-off' && s.status !== 'not-applicable';

	const blockers: Blocker[] = all
		.filter((s) => s.critical && applicable(s) && !inPlace(s))
		.map((s) => ({
			statementId: s.id,
			domainId: s.domainId,
			title: s.title,
			text: s.text,
			rating: s.rating,
			reason: blockerReason(s, bank, terms),
			why: applyTerms(bank.statementById.get(s.id)!.why, terms),
			actionIds: bank.actions.filter((a) => a.addresses.includes(s.id)).map((a) => a.id)
		}));

	const uncheckedLivedExperience = all
		.filter((s) => s.status === 'rated' && s.needsLivedExperience && !s.withLivedExperience)
		.map((s) => s.id);
	const criticalCount = all.filter((s) => s.critical && applicable(s)).length;
	const stage = decideStage({
		blockers,
		criticalCount,
		overallScore,
		domains,
		confidence,
		unchecked: uncheckedLivedExperience.map((id) => all.find((s) => s.id === id)!.title)
	});

	let plan: PlanItem[] | undefined;
	const openDecisions = openDecisionsOf(input, context, bank);

	return {
		contentVersion: bank.version,
		stage,
		overall: { score: overallScore, band: bandFor(overallScore) },
		confidence,
		domains,
		blockers,
		strengths: {
			statementIds: all.filter(inPlace).map((s) => s.id),
			domainIds: domains
				.filter((d) => d.score !== null && d.score >= R.strengthDomainMin)
				.map((d) => d.id)
		},
		uncheckedLivedExperience,
		// The plan is built when a page first asks for it: answering a statement does not need it.
		get plan() {
			return (plan ??= buildActionPlan({
				domains,
				openDecisions,
				context,
				terms,
				bank,
				uncheckedLivedExperience
			}));
		},
		openDecisions,
		orphanAnswerIds: Object.keys(input.answers)
			.filter((id) => !bank.statementById.has(id))
			.sort()
	};
}

function blockerReason(s: StatementResult, bank: QuestionBank, terms: Terms): string {
	if (s.status === 'dont-know') return 'Nobody could say whether this is in place.';
	if (s.issue === 'rerate')
		return 'Its wording changed since it was rated, so it needs rating again.';
	if (s.issue === 'needs-reason')
		return 'It is marked as considered and decided against, without a reason yet.';
	if (s.issue === 'not-applicable-too-early') {
		const requires = bank.statementById.get(s.id)!.notApplicableRequires!;
		const other = bank.statementById.get(requires.statement)!;
		return `"Not applicable" counts only once "${applyTerms(other.title, terms)}" is in place.`;
	}
	if (s.status === 'unanswered') return 'It is not answered yet, so it cannot count as in place.';
	return `It is rated "${ratingLabel(s.rating, terms, bank.scale).replace(/^\d – /, '')}", and it must be in place before you recruit.`;
}

export function listOf(items: string[]): string {
	return items.length <= 1
		? (items[0] ?? '')
		: `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The stage is the lowest that any rule allows. Every rule that holds the organisation below
 * "ready to recruit" gives its reason, most serious first.
 */
function decideStage(args: {
	blockers: Blocker[];
	criticalCount: number;
	overallScore: number | null;
	domains: DomainResult[];
	confidence: Confidence;
	unchecked: string[];
}): ScoringResult['stage'] {
	const { blockers, criticalCount, overallScore, domains, confidence, unchecked } = args;
	const S = R.stages;
	const caps: { stage: StageId; reason: string }[] = [];
	const answered = confidence.considered - confidence.unanswered;

	if (confidence.considered === 0 || answered / confidence.considered < R.minAnsweredShare)
		caps.push({
			stage: 'not-enough-answers',
			reason: `${answered} of the ${counted(confidence.considered, 'statement')} that apply ${answered === 1 ? 'is' : 'are'} answered; a stage needs at least ${R.minAnsweredShare * 100}% of them.`
		});
	if (blockers.length > 0) {
		const n = blockers.length;
		const manyBlocked = n > criticalCount * S.notReadyBlockerShare;
		const lowOverall = overallScore === null || overallScore < S.notReadyScoreFloor;
		caps.push({
			stage: manyBlocked || lowOverall ? 'not-yet-ready' : 'preparing',
			reason: `${counted(n, 'critical statement is', 'critical statements are')} not in place: ${listOf(blockers.map((b) => b.title.toLowerCase()))}.`
		});
		if (manyBlocked)
			caps.push({
				stage: 'not-yet-ready',
				reason: `That is more than half of the ${criticalCount} critical statements.`
			});
		if (lowOverall)
			caps.push({
				stage: 'not-yet-ready',
				reason:
					overallScore === null
						? 'There are not enough ratings to calculate an overall score.'
						: `The overall score is ${overallScore}, below ${S.notReadyScoreFloor}.`
			});
	}
	const lowDomains = domains.filter((d) => d.score !== null && d.score < S.readyDomainFloor);
	const unscored = domains.filter((d) => d.score === null);
	if (lowDomains.length)
		caps.push({
			stage: 'preparing',
			reason: `${listOf(lowDomains.map((d) => `${d.name} (${d.score})`))} score${lowDomains.length === 1 ? 's' : ''} below ${S.readyDomainFloor}.`
		});
	if (unscored.length)
		caps.push({
			stage: 'preparing',
			reason: `${listOf(unscored.map((d) => d.name))} ${unscored.length === 1 ? 'has' : 'have'} too little rated evidence to score.`
		});
	if (unchecked.length)
		caps.push({
			stage: 'preparing',
			reason: `${counted(unchecked.length, 'statement')} that only people with lived experience can judge ${unchecked.length === 1 ? 'was' : 'were'} rated without them (${listOf(unchecked.map((t) => t.toLowerCase()))}).`
		});
	if (
		overallScore === null ||
		overallScore < S.embeddingOverall ||
		domains.some((d) => d.score === null || d.score < S.embeddingDomainFloor)
	)
		caps.push({ stage: 'ready-to-recruit', reason: '' });

	const id = caps.reduce<StageId>(
		(lowest, cap) => (stageIndex(cap.stage) < stageIndex(lowest) ? cap.stage : lowest),
		'embedding'
	);
	let reasons = caps
		.filter((c) => c.reason && stageIndex(c.stage) < stageIndex('ready-to-recruit'))
		.sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage))
		.map((c) => c.reason);
	// With too few answers, the other reasons are noise: say only what is missing.
	if (id === 'not-enough-answers') reasons = reasons.slice(0, 1);
	if (id === 'ready-to-recruit')
		reasons = [
			'Every critical statement is in place.',
			`Every domain scores ${S.readyDomainFloor} or more (overall ${overallScore}).`
		];
	if (id === 'embedding')
		reasons = [
			'Every critical statement is in place.',
			`The overall score is ${overallScore} and every domain scores ${S.embeddingDomainFloor} or more.`
		];
	const label = stageLabel(id);
	return { id, label, summary: `${label}: ${reasons[0] ?? ''}`, reasons };
}
