import { AssessmentStore } from './assessments';
import { ChangeChannel } from './channel';
import { onDatabaseClosed, openDatabase, NEWER_VERSION_MESSAGE } from './db';
import { moveFromLocalStorage, type LegacyStorage } from './legacy';
import { WorkshopStore } from './workshops';

export type Device =
	| {
			status: 'ready';
			assessments: AssessmentStore;
			workshops: WorkshopStore;
			channel: ChangeChannel;
			moved: number;
	  }
	| { status: 'unavailable' | 'newer'; message: string; channel: ChangeChannel };

function localStorageIfAny(): LegacyStorage | undefined {
	try {
		return globalThis.localStorage ?? undefined;
	} catch {
		return undefined;
	}
}

let opened: Promise<Device> | undefined;

/** This browser's storage, opened once per page (and the first releases' data moved across). */
export function device(): Promise<Device> {
	opened ??= (async (): Promise<Device> => {
		const channel = new ChangeChannel();
		const state = await openDatabase();
		if (state.status !== 'ready') return { status: state.status, message: state.message, channel };
		let moved = 0;
		try {
			moved = (await moveFromLocalStorage(state.db, localStorageIfAny())).moved;
		} catch {
			// The old keys stay where they are and the move is tried again on the next visit.
		}
		return {
			status: 'ready',
			assessments: new AssessmentStore(state.db, channel),
			workshops: new WorkshopStore(state.db, channel),
			channel,
			moved
		};
	})();
	return opened;
}

export { onDatabaseClosed, NEWER_VERSION_MESSAGE };

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
