import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAssessment } from '$lib/assessment/create';
import type { Assessment } from '$lib/model/assessment';
import { applyChange, fieldsWritten, type AssessmentChange } from '$lib/model/changes';
import { dropLeftUnsaved, forgetAllLeftUnsaved, putBackLeftUnsaved } from './left-behind';
import {
	forgetLeftUnsaved,
	hasLeftUnsaved,
	keepLeftUnsaved,
	takeLeftUnsaved as takeMade,
	type MadeChange
} from './left-unsaved';
import { keepLeftDraft } from './left-draft';
import { MemoryStorage, useMemoryLocalStorage } from '$lib/testing/memory-storage';

let storage: MemoryStorage;
beforeEach(() => {
	const memory = useMemoryLocalStorage();
	storage = memory.storage;
	return memory.restore;
});
const keys = () => [...storage.entries.keys()];
/** The changes given back, in the order they are to be applied. */
const takeLeftUnsaved = (...args: Parameters<typeof takeMade>) =>
	takeMade(...args).map(({ change }) => change);

type Level = 0 | 1 | 2 | 3 | 4;
const rating = (statementId: string, value: Level): AssessmentChange => ({
	type: 'answer',
	statementId,
	patch: { rating: value }
});
const note = (statementId: string, text: string): AssessmentChange => ({
	type: 'answer',
	statementId,
	patch: { note: text }
});

/** The record as stored, last written at `writtenAt` (ms), with these ratings. */
function stored(id: string, writtenAt: number, ratings: Record<string, Level> = {}) {
	const a: Assessment = createAssessment('test', new Date(0), id);
	a.updatedAt = new Date(writtenAt).toISOString();
	for (const [statementId, level] of Object.entries(ratings))
		a.answers[statementId] = { rating: level };
	return a;
}

/** The changes as a page makes them on `base`, one after another, from `madeAt` on (ms). */
function made(base: Assessment, changes: AssessmentChange[], madeAt = 1000): MadeChange[] {
	const work = structuredClone(base);
	return changes.map((change, i) => {
		const found = structuredClone(fieldsWritten(work, change));
		applyChange(work, change);
		return { change, found, madeAt: madeAt + i };
	});
}

/** What this page kept, as if it had gone since: another page then takes it. */
function asIfItsPageWent() {
	for (const key of keys()) {
		storage.setItem(key.replace(/:[^:]+:a1$/, ':went:a1'), storage.getItem(key)!);
		storage.removeItem(key);
	}
}

/** What a page left earlier wrote as it went. */
function leftByAnotherPage(page: string, assessmentId: string, at: number, entry: object) {
	storage.setItem(
		`pwr-left-unsaved:${page}:${assessmentId}`,
		JSON.stringify({ assessmentId, at: new Date(at).toISOString(), ...entry })
	);
}

