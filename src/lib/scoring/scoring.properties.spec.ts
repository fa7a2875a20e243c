import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import type { Answer, Level, Rating } from '$lib/model/assessment';
import {
	answeredOf,
	answeringProgress,
	scoreAssessment,
	stageIndex,
	type ScoringInput
} from './index';

const score = (input: ScoringInput) => scoreAssessment(input, bank);
const ready = (id: string) => id === 'ready-to-recruit' || id === 'embedding';

const anyRating: fc.Arbitrary<Rating | undefined> = fc.oneof(
	fc.constantFrom<Level>(0, 1, 2, 3, 4),
	fc.constantFrom<Rating | undefined>('dont-know', 'not-applicable', 'declined', undefined)
);
/** Mostly in place: inputs that reach "ready" often enough for the properties about it to be tested. */
const mostlyInPlace: fc.Arbitrary<Rating | undefined> = fc.oneof(
	{ weight: 12, arbitrary: fc.constantFrom<Level>(3, 4) },
	{ weight: 1, arbitrary: anyRating }
);

const answerArb = (rating: fc.Arbitrary<Rating | undefined>) =>
	fc.record({
		rating,
		note: fc.constantFrom('', 'A reason recorded.'),
		lived: fc.oneof(
			{ weight: 9, arbitrary: fc.constant(true) },
			{ weight: 1, arbitrary: fc.constant(false) }
		)
	});
