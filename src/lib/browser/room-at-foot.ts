/**
 * Messages pinned to the foot of the screen while they show (a save that failed, an action just
 * removed), each with how far up the screen it reaches. Reading a size makes the browser lay the page
 * out there and then, so each is measured only while it is pinned.
 */
const reaching = new Map<HTMLElement, number>();
/** How each pinned message is measured again, when one moves another (see heightAs). */
const remeasures = new Set<() => void>();
let roomGiven = 0;

/** app.css gives the page this much room below its last line, and keeps the keyboard's control clear of it. */
function makeRoom() {
	const room = Math.ceil(Math.max(0, ...reaching.values()));
	// Each write restyles the whole page: only a change is written.
	if (room === roomGiven) return;
	roomGiven = room;
	const root = document.documentElement;
	if (room > 0) root.style.setProperty('--pinned-message-height', `${room}px`);
	else root.style.removeProperty('--pinned-message-height');
}

/**
 * For a message pinned to the foot of the screen, while it is (`{@attach shown ? roomAtFoot :
 * undefined}`): the page gets room below its last line, so nothing on it is left under the
 * message, and a control moved to by the keyboard scrolls clear of it. Two messages at once share
 * the room; the taller reach counts.
 */
export function roomAtFoot(message: HTMLElement): () => void {
	const measure = () => {
		// Not drawn (a printout leaves it out): it covers nothing.
		if (message.getClientRects().length === 0) reaching.delete(message);
		else reaching.set(message, window.innerHeight - message.getBoundingClientRect().top);
		makeRoom();
	};
	measure();
	remeasures.add(measure);
	// A box pinned to the foot reaches as far up a taller or shorter window: only its own size matters.
	const resized = new ResizeObserver(measure);
	resized.observe(message);
	return () => {
		resized.disconnect();
		remeasures.delete(measure);
		reaching.delete(message);
		makeRoom();
	};
}

/**
 * Publishes an element's height as a custom property of the page while it is attached, so another
 * message pinned to the foot can sit above it rather than under it.
 */
export function heightAs(property: `--${string}`) {
	return (element: HTMLElement): (() => void) => {
		const root = document.documentElement;
		// A message placed above this one has moved up or down with it, and reaches that much further.
		const moved = () => remeasures.forEach((remeasure) => remeasure());
		const publish = () => {
			root.style.setProperty(property, `${element.offsetHeight}px`);
			moved();
		};
		publish();
		const resized = new ResizeObserver(publish);
		resized.observe(element);
		return () => {
			resized.disconnect();
			root.style.removeProperty(property);
			moved();
		};
	};
}
