import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import { allDecisionsMade, inputWith, livedExperienceIds } from '$lib/testing/scoring-fixtures';
import { answeredOf, scoreAssessment, type ScoringInput } from './index';
import { SCORING_RULES, STAGES } from './rules';

const score = (input: ScoringInput) => scoreAssessment(input, bank);
const R = SCORING_RULES;
const several = { ...allDecisionsMade, posts: 'several' };

describe('domain scores', () => {
	it('are whole numbers from 0 to 100, with imperative statements counting double', () => {
		const all4 = score(inputWith(4, {}, several, { withLivedExperience: true }));
		for (const d of all4.domains) expect(d.score).toBe(100);
		const mixed = score(inputWith(3, { 'CULT-1': 0 }, several, { withLivedExperience: true }));
		const cult = mixed.domains.find((d) => d.id === 'CULT')!;
		const weights = cult.statements.filter((s) => s.status === 'rated').map((s) => s.weight);
		const expected = Math.round(
			(100 * (weights.reduce((a, w) => a + 3 * w, 0) - 3 * 2)) /
				(4 * weights.reduce((a, w) => a + w, 0))
		);
		expect(cult.score).toBe(expected);
		expect(Number.isInteger(cult.score)).toBe(true);
	});

	it('say "too little rated evidence" rather than show a number resting on one rating', () => {
		const result = score(inputWith(undefined, { 'LEAD-1': 4 }, several));
		expect(result.domains.find((d) => d.id === 'LEAD')!.score).toBeNull();
	});
});

describe('the overall score', () => {
	const firstEleven = Object.fromEntries(
		bank.statements.slice(0, 11).map((s) => [s.id, 3 as const])
	);

	it('is not given from a few ratings, even where the areas rated have scores', () => {
		const result = score(inputWith(undefined, firstEleven, several));
		expect(result.domains.find((d) => d.id === 'LEAD')!.score).toBe(75);
		expect(result.confidence.rated).toBe(11);
		expect(result.overall).toEqual({ score: null, band: null });
	});

	it('is not given when most answers are "Don\'t know", and the stage does not rest on the few ratings', () => {
		const result = score(inputWith('dont-know', firstEleven, several));
		expect(result.overall.score).toBeNull();
		expect(result.stage.id).toBe('not-yet-ready');
		expect(result.stage.reasons).toContain(
			'There are not enough ratings to calculate an overall score.'
		);
	});

	it('keeps an organisation that rates only its critical statements, one of them missing, at "not yet ready"', () => {
		// Rated in place but one, everything else "Don't know": a score from those few ratings alone
		// would be about 70 and the stage "preparing".
		const critical = bank.statements.filter((s) => s.critical);
		const ratings = Object.fromEntries(
			critical.map((s, i) => [s.id, i === 0 ? (0 as const) : (3 as const)])
		);
		const result = score(inputWith('dont-know', ratings, several, { withLivedExperience: true }));
		expect(result.blockers.map((b) => b.statementId)).toEqual([critical[0]!.id]);
		expect(result.confidence.rated / result.confidence.considered).toBeLessThan(R.minRatedShare);
		expect(result.overall.score).toBeNull();
		expect(result.stage.id).toBe('not-yet-ready');
	});

	it(`is given once at least ${R.minRatedShare * 100}% of the statements that apply are rated`, () => {
		const rated = bank.statements.filter((_, i) => i % 2 === 0);
		const half = score(
			inputWith('dont-know', Object.fromEntries(rated.map((s) => [s.id, 3])), several)
		);
		expect(half.confidence.rated / half.confidence.considered).toBeGreaterThanOrEqual(
			R.minRatedShare
		);
		expect(half.overall).toEqual({ score: 75, band: 'Established' });
	});
});

