import { keysStartingWith, type KeyedStorage } from './web-storage';

/** Where the first releases kept their data in localStorage, by kind. */
export const LEGACY_PREFIXES = {
	assessment: 'pwr.assessment.',
	quarantine: 'pwr.quarantine.',
	workshop: 'pwr.workshop.',
	draft: 'pwr.response-draft.'
} as const;

/** The subset of the Web Storage API the move needs, so tests can pass an in-memory one. */
export interface LegacyStorage extends KeyedStorage {
	getItem(key: string): string | null;
	removeItem(key: string): void;
}

/** The keys the first releases left behind (usually none, so the move's code is loaded only then). */
export function legacyKeys(storage: LegacyStorage | undefined): string[] {
	return storage ? keysStartingWith(storage, Object.values(LEGACY_PREFIXES)) : [];
}
