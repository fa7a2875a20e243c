/**
 * Messages pinned to the foot of the screen while they show (a save that failed, an action just
 * removed). Reading a size makes the browser lay the page out there and then, so they are measured
 * only while one is pinned.
 */
const pinned = new Set<HTMLElement>();
let roomGiven = 0;

/** How far up the screen a pinned message reaches; one not drawn (left out of a printout) covers nothing. */
const reach = (message: HTMLElement) =>
	message.getClientRects().length === 0
		? 0
		: window.innerHeight - message.getBoundingClientRect().top;

/**
 * app.css gives the page this much room below its last line, and keeps the keyboard's control clear
 * of it: as much as the message reaching furthest up the screen.
 */
function makeRoom() {
	const room = Math.ceil(Math.max(0, ...[...pinned].map(reach)));
	// Each write restyles the whole page: only a change is written.
	if (room === roomGiven) return;
	roomGiven = room;
	const root = document.documentElement;
	if (room > 0) root.style.setProperty('--pinned-message-height', `${room}px`);
	else root.style.removeProperty('--pinned-message-height');
}

/**
 * For a message pinned to the foot of the screen, while it is (`{@attach shown ? pinnedToFoot() :
 * undefined}`): the page gets room below its last line, so nothing on it is left under the message,
 * and a control moved to by the keyboard scrolls clear of it. Given a property, the message's height
 * is published in it, so another message can sit above this one rather than under it.
 */
export function pinnedToFoot(heightAs?: `--${string}`) {
	return (message: HTMLElement): (() => void) => {
		const root = document.documentElement;
		const measure = () => {
			if (heightAs) root.style.setProperty(heightAs, `${message.offsetHeight}px`);
			// A message lifted by this one has moved with it: every message is measured again.
			makeRoom();
		};
		pinned.add(message);
		measure();
		// A box pinned to the foot reaches as far up a taller or shorter window: only its own size matters.
		const resized = new ResizeObserver(measure);
		resized.observe(message);
		return () => {
			resized.disconnect();
			pinned.delete(message);
			if (heightAs) root.style.removeProperty(heightAs);
			makeRoom();
		};
	};
}