describe('the stage', () => {
	it('is "not enough answers yet" for an empty or nearly empty assessment', () => {
		expect(score(inputWith(undefined)).stage.id).toBe('not-enough-answers');
		const few = score(
			inputWith(undefined, Object.fromEntries(bank.statements.slice(0, 10).map((s) => [s.id, 3])))
		);
		expect(few.stage.id).toBe('not-enough-answers');
		expect(few.stage.reasons).toHaveLength(1);
		expect(few.stage.reasons[0]).toMatch(
			/of the \d+ statements that apply are answered; a stage needs at least 50%/
		);
	});

	it('is "ready to recruit" only when every critical statement is in place and lived-experience views are in', () => {
		expect(score(inputWith(3, {}, several, { withLivedExperience: true })).stage.id).toBe(
			'ready-to-recruit'
		);
		const unchecked = score(inputWith(3, {}, several));
		expect(unchecked.stage.id).toBe('preparing');
		expect(unchecked.stage.reasons.join(' ')).toMatch(
			/only people with lived experience can judge were rated without them/
		);
	});

	it('is blocked by a critical statement below in place, named in plain words, not codes', () => {
		const result = score(inputWith(3, { 'GOV-1': 1 }, several, { withLivedExperience: true }));
		expect(result.stage.id).toBe('preparing');
		expect(result.stage.reasons[0]).toBe(
			'1 critical statement is not in place: a duty-of-care and confidentiality code.'
		);
		expect(result.blockers[0]!.reason).toBe(
			'It is rated "Informal", and it must be in place before you recruit.'
		);
		expect(JSON.stringify(result.stage)).not.toMatch(/[A-Z]+-\d+/);
	});

	it('reaches "embedding" only with every domain at 60 or more and 80 overall', () => {
		expect(score(inputWith(4, {}, several, { withLivedExperience: true })).stage.id).toBe(
			'embedding'
		);
	});

	it('describes every stage with the numbers the rules use', () => {
		expect(STAGES.find((s) => s.id === 'ready-to-recruit')!.rule).toContain(
			String(R.stages.readyDomainFloor)
		);
		expect(STAGES.find((s) => s.id === 'not-enough-answers')!.rule).toContain(
			`${R.minAnsweredShare * 100}%`
		);
	});
});

describe('answers that are not levels', () => {
	it('counts "considered, and decided not to" as in place only with a reason', () => {
		const withReason = score(
			inputWith(
				3,
				{
					'ACCESS-2': { rating: 'declined', note: 'One post is all the budget allows this year.' }
				},
				several,
				{ withLivedExperience: true }
			)
		);
		const access2 = withReason.domains
			.flatMap((d) => d.statements)
			.find((s) => s.id === 'ACCESS-2')!;
		expect(access2).toMatchObject({ status: 'rated', level: R.declinedCountsAs });
		expect(withReason.strengths.statementIds).toContain('ACCESS-2');
		const bare = score(
			inputWith(3, { 'ACCESS-2': 'declined' }, several, { withLivedExperience: true })
		);
		expect(
			bare.domains.flatMap((d) => d.statements).find((s) => s.id === 'ACCESS-2')
		).toMatchObject({ status: 'unanswered', issue: 'needs-reason' });
	});

	it('lets "not applicable" switch off the stigma follow-up only after stigma was assessed', () => {
		const early = score(
			inputWith(3, { 'CULT-1': 1, 'CULT-2': 'not-applicable' }, several, {
				withLivedExperience: true
			})
		);
		const blocker = early.blockers.find((b) => b.statementId === 'CULT-2');
		expect(blocker?.reason).toBe(
			'"Not applicable" counts only once "A workplace stigma assessment" is in place.'
		);
		expect(early.plan[0]!.key).toBe('A-CULT-1');
		const assessed = score(
			inputWith(3, { 'CULT-2': 'not-applicable' }, several, { withLivedExperience: true })
		);
		expect(assessed.blockers.map((b) => b.statementId)).not.toContain('CULT-2');
	});

	it('keeps an answer given to an earlier wording apart, and asks for it again', () => {
		const result = score(
			inputWith(3, { 'HR-1': { earlier: { rating: 3, contentVersion: '2026.11-1' } } }, several, {
				withLivedExperience: true
			})
		);
		expect(result.blockers.find((b) => b.statementId === 'HR-1')?.reason).toMatch(
			/wording changed/
		);
		expect(result.plan.some((p) => p.key === 'rerate:open')).toBe(true);
	});

	it('makes peer-based support critical with a single post only', () => {
		const single = score(
			inputWith(3, { 'SUPP-3': 1 }, { ...several, posts: 'single' }, { withLivedExperience: true })
		);
		expect(single.blockers.map((b) => b.statementId)).toContain('SUPP-3');
		const many = score(inputWith(3, { 'SUPP-3': 1 }, several, { withLivedExperience: true }));
		expect(many.blockers.map((b) => b.statementId)).not.toContain('SUPP-3');
	});
});

