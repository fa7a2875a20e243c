import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import { decisionReach } from './decision-reach';

describe('what a decision changes', () => {
	it('names every statement whose condition, criticality or wording names the decision, and no other', () => {
		let checked = 0;
		for (const decision of bank.decisions) {
			const named = new Set(decisionReach(bank, decision.id).statements.map((s) => s.id));
			for (const s of bank.statements) {
				const clauses = [
					...(s.condition ?? []),
					...(s.criticalWhen ?? []),
					...(s.variants ?? []).flatMap((v) => v.when)
				];
				expect(named.has(s.id)).toBe(clauses.some((c) => c.when === `decision.${decision.id}`));
				checked++;
			}
		}
		expect(checked).toBe(bank.decisions.length * bank.statements.length);
		expect(bank.decisions.some((d) => decisionReach(bank, d.id).statements.length > 0)).toBe(true);
		expect(bank.decisions.some((d) => decisionReach(bank, d.id).actions > 0)).toBe(true);
	});

	it('works a decision out once per bank', () => {
		const id = bank.decisions[0]!.id;
		expect(decisionReach(bank, id)).toBe(decisionReach(bank, id));
	});
});
