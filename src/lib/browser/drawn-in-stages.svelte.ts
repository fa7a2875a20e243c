import { flushSync } from 'svelte';
import { afterNextPaint } from './after-paint';

/**
 * How much of a long list to draw now. A step the person moves on to draws what fits on the first
 * screen in the frame that answers their click, then the rest a few items after each paint, so the
 * step appears as soon as a plain page's would and no single task grows long. Everything else
 * (opening a page, Back and Forward, a link to one statement) draws the whole list at once: the
 * browser puts back the scroll position, or finds the statement, in the full page.
 */
export class DrawnInStages {
	/** How many items to draw; everything unless a staged drawing is under way. */
	limit = $state(Infinity);
	#run = 0;

	constructor(
		/** How many items the list has now. */
		private readonly total: () => number,
		/** How many more are drawn after each paint. */
		private readonly more = 3
	) {}

	/** Whether the list is still being drawn (for `aria-busy`). */
	get busy(): boolean {
		return this.limit < this.total();
	}

	/** Draws the items that fill the first screen now, the rest after the next paints. */
	firstScreenFirst(onFirstScreen: number) {
		const run = ++this.#run;
		this.limit = onFirstScreen;
		const drawMore = () => {
			if (run !== this.#run) return;
			if (this.limit + this.more >= this.total()) return this.all();
			this.limit += this.more;
			afterNextPaint(drawMore);
		};
		afterNextPaint(drawMore);
		if (typeof window !== 'undefined') window.addEventListener('beforeprint', this.#forPrint);
	}

	/** Draws everything at once. */
	all() {
		this.#run++;
		this.limit = Infinity;
		if (typeof window !== 'undefined') window.removeEventListener('beforeprint', this.#forPrint);
	}

	/** A printout is laid out as soon as this returns: everything is drawn in it. */
	#forPrint = () => {
		this.all();
		flushSync();
	};
}
