import { AssessmentStore } from './assessments';
import { ChangeChannel } from './channel';
import { openDatabase, type Connection } from './db';
import { DB_NAME } from './db-name';
import { legacyKeys } from './legacy-keys';
import { localStorageIfAny } from './web-storage';
import type { WorkshopStore } from './workshops';

export type Device =
	| {
			status: 'ready';
			assessments: AssessmentStore;
			/** Loaded when first asked for: the first page lists assessments and needs none of it. */
			workshops: () => Promise<WorkshopStore>;
			channel: ChangeChannel;
			moved: number;
	  }
	| { status: 'unavailable' | 'newer'; message: string; channel: ChangeChannel };

let opened: Promise<Device> | undefined;

/** This browser's storage, opened once per page (and the first releases' data moved across). */
export function device(): Promise<Device> {
	opened ??= (async (): Promise<Device> => {
		const channel = new ChangeChannel();
		// Set below, once the database is open; the browser can only end a connection that exists.
		const connection = {} as Connection;
		const reopen = async () => {
			// While the browser is still clearing, opening fails: try again for a few seconds.
			for (let attempt = 0; attempt < 20; attempt++) {
				const again = await openDatabase(DB_NAME, reconnect);
				if (again.status === 'ready') {
					connection.db = again.db;
					return;
				}
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		};
		function reconnect() {
			connection.reopening = reopen();
			// Everything stored is gone: every open view here hears it as "cleared", as from another tab.
			channel.notifyHere({ type: 'cleared' });
		}
		let workshopStore: Promise<WorkshopStore> | undefined;
		const state = await openDatabase(DB_NAME, reconnect);
		if (state.status !== 'ready') return { status: state.status, message: state.message, channel };
		connection.db = state.db;
		let moved = 0;
		try {
			const storage = localStorageIfAny();
			if (legacyKeys(storage).length) {
				const { moveFromLocalStorage } = await import('./legacy');
				moved = (await moveFromLocalStorage(connection.db, storage)).moved;
			}
		} catch {
			// The old keys stay where they are and the move is tried again on the next visit.
		}
		return {
			status: 'ready',
			assessments: new AssessmentStore(connection, channel),
			workshops: () =>
				(workshopStore ??= import('./workshops').then(
					({ WorkshopStore }) => new WorkshopStore(connection, channel)
				)),
			channel,
			moved
		};
	})();
	return opened;
}

export type Persistence = 'persistent' | 'best-effort' | 'unknown';

/** Asks the browser not to clear the app's data under storage pressure, and says whether it agreed. */
export async function requestPersistence(): Promise<Persistence> {
	try {
		if (!navigator.storage?.persist) return 'unknown';
		if (await navigator.storage.persisted()) return 'persistent';
		return (await navigator.storage.persist()) ? 'persistent' : 'best-effort';
	} catch {
		return 'unknown';
	}
}

export async function persistence(): Promise<Persistence> {
	try {
		if (!navigator.storage?.persisted) return 'unknown';
		return (await navigator.storage.persisted()) ? 'persistent' : 'best-effort';
	} catch {
		return 'unknown';
	}
}
