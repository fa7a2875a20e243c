/**
 * Messages pinned to the foot of the screen while they show (a save that failed, an action just
 * removed), each with how far up the screen it reaches. Reading a size makes the browser lay the page
 * out there and then, so each is measured only while it is pinned.
 */
const reaching = new Map<HTMLElement, number>();

/** app.css gives the page this much room below its last line, and keeps the keyboard's control clear of it. */
function makeRoom() {
	const root = document.documentElement;
	const room = Math.max(0, ...reaching.values());
	if (room > 0) root.style.setProperty('--pinned-message-height', `${Math.ceil(room)}px`);
	else root.style.removeProperty('--pinned-message-height');
}

/**
 * For a message pinned to the foot of the screen, while it is (`{@attach shown ? roomAtFoot :
 * undefined}`): the page gets room below its last line, so nothing on it is left under the
 * message, and a control moved to by the keyboard scrolls clear of it.
 */
export function roomAtFoot(message: HTMLElement): () => void {
	const measure = () => {
		reaching.set(message, window.innerHeight - message.getBoundingClientRect().top);
		makeRoom();
	};
	measure();
	const resized = new ResizeObserver(measure);
	resized.observe(message);
	window.addEventListener('resize', measure);
	return () => {
		resized.disconnect();
		window.removeEventListener('resize', measure);
		reaching.delete(message);
		makeRoom();
	};
}
