import * as v from 'valibot';
import type { Assessment } from '$lib/model/assessment';
import {
	applyChange,
	AssessmentChangeSchema,
	ChangeRefused,
	fieldsAsFound,
	fieldsWritten,
	type AssessmentChange
} from '$lib/model/changes';
import { IdSchema, TimestampSchema } from '$lib/model/checks';
import { assessmentsLeftFor, keyOf, keysFor, thisPage } from './left-behind';
import { localStorageIfAny } from './web-storage';

/** A change as its page made it: what it found in each field it writes, and when (ms). */
const MadeChangeSchema = v.strictObject({
	change: AssessmentChangeSchema,
	found: v.record(v.string(), v.unknown()),
	madeAt: v.number()
});
export type MadeChange = v.InferOutput<typeof MadeChangeSchema>;

/**
 * Changes whose write had not committed when their page was left. Leaving aborts an IndexedDB
 * write in flight, but a page being left can still write to localStorage (synchronously), so they
 * are kept there and saved when the assessment is next opened. (Their keys: `left-behind.ts`.)
 * The previous release kept the changes alone (`changes`), judged by the entry's time.
 */
const LeftUnsavedSchema = v.union([
	v.strictObject({ assessmentId: IdSchema, at: TimestampSchema, made: v.array(MadeChangeSchema) }),
	v.strictObject({
		assessmentId: IdSchema,
		at: TimestampSchema,
		changes: v.array(AssessmentChangeSchema)
	})
]);

/**
 * Called as the page goes: keeps the changes not yet committed. Best effort (storage may be full).
 * A run of changes to the same fields (a note typed key by key) is kept as its last change, with
 * what the first of them found, so what is kept grows with the text, not with each key pressed.
 */
export function keepLeftUnsaved(assessmentId: string, made: readonly MadeChange[]): void {
	const kept: MadeChange[] = [];
	for (const change of made) {
		const last = kept.at(-1);
		if (last && sameNames(last.found, change.found))
			kept[kept.length - 1] = { ...change, found: last.found };
		else kept.push(change);
	}
	try {
		localStorageIfAny()?.setItem(
			keyOf(thisPage, assessmentId),
			JSON.stringify({
				assessmentId,
				at: new Date().toISOString(),
				// A field found empty stays named (as null), which JSON would otherwise leave out.
				made: kept.map((m) => ({
					...m,
					found: Object.fromEntries(Object.entries(m.found).map(([k, x]) => [k, x ?? null]))
				}))
			})
		);
	} catch {
		/* Nothing more can be done while the page goes. */
	}
}

const sameNames = (a: object, b: object) =>
	Object.keys(a).sort().join('\n') === Object.keys(b).sort().join('\n');

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
 * The changes pages left behind for this assessment that still apply to `current`, the record as it
 * is now (`stored: false` for one never saved), in the order they were made; all are removed.
 * A change is applied only where every field it writes is still as its page had it when the change
 * was made: a later write by another tab to the same field stays, and if the page's own write
 * committed after all, it is already there. Changes to other fields are applied, whatever else was
 * written meanwhile. Once a change to a field is passed over, so are its page's later changes to
 * it (the field may hold again, by chance, what one of them found). Changes kept by the previous
 * release are dropped if the record was written after their page went. An entry that does not
 * read, or cannot be judged, is dropped alone.
 */
export function takeLeftUnsaved(
	assessmentId: string,
	current: Assessment,
	{ stored = true }: { stored?: boolean } = {}
): MadeChange[] {
	const store = localStorageIfAny();
	if (!store) return [];
	const writtenAt = stored ? Date.parse(current.updatedAt) : -Infinity;
	const taken: MadeChange[] = [];
	for (const key of keysFor(store, assessmentId)) {
		const entry = read(store, key);
		store.removeItem(key);
		if (!entry) continue;
		try {
			if ('changes' in entry) {
				const at = Date.parse(entry.at);
				if (at >= writtenAt)
					taken.push(
						...entry.changes.map((change) => ({
							change,
							found: fieldsWritten(current, change),
							madeAt: at
						}))
					);
			} else taken.push(...stillApplying(current, entry.made));
		} catch {
			/* Tampered beyond judging: this entry alone is dropped. */
		}
	}
	// Each keeps when it was made, so a replay whose own write is cut short is kept in its place.
	return taken.sort((a, b) => a.madeAt - b.madeAt);
}

/** One page's changes that still apply to `current`, each judged after the page's earlier ones. */
function stillApplying(current: Assessment, made: readonly MadeChange[]): MadeChange[] {
	const work = structuredClone(current);
	const passedOver = new Set<string>();
	return made.filter(({ change, found }) => {
		const names = Object.keys(fieldsWritten(work, change));
		if (names.some((name) => passedOver.has(name)) || !fieldsAsFound(work, change, found)) {
			for (const name of names) passedOver.add(name);
			return false;
		}
		try {
			applyChange(work, change);
			return true;
		} catch (error) {
			if (error instanceof ChangeRefused) return false;
			throw error;
		}
	});
}

/**
 * Assessments that pages left changes for but that are not stored: a new one whose first save
 * failed, its tab then closed rather than reloaded. Nothing else would ever open them again, so the
 * saved list offers them. Each with the changes in the order they were made, and when the last was.
 */
export function leftWithoutRecord(
	stored: ReadonlySet<string>
): { assessmentId: string; changes: AssessmentChange[]; at: string }[] {
	const store = localStorageIfAny();
	if (!store) return [];
	return assessmentsLeftFor()
		.filter((id) => !stored.has(id))
		.flatMap((assessmentId) => {
			const entries = keysFor(store, assessmentId, { thisPageToo: true })
				.map((key) => read(store, key))
				.filter((entry) => entry !== null);
			if (!entries.length) return [];
			const made = entries.flatMap((entry) =>
				'changes' in entry
					? entry.changes.map((change) => ({ change, madeAt: Date.parse(entry.at) }))
					: entry.made
			);
			return [
				{
					assessmentId,
					changes: made.sort((a, b) => a.madeAt - b.madeAt).map(({ change }) => change),
					at: entries
						.map((entry) => entry.at)
						.sort()
						.at(-1)!
				}
			];
		});
}
