import type { QuestionBank } from '$lib/content/question-bank';
import { applyTerms, type Terms } from '$lib/content/terms';
import type { PlanRow } from '$lib/assessment/plan-rows';
import { nextSteps } from '$lib/assessment/plan-rows';
import { listOf, SCORING_RULES, type ScoringResult, type StageId } from '$lib/scoring';
import type { Tone } from './document';

/** The words that sit beside every result, wherever it is shown. */
/** On screen, beside a link to the rules. */
export const NOT_NORMS =
	'Stages, bands and priorities are guidance to help you plan, not validated norms.';
/** On paper, where there is no link to follow. */
export const GUIDANCE = `${NOT_NORMS} The rules behind them are on the "How scoring works" page of the app.`;

export function stageTone(id: StageId): Tone {
	return id === 'ready-to-recruit' || id === 'embedding'
		? 'ready'
		: id === 'not-enough-answers'
			? 'neutral'
			: 'not-ready';
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Three messages in plain words, for the top of the board paper and the results page. */
export function keyMessages(
	result: ScoringResult,
	opts: { workshopParticipants?: number } = {}
): string[] {
	const messages: string[] = [];
	const { stage, blockers, domains, confidence } = result;
	if (stage.id === 'not-enough-answers')
		messages.push(
			`There are not enough answers for a stage yet: ${stage.reasons[0]?.replace(/\.$/, '')}. Answer more statements, or mark what nobody knows as "Don't know".`
		);
	else if (blockers.length) {
		const names = blockers.map((b) => lower(b.title));
		const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
		messages.push(
			`${blockers.length} critical foundation${blockers.length === 1 ? ' is' : 's are'} not in place, and must be before anyone is recruited: ${listOf(shown)}.`
		);
	} else
		messages.push(
			'Every critical foundation is in place: nothing the evidence treats as essential blocks recruiting.'
		);

	const scored = domains.filter((d) => d.score !== null);
	if (scored.length >= 2) {
		const sorted = [...scored].sort((a, b) => b.score! - a.score!);
		const best = sorted[0]!;
		const worst = sorted.at(-1)!;
		messages.push(
			`Strongest area: ${best.name} (${best.score} out of 100). Furthest to go: ${worst.name} (${worst.score} out of 100).`
		);
	} else messages.push('Too few areas have enough rated evidence to compare them yet.');

	if (result.uncheckedLivedExperience.length) {
		const n = result.uncheckedLivedExperience.length;
		messages.push(
			`${n} rating${n === 1 ? '' : 's'} that only people with lived experience can judge ${n === 1 ? 'was' : 'were'} made without them, so the result cannot say "ready" yet. Gathering their views is the first step.`
		);
	} else if (opts.workshopParticipants !== undefined)
		messages.push(
			`${opts.workshopParticipants} participant${opts.workshopParticipants === 1 ? '' : 's'} took part. Confidence is ${confidence.level}: ${lower(confidence.summary)}`
		);
	else messages.push(`Confidence is ${confidence.level}: ${lower(confidence.summary)}`);
	return messages;
}

/** What the board must decide: the board-level foundations not yet in place, in plain words. */
export function boardDecisions(result: ScoringResult, bank: QuestionBank, terms: Terms): string[] {
	const inPlace = new Set(result.strengths.statementIds);
	const decisions = result.domains
		.flatMap((d) => d.statements)
		.filter(
			(s) => s.status !== 'switched-off' && s.status !== 'not-applicable' && !inPlace.has(s.id)
		)
		.flatMap((s) => {
			const board = bank.statementById.get(s.id)!.board;
			return board ? [applyTerms(board, terms)] : [];
		});
	if (result.openDecisions.length)
		decisions.push(
			`Make the ${result.openDecisions.length} open choice${result.openDecisions.length === 1 ? '' : 's'} the evidence leaves to you (${listOf(result.openDecisions.map((id) => lower(applyTerms(bank.decisionById.get(id)!.title, terms))))}), with people with lived experience.`
		);
	return decisions;
}

/** The work due before recruiting or within three months that is not done: the next 90 days. */
export function ninetyDays(rows: PlanRow[]): PlanRow[] {
	return rows.filter(
		(r) =>
			(r.timeframe === 'before-recruiting' || r.timeframe === 'within-3-months') &&
			r.status !== 'done'
	);
}

export { nextSteps };

/** A score for people: a whole number, or a plain phrase when there is too little evidence. */
export const scoreWords = (score: number | null, band: string | null) =>
	score === null ? 'Too little rated evidence' : `${score} (${band})`;

export const BAND_SCALE = SCORING_RULES.bands.map((b) => ({ label: b.label, min: b.min }));