const answersArb = (rating: fc.Arbitrary<Rating | undefined>) =>
	fc.array(answerArb(rating), {
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

type Generated = { rating: Rating | undefined; note: string; lived: boolean }[];

function toInput(
	generated: Generated,
	decisions: Record<string, string | undefined>,
	bpdSpecific: 'yes' | 'no' = 'yes'
): ScoringInput {
	const answers: Record<string, Answer> = {};
	bank.statements.forEach((s, i) => {
		const g = generated[i]!;
		if (g.rating === undefined) return;
		answers[s.id] = {
			rating: g.rating,
			...(g.note ? { note: g.note } : {}),
			...(g.lived ? { withLivedExperience: true } : {})
		};
	});
	const made = Object.fromEntries(
		Object.entries(decisions).filter(([, v]) => v !== undefined)
	) as Record<string, string>;
	return {
		profile: { bpdSpecific, consumerTerm: 'consumer', peerTerm: 'peer-worker' },
		decisions: made,
		answers
	};
}

describe('scoring properties', () => {
	it('keeps every score a whole number between 0 and 100, and confidence between 0 and 1', () => {
		fc.assert(
			fc.property(answersArb(anyRating), decisionsArb, (answers, decisions) => {
				const r = score(toInput(answers, decisions));
				for (const s of [r.overall.score, ...r.domains.map((d) => d.score)])
					if (s !== null) expect(Number.isInteger(s) && s >= 0 && s <= 100).toBe(true);
				expect(r.confidence.share >= 0 && r.confidence.share <= 1).toBe(true);
			}),
			{ numRuns: 150 }
		);
	});

	it('never lowers a domain score or the stage when one level is raised', () => {
		let compared = 0;
		fc.assert(
			fc.property(
				answersArb(mostlyInPlace),
				decisionsArb,
				fc.nat(bank.statements.length - 1),
				(answers, decisions, index) => {
					const before = answers[index]!.rating;
					if (typeof before !== 'number' || before >= 4) return;
					const raised = answers.map((a, i) =>
						i === index ? { ...a, rating: (before + 1) as Level } : a
					);
					const a = score(toInput(answers, decisions));
					const b = score(toInput(raised, decisions));
					const domainId = bank.statements[index]!.domainId;
					const da = a.domains.find((d) => d.id === domainId)!.score;
					const db = b.domains.find((d) => d.id === domainId)!.score;
					if (da !== null && db !== null) expect(db).toBeGreaterThanOrEqual(da);
					expect(stageIndex(b.stage.id)).toBeGreaterThanOrEqual(stageIndex(a.stage.id));
					compared++;
				}
			),
			{ numRuns: 300 }
		);
		expect(compared).toBeGreaterThan(100);
	});

	it('never reports "ready" while a critical statement is below "in place" (and reaches "ready" often enough to show it)', () => {
		let readyCount = 0;
		fc.assert(
			fc.property(answersArb(mostlyInPlace), decisionsArb, (answers, decisions) => {
				const r = score(toInput(answers, { ...decisions, posts: decisions.posts ?? 'several' }));
				if (!ready(r.stage.id)) return;
				readyCount++;
				for (const s of r.domains.flatMap((d) => d.statements))
					if (s.critical && s.status !== 'switched-off' && s.status !== 'not-applicable')
						expect(s.status === 'rated' && (s.level ?? 0) >= 3, s.id).toBe(true);
			}),
			{ numRuns: 400 }
		);
		// The property is only worth something if generated inputs actually reach "ready".
		expect(readyCount).toBeGreaterThan(20);
	});

	it('never reports "ready" on a rating only people with lived experience can judge, made without them', () => {
		let readyWithUnchecked = 0;
		let checkedReady = 0;
		fc.assert(
			fc.property(
				answersArb(mostlyInPlace),
				fc.constantFrom(
					...bank.statements
						.filter((s) => s.rateWithLivedExperience)
						.map((s) => bank.statements.indexOf(s))
				),
				(answers, index) => {
					const base = toInput(
						answers.map((a) => ({ ...a, lived: true })),
						{ posts: 'several' }
					);
					if (ready(score(base).stage.id)) checkedReady++;
					const unchecked = answers.map((a, i) =>
						i === index ? { ...a, rating: 4 as Level, lived: false } : { ...a, lived: true }
					);
					const r = score(toInput(unchecked, { posts: 'several' }));
					if (ready(r.stage.id)) readyWithUnchecked++;
					expect(r.plan[0]!.key).toBe('gather-views');
				}
			),
			{ numRuns: 200 }
		);
		expect(readyWithUnchecked).toBe(0);
		expect(checkedReady).toBeGreaterThan(10);
	});

	it('scores a valid "Not applicable" exactly as if the statement were not there', () => {
		const naAllowed = bank.statements
			.map((s, i) => (s.allowNotApplicable && !s.notApplicableRequires ? i : -1))
			.filter((i) => i >= 0);
		let compared = 0;
		let overallCompared = 0;
		fc.assert(
			fc.property(
				answersArb(anyRating),
				decisionsArb,
				fc.constantFrom(...naAllowed),
				(answers, decisions, index) => {
					const withNa = answers.map((a, i) =>
						i === index ? { ...a, rating: 'not-applicable' as const } : a
					);
					const without = answers.map((a, i) => (i === index ? { ...a, rating: undefined } : a));
					const a = score(toInput(withNa, decisions));
					const b = score(toInput(without, decisions));
					// An unanswered statement counts against the share rated, one not applicable does not:
					// where both show a score, it is the same, and "not applicable" never takes one away.
					const scores = (r: typeof a) => [r.overall.score, ...r.domains.map((d) => d.score)];
					const bScores = scores(b);
					scores(a).forEach((x, i) => {
						if (bScores[i] !== null) expect(x).not.toBeNull();
						if (x !== null && bScores[i] !== null) {
							expect(x).toEqual(bScores[i]);
							if (i === 0) overallCompared++;
						}
					});
					expect(a.blockers).toEqual(
						b.blockers.filter((x) => x.statementId !== bank.statements[index]!.id)
					);
					compared++;
				}
			),
			{ numRuns: 150 }
		);
		expect(compared).toBe(150);
		// Most generated assessments rate enough for an overall score: the comparison is made, not skipped.
		expect(overallCompared).toBeGreaterThan(50);
	});

	it('never counts "considered, and decided not to" as in place without a reason', () => {
		const declinable = bank.statements
			.map((s, i) => (s.allowDeclined ? i : -1))
			.filter((i) => i >= 0);
		fc.assert(
			fc.property(answersArb(anyRating), fc.constantFrom(...declinable), (answers, index) => {
				const bare = answers.map((a, i) =>
					i === index ? { ...a, rating: 'declined' as const, note: '' } : a
				);
				const r = score(toInput(bare, {}));
				expect(r.strengths.statementIds).not.toContain(bank.statements[index]!.id);
			}),
			{ numRuns: 100 }
		);
	});

	it('gives the same result whatever order the answers arrive in', () => {
		fc.assert(
			fc.property(answersArb(anyRating), decisionsArb, (answers, decisions) => {
				const input = toInput(answers, decisions);
				const reversed: ScoringInput = {
					...input,
					answers: Object.fromEntries(Object.entries(input.answers).reverse()),
					decisions: Object.fromEntries(Object.entries(input.decisions).reverse())
				};
				expect(score(reversed)).toEqual(score(input));
			}),
			{ numRuns: 60 }
		);
	});

	it('counts progress while answering exactly as the full score counts it, statement by statement', () => {
		fc.assert(
			fc.property(answersArb(anyRating), decisionsArb, (answers, decisions) => {
				const input = toInput(answers, decisions);
				const full = score(input);
				const progress = answeringProgress(input, bank);
				expect(progress.domains.map((d) => ({ answered: d.answered, total: d.total }))).toEqual(
					full.domains.map((d) => answeredOf(d.confidence))
				);
				expect({ answered: progress.answered, total: progress.total }).toEqual(
					answeredOf(full.confidence)
				);
				expect(progress.domains.flatMap((d) => d.statements)).toEqual(
					full.domains.flatMap((d) =>
						d.statements.map(({ id, critical, status, level, issue }) => ({
							id,
							critical,
							status,
							level,
							...(issue === undefined ? {} : { issue })
						}))
					)
				);
				expect(progress.openDecisions).toEqual(full.openDecisions);
			}),
			{ numRuns: 100 }
		);
	});

	it('after a change, gives the same progress as from scratch, and keeps the very objects of every statement and area the change left alone', () => {
		fc.assert(
			fc.property(
				answersArb(anyRating),
				decisionsArb,
				fc.nat(bank.statements.length - 1),
				anyRating,
				(answers, decisions, changed, rating) => {
					const before = toInput(answers, decisions);
					const id = bank.statements[changed]!.id;
					const after: ScoringInput = {
						...before,
						answers: { ...before.answers, [id]: { ...before.answers[id], rating } }
					};
					const earlier = answeringProgress(before, bank);
					const shared = answeringProgress(after, bank, earlier);
					expect(shared).toEqual(answeringProgress(after, bank));
					const states = (p: typeof earlier) => p.domains.flatMap((d) => d.statements);
					const beforeStates = states(earlier);
					states(shared).forEach((state, i) =>
						expect(state === beforeStates[i]).toBe(
							JSON.stringify(state) === JSON.stringify(beforeStates[i])
						)
					);
					shared.domains.forEach((domain, d) => {
						const untouched = !bank.domains[d]!.statements.some((s) => s.id === id);
						// A statement's state can depend on another's answer (a "not applicable" that needs
						// another rated in place), so an untouched area is the same object only if all its
						// states are.
						if (untouched && domain.statements === earlier.domains[d]!.statements)
							expect(domain).toBe(earlier.domains[d]);
					});
				}
			),
			{ numRuns: 100 }
		);
	});
});
