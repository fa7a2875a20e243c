import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import { allDecisionsMade, inputWith } from './fixtures';
import { compareResults } from './compare';
import { scoreAssessment } from './score';

describe('comparing an assessment with an earlier one', () => {
	it('shows per-domain change, the statements that moved and the blockers cleared', () => {
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
		expect(c.blockersCleared).toEqual(['GOV-1']);
		expect(c.blockersNew).toEqual([]);
		const gov = c.domains.find((d) => d.id === 'GOV')!;
		expect(gov.change).toBeGreaterThan(0);
		expect(gov.change).toBeCloseTo(gov.now! - gov.earlier!, 5);
	});

	it('reports no movement when nothing changed', () => {
		const r = scoreAssessment(inputWith(2, {}, allDecisionsMade), bank);
		const c = compareResults(r, r);
		expect(c.moved).toEqual([]);
		expect(c.domains.every((d) => d.change === 0)).toBe(true);
		expect(c.stage.changed).toBe(false);
	});
});
