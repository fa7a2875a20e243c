import * as v from 'valibot';
import type { Assessment } from '$lib/model/assessment';
import {
	applyChange,
	AssessmentChangeSchema,
	ChangeRefused,
	partChanged,
	partName,
	samePart,
	type AssessmentChange
} from '$lib/model/changes';
import { IdSchema, TimestampSchema } from '$lib/model/checks';
import { keyOf, keysFor, thisPage } from './left-behind';
import { localStorageIfAny } from './web-storage';

/**
 * Changes whose write had not committed when their page was left. Leaving aborts an IndexedDB
 * write in flight, but a page being left can still write to localStorage (synchronously), so they
 * are kept there and saved when the assessment is next opened. (Their keys: `left-behind.ts`.)
 * `found` holds, for each change, the part of the record it writes as the page knew it then
 * (`partsFound`); entries kept before there was `found` are judged by their time alone.
 */
const LeftUnsavedSchema = v.pipe(
	v.strictObject({
		assessmentId: IdSchema,
		at: TimestampSchema,
		changes: v.array(AssessmentChangeSchema),
		found: v.optional(v.array(v.unknown()))
	}),
	v.check(
		(entry) => !entry.found || entry.found.length === entry.changes.length,
		'One part found for each change.'
	)
);

/** Called as the page goes: keeps the changes not yet committed. Best effort (storage may be full). */
export function keepLeftUnsaved(
	assessmentId: string,
	changes: readonly AssessmentChange[],
	found: readonly unknown[]
): void {
	try {
		localStorageIfAny()?.setItem(
			keyOf(thisPage, assessmentId),
			JSON.stringify({ assessmentId, at: new Date().toISOString(), changes, found })
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
 * The changes pages left behind for this assessment, oldest first, removed as they are taken, and
 * only those that still apply to `current`, the record as it is now (`stored: false` for one never
 * saved). A change is applied only where the part it writes is still as its page found it: if
 * another tab has written that part since (a later answer to the same statement), the later write
 * stays; if the page's own write committed after all, it is already there. Changes to other parts
 * are applied, whatever else was written meanwhile. Entries kept before parts were recorded are
 * dropped if the record was written after their page went. Entries that do not read are dropped.
 */
export function takeLeftUnsaved(
	assessmentId: string,
	current: Assessment,
	{ stored = true }: { stored?: boolean } = {}
): AssessmentChange[] {
	const store = localStorageIfAny();
	if (!store) return [];
	const entries: LeftUnsaved[] = [];
	for (const key of keysFor(store, assessmentId)) {
		const entry = read(store, key);
		if (entry) entries.push(entry);
		store.removeItem(key);
	}
	const writtenAt = stored ? Date.parse(current.updatedAt) : -Infinity;
	const work = structuredClone(current);
	const taken: AssessmentChange[] = [];
	for (const entry of entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
		if (!entry.found && Date.parse(entry.at) < writtenAt) continue;
		// Once one change to a part is passed over, so are the page's later changes to it: the part
		// may hold again, by chance, what one of them found.
		const passedOver = new Set<string>();
		entry.changes.forEach((change, i) => {
			const part = partName(change);
			if (passedOver.has(part)) return;
			if (entry.found && !samePart(partChanged(work, change), entry.found[i]))
				return passedOver.add(part);
			try {
				applyChange(work, change);
			} catch (error) {
				if (!(error instanceof ChangeRefused)) throw error;
				return;
			}
			taken.push(change);
		});
	}
	return taken;
}