describe('lived-experience views', () => {
	it('lower the confidence figure, say so in words, and put gathering them first in the plan', () => {
		const checked = score(inputWith(3, {}, several, { withLivedExperience: true }));
		const alone = score(inputWith(3, {}, several));
		expect(alone.confidence.share).toBeLessThan(checked.confidence.share);
		expect(alone.confidence.unchecked).toBe(livedExperienceIds.length);
		expect(alone.confidence.summary).toMatch(
			/that only people with lived experience can judge were made without them/
		);
		expect(alone.plan[0]).toMatchObject({ key: 'gather-views', top: true });
		expect(alone.plan[0]!.text).toMatch(/workshop/);
		expect(checked.plan.some((p) => p.key === 'gather-views')).toBe(false);
	});
});

describe('the action plan', () => {
	it('ranks critical blockers first and says why in a plain sentence', () => {
		const result = score(
			inputWith(3, { 'GOV-1': 0, 'LEAD-2': 1 }, several, { withLivedExperience: true })
		);
		expect(result.plan[0]!.key).toBe('A-GOV-1');
		expect(result.plan[0]!.why).toBe(
			'"A duty-of-care and confidentiality code" is not in place so far, and it must be in place before you recruit.'
		);
		expect(result.plan.map((p) => p.why).join(' ')).not.toMatch(/[A-Z]{2,}-\d+/);
	});

	it('never asks for a decision that is already recorded, and titles actions after the decision', () => {
		const decided = score(inputWith(1, {}, several));
		const words = decided.plan.map((p) => `${p.title} ${p.text}`).join('\n');
		expect(words).not.toMatch(/\bdecide\b|choose between/i);
		expect(decided.plan.find((p) => p.key === 'A-ROLE-2')!.title).toBe(
			'Confirm the integrated model with prospective peer workers'
		);
		const open = score(inputWith(1, {}, {}));
		expect(open.plan.find((p) => p.key === 'A-ROLE-2')!.title).toBe(
			'Choose the peer-support model with prospective peer workers'
		);
		expect(open.plan.some((p) => p.key === 'decide:open')).toBe(true);
	});

	it('turns "Don\'t know" into a "find out" action, and counts it, never as a zero', () => {
		const result = score(
			inputWith(3, { 'EVAL-3': 'dont-know' }, several, { withLivedExperience: true })
		);
		expect(result.plan.some((p) => p.key === 'find-out:EVAL-3')).toBe(true);
		expect(result.confidence.dontKnow).toBe(1);
		const asZero = score(inputWith(3, { 'EVAL-3': 0 }, several, { withLivedExperience: true }));
		expect(result.domains.find((d) => d.id === 'EVAL')!.score).toBeGreaterThan(
			asZero.domains.find((d) => d.id === 'EVAL')!.score!
		);
	});
});

describe('progress counts', () => {
	it('count answers, "Don\'t know" and "Not applicable" as answered', () => {
		const result = score(
			inputWith(undefined, { 'LEAD-1': 3, 'LEAD-2': 'dont-know', 'CULT-2': 'not-applicable' })
		);
		expect(answeredOf(result.domains[0]!.confidence)).toEqual({ answered: 2, total: 7 });
	});
});

describe('results keep answers to statements that no longer exist', () => {
	it('reports them as orphan answers without scoring them', () => {
		const input = inputWith(3, {}, several, { withLivedExperience: true });
		input.answers = { ...input.answers, 'TEAM-5': { rating: 0 } };
		const result = score(input);
		expect(result.orphanAnswerIds).toEqual(['TEAM-5']);
		expect(result.stage.id).toBe('ready-to-recruit');
	});
});
