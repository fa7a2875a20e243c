import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import { exportJson } from '$lib/format/save-file';
import { LIMITS } from '$lib/model/limits';
import { useMemoryLocalStorage } from '$lib/testing/memory-storage';
import { AssessmentStore } from '$lib/storage/assessments';
import { ChangeChannel } from '$lib/storage/channel';
import { openDatabase, type Db } from '$lib/storage/db';
import { createAssessment } from './create';
import { AssessmentLibrary } from './library.svelte';

let db: Db;
let channel: ChangeChannel;
let library: AssessmentLibrary;

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	const state = await openDatabase('library-test');
	if (state.status !== 'ready') throw new Error(state.status);
	db = state.db;
	channel = new ChangeChannel('library-test');
	library = new AssessmentLibrary(new AssessmentStore({ db }, channel), channel, null);
});

afterEach(() => {
	library.dispose();
	channel.close();
	db.close();
});

const valid = createAssessment(bank.version, new Date('2026-11-22T10:00:00Z'), 'valid-1');
valid.profile.organisationName = 'Harbour';
valid.answers = { 'ROLE-1': { rating: 2, note: 'n' } };
const validJson = JSON.parse(exportJson(valid));

/** Hostile variations of a real save file: wrong types, prototype keys, deep nesting, newer versions. */
const hostile = fc.oneof(
	fc.string({ maxLength: 200 }),
	fc.json({ maxDepth: 6 }),
	fc
		.record({
			path: fc.constantFrom(
				'answers',
				'profile',
				'plan',
				'position',
				'decisions',
				'id',
				'createdAt',
				'schemaVersion'
			),
			value: fc.oneof(
				fc.integer(),
				fc.boolean(),
				fc.constant(null),
				fc.string(),
				fc.array(fc.anything({ maxDepth: 2 }))
			)
		})
		.map(({ path, value }) => JSON.stringify({ ...validJson, [path]: value })),
	fc.constant(
		JSON.stringify({ ...validJson, answers: { __proto__: { rating: 3 } } }).replace(
			'"answers":{}',
			'"answers":{"__proto__":{"rating":3}}'
		)
	),
	fc.constant('['.repeat(5000) + ']'.repeat(5000))
);

