/** Work waiting for the next paint, run at once if the page is hidden or left before it comes. */
const waiting: (() => void)[] = [];

/**
 * Runs, in order, all work still waiting for a paint. Whoever asks before the page is left calls
 * this first: an answer tapped a moment ago must count as work that leaving could lose.
 */
export function runWorkWaitingForPaint() {
	for (const work of waiting.splice(0)) work();
}

if (typeof window !== 'undefined') {
	window.addEventListener('pagehide', runWorkWaitingForPaint);
	document.addEventListener('visibilitychange', runWorkWaitingForPaint);
}

/**
 * Runs work just after the browser has painted the frame the person is waiting for (a radio
 * button they tapped shows as chosen first), and in order with other such work. A hidden page
 * paints nothing, so there the work runs within `latest` ms regardless.
 */
export function afterNextPaint(work: () => void, { latest = 100 } = {}): void {
	let done = false;
	const once = () => {
		if (done) return;
		done = true;
		const at = waiting.indexOf(once);
		if (at >= 0) waiting.splice(at, 1);
		work();
	};
	// Everything queued before runs first, so answers given in quick succession keep their order.
	waiting.push(once);
	const runUpTo = () => {
		const at = waiting.indexOf(once);
		for (const earlier of waiting.slice(0, at + 1)) earlier();
	};
	requestAnimationFrame(() => setTimeout(runUpTo, 0));
	setTimeout(runUpTo, latest);
}
