import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ChangeChannel } from './channel';
import { databaseClosed } from './db-closed';
import { DB_NAME } from './db-name';

/**
 * The database on this device. Values are stored as they were saved and checked by the one gate
 * (validate.ts) whenever they are read, so a damaged or newer record never reaches the page unchecked.
 */
export interface PwrSchema extends DBSchema {
	assessments: { key: string; value: unknown };
	workshops: { key: string; value: unknown };
	responses: { key: [string, string]; value: unknown; indexes: { byWorkshop: string } };
	drafts: { key: string; value: unknown };
	setAside: { key: string; value: SetAsideRecord };
	meta: { key: string; value: { key: string; value: unknown } };
}

/** A record that could not be read, kept whole so it can be downloaded, never silently deleted. */
export interface SetAsideRecord {
	key: string;
	kind: 'assessment' | 'workshop' | 'response' | 'draft';
	/** The record as JSON text, exactly as it was found. */
	text: string;
	reason: string;
	at: string;
	/** A title, when one could be read, so the person knows which save this was. */
	title: string;
}

export type Db = IDBPDatabase<PwrSchema>;
export type StoreName = 'assessments' | 'workshops' | 'responses' | 'drafts' | 'setAside' | 'meta';

/** Raised only with an upgrade below; an older page that meets a newer database says so and reads nothing. */
export const DB_VERSION = 1;

export type DbState =
	| { status: 'ready'; db: Db }
	| { status: 'unavailable'; message: string }
	| { status: 'newer'; message: string };

export const NEWER_VERSION_MESSAGE =
	'A newer version of the app has saved data on this device. Reload the page to update the app; nothing has been changed.';
const UNAVAILABLE_MESSAGE =
	'This browser is not letting the app store anything (private browsing or a privacy setting may block it). Your work stays on screen until you close the tab: download a copy to keep it.';

/**
 * The open database, replaced if the browser ends the connection under the page (its data for the
 * site was cleared): the stores read `db` at each use, so they carry on with the new one.
 */
export interface Connection {
	db: Db;
	/** While a new connection is being opened, the stores wait for it rather than fail. */
	reopening?: Promise<void>;
}

/** What both stores share: the connection, replaced under them if the browser ends it. */
export abstract class ConnectedStore {
	constructor(
		private readonly connection: Connection,
		protected readonly channel: ChangeChannel,
		protected readonly now: () => Date = () => new Date()
	) {}

	/** The database as it is now: a connection the browser ended is replaced by a new one, awaited here. */
	protected async database(): Promise<Db> {
		await this.connection.reopening;
		return this.connection.db;
	}
}

export async function openDatabase(
	name = DB_NAME,
	/** The browser closed the connection itself, for example because the site's data was cleared. */
	onTerminated?: () => void
): Promise<DbState> {
	if (typeof indexedDB === 'undefined')
		return { status: 'unavailable', message: UNAVAILABLE_MESSAGE };
	try {
		const db = await openDB<PwrSchema>(name, DB_VERSION, {
			upgrade(database, oldVersion) {
				if (oldVersion < 1) {
					database.createObjectStore('assessments');
					database.createObjectStore('workshops');
					const responses = database.createObjectStore('responses');
					responses.createIndex('byWorkshop', 'workshopId');
					database.createObjectStore('drafts');
					database.createObjectStore('setAside', { keyPath: 'key' });
					database.createObjectStore('meta', { keyPath: 'key' });
				}
			},
			terminated() {
				onTerminated?.();
			},
			blocking(_currentVersion, blockedVersion) {
				db.close();
				// Deleted (by the browser's developer tools, or another program): as if the site's data
				// was cleared, so the page reconnects and offers to save its work again.
				if (blockedVersion === null) onTerminated?.();
				// A newer release in another tab wants to upgrade: step aside, and say so.
				else databaseClosed();
			}
		});
		return { status: 'ready', db };
	} catch (error) {
		if ((error as DOMException)?.name === 'VersionError')
			return { status: 'newer', message: NEWER_VERSION_MESSAGE };
		return { status: 'unavailable', message: UNAVAILABLE_MESSAGE };
	}
}

/** Every write is committed to disk before it reports success, so "Saved" survives a crash. */
export const STRICT = { durability: 'strict' } as const;

/** Why a write failed, without advice: for callers whose work is kept somewhere other than the screen. */
export function writeFailureCause(error: unknown): string {
	const name = (error as DOMException)?.name;
	if (name === 'QuotaExceededError')
		return "Could not save: this device's storage for the app is full.";
	if (name === 'InvalidStateError')
		return "Could not save: the connection to this device's storage was closed (a newer version of the app opened in another tab, or the browser's data for this site was cleared).";
	return `Could not save (${name || 'storage error'}).`;
}

/** What to do after a failed write, with the work still on screen. */
const ADVICE_ON_SCREEN: Record<string, string> = {
	QuotaExceededError:
		'Your work is still on screen: download a copy, then free some space (for example delete an old assessment) and carry on.',
	InvalidStateError: 'Your work is still on screen: download a copy first, then try again.'
};

/** A write that failed, in words a person can act on. */
export function writeFailure(error: unknown): string {
	const advice =
		ADVICE_ON_SCREEN[(error as DOMException)?.name] ??
		'Your work is still on screen: download a copy to keep it.';
	return `${writeFailureCause(error)} ${advice}`;
}
