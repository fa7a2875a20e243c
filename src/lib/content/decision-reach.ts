import { conditionHolds, type ConditionContext } from './conditions';
import type { BankStatement, QuestionBank } from './question-bank';
import type { Decision } from './schema';

/** What a decision changes: the statements it switches on or off, rewords or makes critical, and how many actions it rewords. */
export interface DecisionReach {
	statements: BankStatement[];
	actions: number;
}

const reachByBank = new WeakMap<QuestionBank, Map<string, DecisionReach>>();

/**
 * What a decision changes, read from the conditions in the content. Worked out once per bank, not
 * each time a decisions page is drawn.
 */
export function decisionReach(bank: QuestionBank, decisionId: string): DecisionReach {
	let reach = reachByBank.get(bank);
	if (!reach) {
		reach = new Map();
		reachByBank.set(bank, reach);
	}
	let found = reach.get(decisionId);
	if (!found) {
		const when = `decision.${decisionId}`;
		found = {
			statements: bank.statements.filter((s) =>
				[
					...(s.condition ?? []),
					...(s.criticalWhen ?? []),
					...(s.variants ?? []).flatMap((v) => v.when)
				].some((c) => c.when === when)
			),
			actions: bank.actions.filter((a) =>
				a.variants?.some((v) => v.when.some((c) => c.when === when))
			).length
		};
		reach.set(decisionId, found);
	}
	return found;
}

/** The decisions asked on one decisions page, those whose condition holds. */
export function decisionsOnPage(
	bank: QuestionBank,
	group: number,
	context: ConditionContext
): Decision[] {
	const groupId = bank.decisionGroups[group]?.id;
	return bank.decisions.filter(
		(d) => d.step === 'decisions' && d.group === groupId && conditionHolds(d.condition, context)
	);
}
