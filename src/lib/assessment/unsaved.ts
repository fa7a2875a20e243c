import { runWorkWaitingForPaint } from '$lib/browser/after-paint';

/** Something on screen that leaving the page could lose. */
export interface UnsavedWork {
	readonly unsavedWork: boolean;
	/** As the page goes: keeps what its writes have not committed where the next visit finds it. */
	keepForLater?(): void;
}

const open = new Set<UnsavedWork>();
let asking = false;
const anyUnsavedWork = (): boolean => [...open].some((work) => work.unsavedWork);

/**
 * Open work registers here; while any of it could be lost, the browser asks before the tab closes
 * or reloads. Pages without open work (the first page) never load this.
 */
export function holdUnsavedWork(work: UnsavedWork): () => void {
	open.add(work);
	if (!asking && typeof window !== 'undefined') {
		asking = true;
		window.addEventListener('beforeunload', (event) => {
			// An answer tapped in the last frame is still waiting to be taken; taken now, it counts.
			runWorkWaitingForPaint();
			if (anyUnsavedWork()) event.preventDefault();
		});
		window.addEventListener('pagehide', () => {
			runWorkWaitingForPaint();
			for (const work of open) work.keepForLater?.();
		});
	}
	return () => open.delete(work);
}
