import type { ConditionContext } from '$lib/content/conditions';
import type { QuestionBank } from '$lib/content/question-bank';
import { applyTerms, type Terms } from '$lib/content/terms';
import { actionWording } from '$lib/content/wording';
import { SCORING_RULES } from './rules';
import type { DomainResult, PlanItem, StatementResult } from './types';
import { byCodeUnits } from '$lib/model/order';

const P = SCORING_RULES.priority;
const RECOMMENDATION_ORDER = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'];
const IN_PLACE = SCORING_RULES.inPlaceLevel;

interface Need {
	statement: StatementResult;
	priority: number;
	reason: string;
}

const quote = (title: string) => `"${title}"`;

/** What each statement below "in place" asks of the plan, with its priority and the reason in plain words. */
function needsOf(statements: StatementResult[], bank: QuestionBank, terms: Terms): Need[] {
	const needs: Need[] = [];
	for (const s of statements) {
		if (s.status === 'switched-off' || s.status === 'not-applicable') continue;
		// "Not applicable" chosen too early: the statement it depends on carries the need.
		if (s.issue === 'not-applicable-too-early') continue;
		const inPlace = s.status === 'rated' && (s.level ?? 0) >= IN_PLACE;
		if (inPlace) continue;
		const isBlocker = s.critical;
		if (s.status !== 'rated' && !isBlocker) continue; // unanswered and don't know are handled elsewhere
		const level = s.status === 'rated' ? s.level! : 0;
		const imperative = !!bank.statementById.get(s.id)!.imperative;
		const priority =
			(isBlocker ? P.criticalBlocker : 0) +
			(IN_PLACE - level) * P.perLevelBelowInPlace +
			(imperative ? P.imperativeRecommendation : 0);
		const where =
			s.status === 'rated'
				? `is ${applyTerms(bank.scale.levels[level]!, terms).toLowerCase()} so far`
				: s.status === 'dont-know'
					? 'is not known'
					: 'is not answered yet';
		const must = isBlocker
			? ', and it must be in place before you recruit'
			: imperative
				? ', and the evidence states it as a must'
				: '';
		needs.push({ statement: s, priority, reason: `${quote(s.title)} ${where}${must}.` });
	}
	return needs;
}

function whyOf(reasons: string[]): string {
	const first = reasons[0] ?? '';
	const more = reasons.length - 1;
	return more > 0
		? `${first} It also moves ${more} other statement${more === 1 ? '' : 's'} forward.`
		: first;
}

