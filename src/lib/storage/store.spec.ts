import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAssessment } from '$lib/assessment/create';
import { AssessmentSession } from '$lib/assessment/session.svelte';
import { bank } from '$lib/content';
import type { Assessment, Rating } from '$lib/model/assessment';
import { AssessmentStore } from './assessments';
import { ChangeChannel } from './channel';
import { openDatabase, type Db } from './db';
import { onDatabaseClosed } from './db-closed';
import { moveFromLocalStorage } from './legacy';
import { MemoryStorage } from '$lib/testing/memory-storage';

let dbName = '';
let opened: { db: Db; channel: ChangeChannel }[] = [];

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	dbName = `pwr-test-${Math.random()}`;
});

afterEach(() => {
	for (const tab of opened) {
		tab.db.close();
		tab.channel.close();
	}
	opened = [];
});

/** One browser tab: its own connection to the shared database and its own channel. */
async function tab() {
	const state = await openDatabase(dbName);
	if (state.status !== 'ready') throw new Error(state.status);
	const channel = new ChangeChannel(dbName);
	opened.push({ db: state.db, channel });
	return { db: state.db, channel, store: new AssessmentStore({ db: state.db }, channel) };
}

/** Lets BroadcastChannel messages between tabs arrive. */
const messagesArrive = () => new Promise((resolve) => setTimeout(resolve, 5));

function saved(id = 'a1'): Assessment {
	const a = createAssessment(bank.version, new Date('2026-11-01T09:00:00Z'), id);
	a.profile.organisationName = 'Harbour';
	return a;
}

const statementIds = bank.domains.flatMap((d) => d.statements.map((s) => s.id));

describe('two tabs on one assessment', () => {
	it('keeps every edit from both tabs, whatever order their saves interleave in', async () => {
		let runs = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({
						tab: fc.constantFrom(0, 1),
						slot: fc.nat({ max: 9 }),
						rating: fc.constantFrom<Rating>(0, 1, 2, 3, 4, 'dont-know'),
						waitForSave: fc.boolean()
					}),
					{ minLength: 1, maxLength: 25 }
				),
				async (edits) => {
					globalThis.indexedDB = new IDBFactory();
					dbName = `pwr-prop-${runs}`;
					const [one, two] = [await tab(), await tab()];
					await one.store.create(saved());
					const sessions = await Promise.all(
						[one, two].map(async (t) => {
							const loaded = await t.store.load('a1');
							if (!loaded.ok) throw new Error(loaded.message);
							return new AssessmentSession(loaded.assessment, t.store, {
								stored: true,
								channel: t.channel
							});
						})
					);
					// Each tab edits its own statements: tab 0 the even ones, tab 1 the odd ones.
					const expected = new Map<string, Rating>();
					for (const edit of edits) {
						const id = statementIds[edit.slot * 2 + edit.tab]!;
						const session = sessions[edit.tab]!;
						session.setRating(id, edit.rating);
						expected.set(id, edit.rating);
						if (edit.waitForSave) await session.settled();
					}
					await Promise.all(sessions.map((s) => s.settled()));
					await messagesArrive();
					await Promise.all(sessions.map((s) => s.settled()));
					const stored = await one.store.load('a1');
					expect(stored.ok).toBe(true);
					if (!stored.ok) return;
					for (const [id, rating] of expected)
						expect(stored.assessment.answers[id]?.rating).toBe(rating);
					// Both tabs end up showing what is stored.
					for (const session of sessions) {
						for (const [id, rating] of expected)
							expect(session.assessment.answers[id]?.rating).toBe(rating);
						expect(session.save.state).toBe('saved');
						session.dispose();
					}
					runs++;
					for (const t of opened) {
						t.db.close();
						t.channel.close();
					}
					opened = [];
				}
			),
			{ numRuns: 40 }
		);
		expect(runs).toBe(40);
	});

	it('lets a deletion in one tab win: the other tab says so, keeps its work on screen and writes nothing back', async () => {
		const [one, two] = [await tab(), await tab()];
		await one.store.create(saved());
		const loaded = await two.store.load('a1');
		if (!loaded.ok) throw new Error(loaded.message);
		const other = new AssessmentSession(loaded.assessment, two.store, {
			stored: true,
			channel: two.channel
		});
		expect((await one.store.remove('a1')).ok).toBe(true);
		await messagesArrive();
		other.setRating('GOV-1', 3);
		await other.settled();
		expect(other.save.state).toBe('deleted');
		expect(other.assessment.answers['GOV-1']?.rating).toBe(3);
		expect(await one.db.get('assessments', 'a1')).toBeUndefined();
		other.dispose();
	});

	it('lets a deletion win even when the other tab had not heard of it yet', async () => {
		const [one, two] = [await tab(), await tab()];
		await one.store.create(saved());
		const loaded = await two.store.load('a1');
		if (!loaded.ok) throw new Error(loaded.message);
		const other = new AssessmentSession(loaded.assessment, two.store, {
			stored: true
		});
		await one.store.remove('a1');
		other.setRating('GOV-1', 3);
		await other.settled();
		expect(other.save).toMatchObject({
			state: 'deleted',
			message: expect.stringMatching(/deleted in another tab/)
		});
		expect(await one.db.get('assessments', 'a1')).toBeUndefined();
	});

	it('puts a deleted assessment back on "Undo", with the workshop and responses it took with it', async () => {
		const { store, db } = await tab();
		const a = saved();
		a.workshopId = 'w1';
		await store.create(a);
		await db.put('workshops', { id: 'w1' }, 'w1');
		await db.put('responses', { workshopId: 'w1', responseId: 'r1' }, ['w1', 'r1']);
		const removed = await store.remove('a1');
		expect(removed.ok).toBe(true);
		expect(await db.count('responses')).toBe(0);
		expect(await db.get('workshops', 'w1')).toBeUndefined();
		if (!removed.ok) return;
		expect((await store.restore(removed.removed)).ok).toBe(true);
		expect(await db.count('responses')).toBe(1);
		expect(await db.get('workshops', 'w1')).toEqual({ id: 'w1' });
		expect((await store.load('a1')).ok).toBe(true);
	});

	it('clears every store on "clear all", and an open tab stops writing', async () => {
		const [one, two] = [await tab(), await tab()];
		await one.store.create(saved());
		const loaded = await two.store.load('a1');
		if (!loaded.ok) throw new Error(loaded.message);
		const other = new AssessmentSession(loaded.assessment, two.store, {
			stored: true,
			channel: two.channel
		});
		await one.db.put('drafts', { any: 1 }, 'd1');
		expect((await one.store.clearAll()).ok).toBe(true);
		await messagesArrive();
		expect(other.save.state).toBe('deleted');
		other.setRating('GOV-1', 2);
		await other.settled();
		for (const name of [
			'assessments',
			'workshops',
			'responses',
			'drafts',
			'setAside',
			'meta'
		] as const)
			expect(await one.db.count(name)).toBe(0);
	});
});

