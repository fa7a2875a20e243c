/**
 * Runs work once the browser is idle, so it never keeps a first tap waiting, and `within` ms at the
 * latest. Browsers without idle callbacks (Safari) run it `otherwiseAfter` ms later. Returns what
 * calls it off, for a page left before it runs.
 */
export function whenIdle(
	work: () => unknown,
	{ within, otherwiseAfter }: { within: number; otherwiseAfter: number }
): () => void {
	if ('requestIdleCallback' in window) {
		const handle = requestIdleCallback(() => void work(), { timeout: within });
		return () => cancelIdleCallback(handle);
	}
	const timer = setTimeout(() => void work(), otherwiseAfter);
	return () => clearTimeout(timer);
}
