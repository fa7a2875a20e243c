import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createAssessment } from '$lib/assessment/create';
import { bank } from '$lib/content';
import { AssessmentSchema, type Assessment } from '$lib/model/assessment';
import { applyChange, ChangeRefused, checkChange, type AssessmentChange } from '$lib/model/changes';
import { LIMITS } from '$lib/model/limits';
import { exportJson } from '$lib/format/save-file';
import { readAssessment, readAssessmentText } from './validate';

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

describe('the gate for saved assessments', () => {
	it('round-trips an export losslessly', () => {
		expect(readAssessmentText(exportJson(sample()), { allowRepair: false })).toEqual({
			ok: true,
			assessment: sample(),
			notices: [],
			repaired: []
		});
	});

	it('leaves a record from a newer version alone, saying to reload, never setting it aside', () => {
		const read = readAssessment({ ...sample(), schemaVersion: 99 }, { allowRepair: true });
		expect(read).toMatchObject({ ok: false, reason: 'newer', version: 99 });
		expect(!read.ok && read.message).toMatch(
			/newer version of the app \(format 99\).*Reload the page/
		);
	});

	it('refuses wrong types in an import and names the field', () => {
		const read = readAssessment(
			{ ...sample(), answers: { 'ROLE-1': { rating: 7 } } },
			{ allowRepair: false }
		);
		expect(!read.ok && read.message).toMatch(/answers\.ROLE-1\.rating/);
	});

	it('repairs a damaged stored record field by field, naming each repair, instead of setting it aside', () => {
		const damaged = {
			...sample(),
			title: 'x'.repeat(400),
			answers: { 'ROLE-1': { rating: 7, note: 'kept' }, 'GOV-1': { rating: 'dont-know' } },
			plan: {
				edits: { 'A-GOV-1': { due: '202666-01-03', owner: 'Sam' } },
				custom: [
					{ id: 'c1', title: 'A' },
					{ id: 'c1', title: 'dup' }
				],
				order: ['c1', 5]
			},
			position: { step: 'nowhere' }
		};
		const read = readAssessment(damaged, { allowRepair: true });
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.assessment.answers).toEqual({
			'ROLE-1': { note: 'kept' },
			'GOV-1': { rating: 'dont-know' }
		});
		expect(read.assessment.plan.edits['A-GOV-1']).toEqual({ owner: 'Sam' });
		expect(read.assessment.plan.custom.map((c) => c.id)).toEqual(['c1']);
		expect(read.assessment.title).toHaveLength(LIMITS.shortText);
		expect(read.assessment.position).toEqual({ step: 'profile' });
		expect(read.repaired.join('\n')).toMatch(/answers\.ROLE-1\.rating was not valid/);
		expect(read.repaired.join('\n')).toMatch(/plan\.edits\.A-GOV-1\.due was not valid/);
		expect(v.safeParse(AssessmentSchema, read.assessment).success).toBe(true);
	});

	it('cannot repair a record without a usable id, and says so', () => {
		expect(readAssessment({ ...sample(), id: '' }, { allowRepair: true })).toMatchObject({
			ok: false,
			reason: 'unreadable'
		});
	});

	it('refuses prototype keys, deep nesting, truncated JSON and huge files', () => {
		expect(
			readAssessmentText('{"schemaVersion":3,"__proto__":{"polluted":true}}', { allowRepair: true })
				.ok
		).toBe(false);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		let deep: unknown = {};
		for (let i = 0; i < 50; i++) deep = { a: deep };
		expect(readAssessment({ schemaVersion: 3, x: deep }, { allowRepair: true })).toMatchObject({
			ok: false,
			message: expect.stringMatching(/nested too deeply/)
		});
		expect(
			readAssessmentText(exportJson(sample()).slice(0, 200), { allowRepair: true })
		).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
		expect(
			readAssessmentText(' '.repeat(LIMITS.fileChars + 1), { allowRepair: true })
		).toMatchObject({ ok: false, message: expect.stringMatching(/million characters/) });
	});

	it('reads a file with a byte-order mark', () => {
		expect(readAssessmentText(`\uFEFF${exportJson(sample())}`, { allowRepair: false }).ok).toBe(
			true
		);
	});

	it('migrates the first two formats without losing ratings or notes', () => {
		const v1 = {
			schemaVersion: 1,
			contentVersion: '2026.01-1',
			id: 'old1',
			createdAt: '2026-01-01T00:00:00.000Z',
			updatedAt: '2026-01-02T00:00:00.000Z',
			profile: { ...sample().profile, bpdSpecific: 'yes' },
			decisions: { model: 'complementary' },
			answers: { 'ROLE-1': 3, 'GOV-1': 'dk', 'CULT-2': 'na' },
			notes: { 'ROLE-1': 'agreed in May', 'HR-2': 'no rating, just a note' }
		};
		const read = readAssessment(v1, { allowRepair: false });
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.assessment).toMatchObject({ schemaVersion: 3, revision: 0 });
		expect(read.assessment.answers).toEqual({
			'ROLE-1': { rating: 3, note: 'agreed in May' },
			'GOV-1': { rating: 'dont-know' },
			'CULT-2': { rating: 'not-applicable' },
			'HR-2': { note: 'no rating, just a note' }
		});
		const { revision: _r, schemaVersion: _s, ...v3 } = sample();
		const v2 = { ...v3, schemaVersion: 2 };
		expect(readAssessment(v2, { allowRepair: false })).toMatchObject({
			ok: true,
			assessment: { ...sample(), revision: 0 }
		});
	});

	it('never throws and never accepts junk, whatever it is given', () => {
		const hostile = fc.oneof(
			fc.anything({ maxDepth: 6, withObjectString: true, withNullPrototype: true }),
			fc.record({
				schemaVersion: fc.oneof(fc.integer(), fc.constant(3)),
				answers: fc.dictionary(fc.string(), fc.anything()),
				id: fc.string()
			}),
			fc
				.constantFrom('__proto__', 'constructor', 'prototype')
				.map((k) => JSON.parse(`{"schemaVersion":3,"answers":{"${k}":{"rating":1}}}`))
		);
		fc.assert(
			fc.property(hostile, (input) => {
				const read = readAssessment(input, { allowRepair: false });
				expect(read.ok).toBe(false);
				if (!read.ok) expect(read.message.length).toBeGreaterThan(10);
			}),
			{ numRuns: 2000 }
		);
	});
});

