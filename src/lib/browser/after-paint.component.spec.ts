import { describe, expect, it, vi } from 'vitest';
import { afterNextPaint, runWorkWaitingForPaint } from './after-paint';

describe('work after the next paint', () => {
	it('runs after the current task, never during it', async () => {
		const work = vi.fn();
		afterNextPaint(work);
		expect(work).not.toHaveBeenCalled();
		await vi.waitFor(() => expect(work).toHaveBeenCalledOnce());
	});

	it('keeps the order it was asked in, even when a later one is due first', async () => {
		const order: string[] = [];
		afterNextPaint(() => order.push('first answer'), { latest: 60 });
		afterNextPaint(() => order.push('second answer'), { latest: 0 });
		await vi.waitFor(() => expect(order).toHaveLength(2));
		expect(order).toEqual(['first answer', 'second answer']);
		await new Promise((resolve) => setTimeout(resolve, 120));
		expect(order).toHaveLength(2);
	});

	it('runs everything waiting at once when the page is hidden or left', () => {
		const work = vi.fn();
		afterNextPaint(work, { latest: 10_000 });
		window.dispatchEvent(new Event('pagehide'));
		expect(work).toHaveBeenCalledOnce();
	});

	it('runs everything waiting, in order, when asked to before the page is left', () => {
		const order: string[] = [];
		afterNextPaint(() => order.push('first answer'), { latest: 10_000 });
		afterNextPaint(() => order.push('second answer'), { latest: 10_000 });
		runWorkWaitingForPaint();
		expect(order).toEqual(['first answer', 'second answer']);
		runWorkWaitingForPaint();
		expect(order).toHaveLength(2);
	});
});