describe('the list of saved assessments', () => {
	it('offers a new assessment that only changes left unsaved hold (its tab closed before its first save), and saves it or lets it go', async () => {
		const { storage, restore } = useMemoryLocalStorage();
		try {
			const left = (id: string, made: object[]) =>
				storage.setItem(
					`pwr-left-unsaved:gone:${id}`,
					JSON.stringify({ assessmentId: id, at: '2026-11-30T10:00:00.000Z', made })
				);
			left('new-1', [
				{
					change: { type: 'profile', patch: { organisationName: 'Closed Ward' } },
					found: { 'profile:organisationName': '' },
					madeAt: 1
				},
				{
					change: { type: 'answer', statementId: 'ROLE-1', patch: { rating: 3 } },
					found: { 'answer:ROLE-1:rating': null },
					madeAt: 2
				}
			]);
			left('new-2', [
				{ change: { type: 'title', title: 'Let Go' }, found: { title: '' }, madeAt: 1 }
			]);
			await library.refresh();
			expect(library.unfinished.map((u) => u.title)).toEqual(['Closed Ward', 'Let Go']);
			expect(library.hasData).toBe(true);

			await library.saveUnfinished('new-1');
			const saved = library.items.find((a) => a.id === 'new-1');
			expect(saved?.profile.organisationName).toBe('Closed Ward');
			expect(saved?.answers['ROLE-1']?.rating).toBe(3);
			expect(library.unfinished.map((u) => u.id)).toEqual(['new-2']);

			// Discarded in another tab while this one was getting ready to save it: nothing is saved.
			left('new-3', [
				{ change: { type: 'title', title: 'Raced' }, found: { title: '' }, madeAt: 1 }
			]);
			await library.refresh();
			const saving = library.saveUnfinished('new-3');
			storage.removeItem('pwr-left-unsaved:gone:new-3');
			await saving;
			expect(library.items.map((a) => a.id)).not.toContain('new-3');
			expect(library.message?.text).toBe(
				'Raced was already saved or discarded in another tab or window.'
			);

			await library.discardUnfinished('new-2');
			expect(library.unfinished).toEqual([]);
			expect([...storage.entries.keys()]).toEqual([]);
		} finally {
			restore();
		}
	});

	it('takes in a save file chosen on the device, and refuses one too large to be a save file, changing nothing', async () => {
		const tooLarge = new File(['x'.repeat(LIMITS.fileChars + 1)], 'big.json');
		expect(await library.importFile(tooLarge)).toBeNull();
		expect(library.message?.text).toMatch(/^Import failed: This file is .*Nothing was changed\.$/);
		expect(await db.count('assessments')).toBe(0);

		const file = new File([exportJson(valid)], 'harbour.json', { type: 'application/json' });
		const imported = await library.importFile(file);
		expect(imported?.profile.organisationName).toBe('Harbour');
		expect(library.items.map((a) => a.profile.organisationName)).toEqual(['Harbour']);
	});

	it('refuses hostile files with a message and never changes what is stored', async () => {
		await library.importText(exportJson(valid));
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(hostile, async (text) => {
				const before = await db.getAll('assessments');
				const imported = await library.importText(text);
				if (imported === null) {
					refused++;
					expect(library.message).toMatchObject({
						kind: 'error',
						text: expect.stringMatching(/^Import failed: /)
					});
					expect(await db.getAll('assessments')).toEqual(before);
				}
			}),
			{ numRuns: 150 }
		);
		expect(refused).toBeGreaterThan(100);
	});

	it('imports a file as a new entry, and the same file again as a separate copy, never over it', async () => {
		const first = await library.importText(exportJson(valid));
		expect(first?.id).toBe('valid-1');
		const again = await library.importText(exportJson(valid));
		expect(again?.id).not.toBe('valid-1');
		expect(library.message?.text).toMatch(/added as a separate copy/);
		expect(library.items).toHaveLength(2);
		expect(library.items.every((a) => a.answers['ROLE-1']?.note === 'n')).toBe(true);
	});

	it('leaves out answers to statements the app has never asked, and says so', async () => {
		const junk = createAssessment(bank.version, new Date('2026-11-22T10:00:00Z'), 'junk-1');
		junk.answers = { 'ROLE-1': { rating: 2 }, 'FAKE-1': { rating: 3 }, 'NOPE-2': { rating: 1 } };
		const imported = await library.importText(exportJson(junk));
		expect(Object.keys(imported!.answers)).toEqual(['ROLE-1']);
		expect(library.message?.text).toMatch(/2 answers were to statements this app has never asked/);
		const stored = await db.get('assessments', 'junk-1');
		expect(Object.keys((stored as typeof junk).answers)).toEqual(['ROLE-1']);
	});

	it('keeps a file from a newer release exactly as it is, and says to reload', async () => {
		const newer = createAssessment('2099.01-1', new Date('2026-11-22T10:00:00Z'), 'newer-1');
		newer.answers = { 'ROLE-1': { rating: 2 }, 'NEW-1': { rating: 3 } };
		const imported = await library.importText(exportJson(newer));
		expect(imported!.contentVersion).toBe('2099.01-1');
		expect(Object.keys(imported!.answers)).toEqual(['ROLE-1', 'NEW-1']);
		expect(library.message?.text).toMatch(/newer version of the app/);
	});

	it('deletes with Undo that puts back everything the deletion took', async () => {
		await library.importText(exportJson(valid));
		await library.remove('valid-1');
		expect(library.items).toHaveLength(0);
		expect(library.message?.text).toMatch(/^Deleted Harbour/);
		await library.undoDelete();
		expect(library.items.map((a) => a.id)).toEqual(['valid-1']);
	});

	it('renames, duplicates and clears everything, with a message each time', async () => {
		await library.importText(exportJson(valid));
		await library.rename('valid-1', '  Harbour, second look  ');
		expect(library.items[0]?.title).toBe('Harbour, second look');
		await library.duplicate('valid-1');
		expect(library.items).toHaveLength(2);
		expect(library.message?.text).toMatch(/Made a copy/);
		await library.clearAll();
		expect(library.items).toHaveLength(0);
		expect(library.hasData).toBe(false);
		expect(await db.count('assessments')).toBe(0);
	});
});
