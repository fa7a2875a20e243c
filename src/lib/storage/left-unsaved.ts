import * as v from 'valibot';
import { AssessmentChangeSchema, type AssessmentChange } from '$lib/model/changes';
import { IdSchema, TimestampSchema } from '$lib/model/checks';
import { keyOf, keysFor, thisPage } from './left-behind';
import { localStorageIfAny } from './web-storage';

/**
 * Changes whose write had not committed when their page was left. Leaving aborts an IndexedDB
 * write in flight, but a page being left can still write to localStorage (synchronously), so they
 * are kept there and saved when the assessment is next opened. (Their keys: `left-behind.ts`.)
 */
const LeftUnsavedSchema = v.strictObject({
	assessmentId: IdSchema,
	at: TimestampSchema,
	changes: v.array(AssessmentChangeSchema)
});

/** Called as the page goes: keeps the changes not yet committed. Best effort (storage may be full). */
export function keepLeftUnsaved(assessmentId: string, changes: readonly AssessmentChange[]): void {
	try {
		localStorageIfAny()?.setItem(
			keyOf(thisPage, assessmentId),
			JSON.stringify({ assessmentId, at: new Date().toISOString(), changes })
		);
	} catch {
		/* Nothing more can be done while the page goes. */
	}
}

/** The page stayed (or came back) and its writes committed after all. */
export function forgetLeftUnsaved(assessmentId: string): void {
	try {
		localStorageIfAny()?.removeItem(keyOf(thisPage, assessmentId));
	} catch {
		/* Nothing kept, or nothing can be removed: it is only applied again, to the same effect. */
	}
}

type LeftUnsaved = v.InferOutput<typeof LeftUnsavedSchema>;

/** What a page left under this key, or `null` if it does not read as changes. */
function read(store: Storage, key: string): LeftUnsaved | null {
	try {
		const read = v.safeParse(LeftUnsavedSchema, JSON.parse(store.getItem(key) ?? 'null'));
		return read.success ? read.output : null;
	} catch {
		return null;
	}
}

/** Whether pages left changes behind for this assessment. */
export function hasLeftUnsaved(assessmentId: string): boolean {
	const store = localStorageIfAny();
	return !!store && keysFor(store, assessmentId).some((key) => read(store, key));
}

/**
 * The changes pages left behind for this assessment, oldest first, removed as they are taken.
 * A page left before the stored record was last written (`writtenAt`, ms) lost its changes to a
 * later write, made in another tab after it went: they are dropped, never applied over it. (A page
 * that went while its own write was committing left them after that write, and they are applied
 * again, to the same effect.) Entries that do not read as changes are dropped.
 */
export function takeLeftUnsaved(assessmentId: string, writtenAt = -Infinity): AssessmentChange[] {
	const store = localStorageIfAny();
	if (!store) return [];
	const entries: LeftUnsaved[] = [];
	for (const key of keysFor(store, assessmentId)) {
		const entry = read(store, key);
		if (entry && Date.parse(entry.at) >= writtenAt) entries.push(entry);
		store.removeItem(key);
	}
	return entries
		.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
		.flatMap((entry) => entry.changes);
}
