import type { ClientInit } from '@sveltejs/kit';

/**
 * Hydration waits one frame, so the prerendered page paints and its real links take a tap first;
 * otherwise the modules, already preloaded, hydrate in one long task before anything is shown.
 */
export const init: ClientInit = () =>
	new Promise((resolve) => {
		const afterPaint = () => setTimeout(resolve, 0);
		// A tab opened in the background draws no frames until it is shown: it must not wait for one.
		if (document.visibilityState === 'visible') requestAnimationFrame(afterPaint);
		else afterPaint();
	});
