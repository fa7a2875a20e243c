import { keysStartingWith, localStorageIfAny } from './web-storage';

/**
 * The keys under which a page being left keeps, in localStorage, what its writes had not committed
 * (`left-unsaved.ts`, `left-draft.ts`), and their removal. Apart from those modules because every
 * first visit looks for these keys (`probe.ts`) and must stay small; reading what is kept needs the
 * changes' schema.
 */
const PREFIX = 'pwr-left-unsaved:';
/** A workshop participant's draft left the same way (`left-draft.ts`). */
export const LEFT_DRAFT_PREFIX = 'pwr-left-draft:';

/** This page's own entries are told apart from those of pages left earlier (or other tabs). */
export const thisPage = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
export const keyOf = (page: string, assessmentId: string) => `${PREFIX}${page}:${assessmentId}`;

/**
 * The id of the assessment a key is for. A page's own part of a key holds no ":", so what follows
 * it is the assessment's id exactly, whatever that id holds.
 */
const assessmentIdOf = (key: string) => {
	const rest = key.slice(PREFIX.length);
	return rest.slice(rest.indexOf(':') + 1);
};

/** The keys pages left for this assessment (other pages', unless `thisPageToo`). */
export function keysFor(
	store: Storage,
	assessmentId: string,
	{ thisPageToo = false } = {}
): string[] {
	return keysStartingWith(store, [PREFIX]).filter(
		(key) =>
			assessmentIdOf(key) === assessmentId && (thisPageToo || !key.startsWith(keyOf(thisPage, '')))
	);
}

/** The assessments any page left changes for. */
export function assessmentsLeftFor(): string[] {
	const store = localStorageIfAny();
	if (!store) return [];
	try {
		return [...new Set(keysStartingWith(store, [PREFIX]).map(assessmentIdOf))];
	} catch {
		return [];
	}
}

/** What pages left for this assessment, by key, as it is stored. */
export function leftUnsavedEntries(assessmentId: string): Record<string, string> {
	const entries: Record<string, string> = {};
	const store = localStorageIfAny();
	if (!store) return entries;
	try {
		for (const key of keysFor(store, assessmentId, { thisPageToo: true }))
			entries[key] = store.getItem(key) ?? '';
	} catch {
		/* Storage refused: nothing can be read. */
	}
	return entries;
}

/** The assessment was deleted: whatever pages left for it goes too. Returns what went, by key. */
export function dropLeftUnsaved(assessmentId: string): Record<string, string> {
	const dropped = leftUnsavedEntries(assessmentId);
	try {
		for (const key of Object.keys(dropped)) localStorageIfAny()?.removeItem(key);
	} catch {
		/* Nothing more to remove. */
	}
	return dropped;
}

/** A deletion was undone: what pages had left for the assessment is there again. */
export function putBackLeftUnsaved(dropped: Record<string, string>): void {
	try {
		for (const [key, value] of Object.entries(dropped))
			if (key.startsWith(PREFIX)) localStorageIfAny()?.setItem(key, value);
	} catch {
		/* Storage full or refused: the restored assessment is as it was last saved. */
	}
}

/** "Clear all data" leaves nothing behind here either. */
export function forgetAllLeftUnsaved(): void {
	const store = localStorageIfAny();
	if (!store) return;
	try {
		for (const key of keysStartingWith(store, [PREFIX, LEFT_DRAFT_PREFIX])) store.removeItem(key);
	} catch {
		/* Nothing to clear. */
	}
}
