import { DB_NAME } from './db-name';
import { legacyKeys } from './legacy-keys';
import { assessmentsLeftFor } from './left-behind';
import { localStorageIfAny } from './web-storage';

/**
 * Whether this browser may hold anything this app saved, found without opening the database (which
 * would create it) or loading the code that reads it. "nothing" only when that is certain: the
 * database does not exist, and neither the first releases nor a page being left (a new assessment
 * whose first save failed) left anything in localStorage. Browsers that cannot list their
 * databases answer "maybe", and the saved list is read as before.
 */
export async function savedWorkOnDevice(): Promise<'nothing' | 'maybe'> {
	try {
		if (legacyKeys(localStorageIfAny()).length || assessmentsLeftFor().length) return 'maybe';
		if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function')
			return 'maybe';
		const databases = await indexedDB.databases();
		return databases.some((d) => d.name === DB_NAME) ? 'maybe' : 'nothing';
	} catch {
		return 'maybe';
	}
}