describe('records that are damaged or from elsewhere', () => {
	it('repairs a damaged field, saves the repair and keeps the original for download', async () => {
		const { store, db } = await tab();
		const a = saved();
		a.answers['GOV-1'] = { rating: 3, note: 'kept' };
		await db.put('assessments', { ...a, answers: { ...a.answers, 'ROLE-1': { rating: 9 } } }, 'a1');
		const loaded = await store.load('a1');
		expect(loaded.ok).toBe(true);
		if (!loaded.ok) return;
		expect(loaded.assessment.answers['GOV-1']).toEqual({ rating: 3, note: 'kept' });
		expect(loaded.assessment.answers['ROLE-1']?.rating).toBeUndefined();
		expect(loaded.notices.join(' ')).toMatch(/damaged parts, which were repaired/);
		const kept = await store.setAside();
		expect(kept).toHaveLength(1);
		expect(JSON.parse(kept[0]!.text).answers['ROLE-1'].rating).toBe(9);
	});

	it('sets aside, whole, a record with no usable identity, and lists the others', async () => {
		const { store, db } = await tab();
		await store.create(saved('good'));
		await db.put('assessments', { schemaVersion: 3, title: 'Broken', id: 42 }, 'bad');
		const listing = await store.list();
		expect(listing.assessments.map((a) => a.id)).toEqual(['good']);
		expect(listing.problems[0]).toMatch(/set aside so it is not lost/);
		const kept = await store.setAside();
		expect(kept.map((k) => k.title)).toEqual(['Broken']);
		expect(await db.get('assessments', 'bad')).toBeUndefined();
	});

	it('leaves a record saved by a newer version exactly as it is and lists it as newer', async () => {
		const { store, db } = await tab();
		const newer = { ...saved('n1'), schemaVersion: 9, extra: 'from the future' };
		await db.put('assessments', newer, 'n1');
		const listing = await store.list();
		expect(listing.newer).toEqual([{ id: 'n1', message: expect.stringMatching(/newer version/) }]);
		expect(await db.get('assessments', 'n1')).toEqual(newer);
		expect(await store.setAside()).toHaveLength(0);
		expect((await store.apply('n1', [{ type: 'title', title: 'x' }])).ok).toBe(false);
		expect(await db.get('assessments', 'n1')).toEqual(newer);
	});

	it('reads a record damaged after it was last checked through the gate again before writing onto it', async () => {
		const { store, db } = await tab();
		await store.create(saved());
		expect((await store.apply('a1', [{ type: 'title', title: 'First' }])).ok).toBe(true);
		// Damaged outside the app, its revision left as it was: the next write must not build on it.
		const stored = (await db.get('assessments', 'a1')) as Assessment;
		const damaged = { ...stored, answers: { 'ROLE-1': { rating: 9 } } };
		await db.put('assessments', damaged, 'a1');
		const written = await store.apply('a1', [{ type: 'title', title: 'Second' }]);
		expect(written.ok).toBe(true);
		const now = (await db.get('assessments', 'a1')) as Assessment;
		expect(now.title).toBe('Second');
		expect(now.answers['ROLE-1']?.rating).toBeUndefined();
		expect(now.revision).toBe(stored.revision + 1);
	});

	it('refuses to open a database made by a newer release, saying to reload', async () => {
		const newer = await new Promise<IDBDatabase>((resolve) => {
			const request = indexedDB.open(dbName, 99);
			request.onsuccess = () => resolve(request.result);
		});
		newer.close();
		expect(await openDatabase(dbName)).toMatchObject({
			status: 'newer',
			message: expect.stringMatching(/Reload the page/)
		});
	});
});

