import { pushState, replaceState } from '$app/navigation';
import { resolve } from '$app/paths';

// SvelteKit 2 records in a shallow history entry the address of the page it was pushed from, not
// the address it shows (sveltejs/kit#11465). Within one page load that does no harm. After a
// reload, though, Back to such an entry loads the recorded page: for a new assessment that is
// /assessment/new, a blank assessment under an address that names another. Each entry is made to
// record its own address. The key is SvelteKit's; the reload-then-Back tests fail if it changes.
const PAGE_URL_KEY = 'sveltekit:pageurl';

const HISTORY_INDEX_KEY = 'sveltekit:history';

function recordOwnAddress() {
	history.replaceState({ ...history.state, [PAGE_URL_KEY]: location.href }, '');
}

/**
 * The step each entry of this tab's history was reached from, by SvelteKit's index of the entry.
 * The app's Back must know it can go back in history after a reload too, and a reload replaces the
 * entry's state (`page.state` with it); the index and this tab's session storage stay.
 */
const CAME_FROM_KEY = 'peer-work-readiness:came-from';
const REMEMBERED_ENTRIES = 200;

function cameFromByEntry(): Record<string, string> {
	try {
		const saved: unknown = JSON.parse(sessionStorage.getItem(CAME_FROM_KEY) ?? '{}');
		return saved && typeof saved === 'object' ? (saved as Record<string, string>) : {};
	} catch {
		return {};
	}
}

const thisEntry = () => String(history.state?.[HISTORY_INDEX_KEY] ?? '');

function rememberCameFrom(step: string) {
	const entries = Object.entries({ ...cameFromByEntry(), [thisEntry()]: step });
	try {
		sessionStorage.setItem(
			CAME_FROM_KEY,
			JSON.stringify(Object.fromEntries(entries.slice(-REMEMBERED_ENTRIES)))
		);
	} catch {
		// Without session storage the app's Back adds an entry, as a link would.
	}
}

/**
 * Shows a wizard step at its own address without the router loading the page again (the wizard on
 * screen already shows the step). Going to the step the entry before shows is going back in
 * history, so the app's Back button is the browser's Back: history does not grow, and the browser's
 * Back afterwards goes on back, not forward again. Anything else is a new entry.
 */
export function showStepAddress(
	assessmentId: string,
	step: string,
	here: string
): 'went back' | 'new entry' {
	if (thisEntry() && cameFromByEntry()[thisEntry()] === step) {
		history.back();
		return 'went back';
	}
	pushState(resolve('/assessment/[id]/[step]', { id: assessmentId, step }), { step });
	recordOwnAddress();
	rememberCameFrom(here);
	return 'new entry';
}

/** Shows a step at its own address in place of the current entry. */
function replaceStepAddress(assessmentId: string, step: string): void {
	replaceState(resolve('/assessment/[id]/[step]', { id: assessmentId, step }), { step });
	recordOwnAddress();
}

/**
 * A new assessment opens at /assessment/new. Once it is saved or the person moves on, that entry
 * takes the address of the step it shows, so Back and a reload, even later, return to this one.
 */
export function addressNewAssessment(assessmentId: string, step: string): void {
	if (location.pathname === resolve('/assessment/new')) replaceStepAddress(assessmentId, step);
}

/**
 * The step named in an address, if it is a step of this assessment. SvelteKit brings the address of
 * a history entry it returns to without loading (Back or Forward to a shallow entry) into
 * `page.url`, but not always its state: an entry reloaded once has lost it.
 */
export function stepInAddress(url: URL, assessmentId: string): string | undefined {
	const step = url.pathname.split('/').pop();
	return step && url.pathname === resolve('/assessment/[id]/[step]', { id: assessmentId, step })
		? step
		: undefined;
}