export function buildActionPlan(args: {
	domains: DomainResult[];
	openDecisions: string[];
	context: ConditionContext;
	terms: Terms;
	bank: QuestionBank;
	uncheckedLivedExperience: string[];
}): PlanItem[] {
	const { domains, openDecisions, context, terms, bank, uncheckedLivedExperience } = args;
	const statements = domains.flatMap((d) => d.statements);
	const byId = new Map(statements.map((s) => [s.id, s]));
	const needs = needsOf(statements, bank, terms);
	const needById = new Map(needs.map((n) => [n.statement.id, n]));
	const items: (Omit<PlanItem, 'rank' | 'top'> & { sequence: number })[] = [];
	// Ties in priority follow the order of Barr's recommendations (R1, evaluating stigma, comes first).
	const sequenceOf = (ids: string[]) =>
		Math.min(
			99,
			...ids
				.map((id) =>
					RECOMMENDATION_ORDER.indexOf(bank.statementById.get(id)?.imperative?.recommendation ?? '')
				)
				.filter((i) => i >= 0)
		);
	const add = (item: Omit<PlanItem, 'rank' | 'top' | 'why'>) =>
		items.push({ ...item, why: whyOf(item.reasons), sequence: sequenceOf(item.statementIds) });

	if (uncheckedLivedExperience.length > 0) {
		const titles = uncheckedLivedExperience.map((id) => byId.get(id)!.title.toLowerCase());
		const n = titles.length;
		add({
			key: 'gather-views',
			kind: 'gather-views',
			title: 'Gather the views of people with lived experience',
			text: `${n} statement${n === 1 ? '' : 's'} can only be judged by people with lived experience: ${titles.join('; ')}. ${n === 1 ? 'It was' : 'They were'} rated without them. Run a workshop with ${terms.peers}, ${terms.consumers} and carers, or ask a lived-experience advisory group or an outside peer organisation through a confidential route; then record their view and mark the rating as made with people with lived experience.`,
			timeframe: 'before-recruiting',
			priority: P.gatherViews,
			statementIds: uncheckedLivedExperience,
			reasons: [
				`The result rests on ${n} rating${n === 1 ? '' : 's'} that only people with lived experience can judge, made without them.`
			],
			sources: [
				{ seed: '003' as const, section: 'Conclusion' },
				...uncheckedLivedExperience.flatMap((id) => bank.statementById.get(id)!.sources)
			].slice(0, 6)
		});
	}

	for (const action of bank.actions) {
		const met = action.addresses.map((id) => needById.get(id)).filter((n): n is Need => !!n);
		if (met.length === 0) continue;
		met.sort((a, b) => b.priority - a.priority || byCodeUnits(a.statement.id, b.statement.id));
		add({
			key: action.id,
			kind: 'action',
			...actionWording(action, context, terms),
			timeframe: action.timeframe,
			priority: met[0]!.priority + (met.length - 1) * P.perExtraStatement,
			statementIds: met.map((n) => n.statement.id),
			reasons: met.map((n) => n.reason),
			sources: action.sources
		});
	}

	for (const s of statements) {
		if (s.status !== 'dont-know') continue;
		const imperative = !!bank.statementById.get(s.id)!.imperative;
		add({
			key: `find-out:${s.id}`,
			kind: 'find-out',
			title: `Find out: ${s.title.charAt(0).toLowerCase()}${s.title.slice(1)}`,
			text: `Nobody could say whether this is in place: "${s.text}" Ask the people who would know, then rate it.`,
			timeframe: 'before-recruiting',
			priority:
				P.findOut +
				(s.critical ? P.criticalBlocker : 0) +
				(imperative ? P.imperativeRecommendation : 0),
			statementIds: [s.id],
			reasons: [
				`Nobody could say whether ${quote(s.title)} is in place${s.critical ? ', and it must be in place before you recruit' : ''}.`
			],
			sources: bank.statementById.get(s.id)!.sources
		});
	}

	const rerate = statements.filter((s) => s.issue === 'rerate');
	if (rerate.length > 0) {
		const n = rerate.length;
		add({
			key: 'rerate:open',
			kind: 'rerate',
			title: `Rate again the ${n} statement${n === 1 ? '' : 's'} whose wording changed`,
			text: `The question bank was revised after you rated these: ${rerate.map((s) => s.title.toLowerCase()).join('; ')}. Your earlier answers are shown beside them; rate them again.`,
			timeframe: 'before-recruiting',
			priority: P.rerate + (rerate.some((s) => s.critical) ? P.criticalBlocker : 0),
			statementIds: rerate.map((s) => s.id),
			reasons: [
				`The wording of ${n} statement${n === 1 ? '' : 's'} changed since you rated ${n === 1 ? 'it' : 'them'}.`
			],
			sources: []
		});
	}

	// One item for all open decisions: they are one piece of work (a decision meeting), not many.
	if (openDecisions.length > 0) {
		const n = openDecisions.length;
		const titles = openDecisions.map((id) =>
			applyTerms(bank.decisionById.get(id)!.title, terms).toLowerCase()
		);
		add({
			key: 'decide:open',
			kind: 'decide',
			title: `Make the ${n} open decision${n === 1 ? '' : 's'}`,
			text: `The evidence leaves these choices to you: ${titles.join('; ')}. Make them with prospective ${terms.peers} or people with lived experience and record them on the decisions page, so statements and actions follow your choices.`,
			timeframe: 'before-recruiting',
			priority: P.openDecision + (n - 1) * P.perExtraStatement,
			statementIds: [],
			reasons: [
				`${n} decision${n === 1 ? ' is' : 's are'} not made yet, so parts of the plan cannot follow your choices.`
			],
			sources: openDecisions.flatMap((id) => bank.decisionById.get(id)!.sources).slice(0, 6)
		});
	}

	items.sort(
		(a, b) => b.priority - a.priority || a.sequence - b.sequence || byCodeUnits(a.key, b.key)
	);
	return items.map(({ sequence: _sequence, ...item }, i) => ({
		...item,
		rank: i + 1,
		top: i < SCORING_RULES.topActions
	}));
}
