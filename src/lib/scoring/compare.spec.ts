import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import { allDecisionsMade, inputWith } from '$lib/testing/scoring-fixtures';
import { compareResults } from './compare';
import { scoreAssessment } from './score';

describe('comparing an assessment with an earlier one', () => {
	it('shows per-area change, the statements that moved and the blockers cleared, by name', () => {
		const earlier = scoreAssessment(inputWith(1, { 'GOV-1': 0 }, allDecisionsMade), bank);
		const now = scoreAssessment(
			inputWith(1, { 'GOV-1': 3, 'ROLE-1': 'dont-know', 'EVAL-1': 0 }, allDecisionsMade),
			bank
		);
		const c = compareResults(earlier, now);
		expect(c.moved.map((m) => [m.id, m.direction])).toEqual([
			['ROLE-1', 'changed'],
			['GOV-1', 'up'],
			['EVAL-1', 'down']
		]);
		expect(c.blockersCleared).toEqual(['A duty-of-care and confidentiality code']);
		expect(c.blockersNew).toEqual([]);
		const gov = c.domains.find((d) => d.id === 'GOV')!;
		expect(gov.change).toBeGreaterThan(0);
		expect(gov.change).toBe(gov.now! - gov.earlier!);
	});

	it('does not compare a statement reworded in between: it says so instead', () => {
		const earlier = scoreAssessment(
			inputWith(
				2,
				{ 'HR-1': { earlier: { rating: 1, contentVersion: '2026.11-1' } } },
				allDecisionsMade
			),
			bank
		);
		const now = scoreAssessment(inputWith(2, { 'HR-1': 3 }, allDecisionsMade), bank);
		const c = compareResults(earlier, now);
		expect(c.moved.map((m) => m.id)).not.toContain('HR-1');
		expect(c.reworded).toEqual(['Fair selection criteria']);
	});

	it('reports no movement when nothing changed', () => {
		const r = scoreAssessment(inputWith(2, {}, allDecisionsMade), bank);
		const c = compareResults(r, r);
		expect(c.moved).toEqual([]);
		expect(c.domains.every((d) => d.change === 0)).toBe(true);
		expect(c.stage.changed).toBe(false);
	});
});
