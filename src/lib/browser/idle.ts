/**
 * Runs work once the browser is idle, so it never keeps a first tap waiting, and `within` ms at the
 * latest. Browsers without idle callbacks (Safari) run it `otherwiseAfter` ms later.
 */
export function whenIdle(
	work: () => unknown,
	{ within, otherwiseAfter }: { within: number; otherwiseAfter: number }
): void {
	if ('requestIdleCallback' in window) requestIdleCallback(() => void work(), { timeout: within });
	else setTimeout(() => void work(), otherwiseAfter);
}