/** Every change the app can make, with values anywhere inside the limits (and some outside). */
const changeArb: fc.Arbitrary<unknown> = fc.oneof(
	fc.record({
		type: fc.constant('answer'),
		statementId: fc.constantFrom(...bank.statements.map((s) => s.id)),
		patch: fc.record(
			{
				rating: fc.constantFrom(0, 1, 2, 3, 4, 'dont-know', 'declined'),
				note: fc.string({ maxLength: LIMITS.noteChars + 10 })
			},
			{ requiredKeys: [] }
		)
	}),
	fc.record({
		type: fc.constant('plan-edit'),
		key: fc.constantFrom('A-GOV-1', 'A-HR-1', 'gather-views'),
		patch: fc.record(
			{
				due: fc.oneof(
					fc.constant(''),
					fc
						.date({ min: new Date('1990-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
						.map((d) => d.toISOString().slice(0, 10)),
					fc.constant('202666-01-03')
				),
				owner: fc.string({ maxLength: 320 }),
				status: fc.constantFrom('not-started', 'done')
			},
			{ requiredKeys: [] }
		)
	}),
	fc.record({
		type: fc.constant('custom-add'),
		action: fc.record({
			id: fc.uuid().map((u) => `custom-${u.slice(0, 8)}`),
			title: fc.string({ maxLength: 310 }),
			text: fc.string({ maxLength: 100 }),
			owner: fc.constant(''),
			due: fc.constant(''),
			status: fc.constant('not-started')
		})
	}),
	fc.record({ type: fc.constant('title'), title: fc.string({ maxLength: 320 }) }),
	fc.record({
		type: fc.constant('profile'),
		patch: fc.record({ organisationName: fc.string({ maxLength: 320 }) })
	})
);

describe('one set of limits, where values are entered and where they are loaded', () => {
	it('never produces a record its own loader refuses: any change it accepts keeps the record valid', () => {
		let accepted = 0;
		let refused = 0;
		fc.assert(
			fc.property(fc.array(changeArb, { maxLength: 40 }), (changes) => {
				const a = sample();
				for (const raw of changes) {
					const checked = checkChange(raw);
					if (!checked.ok) {
						refused++;
						continue;
					}
					try {
						applyChange(a, checked.change);
						accepted++;
					} catch (error) {
						expect(error).toBeInstanceOf(ChangeRefused);
					}
				}
				expect(readAssessmentText(exportJson(a), { allowRepair: false }).ok).toBe(true);
			}),
			{ numRuns: 300 }
		);
		expect(accepted).toBeGreaterThan(1000);
		expect(refused).toBeGreaterThan(50);
	});

	it('refuses the 201st own action and a due date in year 202666 with a message, changing nothing', () => {
		const a = sample();
		for (let i = a.plan.custom.length; i < LIMITS.customActions; i++)
			applyChange(a, {
				type: 'custom-add',
				action: { id: `c-${i}`, title: 't', text: '', owner: '', due: '', status: 'not-started' }
			});
		expect(() =>
			applyChange(a, {
				type: 'custom-add',
				action: { id: 'c-over', title: 't', text: '', owner: '', due: '', status: 'not-started' }
			})
		).toThrow(/at most 200 actions/);
		expect(a.plan.custom).toHaveLength(LIMITS.customActions);
		expect(
			checkChange({ type: 'plan-edit', key: 'A-GOV-1', patch: { due: '202666-01-03' } })
		).toMatchObject({ ok: false, message: expect.stringMatching(/between 2000 and 2099/) });
	});

	it('exports and imports back the largest record the app can produce', () => {
		const a = sample();
		const greek = 'Ψυχική υγεία και ομότιμη υποστήριξη — ';
		const long = (n: number) => greek.repeat(Math.ceil(n / greek.length)).slice(0, n);
		for (const s of bank.statements)
			applyChange(a, {
				type: 'answer',
				statementId: s.id,
				patch: { rating: 2, note: long(LIMITS.noteChars) }
			});
		a.plan.custom = [];
		for (let i = 0; i < LIMITS.customActions; i++)
			applyChange(a, {
				type: 'custom-add',
				action: {
					id: `c-${i}`,
					title: long(LIMITS.shortText),
					text: long(LIMITS.longText),
					owner: long(LIMITS.shortText),
					due: '2027-03-01',
					status: 'in-progress'
				}
			});
		for (const action of bank.actions)
			applyChange(a, {
				type: 'plan-edit',
				key: action.id,
				patch: {
					title: long(LIMITS.shortText),
					text: long(LIMITS.longText),
					owner: long(LIMITS.shortText)
				}
			});
		const text = exportJson(a);
		expect(new TextEncoder().encode(text).length).toBeGreaterThan(2_000_000);
		const read = readAssessmentText(text, { allowRepair: false });
		expect(read.ok && read.assessment).toEqual(a);
	});
});

export type { AssessmentChange };
