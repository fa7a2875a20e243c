import type { Assessment } from '$lib/assessment/types';
import { parseAssessmentText } from './validate';

/** The subset of the Web Storage API the repository needs, so tests can pass an in-memory one. */
export interface KeyValueStore {
	readonly length: number;
	key(index: number): string | null;
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export const ASSESSMENT_PREFIX = 'pwr.assessment.';
export const QUARANTINE_PREFIX = 'pwr.quarantine.';

export interface QuarantinedEntry {
	key: string;
	originalKey: string;
	text: string;
}

export interface ListResult {
	assessments: Assessment[];
	/** Messages about entries that could not be read and were set aside. */
	problems: string[];
}

export class MemoryStore implements KeyValueStore {
	#map = new Map<string, string>();
	get length() {
		return this.#map.size;
	}
	key(index: number) {
		return [...this.#map.keys()][index] ?? null;
	}
	getItem(key: string) {
		return this.#map.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.#map.set(key, String(value));
	}
	removeItem(key: string) {
		this.#map.delete(key);
	}
}

/** Opens browser storage if it works here; private modes and blocked storage fall back to memory. */
export function openBrowserStore(): { store: KeyValueStore; persistent: boolean } {
	try {
		const store = globalThis.localStorage;
		const probe = 'pwr.probe';
		store.setItem(probe, '1');
		store.removeItem(probe);
		return { store, persistent: true };
	} catch {
		return { store: new MemoryStore(), persistent: false };
	}
}

export class AssessmentRepository {
	constructor(
		private readonly store: KeyValueStore,
		private readonly knownStatementIds?: ReadonlySet<string>,
		private readonly now: () => Date = () => new Date()
	) {}

	#keys(prefix: string): string[] {
		const keys: string[] = [];
		for (let i = 0; i < this.store.length; i++) {
			const key = this.store.key(i);
			if (key?.startsWith(prefix)) keys.push(key);
		}
		return keys;
	}

	/** Moves an unreadable entry aside (kept, downloadable) so the app can start without it. */
	#quarantine(key: string, text: string) {
		const stamp = this.now().toISOString().replace(/[:.]/g, '-');
		this.store.setItem(`${QUARANTINE_PREFIX}${stamp}.${key.slice(ASSESSMENT_PREFIX.length)}`, text);
		this.store.removeItem(key);
	}

	list(): ListResult {
		const assessments: Assessment[] = [];
		const problems: string[] = [];
		for (const key of this.#keys(ASSESSMENT_PREFIX)) {
			const text = this.store.getItem(key) ?? '';
			const parsed = parseAssessmentText(text, this.knownStatementIds);
			if (parsed.ok) {
				assessments.push(parsed.assessment);
			} else {
				this.#quarantine(key, text);
				problems.push(
					`A saved assessment could not be read and has been set aside so it is not lost (${parsed.message}) You can download it below.`
				);
			}
		}
		assessments.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
		return { assessments, problems };
	}

	load(id: string): ReturnType<typeof parseAssessmentText> | null {
		const text = this.store.getItem(ASSESSMENT_PREFIX + id);
		if (text === null) return null;
		const parsed = parseAssessmentText(text, this.knownStatementIds);
		if (!parsed.ok) this.#quarantine(ASSESSMENT_PREFIX + id, text);
		return parsed;
	}

	save(assessment: Assessment): { ok: true } | { ok: false; message: string } {
		try {
			this.store.setItem(ASSESSMENT_PREFIX + assessment.id, JSON.stringify(assessment));
			return { ok: true };
		} catch {
			return {
				ok: false,
				message:
					'Could not save: browser storage is full or blocked. Export a JSON file to keep your work.'
			};
		}
	}

	remove(id: string): void {
		this.store.removeItem(ASSESSMENT_PREFIX + id);
	}

	quarantined(): QuarantinedEntry[] {
		return this.#keys(QUARANTINE_PREFIX).map((key) => ({
			key,
			originalKey: key.slice(QUARANTINE_PREFIX.length),
			text: this.store.getItem(key) ?? ''
		}));
	}

	discardQuarantined(key: string): void {
		if (key.startsWith(QUARANTINE_PREFIX)) this.store.removeItem(key);
	}

	/** Removes everything this app stored on this device, and nothing else. */
	clearAll(): void {
		// Assessments, quarantined saves, workshops and participant drafts all live under "pwr.".
		for (const key of this.#keys('pwr.')) this.store.removeItem(key);
	}
}
