/**
 * Runs `draw` once, when `element` comes within `margin` of the screen or the page is printed,
 * whichever is first, saying which. Returns what stops waiting. Where the browser cannot tell (no
 * IntersectionObserver), it draws at once.
 */
export function whenNearScreen(
	element: Element,
	draw: (why: 'near' | 'print') => void,
	{ margin = '300px' }: { margin?: string } = {}
): () => void {
	if (typeof IntersectionObserver === 'undefined') {
		draw('near');
		return () => {};
	}
	let done = false;
	const once = (why: 'near' | 'print') => {
		if (done) return;
		stop();
		done = true;
		draw(why);
	};
	const forPrint = () => once('print');
	// The first report comes after the page has been painted, so even a chart already on screen is
	// drawn after the step that shows it, not as part of it.
	const observer = new IntersectionObserver(
		(entries) => {
			if (entries.some((entry) => entry.isIntersecting)) once('near');
		},
		{ rootMargin: margin }
	);
	observer.observe(element);
	window.addEventListener('beforeprint', forPrint);
	function stop() {
		observer.disconnect();
		window.removeEventListener('beforeprint', forPrint);
	}
	return stop;
}
