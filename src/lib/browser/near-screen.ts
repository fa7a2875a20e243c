/**
 * Runs `draw` once, when `element` comes within `margin` of the screen or the page is printed,
 * whichever is first. Returns what stops waiting. Where the browser cannot tell (no
 * IntersectionObserver), it draws at once.
 */
export function whenNearScreen(
	element: Element,
	draw: () => void,
	{ margin = '300px' }: { margin?: string } = {}
): () => void {
	if (typeof IntersectionObserver === 'undefined') {
		draw();
		return () => {};
	}
	let done = false;
	const once = () => {
		if (done) return;
		stop();
		done = true;
		draw();
	};
	// The first report comes after the page has been painted, so even a chart already on screen is
	// drawn after the step that shows it, not as part of it.
	const observer = new IntersectionObserver(
		(entries) => {
			if (entries.some((entry) => entry.isIntersecting)) once();
		},
		{ rootMargin: margin }
	);
	observer.observe(element);
	window.addEventListener('beforeprint', once);
	function stop() {
		observer.disconnect();
		window.removeEventListener('beforeprint', once);
	}
	return stop;
}
