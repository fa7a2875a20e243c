import { afterNextPaint } from './after-paint';
import { whenIdle } from './idle';

/**
 * How long a step has been shown before a part is rehearsed for it. Rehearsed the moment a step
 * opens, the part competed with drawing that step (the click into the review measured ~40 ms slower
 * at 4x); a person reads a step for far longer than this before moving on.
 */
export const SETTLE_MS = 300;

/**
 * Something drawn once, out of sight, while the browser is idle, and removed after the next paint.
 * The first time a part is drawn costs far more than later times (its code is compiled and its
 * markup parsed); this way that first time is not the click that opens the step showing it.
 */
export class DrawnOnceWhileIdle {
	shown = $state(false);
	#asked = false;

	/** Draws it once the step has settled and the browser is idle, the first time this is asked for only. */
	soon() {
		if (this.#asked) return;
		this.#asked = true;
		setTimeout(
			() =>
				whenIdle(
					() => {
						this.shown = true;
						afterNextPaint(() => (this.shown = false));
					},
					{ within: 5000, otherwiseAfter: 1000 }
				),
			SETTLE_MS
		);
	}
}
