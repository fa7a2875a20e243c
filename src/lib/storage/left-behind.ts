import { keysStartingWith, localStorageIfAny } from './web-storage';

/**
 * The keys under which a page being left keeps, in localStorage, what its writes had not committed
 * (`left-unsaved.ts`, `left-draft.ts`), and their removal. Apart from those modules because the
 * first page removes them (with an assessment, or with everything) but never reads them.
 */
const PREFIX = 'pwr-left-unsaved:';
/** A workshop participant's draft left the same way (`left-draft.ts`). */
export const LEFT_DRAFT_PREFIX = 'pwr-left-draft:';

/** This page's own entries are told apart from those of pages left earlier (or other tabs). */
export const thisPage = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
export const keyOf = (page: string, assessmentId: string) => `${PREFIX}${page}:${assessmentId}`;

/**
 * The keys pages left for this assessment. A page's own part of a key holds no ":", so what follows
 * it is the assessment's id exactly, whatever that id holds.
 */
export function keysFor(
	store: Storage,
	assessmentId: string,
	{ thisPageToo = false } = {}
): string[] {
	return keysStartingWith(store, [PREFIX]).filter((key) => {
		const rest = key.slice(PREFIX.length);
		const page = rest.slice(0, rest.indexOf(':'));
		return rest.slice(page.length + 1) === assessmentId && (thisPageToo || page !== thisPage);
	});
}

/** The assessment was deleted: whatever pages left for it goes too. Returns what went, by key. */
export function dropLeftUnsaved(assessmentId: string): Record<string, string> {
	const dropped: Record<string, string> = {};
	const store = localStorageIfAny();
	if (!store) return dropped;
	try {
		for (const key of keysFor(store, assessmentId, { thisPageToo: true })) {
			dropped[key] = store.getItem(key) ?? '';
			store.removeItem(key);
		}
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
