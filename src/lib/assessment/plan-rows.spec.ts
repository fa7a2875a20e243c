import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import { scoreAssessment } from '$lib/scoring';
import { allDecisionsMade, inputWith } from '$lib/testing/scoring-fixtures';
import { moveKey, nextSteps, planRows } from './plan-rows';

const emptyPlan = { edits: {}, custom: [], order: [] };

describe('the next three steps', () => {
	it('each move a different statement forward while other work is waiting', () => {
		const result = scoreAssessment(
			inputWith(
				3,
				{ 'SUPP-3': 'dont-know', 'TRAIN-1': 1, 'HR-1': 2 },
				{ ...allDecisionsMade, posts: 'single' },
				{ withLivedExperience: true }
			),
			bank
		);
		const rows = planRows(result.plan, emptyPlan).rows;
		const bySupp3 = rows.filter(
			(r) => r.statementIds.length === 1 && r.statementIds[0] === 'SUPP-3'
		);
		expect(bySupp3.length).toBeGreaterThan(1);
		const steps = nextSteps(rows);
		expect(steps).toHaveLength(3);
		const covered = steps.flatMap((s) => s.statementIds);
		expect(new Set(covered).size).toBe(covered.length);
	});

	it('skips what is done and follows the order the person chose', () => {
		const result = scoreAssessment(inputWith(1, {}, allDecisionsMade), bank);
		const first = planRows(result.plan, emptyPlan).rows;
		const last = first.filter((r) => r.timeframe === first[0]!.timeframe).at(-1)!;
		const order = moveKey(first, last.key, 'top');
		const rows = planRows(result.plan, {
			edits: { [first[0]!.key]: { status: 'done' } },
			custom: [],
			order
		}).rows;
		const steps = nextSteps(rows);
		expect(steps[0]!.key).toBe(last.key);
		expect(steps.map((s) => s.key)).not.toContain(first[0]!.key);
	});
});