describe('changes a page left unsaved as it went', () => {
	it('are given back in the order they were made, to the next page that opens the assessment, and only once', () => {
		const base = stored('a1', 500);
		leftByAnotherPage('later', 'a1', 2500, { made: made(base, [rating('GOV-1', 3)], 2000) });
		leftByAnotherPage('earlier', 'a1', 1500, {
			made: made(base, [rating('GOV-1', 1), rating('GOV-2', 2)], 1000)
		});
		leftByAnotherPage('other', 'a2', 1500, { made: made(stored('a2', 0), [rating('GOV-9', 4)]) });
		expect(hasLeftUnsaved('a1')).toBe(true);
		expect(takeLeftUnsaved('a1', base)).toEqual([
			rating('GOV-1', 1),
			rating('GOV-2', 2),
			rating('GOV-1', 3)
		]);
		expect(hasLeftUnsaved('a1')).toBe(false);
		expect(takeLeftUnsaved('a1', base)).toEqual([]);
		expect(takeLeftUnsaved('a2', stored('a2', 0))).toEqual([rating('GOV-9', 4)]);
	});

	it('kept by this page are not taken back by it, and are forgotten once its writes commit', () => {
		keepLeftUnsaved('a1', made(stored('a1', 0), [rating('GOV-1', 2)]));
		expect(keys()).toHaveLength(1);
		expect(takeLeftUnsaved('a1', stored('a1', 0))).toEqual([]);
		forgetLeftUnsaved('a1');
		expect(keys()).toEqual([]);
	});

	it('leave another assessment whose id ends the same way alone, and drop entries that do not read as changes', () => {
		leftByAnotherPage('p1', 'ward:a1', 1000, { changes: [rating('GOV-1', 2)] });
		leftByAnotherPage('p2', 'a1', 1000, {
			changes: [{ type: 'answer', statementId: 'GOV-1', patch: 'x' }]
		});
		storage.setItem('pwr-left-unsaved:p3:a1', '{not json');
		leftByAnotherPage('p4', 'a1', 1000, { made: [{ change: rating('GOV-1', 2) }] });
		expect(hasLeftUnsaved('a1')).toBe(false);
		expect(takeLeftUnsaved('a1', stored('a1', 0))).toEqual([]);
		expect(keys()).toEqual(['pwr-left-unsaved:p1:ward:a1']);
		expect(takeLeftUnsaved('ward:a1', stored('ward:a1', 0))).toEqual([rating('GOV-1', 2)]);
	});

	it('are applied only where the fields each writes are still as its page had them: a later answer from another tab stays, answers to other statements are saved', () => {
		const before = stored('a1', 1000, { 'GOV-3': 1 });
		const changes = [
			rating('GOV-1', 1),
			rating('GOV-2', 2),
			rating('GOV-2', 3),
			rating('GOV-3', 2)
		];
		leftByAnotherPage('went', 'a1', 1500, { made: made(before, changes) });
		// Written after the page went, by another tab: a later answer to GOV-2 and to GOV-3.
		expect(takeLeftUnsaved('a1', stored('a1', 2000, { 'GOV-2': 4, 'GOV-3': 0 }))).toEqual([
			rating('GOV-1', 1)
		]);
		expect(keys()).toEqual([]);
	});

	it('keep a note when another tab later rates the same statement, since a note and a rating are separate fields', () => {
		const before = stored('a1', 1000);
		leftByAnotherPage('went', 'a1', 1500, {
			made: made(before, [note('GOV-1', 'Said at the meeting')])
		});
		expect(takeLeftUnsaved('a1', stored('a1', 2000, { 'GOV-1': 4 }))).toEqual([
			note('GOV-1', 'Said at the meeting')
		]);
	});

	it('that their page\u2019s own write committed after all are not applied twice, and several changes to one statement apply in turn', () => {
		const before = stored('a1', 1000);
		const changes = [rating('GOV-1', 1), rating('GOV-1', 3), rating('GOV-2', 2)];
		leftByAnotherPage('went', 'a1', 1500, { made: made(before, changes) });
		expect(takeLeftUnsaved('a1', stored('a1', 1600, { 'GOV-1': 3, 'GOV-2': 2 }))).toEqual([]);
		leftByAnotherPage('went', 'a1', 1500, { made: made(before, changes) });
		expect(takeLeftUnsaved('a1', before)).toEqual(changes);
	});

	it('from two pages that both went unsaved give the answer made last, whichever page went first', () => {
		const before = stored('a1', 1000);
		// This page answered first but went last; the other answered later but went first.
		leftByAnotherPage('answered-first', 'a1', 3000, {
			made: made(before, [rating('GOV-1', 2)], 1100)
		});
		leftByAnotherPage('answered-later', 'a1', 2000, {
			made: made(before, [rating('GOV-1', 4)], 1200)
		});
		const taken = takeLeftUnsaved('a1', before);
		expect(taken.at(-1)).toEqual(rating('GOV-1', 4));
	});

	it('given back keep what each found and when it was made, so a replay cut short again is kept in its place', () => {
		const before = stored('a1', 1000);
		const left = made(before, [rating('GOV-1', 2)], 1234);
		leftByAnotherPage('went', 'a1', 1500, { made: left });
		expect(takeMade('a1', before)).toEqual(left);
	});

	it('bring back an action of the person\u2019s own, added and then given an owner, and keep its owner when another tab changes only its status', () => {
		const before = stored('a1', 1000);
		const action = {
			id: 'own-1',
			title: 'Peer supervision',
			text: '',
			owner: '',
			due: '',
			status: 'not-started' as const
		};
		const changes: AssessmentChange[] = [
			{ type: 'custom-add', action },
			{ type: 'custom-edit', id: 'own-1', patch: { owner: 'Sam' } }
		];
		keepLeftUnsaved('a1', made(before, changes));
		asIfItsPageWent();
		expect(takeLeftUnsaved('a1', before)).toEqual(changes);

		leftByAnotherPage('went', 'a1', 1500, { made: made(before, changes) });
		const elsewhere = stored('a1', 2000);
		elsewhere.plan.custom = [{ ...action, status: 'in-progress' }];
		expect(takeLeftUnsaved('a1', elsewhere)).toEqual([changes[1]]);
	});

	it('keep a note typed key by key as its last text, so what is kept grows with the note, not with each key', () => {
		const base = stored('a1', 0);
		const text = 'Agreed at the team meeting in March, with the peer workforce lead. '.repeat(60);
		const typing = [...text].map((_, i) => note('GOV-1', text.slice(0, i + 1)));
		keepLeftUnsaved('a1', made(base, [rating('GOV-2', 3), ...typing]));
		const [key] = keys();
		expect(storage.getItem(key!)!.length).toBeLessThan(text.length * 2);
		asIfItsPageWent();
		expect(takeLeftUnsaved('a1', stored('a1', 500, { 'GOV-3': 1 }))).toEqual([
			rating('GOV-2', 3),
			note('GOV-1', text)
		]);
	});

	it('that cannot be judged (tampered beyond reason) are dropped alone, and the others are applied', () => {
		const base = stored('a1', 1000);
		leftByAnotherPage('fine', 'a1', 1500, { made: made(base, [rating('GOV-2', 3)]) });
		const deep = '['.repeat(20_000) + ']'.repeat(20_000);
		storage.setItem(
			'pwr-left-unsaved:tampered:a1',
			`{"assessmentId":"a1","at":"${new Date(1600).toISOString()}","made":[{"change":${JSON.stringify(rating('GOV-1', 1))},"found":{"answer:GOV-1:rating":${deep}},"madeAt":1}]}`
		);
		expect(takeLeftUnsaved('a1', base)).toEqual([rating('GOV-2', 3)]);
		expect(keys()).toEqual([]);
	});

	it('never undo a later write from another tab, and lose none of their own answers to statements it left alone (any answers, any order)', () => {
		const ids = ['GOV-1', 'GOV-2', 'GOV-3', 'GOV-4'];
		const level = fc.constantFrom<Level>(0, 1, 2, 3, 4);
		const answers = fc.dictionary(fc.constantFrom(...ids), level);
		let checked = 0;
		fc.assert(
			fc.property(
				answers,
				fc.array(fc.tuple(fc.constantFrom(...ids), level), { minLength: 1, maxLength: 8 }),
				answers,
				(known, left, later) => {
					const before = stored('a1', 1000, known);
					const changes = left.map(([id, value]) => rating(id, value));
					leftByAnotherPage('went', 'a1', 1500, { made: made(before, changes) });
					const now = stored('a1', 2000, { ...known, ...later });
					const result = structuredClone(now);
					for (const change of takeLeftUnsaved('a1', now)) applyChange(result, change);
					for (const id of ids) {
						const lastLeft = left.findLast(([statement]) => statement === id)?.[1];
						// A later write that left the value as the page found it cannot be told from no write.
						const expected =
							id in later && later[id] !== known[id] ? later[id] : (lastLeft ?? known[id]);
						expect(result.answers[id]?.rating).toBe(expected);
						checked++;
					}
				}
			)
		);
		expect(checked).toBeGreaterThan(0);
	});

	it('kept by a page of the previous release (changes alone) are dropped if the record was written after that page went', () => {
		leftByAnotherPage('went-early', 'a1', 1000, { changes: [rating('GOV-1', 1)] });
		leftByAnotherPage('went-late', 'a1', 3000, { changes: [rating('GOV-2', 2)] });
		expect(takeLeftUnsaved('a1', stored('a1', 2000))).toEqual([rating('GOV-2', 2)]);
		leftByAnotherPage('went-early', 'a1', 1000, { changes: [rating('GOV-1', 1)] });
		expect(takeLeftUnsaved('a1', stored('a1', 2000), { stored: false })).toEqual([
			rating('GOV-1', 1)
		]);
		expect(keys()).toEqual([]);
	});

	it('go with the assessment when it is deleted, this page\u2019s own included, and come back if the deletion is undone', () => {
		leftByAnotherPage('p1', 'a1', 1000, { changes: [rating('GOV-1', 2)] });
		keepLeftUnsaved('a1', made(stored('a1', 0), [rating('GOV-2', 1)]));
		leftByAnotherPage('p2', 'a2', 1000, { changes: [rating('GOV-1', 2)] });
		const before = new Map(storage.entries);
		const dropped = dropLeftUnsaved('a1');
		expect(keys()).toEqual(['pwr-left-unsaved:p2:a2']);
		putBackLeftUnsaved(dropped);
		expect(new Map(storage.entries)).toEqual(before);
		putBackLeftUnsaved({ 'someone-else': 'not ours' });
		expect(storage.getItem('someone-else')).toBeNull();
	});

	it('are all removed by "Clear all data", and nothing else is', () => {
		leftByAnotherPage('p1', 'a1', 1000, { changes: [rating('GOV-1', 2)] });
		keepLeftUnsaved('a2', made(stored('a2', 0), [rating('GOV-2', 1)]));
		keepLeftDraft({
			workshopId: 'w1',
			mode: 'own-device',
			responseId: 'r1',
			name: '',
			answers: {},
			page: 0,
			showAll: false,
			updatedAt: new Date(0).toISOString()
		});
		storage.setItem('someone-else', 'kept');
		forgetAllLeftUnsaved();
		expect(keys()).toEqual(['someone-else']);
	});
});
