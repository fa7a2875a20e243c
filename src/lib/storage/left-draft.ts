import * as v from 'valibot';
import { DraftSchema, draftKey, type ParticipantDraft } from '$lib/model/workshop';
import { LEFT_DRAFT_PREFIX } from './left-behind';
import { localStorageIfAny } from './web-storage';

/**
 * A workshop participant's draft whose write had not committed, or had failed, as the page went
 * (kept apart from `left-unsaved.ts` so that the first page never loads the draft's schema). A
 * draft is a whole snapshot, so the newest one, here or in the database, is the one to resume.
 */
export function keepLeftDraft(draft: ParticipantDraft): void {
	try {
		localStorageIfAny()?.setItem(
			LEFT_DRAFT_PREFIX + draftKey(draft.workshopId, draft.mode),
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
	const store = localStorageIfAny();
	if (!store) return null;
	const key = LEFT_DRAFT_PREFIX + draftKey(workshopId, mode);
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
