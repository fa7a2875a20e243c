import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAssessment, duplicateAssessment } from '$lib/assessment/create';
import type { Assessment } from '$lib/assessment/types';
import { bank } from '$lib/content';
import { scoreAssessment } from '$lib/scoring';
import { answersCsv, csvCell, exportJson, fileName } from './export';
import {
	ASSESSMENT_PREFIX,
	AssessmentRepository,
	MemoryStore,
	QUARANTINE_PREFIX
} from './repository';
import { parseAssessment, parseAssessmentText } from './validate';

const known = new Set(bank.statements.map((s) => s.id));
const fixedNow = new Date('2026-11-22T10:00:00.000Z');

function sample(): Assessment {
	const a = createAssessment(bank.version, fixedNow, 'a1');
	a.profile.organisationName = 'Équipe Sud – "Harbour" 🌊';
	a.decisions = { model: 'integrated', records: 'neither' };
	a.answers = {
		'ROLE-1': { rating: 2, note: 'Draft with HR, "not agreed"\nsecond line' },
		'GOV-1': { rating: 'dont-know' },
		'LEAD-1': { note: 'ask the board' }
	};
	a.plan = {
		edits: { 'A-GOV-1': { owner: 'Sam', due: '2027-01-31', status: 'in-progress' } },
		custom: [
			{ id: 'c1', title: 'Own action', text: 'Do it', owner: '', due: '', status: 'not-started' }
		],
		order: ['c1']
	};
	a.position = { step: 'domain', index: 3 };
	return a;
}

