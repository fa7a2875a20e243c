import { isLevel } from '$lib/assessment/types';
import { conditionHolds } from '$lib/content/conditions';
import type { QuestionBank } from '$lib/content/question-bank';
import type { Action } from '$lib/content/schema';
import { applyTerms, type Terms } from '$lib/content/terms';
import { IMPERATIVE_RECOMMENDATIONS, LEVEL_LABELS, SCORING_RULES } from './rules';
import type { DomainResult, PlanItem, StatementResult } from './types';

const P = SCORING_RULES.priority;
const IN_PLACE = SCORING_RULES.inPlaceLevel;

interface Need {
	statement: StatementResult;
	priority: number;
	reason: string;
}

function isImperative(bank: QuestionBank, statementId: string): boolean {
	return (
		bank.statementById
			.get(statementId)
			?.recommendations.some((r) => IMPERATIVE_RECOMMENDATIONS.includes(r)) ?? false
	);
}

/** What each statement below "in place" asks of the plan, with its priority and the reason in words. */
function needsOf(statements: StatementResult[], bank: QuestionBank, terms: Terms): Need[] {
	const needs: Need[] = [];
	for (const s of statements) {
		if (s.status === 'switched-off' || s.status === 'not-applicable') continue;
		const imperative = isImperative(bank, s.id);
		const isBlocker = s.critical && !(isLevel(s.rating) && s.rating >= IN_PLACE);
		if (isLevel(s.rating) && s.rating >= IN_PLACE) continue;
		if (!isLevel(s.rating) && !isBlocker) continue; // unanswered and don't know are handled elsewhere
		const gap = isLevel(s.rating) ? IN_PLACE - s.rating : IN_PLACE;
		const priority =
			(isBlocker ? P.criticalBlocker : 0) +
			gap * P.perLevelBelowInPlace +
			(imperative ? P.imperativeRecommendation : 0);
		const rated = isLevel(s.rating)
			? `rated ${s.rating} (${applyTerms(LEVEL_LABELS[s.rating], terms)})`
			: s.rating === 'dont-know'
				? "rated Don't know"
				: 'not answered';
		const parts = [`${s.id} is ${rated}`];
		if (isBlocker) parts.push('critical: it blocks "ready to recruit"');
		if (imperative) parts.push('the evidence states it as a must (Barr R1–R4)');
		needs.push({ statement: s, priority, reason: parts.join('; ') });
	}
	return needs;
}

export function tailoredText(action: Action, decisions: Readonly<Record<string, string>>): string {
	// Only a decision actually made tailors the text; an open one leaves the general wording.
	const variant = action.variants?.find(
		(v) =>
			v.when.every(
				(clause) =>
					clause.when.startsWith('decision.') && decisions[clause.when.slice(9)] !== undefined
			) && conditionHolds(v.when, { decisions, bpdSpecific: 'no' })
	);
	return variant?.text ?? action.text;
}

export function buildActionPlan(args: {
	domains: DomainResult[];
	openDecisions: string[];
	decisions: Readonly<Record<string, string>>;
	terms: Terms;
	bank: QuestionBank;
}): PlanItem[] {
	const { domains, openDecisions, decisions, terms, bank } = args;
	const statements = domains.flatMap((d) => d.statements);
	const needs = needsOf(statements, bank, terms);
	const needById = new Map(needs.map((n) => [n.statement.id, n]));
	const items: Omit<PlanItem, 'rank' | 'top'>[] = [];

	for (const action of bank.actions) {
		const met = action.addresses.map((id) => needById.get(id)).filter((n): n is Need => !!n);
		if (met.length === 0) continue;
		met.sort((a, b) => b.priority - a.priority || a.statement.id.localeCompare(b.statement.id));
		items.push({
			key: action.id,
			kind: 'action',
			title: applyTerms(action.title, terms),
			text: applyTerms(tailoredText(action, decisions), terms),
			timeframe: action.timeframe,
			priority: met[0]!.priority + (met.length - 1) * P.perExtraStatement,
			statementIds: met.map((n) => n.statement.id),
			reasons: met.map((n) => n.reason),
			sources: action.sources
		});
	}

	for (const s of statements) {
		if (s.status !== 'dont-know') continue;
		const imperative = isImperative(bank, s.id);
		items.push({
			key: `find-out:${s.id}`,
			kind: 'find-out',
			title: `Find out: ${s.id}`,
			text: `Nobody could say whether this is in place: "${s.text}" Ask the people who would know, then rate it.`,
			timeframe: 'before-recruiting',
			priority:
				P.findOut +
				(s.critical ? P.criticalBlocker : 0) +
				(imperative ? P.imperativeRecommendation : 0),
			statementIds: [s.id],
			reasons: [
				`${s.id} was answered "Don't know"${s.critical ? '; it is critical, so it blocks "ready to recruit" until it is known' : ''}`
			],
			sources: bank.statementById.get(s.id)!.sources
		});
	}

	// One item for all open decisions: they are one piece of work (a decision meeting), not twelve.
	if (openDecisions.length > 0) {
		const titles = openDecisions.map((id) => bank.decisionById.get(id)!.title.toLowerCase());
		items.push({
			key: 'decide:open',
			kind: 'decide',
			title: `Make the ${openDecisions.length} open decision${openDecisions.length === 1 ? '' : 's'}`,
			text: `The evidence leaves these choices to you: ${titles.join('; ')}. Decide them with prospective ${terms.peers} and record them on the decisions page, so statements and actions follow your choices.`,
			timeframe: 'before-recruiting',
			priority: P.openDecision + (openDecisions.length - 1) * P.perExtraStatement,
			statementIds: [],
			reasons: [
				`${openDecisions.length} decision${openDecisions.length === 1 ? ' has' : 's have'} not been made yet`
			],
			sources: openDecisions.flatMap((id) => bank.decisionById.get(id)!.sources).slice(0, 6)
		});
	}

	items.sort((a, b) => b.priority - a.priority || a.key.localeCompare(b.key));
	return items.map((item, i) => ({ ...item, rank: i + 1, top: i < SCORING_RULES.topActions }));
}
