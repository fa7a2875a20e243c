/** The parts of the Web Storage API that reading keys by prefix needs (tests pass an in-memory one). */
export interface KeyedStorage {
	readonly length: number;
	key(index: number): string | null;
}

/** This page's localStorage, or nothing where the browser refuses it. */
export function localStorageIfAny(): Storage | undefined {
	try {
		return globalThis.localStorage ?? undefined;
	} catch {
		// Some browsers throw on merely reading `localStorage` when site data is blocked.
		return undefined;
	}
}

/** The keys that start with any of the prefixes. */
export function keysStartingWith(storage: KeyedStorage, prefixes: readonly string[]): string[] {
	const keys: string[] = [];
	for (let i = 0; i < storage.length; i++) {
		const key = storage.key(i);
		if (key && prefixes.some((prefix) => key.startsWith(prefix))) keys.push(key);
	}
	return keys;
}
