import type { BankStatement, QuestionBank } from './question-bank';

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
