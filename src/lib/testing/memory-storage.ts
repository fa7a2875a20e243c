/** Web Storage in memory, for tests in node; `entries` is the map behind it. */
export class MemoryStorage {
	readonly entries: Map<string, string>;
	constructor(initial: Record<string, string> = {}) {
		this.entries = new Map(Object.entries(initial));
	}
	get length() {
		return this.entries.size;
	}
	key(index: number) {
		return [...this.entries.keys()][index] ?? null;
	}
	getItem(key: string) {
		return this.entries.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.entries.set(key, String(value));
	}
	removeItem(key: string) {
		this.entries.delete(key);
	}
}

/** Makes a fresh in-memory store this process's `localStorage`; call the returned function to remove it. */
export function useMemoryLocalStorage(): { storage: MemoryStorage; restore: () => void } {
	const storage = new MemoryStorage();
	const global = globalThis as { localStorage?: unknown };
	const before = global.localStorage;
	global.localStorage = storage;
	return { storage, restore: () => void (global.localStorage = before) };
}
