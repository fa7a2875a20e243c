import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useMemoryLocalStorage } from '$lib/testing/memory-storage';
import { openDatabase } from './db';
import { DB_NAME } from './db-name';
import { LEGACY_PREFIXES } from './legacy-keys';
import { savedWorkOnDevice } from './probe';

let memory: ReturnType<typeof useMemoryLocalStorage>;
beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	memory = useMemoryLocalStorage();
});
afterEach(() => memory.restore());

describe('whether anything may be saved on this device', () => {
	it('is "nothing" on a device that has never saved, and looking creates no database', async () => {
		expect(await savedWorkOnDevice()).toBe('nothing');
		expect(await indexedDB.databases()).toEqual([]);
	});

	it('is "maybe" once the database exists, even with nothing in it', async () => {
		const state = await openDatabase(DB_NAME);
		if (state.status === 'ready') state.db.close();
		expect(await savedWorkOnDevice()).toBe('maybe');
	});

	it('is "maybe" when the first releases left work in localStorage', async () => {
		memory.storage.setItem(`${LEGACY_PREFIXES.assessment}a1`, '{}');
		expect(await savedWorkOnDevice()).toBe('maybe');
	});

	it('is "maybe" where the browser cannot list its databases, or refuses to', async () => {
		const factory = globalThis.indexedDB as { databases?: unknown };
		factory.databases = undefined;
		expect(await savedWorkOnDevice()).toBe('maybe');
		factory.databases = () => Promise.reject(new Error('SecurityError'));
		expect(await savedWorkOnDevice()).toBe('maybe');
	});
});
