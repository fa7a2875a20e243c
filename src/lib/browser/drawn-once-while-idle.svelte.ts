import { afterNextPaint } from './after-paint';
import { whenIdle } from './idle';

/**
 * Something drawn once, out of sight, while the browser is idle, and removed after the next paint.
 * The first time a part is drawn costs far more than later times (its code is compiled and its
 * markup parsed); this way that first time is not the click that opens the step showing it.
 */
export class DrawnOnceWhileIdle {
	shown = $state(false);
	#asked = false;

	/** Draws it when the browser is next idle, the first time this is asked for only. */
	soon() {
		if (this.#asked) return;
		this.#asked = true;
		whenIdle(
			() => {
				this.shown = true;
				afterNextPaint(() => (this.shown = false));
			},
			{ within: 5000, otherwiseAfter: 1000 }
		);
	}
}