describe('the database closed under an open page', () => {
	it('steps aside for a newer release saying so, but takes a deletion as the site\u2019s data cleared', async () => {
		const events: string[] = [];
		const stop = onDatabaseClosed(() => events.push('newer version'));
		const first = await openDatabase('closing-1', () => events.push('cleared'));
		if (first.status !== 'ready') throw new Error(first.status);
		await new Promise<void>((resolve) => {
			const request = indexedDB.open('closing-1', 2);
			request.onsuccess = () => (request.result.close(), resolve());
		});
		expect(events).toEqual(['newer version']);

		events.length = 0;
		const second = await openDatabase('closing-2', () => events.push('cleared'));
		if (second.status !== 'ready') throw new Error(second.status);
		await new Promise((resolve) => (indexedDB.deleteDatabase('closing-2').onsuccess = resolve));
		expect(events).toEqual(['cleared']);
		stop();
	});
});

describe('moving the first releases\u2019 localStorage data into the database', () => {
	it('moves a format-1 assessment, sets aside what cannot be read, leaves other keys, and removes the old keys only after', async () => {
		const { db } = await tab();
		const formatOne = {
			schemaVersion: 1,
			id: 'old1',
			contentVersion: '2025.1',
			createdAt: '2025-03-01T09:00:00.000Z',
			updatedAt: '2025-03-02T09:00:00.000Z',
			profile: {
				organisationName: 'Old Org',
				assessor: 'Sam',
				serviceType: 'community',
				settings: [],
				consumerTerm: 'consumer',
				peerTerm: 'peer-worker'
			},
			decisions: {},
			answers: { 'GOV-1': 3, 'ROLE-1': 'dk' },
			notes: { 'GOV-1': 'a note' }
		};
		const storage = new MemoryStorage({
			'pwr.assessment.old1': JSON.stringify(formatOne),
			'pwr.assessment.broken': '{not json',
			'someone-else': 'keep me'
		});
		const moved = await moveFromLocalStorage(db, storage);
		expect(moved).toEqual({ moved: 1, setAside: 1 });
		const a = (await db.get('assessments', 'old1')) as Assessment;
		expect(a.answers['GOV-1']).toEqual({ rating: 3, note: 'a note' });
		expect(a.answers['ROLE-1']).toEqual({ rating: 'dont-know' });
		expect((await db.getAll('setAside')).map((k) => k.text)).toEqual(['{not json']);
		expect([...storage.entries.keys()]).toEqual(['someone-else']);
		expect(await moveFromLocalStorage(db, storage)).toEqual({ moved: 0, setAside: 0 });
	});

	it('keeps the old keys when the move fails part-way, so it is tried again next visit', async () => {
		const { db } = await tab();
		const storage = new MemoryStorage({ 'pwr.assessment.x': JSON.stringify(saved('x')) });
		db.close();
		await expect(moveFromLocalStorage(db, storage)).rejects.toThrow();
		expect(storage.entries.has('pwr.assessment.x')).toBe(true);
	});
});