describe('saved assessment validation', () => {
	it('round-trips an export losslessly', () => {
		const a = sample();
		const parsed = parseAssessmentText(exportJson(a), known);
		expect(parsed).toEqual({ ok: true, assessment: a, notices: [] });
	});

	it('refuses a file from a newer version with a clear message', () => {
		const parsed = parseAssessment({ ...sample(), schemaVersion: 99 });
		expect(parsed.ok).toBe(false);
		expect(!parsed.ok && parsed.message).toMatch(/newer version of the app \(format 99\)/);
	});

	it('refuses wrong types and names the field', () => {
		const bad = { ...sample(), answers: { 'ROLE-1': { rating: 7 } } };
		const parsed = parseAssessment(bad);
		expect(!parsed.ok && parsed.message).toMatch(/answers\.ROLE-1\.rating/);
	});

	it('refuses a list where a map of answers, decisions or plan edits belongs', () => {
		for (const bad of [
			{ answers: [] },
			{ decisions: [] },
			{ plan: { ...sample().plan, edits: [] } }
		]) {
			const parsed = parseAssessment({ ...sample(), ...bad });
			expect(!parsed.ok && parsed.message).toMatch(/must be an object, not a list/);
		}
	});

	it('refuses prototype keys, deep nesting, truncated JSON and huge files', () => {
		expect(parseAssessmentText('{"schemaVersion":2,"__proto__":{"polluted":true}}').ok).toBe(false);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		let deep: unknown = {};
		for (let i = 0; i < 50; i++) deep = { a: deep };
		expect(parseAssessment({ schemaVersion: 2, x: deep })).toMatchObject({
			ok: false,
			message: expect.stringMatching(/nested too deeply/)
		});
		expect(parseAssessmentText(exportJson(sample()).slice(0, 200))).toMatchObject({
			ok: false,
			message: expect.stringMatching(/not valid JSON/)
		});
		const huge = ' '.repeat(20_000_000);
		expect(parseAssessmentText(huge)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/20\.0 MB/)
		});
	});

	it('keeps answers to statements that no longer exist and reports them', () => {
		const a = sample();
		a.answers['RETIRED-3'] = { rating: 1, note: 'old' };
		const parsed = parseAssessmentText(exportJson(a), known);
		expect(parsed.ok && parsed.assessment.answers['RETIRED-3']).toEqual({ rating: 1, note: 'old' });
		expect(parsed.ok && parsed.notices[0]).toMatch(/1 answer is for statements that are no longer/);
	});

	it('migrates the first save format without losing ratings or notes', () => {
		const v1 = {
			schemaVersion: 1,
			contentVersion: '2026.01-1',
			id: 'old1',
			createdAt: '2026-01-01T00:00:00.000Z',
			updatedAt: '2026-01-02T00:00:00.000Z',
			profile: sample().profile,
			decisions: { model: 'complementary' },
			answers: { 'ROLE-1': 3, 'GOV-1': 'dk', 'CULT-2': 'na' },
			notes: { 'ROLE-1': 'agreed in May', 'HR-2': 'no rating, just a note' }
		};
		const parsed = parseAssessment(v1, known);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.assessment.schemaVersion).toBe(2);
		expect(parsed.assessment.answers).toEqual({
			'ROLE-1': { rating: 3, note: 'agreed in May' },
			'GOV-1': { rating: 'dont-know' },
			'CULT-2': { rating: 'not-applicable' },
			'HR-2': { note: 'no rating, just a note' }
		});
		expect(parsed.notices[0]).toMatch(/older format/);
	});

	it('never throws and never accepts junk, whatever it is given', () => {
		const hostile = fc.oneof(
			fc.anything({ maxDepth: 6, withObjectString: true, withNullPrototype: true }),
			fc.json({ maxDepth: 6 }).map((j) => ({ json: j })),
			fc.record({
				schemaVersion: fc.oneof(fc.integer(), fc.constant(2)),
				answers: fc.dictionary(fc.string(), fc.anything()),
				id: fc.string()
			}),
			fc
				.constantFrom('__proto__', 'constructor', 'prototype')
				.map((k) => JSON.parse(`{"schemaVersion":2,"answers":{"${k}":{"rating":1}}}`))
		);
		fc.assert(
			fc.property(hostile, (input) => {
				const result = parseAssessment(input, known);
				expect(result.ok).toBe(false);
				if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
			}),
			{ numRuns: 3000 }
		);
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), (text) => {
				expect(parseAssessmentText(text).ok).toBe(false);
			}),
			{ numRuns: 2000 }
		);
	});

	it('accepts any valid answers and returns them unchanged', () => {
		const rating = fc.constantFrom(0, 1, 2, 3, 4, 'dont-know', 'not-applicable');
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom(...known),
					fc.record(
						{
							rating: fc.option(rating, { nil: undefined }),
							note: fc.option(fc.string({ maxLength: 200 }), { nil: undefined })
						},
						{ requiredKeys: [] }
					)
				),
				(answers) => {
					const a = { ...sample(), answers: JSON.parse(JSON.stringify(answers)) };
					const parsed = parseAssessmentText(exportJson(a), known);
					expect(parsed.ok && parsed.assessment.answers).toEqual(a.answers);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('the assessment repository', () => {
	it('saves, lists newest first, duplicates and removes', () => {
		const repo = new AssessmentRepository(new MemoryStore(), known);
		const a = sample();
		const b = duplicateAssessment(a, new Date('2026-11-23T00:00:00.000Z'), 'b2');
		repo.save(a);
		repo.save(b);
		expect(repo.list().assessments.map((x) => x.id)).toEqual(['b2', 'a1']);
		expect(b.title).toMatch(/^Copy of /);
		repo.remove('a1');
		expect(repo.list().assessments.map((x) => x.id)).toEqual(['b2']);
	});

	it('sets corrupt storage aside, keeps it downloadable, and still lists the rest', () => {
		const store = new MemoryStore();
		const repo = new AssessmentRepository(store, known, () => fixedNow);
		repo.save(sample());
		store.setItem(`${ASSESSMENT_PREFIX}broken`, '{"schemaVersion":2, "id": tru');
		const listed = repo.list();
		expect(listed.assessments).toHaveLength(1);
		expect(listed.problems[0]).toMatch(/set aside so it is not lost/);
		const quarantined = repo.quarantined();
		expect(quarantined).toHaveLength(1);
		expect(quarantined[0]!.text).toBe('{"schemaVersion":2, "id": tru');
		expect(store.getItem(`${ASSESSMENT_PREFIX}broken`)).toBeNull();
		expect(repo.list().problems).toEqual([]);
	});

	it('clears only its own data', () => {
		const store = new MemoryStore();
		store.setItem('other-app', 'keep me');
		const repo = new AssessmentRepository(store, known);
		repo.save(sample());
		store.setItem(`${QUARANTINE_PREFIX}x`, 'y');
		repo.clearAll();
		expect(store.length).toBe(1);
		expect(store.getItem('other-app')).toBe('keep me');
	});

	it('reports a full store instead of throwing', () => {
		const full = new MemoryStore();
		full.setItem = () => {
			throw new DOMException('quota', 'QuotaExceededError');
		};
		expect(new AssessmentRepository(full).save(sample())).toMatchObject({
			ok: false,
			message: expect.stringMatching(/full or blocked/)
		});
	});
});

describe('exports', () => {
	it('writes one CSV row per statement with domain, level and note, quoting safely', () => {
		const a = sample();
		const csv = answersCsv(a, scoreAssessment(a, bank), bank);
		const lines = csv.trim().split('\r\n');
		expect(lines[0]).toBe('domain,statement_id,statement,critical,status,level,answer,note');
		expect(csv).toContain('"Draft with HR, ""not agreed""\nsecond line"');
		expect(lines.filter((l) => /^[A-Z"]/.test(l)).length).toBeGreaterThanOrEqual(
			bank.statements.length
		);
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
	});

	it('names files after the organisation and date', () => {
		expect(fileName('Équipe Sud – "Harbour" 🌊', 'readiness-plan', 'pdf', fixedNow)).toBe(
			'equipe-sud-harbour-readiness-plan-2026-11-22.pdf'
		);
		expect(fileName('', 'answers', 'csv', fixedNow)).toBe('organisation-answers-2026-11-22.csv');
	});
});
