import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Level, Rating } from '$lib/assessment/types';
import { bank } from '$lib/content';
import { allDecisionsMade, inputWith } from './fixtures';
import { SCORING_RULES, STAGES } from './rules';
import { scoreAssessment, statementWeight, type ScoringInput } from './score';

const score = (input: ScoringInput) => scoreAssessment(input, bank);
const critical = bank.statements.filter((s) => s.critical).map((s) => s.id);
const stageIndex = (id: string) => STAGES.findIndex((s) => s.id === id);

describe('domain scores', () => {
	it('are 100 when everything is reviewed with peers and 0 when nothing is in place', () => {
		expect(score(inputWith(4, {}, allDecisionsMade)).domains.every((d) => d.score === 100)).toBe(
			true
		);
		expect(score(inputWith(0, {}, allDecisionsMade)).domains.every((d) => d.score === 0)).toBe(
			true
		);
	});

	it('weights statements tied to Barr R1–R4 twice as much as the rest', () => {
		expect(statementWeight(['R3'])).toBe(SCORING_RULES.weights.imperative);
		expect(statementWeight(['R5', 'R9'])).toBe(SCORING_RULES.weights.other);
		expect(statementWeight([])).toBe(SCORING_RULES.weights.other);
		// LEAD-1 (R3, weight 2) at 4 and every other LEAD statement (weight 1) at 0: 8 / (8 + 5*4) = 28.6
		const lead = score(inputWith(0, { 'LEAD-1': 4, 'LEAD-4': 0 }, allDecisionsMade)).domains.find(
			(d) => d.id === 'LEAD'
		)!;
		// LEAD-4 is R4 too: weights 2,1,1,2,2(R2),1 => max = 9*4 = 36; sum = 8
		expect(lead.score).toBeCloseTo((8 / 36) * 100, 0);
	});

	it('does not turn "Don\'t know" into a number: it is counted and the domain says when evidence is too thin', () => {
		const result = score(inputWith('dont-know', { 'ROLE-1': 4 }, allDecisionsMade));
		const role = result.domains.find((d) => d.id === 'ROLE')!;
		expect(role.score).toBeNull();
		expect(role.insufficientEvidence).toBe(true);
		expect(role.confidence.dontKnow).toBe(role.confidence.considered - 1);
		expect(result.confidence.level).toBe('low');
		expect(result.confidence.summary).toMatch(/^Based on 1 of \d+ statements; \d+ don't know/);
	});

	it('leaves "Not applicable" out of the score, and statements switched off by a decision out entirely', () => {
		const base = score(
			inputWith(2, { 'ROLE-5': 4 }, { ...allDecisionsMade, 'peer-roles': 'both' })
		);
		const withNa = score(
			inputWith(2, { 'ROLE-5': 'not-applicable' }, { ...allDecisionsMade, 'peer-roles': 'both' })
		);
		const switchedOff = score(
			inputWith(2, { 'ROLE-5': 4 }, { ...allDecisionsMade, 'peer-roles': 'consumer' })
		);
		const role = (r: typeof base) => r.domains.find((d) => d.id === 'ROLE')!;
		expect(role(base).score).toBeGreaterThan(role(withNa).score!);
		expect(role(withNa).score).toBe(50);
		expect(role(switchedOff).score).toBe(50);
		expect(role(switchedOff).statements.find((s) => s.id === 'ROLE-5')!.status).toBe(
			'switched-off'
		);
	});
});

describe('critical blockers and the readiness stage', () => {
	it('calls an organisation with nothing in place "not yet ready", with every critical statement as a blocker', () => {
		const result = score(inputWith(0, {}, allDecisionsMade));
		expect(result.stage.id).toBe('not-yet-ready');
		expect(allDecisionsMade.records).toBe('read-and-write'); // so the records protocol GOV-2 applies
		expect(result.blockers.map((b) => b.statementId).sort()).toEqual([...critical].sort());
		expect(result.stage.summary).toMatch(
			/^Not yet ready to recruit: \d+ critical statements are not in place/
		);
	});

	it('refuses "ready to recruit" when only the duty-of-care code is missing, and says why first', () => {
		const result = score(inputWith(4, { 'GOV-1': 1 }, allDecisionsMade));
		expect(result.stage.id).toBe('preparing');
		expect(result.blockers).toHaveLength(1);
		expect(result.blockers[0]!.statementId).toBe('GOV-1');
		expect(result.stage.reasons[0]).toContain('1 critical statement is not in place: GOV-1');
		expect(result.plan[0]!.key).toBe('A-GOV-1');
		expect(result.plan[0]!.top).toBe(true);
	});

	it('treats a critical "Don\'t know" or unanswered statement as a blocker', () => {
		const dk = score(inputWith(4, { 'ROLE-1': 'dont-know' }, allDecisionsMade));
		expect(dk.blockers.map((b) => b.statementId)).toEqual(['ROLE-1']);
		expect(dk.blockers[0]!.reason).toContain('Nobody could say');
		const gap = score(inputWith(4, { 'ROLE-1': undefined }, allDecisionsMade));
		expect(gap.blockers[0]!.reason).toContain('Not answered');
	});

	it('reaches "ready to recruit" and "embedding" only through the stated thresholds', () => {
		expect(score(inputWith(3, {}, allDecisionsMade)).stage.id).toBe('ready-to-recruit');
		expect(score(inputWith(4, {}, allDecisionsMade)).stage.id).toBe('embedding');
		const criticalInPlace = Object.fromEntries(critical.map((id) => [id, 3 as Rating]));
		const lowDomain = score(
			inputWith(
				3,
				{ ...criticalInPlace, 'EVAL-1': 0, 'EVAL-2': 0, 'EVAL-3': 0, 'EVAL-4': 0 },
				allDecisionsMade
			)
		);
		expect(lowDomain.stage.id).toBe('preparing');
		expect(lowDomain.stage.reasons.join(' ')).toMatch(
			/Evaluation and sustainability \(\d+(\.\d)?\) scores below 40/
		);
	});
});

describe('the action plan', () => {
	it('puts blockers first, marks the top three, and says why each action was chosen', () => {
		const result = score(inputWith(2, { 'ROLE-1': 0, 'EVAL-6': 0 }, allDecisionsMade));
		const top = result.plan.filter((p) => p.top);
		expect(top).toHaveLength(3);
		expect(top.every((p) => p.reasons.some((r) => r.includes('critical')))).toBe(true);
		expect(result.plan.map((p) => p.rank)).toEqual(result.plan.map((_, i) => i + 1));
		for (const item of result.plan) expect(item.reasons.length).toBeGreaterThan(0);
		const priorities = result.plan.map((p) => p.priority);
		expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
	});

	it('turns "Don\'t know" into a "find out" action and open decisions into "decide" actions', () => {
		const result = score(inputWith(3, { 'EVAL-3': 'dont-know' }, {}));
		expect(result.plan.some((p) => p.key === 'find-out:EVAL-3')).toBe(true);
		const decide = result.plan.filter((p) => p.kind === 'decide');
		expect(decide).toHaveLength(1);
		expect(decide[0]!.title).toBe(`Make the ${bank.decisions.length} open decisions`);
		for (const d of bank.decisions) expect(decide[0]!.text).toContain(d.title.toLowerCase());
	});

	it('tailors action text to the model chosen', () => {
		const integrated = score(inputWith(0, {}, { ...allDecisionsMade, model: 'integrated' }));
		const complementary = score(inputWith(0, {}, { ...allDecisionsMade, model: 'complementary' }));
		const open = score(inputWith(0, {}, {}));
		const text = (r: typeof open) => r.plan.find((p) => p.key === 'A-TEAM-1')!.text;
		expect(text(integrated)).toContain('integrated model');
		expect(text(complementary)).toContain('complementary model');
		expect(text(open)).not.toMatch(/integrated model|complementary model/);
	});

	it("uses the organisation's own terms", () => {
		const input = inputWith(0, {}, allDecisionsMade);
		input.profile = {
			bpdSpecific: 'no',
			consumerTerm: 'service-user',
			peerTerm: 'peer-support-specialist'
		};
		const result = score(input);
		const text = JSON.stringify(result.plan) + JSON.stringify(result.blockers);
		expect(text).toContain('peer support specialist');
		expect(text).not.toMatch(/\{peers?\}|borderline personality disorder/);
	});
});

describe('results keep answers to statements that no longer exist', () => {
	it('reports them as orphan answers without scoring them', () => {
		const input = inputWith(3, {}, allDecisionsMade);
		input.answers = { ...input.answers, 'OLD-1': { rating: 0 } };
		const result = score(input);
		expect(result.orphanAnswerIds).toEqual(['OLD-1']);
		expect(result.stage.id).toBe('ready-to-recruit');
	});
});

// ---- properties ----

const ratingArb: fc.Arbitrary<Rating | undefined> = fc.oneof(
	fc.constantFrom<Level>(0, 1, 2, 3, 4),
	fc.constantFrom<Rating | undefined>('dont-know', 'not-applicable', undefined)
);
const answersArb = fc.array(ratingArb, {
	minLength: bank.statements.length,
	maxLength: bank.statements.length
});
const decisionsArb = fc.record(
	Object.fromEntries(
		bank.decisions.map((d) => [
			d.id,
			fc.option(fc.constantFrom(...d.options.map((o) => o.id)), { nil: undefined })
		])
	)
);

function toInput(
	ratings: (Rating | undefined)[],
	decisions: Record<string, string | undefined>
): ScoringInput {
	const answers: Record<string, Answer> = {};
	bank.statements.forEach((s, i) => {
		const r = ratings[i];
		if (r !== undefined) answers[s.id] = { rating: r };
	});
	const made = Object.fromEntries(
		Object.entries(decisions).filter(([, v]) => v !== undefined)
	) as Record<string, string>;
	return {
		profile: { bpdSpecific: 'yes', consumerTerm: 'consumer', peerTerm: 'peer-worker' },
		decisions: made,
		answers
	};
}

describe('scoring properties', () => {
	it('keeps every score between 0 and 100', () => {
		fc.assert(
			fc.property(answersArb, decisionsArb, (ratings, decisions) => {
				const r = score(toInput(ratings, decisions));
				for (const s of [r.overall.score, ...r.domains.map((d) => d.score)]) {
					if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
				}
				expect(r.confidence.share >= 0 && r.confidence.share <= 1).toBe(true);
			}),
			{ numRuns: 200 }
		);
	});

	it('never lowers a domain score or the stage when one answer is raised', () => {
		fc.assert(
			fc.property(
				answersArb,
				decisionsArb,
				fc.nat(bank.statements.length - 1),
				(ratings, decisions, index) => {
					const before = ratings[index];
					fc.pre(typeof before === 'number' && before < 4);
					const raised = [...ratings];
					raised[index] = ((before as number) + 1) as Level;
					const a = score(toInput(ratings, decisions));
					const b = score(toInput(raised, decisions));
					const domainId = bank.statements[index]!.domainId;
					const da = a.domains.find((d) => d.id === domainId)!.score;
					const db = b.domains.find((d) => d.id === domainId)!.score;
					if (da !== null && db !== null) expect(db).toBeGreaterThanOrEqual(da);
					expect(stageIndex(b.stage.id)).toBeGreaterThanOrEqual(stageIndex(a.stage.id));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('never reports "ready to recruit" while a critical statement is below "in place"', () => {
		fc.assert(
			fc.property(answersArb, decisionsArb, (ratings, decisions) => {
				const r = score(toInput(ratings, decisions));
				if (r.stage.id === 'ready-to-recruit' || r.stage.id === 'embedding') {
					for (const s of r.domains.flatMap((d) => d.statements)) {
						if (s.critical && s.status !== 'switched-off' && s.status !== 'not-applicable') {
							expect(typeof s.rating === 'number' && s.rating >= 3).toBe(true);
						}
					}
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('scores a "Not applicable" statement exactly as if it were not there', () => {
		const naAllowed = bank.statements
			.map((s, i) => (s.allowNotApplicable ? i : -1))
			.filter((i) => i >= 0);
		fc.assert(
			fc.property(
				answersArb,
				decisionsArb,
				fc.constantFrom(...naAllowed),
				(ratings, decisions, index) => {
					const withNa = [...ratings];
					withNa[index] = 'not-applicable';
					const without = [...ratings];
					without[index] = undefined;
					const a = score(toInput(withNa, decisions));
					const b = score(toInput(without, decisions));
					expect(a.overall.score).toEqual(b.overall.score);
					a.domains.forEach((d, i) => {
						const other = b.domains[i]!.score;
						if (d.score !== null && other !== null) expect(d.score).toEqual(other);
					});
					expect(a.blockers).toEqual(
						b.blockers.filter((x) => x.statementId !== bank.statements[index]!.id)
					);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('gives the same result for the same input, whatever order the answers arrive in', () => {
		fc.assert(
			fc.property(answersArb, decisionsArb, (ratings, decisions) => {
				const input = toInput(ratings, decisions);
				const reversed: ScoringInput = {
					...input,
					answers: Object.fromEntries(Object.entries(input.answers).reverse()),
					decisions: Object.fromEntries(Object.entries(input.decisions).reverse())
				};
				expect(score(reversed)).toEqual(score(input));
				expect(score(input)).toEqual(score(structuredClone(input)));
			}),
			{ numRuns: 100 }
		);
	});
});
