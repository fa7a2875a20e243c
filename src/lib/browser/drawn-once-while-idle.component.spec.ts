import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DrawnOnceWhileIdle, SETTLE_MS } from './drawn-once-while-idle.svelte';

// Idle moments and paints happen when the test says so.
const waiting = vi.hoisted(() => ({ idle: [] as (() => unknown)[], paint: [] as (() => void)[] }));
vi.mock('./idle', () => ({ whenIdle: (work: () => unknown) => void waiting.idle.push(work) }));
vi.mock('./after-paint', () => ({
	afterNextPaint: (work: () => void) => void waiting.paint.push(work)
}));
const run = (queue: (() => unknown)[]) => {
	for (const work of queue.splice(0)) work();
};

beforeEach(() => {
	vi.useFakeTimers();
	waiting.idle.splice(0);
	waiting.paint.splice(0);
});
afterEach(() => vi.useRealTimers());

describe('a part drawn once, out of sight, while the browser is idle', () => {
	it('is drawn only once the step has settled and the browser is idle, and taken away after the next paint', () => {
		const rehearsal = new DrawnOnceWhileIdle();
		rehearsal.soon();
		vi.advanceTimersByTime(SETTLE_MS - 1);
		expect(waiting.idle).toHaveLength(0);
		vi.advanceTimersByTime(1);
		expect(rehearsal.shown).toBe(false);
		run(waiting.idle);
		expect(rehearsal.shown).toBe(true);
		run(waiting.paint);
		expect(rehearsal.shown).toBe(false);
	});

	it('is drawn once however often it is asked for', () => {
		const rehearsal = new DrawnOnceWhileIdle();
		rehearsal.soon();
		rehearsal.soon();
		vi.advanceTimersByTime(SETTLE_MS);
		run(waiting.idle);
		run(waiting.paint);
		rehearsal.soon();
		vi.advanceTimersByTime(SETTLE_MS);
		expect(waiting.idle).toHaveLength(0);
		expect(rehearsal.shown).toBe(false);
	});
});
