import * as v from 'valibot';
import { AssessmentChangeSchema, type AssessmentChange } from '$lib/model/changes';
import { IdSchema } from '$lib/model/checks';
import { DraftSchema, draftKey, type ParticipantDraft } from '$lib/model/workshop';

/**
 * Changes whose write had not committed when their page was left. Leaving aborts an IndexedDB
 * write in flight, but a page being left can still write to localStorage (synchronously), so they
 * are kept there and saved when the assessment is next opened.
 */
const PREFIX = 'pwr-left-unsaved:';

const LeftUnsavedSchema = v.object({
	assessmentId: IdSchema,
	at: v.number(),
	changes: v.array(AssessmentChangeSchema)
});

/** This page's own entries are told apart from those of pages left earlier (or other tabs). */
const thisPage = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function storage(): Storage | undefined {
	try {
		return globalThis.localStorage ?? undefined;
	} catch {
		// Some browsers throw on merely reading `localStorage` when site data is blocked.
		return undefined;
	}
}

function keysOf(store: Storage, assessmentId?: string): string[] {
	const keys: string[] = [];
	for (let i = 0; i < store.length; i++) {
		const key = store.key(i);
		if (key?.startsWith(PREFIX) && (!assessmentId || key.endsWith(`:${assessmentId}`)))
			keys.push(key);
	}
	return keys;
}

/** Called as the page goes: keeps the changes not yet committed. Best effort (storage may be full). */
export function keepLeftUnsaved(assessmentId: string, changes: readonly AssessmentChange[]): void {
	try {
		storage()?.setItem(
			`${PREFIX}${thisPage}:${assessmentId}`,
			JSON.stringify({ assessmentId, at: Date.now(), changes })
		);
	} catch {
		/* Nothing more can be done while the page goes. */
	}
}

/** The page stayed (or came back) and its writes committed after all. */
export function forgetLeftUnsaved(assessmentId: string): void {
	try {
		storage()?.removeItem(`${PREFIX}${thisPage}:${assessmentId}`);
	} catch {
		/* Nothing kept, or nothing can be removed: it is only applied again, to the same effect. */
	}
}

type LeftUnsaved = v.InferOutput<typeof LeftUnsavedSchema>;

/** Entries pages left for this assessment; `null` for one that does not read as changes. */
function entriesFor(
	store: Storage,
	assessmentId: string,
	{ thisPageToo = false } = {}
): [key: string, LeftUnsaved | null][] {
	const found: [string, LeftUnsaved | null][] = [];
	for (const key of keysOf(store, assessmentId)) {
		if (!thisPageToo && key.startsWith(`${PREFIX}${thisPage}:`)) continue;
		let read: v.SafeParseResult<typeof LeftUnsavedSchema> | undefined;
		try {
			read = v.safeParse(LeftUnsavedSchema, JSON.parse(store.getItem(key) ?? 'null'));
		} catch {
			/* Damaged. */
		}
		// An id may hold ":", so another assessment's key can end the same way: it is left alone.
		if (read?.success && read.output.assessmentId !== assessmentId) continue;
		found.push([key, read?.success ? read.output : null]);
	}
	return found;
}

/** Whether pages left changes behind for this assessment. */
export function hasLeftUnsaved(assessmentId: string): boolean {
	const store = storage();
	return !!store && entriesFor(store, assessmentId).some(([, entry]) => entry);
}

/**
 * The changes pages left behind for this assessment, oldest first, removed as they are taken.
 * A page left before the stored record was last written (`writtenAt`, ms) lost its changes to a
 * later write, made in another tab after it went: they are dropped, never applied over it. (A page
 * that went while its own write was committing left them after that write, and they are applied
 * again, to the same effect.) Entries that do not read as changes are dropped.
 */
export function takeLeftUnsaved(assessmentId: string, writtenAt = -Infinity): AssessmentChange[] {
	const store = storage();
	if (!store) return [];
	const entries: LeftUnsaved[] = [];
	for (const [key, entry] of entriesFor(store, assessmentId)) {
		if (entry && entry.at >= writtenAt) entries.push(entry);
		store.removeItem(key);
	}
	return entries.sort((a, b) => a.at - b.at).flatMap((entry) => entry.changes);
}

/** The assessment was deleted: whatever pages left for it goes too. */
export function dropLeftUnsaved(assessmentId: string): void {
	const store = storage();
	if (!store) return;
	try {
		for (const [key] of entriesFor(store, assessmentId, { thisPageToo: true }))
			store.removeItem(key);
	} catch {
		/* Nothing to remove. */
	}
}

const DRAFT_PREFIX = 'pwr-left-draft:';

/**
 * A workshop participant's draft whose write had not committed, or had failed, as the page went. A
 * draft is a whole snapshot, so the newest one, here or in the database, is the one to resume.
 */
export function keepLeftDraft(draft: ParticipantDraft): void {
	try {
		storage()?.setItem(
			DRAFT_PREFIX + draftKey(draft.workshopId, draft.mode),
			JSON.stringify(draft)
		);
	} catch {
		/* Nothing more can be done while the page goes. */
	}
}

/** The draft a page left for this workshop and way of answering, if any; removed as it is taken. */
export function takeLeftDraft(
	workshopId: string,
	mode: ParticipantDraft['mode']
): ParticipantDraft | null {
	const store = storage();
	if (!store) return null;
	const key = DRAFT_PREFIX + draftKey(workshopId, mode);
	let read: v.SafeParseResult<typeof DraftSchema> | undefined;
	try {
		const text = store.getItem(key);
		if (text === null) return null;
		read = v.safeParse(DraftSchema, JSON.parse(text));
		store.removeItem(key);
	} catch {
		/* Damaged, or storage refused: nothing to resume from here. */
	}
	return read?.success && read.output.workshopId === workshopId ? read.output : null;
}

/** "Clear all data" leaves nothing behind here either. */
export function forgetAllLeftUnsaved(): void {
	const store = storage();
	if (!store) return;
	try {
		const keys: string[] = [];
		for (let i = 0; i < store.length; i++) {
			const key = store.key(i);
			if (key?.startsWith(PREFIX) || key?.startsWith(DRAFT_PREFIX)) keys.push(key);
		}
		for (const key of keys) store.removeItem(key);
	} catch {
		/* Nothing to clear. */
	}
}
