import { DB_NAME } from './db-name';
import { legacyKeys } from './legacy-keys';
import { localStorageIfAny } from './web-storage';

/**
 * Whether this browser may hold anything this app saved, found without opening the database (which
 * would create it) or loading the code that reads it. "nothing" only when that is certain: the
 * database does not exist and the first releases left nothing in localStorage. Browsers that cannot
 * list their databases answer "maybe", and the saved list is read as before.
 */
export async function savedWorkOnDevice(): Promise<'nothing' | 'maybe'> {
	try {
		if (legacyKeys(localStorageIfAny()).length) return 'maybe';
		if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function')
			return 'maybe';
		const databases = await indexedDB.databases();
		return databases.some((d) => d.name === DB_NAME) ? 'maybe' : 'nothing';
	} catch {
		return 'maybe';
	}
}
