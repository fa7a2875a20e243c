import { beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentChange } from '$lib/model/changes';
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

/** What a page left earlier wrote as it went. */
function leftByAnotherPage(page: string, assessmentId: string, at: number, changes: unknown[]) {
	storage.setItem(
		`pwr-left-unsaved:${page}:${assessmentId}`,
		JSON.stringify({ assessmentId, at: new Date(at).toISOString(), changes })
	);
}

describe('changes a page left unsaved as it went', () => {
	it('are given back, oldest page first, to the next page that opens the assessment, and only once', () => {
		leftByAnotherPage('later', 'a1', 2000, [rating('GOV-1', 3)]);
		leftByAnotherPage('earlier', 'a1', 1000, [rating('GOV-1', 1), rating('GOV-2', 2)]);
		leftByAnotherPage('other', 'a2', 1500, [rating('GOV-9', 4)]);
		expect(hasLeftUnsaved('a1')).toBe(true);
		expect(takeLeftUnsaved('a1')).toEqual([
			rating('GOV-1', 1),
			rating('GOV-2', 2),
			rating('GOV-1', 3)
		]);
		expect(hasLeftUnsaved('a1')).toBe(false);
		expect(takeLeftUnsaved('a1')).toEqual([]);
		expect(takeLeftUnsaved('a2')).toEqual([rating('GOV-9', 4)]);
	});

	it('kept by this page are not taken back by it, and are forgotten once its writes commit', () => {
		keepLeftUnsaved('a1', [rating('GOV-1', 2)]);
		expect(keys()).toHaveLength(1);
		expect(takeLeftUnsaved('a1')).toEqual([]);
		forgetLeftUnsaved('a1');
		expect(keys()).toEqual([]);
	});

	it('leave another assessment whose id ends the same way alone, and drop entries that do not read as changes', () => {
		leftByAnotherPage('p1', 'ward:a1', 1000, [rating('GOV-1', 2)]);
		leftByAnotherPage('p2', 'a1', 1000, [{ type: 'answer', statementId: 'GOV-1', patch: 'x' }]);
		storage.setItem('pwr-left-unsaved:p3:a1', '{not json');
		expect(hasLeftUnsaved('a1')).toBe(false);
		expect(takeLeftUnsaved('a1')).toEqual([]);
		expect(keys()).toEqual(['pwr-left-unsaved:p1:ward:a1']);
		expect(takeLeftUnsaved('ward:a1')).toEqual([rating('GOV-1', 2)]);
	});

	it('left before the stored record was last written (by another tab, after the page went) are dropped, never applied over it', () => {
		leftByAnotherPage('went-early', 'a1', 1000, [rating('GOV-1', 1)]);
		leftByAnotherPage('went-late', 'a1', 3000, [rating('GOV-2', 2)]);
		expect(takeLeftUnsaved('a1', 2000)).toEqual([rating('GOV-2', 2)]);
		expect(keys()).toEqual([]);
	});

	it('go with the assessment when it is deleted, this page\u2019s own included', () => {
		leftByAnotherPage('p1', 'a1', 1000, [rating('GOV-1', 2)]);
		keepLeftUnsaved('a1', [rating('GOV-2', 1)]);
		leftByAnotherPage('p2', 'a2', 1000, [rating('GOV-1', 2)]);
		dropLeftUnsaved('a1');
		expect(keys()).toEqual(['pwr-left-unsaved:p2:a2']);
	});

	it('are all removed by "Clear all data", and nothing else is', () => {
		leftByAnotherPage('p1', 'a1', 1000, [rating('GOV-1', 2)]);
		keepLeftUnsaved('a2', [rating('GOV-2', 1)]);
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
