/** Something on screen that leaving the page could lose. */
export interface UnsavedWork {
	readonly unsavedWork: boolean;
}

const open = new Set<UnsavedWork>();

/**
 * Open work registers here so the layout can ask before the tab closes or reloads. Kept apart from
 * the session so the first page can ask without loading it.
 */
export function holdUnsavedWork(work: UnsavedWork): () => void {
	open.add(work);
	return () => open.delete(work);
}

export const anyUnsavedWork = (): boolean => [...open].some((work) => work.unsavedWork);
