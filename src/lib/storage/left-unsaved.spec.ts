import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAssessment } from '$lib/assessment/create';
import type { Assessment } from '$lib/model/assessment';
import { partsFound, type AssessmentChange } from '$lib/model/changes';
import { dropLeftUnsaved, forgetAllLeftUnsaved } from './left-behind';
import {
	forgetLeftUnsaved,
	hasLeftUnsaved,
	keepLeftUnsaved,
	takeLeftUnsaved
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

const rating = (statementId: string, value: 0 | 1 | 2 | 3 | 4): AssessmentChange => ({
	type: 'answer',
	statementId,
	patch: { rating: value }
});

/** What a page left earlier wrote as it went (`found` as a page of this release keeps it). */
function leftByAnotherPage(
	page: string,
	assessmentId: string,
	at: number,
	changes: unknown[],
	found?: unknown[]
) {
	storage.setItem(
		`pwr-left-unsaved:${page}:${assessmentId}`,
		JSON.stringify({ assessmentId, at: new Date(at).toISOString(), changes, found })
	);
}

/** The record as stored, last written at `writtenAt` (ms), with these ratings. */
function stored(id: string, writtenAt: number, ratings: Record<string, 0 | 1 | 2 | 3 | 4> = {}) {
	const a: Assessment = createAssessment('test', new Date(0), id);
	a.updatedAt = new Date(writtenAt).toISOString();
	for (const [statementId, rating] of Object.entries(ratings)) a.answers[statementId] = { rating };
	return a;
}

describe('changes a page left unsaved as it went', () => {
	it('are given back, oldest page first, to the next page that opens the assessment, and only once', () => {
		leftByAnotherPage('later', 'a1', 2000, [rating('GOV-1', 3)]);
		leftByAnotherPage('earlier', 'a1', 1000, [rating('GOV-1', 1), rating('GOV-2', 2)]);
		leftByAnotherPage('other', 'a2', 1500, [rating('GOV-9', 4)]);
		expect(hasLeftUnsaved('a1')).toBe(true);
		expect(takeLeftUnsaved('a1', stored('a1', 0))).toEqual([
			rating('GOV-1', 1),
			rating('GOV-2', 2),
			rating('GOV-1', 3)
		]);
		expect(hasLeftUnsaved('a1')).toBe(false);
		expect(takeLeftUnsaved('a1', stored('a1', 0))).toEqual([]);
		expect(takeLeftUnsaved('a2', stored('a2', 0))).toEqual([rating('GOV-9', 4)]);
	});

	it('kept by this page are not taken back by it, and are forgotten once its writes commit', () => {
		keepLeftUnsaved('a1', [rating('GOV-1', 2)], [undefined]);
		expect(keys()).toHaveLength(1);
		expect(takeLeftUnsaved('a1', stored('a1', 0))).toEqual([]);
		forgetLeftUnsaved('a1');
		expect(keys()).toEqual([]);
	});

	it('leave another assessment whose id ends the same way alone, and drop entries that do not read as changes', () => {
		leftByAnotherPage('p1', 'ward:a1', 1000, [rating('GOV-1', 2)]);
		leftByAnotherPage('p2', 'a1', 1000, [{ type: 'answer', statementId: 'GOV-1', patch: 'x' }]);
		storage.setItem('pwr-left-unsaved:p3:a1', '{not json');
		expect(hasLeftUnsaved('a1')).toBe(false);
		leftByAnotherPage('p4', 'a1', 1000, [rating('GOV-1', 2), rating('GOV-2', 2)], [null]);
		expect(takeLeftUnsaved('a1', stored('a1', 0))).toEqual([]);
		expect(keys()).toEqual(['pwr-left-unsaved:p1:ward:a1']);
		expect(takeLeftUnsaved('ward:a1', stored('ward:a1', 0))).toEqual([rating('GOV-1', 2)]);
	});

	it('are applied only where the part each writes is still as its page found it: a later answer from another tab stays, answers to other statements are saved', () => {
		const before = stored('a1', 1000, { 'GOV-3': 1 });
		const changes = [
			rating('GOV-1', 1),
			rating('GOV-2', 2),
			rating('GOV-2', 3),
			rating('GOV-3', 2)
		];
		leftByAnotherPage('went', 'a1', 1500, changes, partsFound(before, changes));
		// Written after the page went, by another tab: a later answer to GOV-2 and to GOV-3.
		const now = stored('a1', 2000, { 'GOV-2': 4, 'GOV-3': 0 });
		expect(takeLeftUnsaved('a1', now)).toEqual([rating('GOV-1', 1)]);
		expect(keys()).toEqual([]);
	});

	it('that their page’s own write committed after all are not applied twice, and several changes to one statement apply in turn', () => {
		const before = stored('a1', 1000);
		const changes = [rating('GOV-1', 1), rating('GOV-1', 3), rating('GOV-2', 2)];
		leftByAnotherPage('went', 'a1', 1500, changes, partsFound(before, changes));
		expect(takeLeftUnsaved('a1', stored('a1', 1600, { 'GOV-1': 3, 'GOV-2': 2 }))).toEqual([]);
		leftByAnotherPage('went', 'a1', 1500, changes, partsFound(before, changes));
		expect(takeLeftUnsaved('a1', stored('a1', 1000))).toEqual(changes);
	});

	it('never undo a later write from another tab, and lose none of their own answers to statements it left alone (any answers, any order)', () => {
		const ids = ['GOV-1', 'GOV-2', 'GOV-3', 'GOV-4'];
		const ratingOf = fc.constantFrom<0 | 1 | 2 | 3 | 4>(0, 1, 2, 3, 4);
		const answers = fc.dictionary(fc.constantFrom(...ids), ratingOf);
		let checked = 0;
		fc.assert(
			fc.property(
				answers,
				fc.array(fc.tuple(fc.constantFrom(...ids), ratingOf), { minLength: 1, maxLength: 8 }),
				answers,
				(known, left, later) => {
					const before = stored('a1', 1000, known);
					const changes = left.map(([id, value]) => rating(id, value));
					leftByAnotherPage('went', 'a1', 1500, changes, partsFound(before, changes));
					const now = stored('a1', 2000, { ...known, ...later });
					const result = structuredClone(now);
					for (const change of takeLeftUnsaved('a1', now))
						if (change.type === 'answer') result.answers[change.statementId] = change.patch;
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

	it('kept by a page of an earlier release (no parts recorded) are dropped if the record was written after that page went', () => {
		leftByAnotherPage('went-early', 'a1', 1000, [rating('GOV-1', 1)]);
		leftByAnotherPage('went-late', 'a1', 3000, [rating('GOV-2', 2)]);
		expect(takeLeftUnsaved('a1', stored('a1', 2000))).toEqual([rating('GOV-2', 2)]);
		leftByAnotherPage('went-early', 'a1', 1000, [rating('GOV-1', 1)]);
		expect(takeLeftUnsaved('a1', stored('a1', 2000), { stored: false })).toEqual([
			rating('GOV-1', 1)
		]);
		expect(keys()).toEqual([]);
	});

	it('go with the assessment when it is deleted, this page\u2019s own included', () => {
		leftByAnotherPage('p1', 'a1', 1000, [rating('GOV-1', 2)]);
		keepLeftUnsaved('a1', [rating('GOV-2', 1)], [undefined]);
		leftByAnotherPage('p2', 'a2', 1000, [rating('GOV-1', 2)]);
		dropLeftUnsaved('a1');
		expect(keys()).toEqual(['pwr-left-unsaved:p2:a2']);
	});

	it('are all removed by "Clear all data", and nothing else is', () => {
		leftByAnotherPage('p1', 'a1', 1000, [rating('GOV-1', 2)]);
		keepLeftUnsaved('a2', [rating('GOV-2', 1)], [undefined]);
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
