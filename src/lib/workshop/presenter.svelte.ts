import type { Rating } from '$lib/model/assessment';
import type { StatementSpread } from './aggregate';
import type { WorkshopDesk } from './desk.svelte';

/**
 * The projector view: one statement at a time, hotspots first, with the anonymous spread of
 * ratings; the room agrees a rating and moves on. Agreeing here marks the rating "discussed".
 */
export class Presenter {
	index = $state(0);
	/** Hotspots first, then the statements not agreed yet, so nothing is left out of the discussion. */
	readonly queue: StatementSpread[];
	readonly current: StatementSpread | null;
	readonly hotspotCount: number;

	constructor(readonly desk: WorkshopDesk) {
		this.queue = $derived.by(() => {
			const { hotspots, statements } = desk.picture;
			const rest = statements.filter((s) => !hotspots.includes(s) && s.rated > 0);
			return [...hotspots, ...rest];
		});
		this.hotspotCount = $derived(desk.picture.hotspots.length);
		this.current = $derived(this.queue[Math.min(this.index, this.queue.length - 1)] ?? null);
	}

	agree(rating: Rating) {
		if (!this.current) return;
		this.desk.agree(this.current.id, rating);
	}

	next() {
		this.index = Math.min(this.index + 1, this.queue.length - 1);
	}

	previous() {
		this.index = Math.max(this.index - 1, 0);
	}
}
