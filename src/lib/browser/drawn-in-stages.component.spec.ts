import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DrawnInStages } from './drawn-in-stages.svelte';

// Paints happen when the test says so.
const waitingForPaint = vi.hoisted(() => [] as (() => void)[]);
vi.mock('./after-paint', () => ({
	afterNextPaint: (work: () => void) => void waitingForPaint.push(work)
}));
const paint = () => {
	for (const work of waitingForPaint.splice(0)) work();
};

beforeEach(() => void waitingForPaint.splice(0));

describe('a long list drawn in stages', () => {
	it('draws everything until a staged drawing starts', () => {
		const drawn = new DrawnInStages(() => 9);
		expect(drawn.limit).toBe(Infinity);
		expect(drawn.busy).toBe(false);
	});

	it('draws the first screen at once, then a few more after each paint until all are drawn', () => {
		const drawn = new DrawnInStages(() => 9, 3);
		drawn.firstScreenFirst(2);
		expect([drawn.limit, drawn.busy]).toEqual([2, true]);
		paint();
		expect(drawn.limit).toBe(5);
		paint();
		expect(drawn.limit).toBe(8);
		paint();
		expect([drawn.limit, drawn.busy]).toEqual([Infinity, false]);
		expect(waitingForPaint).toHaveLength(0);
	});

	it('draws everything at once when asked, and the drawing it cut short adds nothing later', () => {
		const drawn = new DrawnInStages(() => 30, 1);
		drawn.firstScreenFirst(2);
		drawn.all();
		expect(drawn.limit).toBe(Infinity);
		drawn.firstScreenFirst(1);
		paint();
		// Only the new drawing's one more, not the old one's as well.
		expect(drawn.limit).toBe(2);
		drawn.all();
		paint();
		expect(drawn.limit).toBe(Infinity);
	});

	it('is not busy when the list is shorter than the first screen, and finishes at the next paint', () => {
		const drawn = new DrawnInStages(() => 1);
		drawn.firstScreenFirst(2);
		expect(drawn.busy).toBe(false);
		paint();
		expect(drawn.limit).toBe(Infinity);
	});

	it('draws everything at once when the page is printed during the drawing', () => {
		const drawn = new DrawnInStages(() => 9);
		drawn.firstScreenFirst(2);
		window.dispatchEvent(new Event('beforeprint'));
		expect(drawn.limit).toBe(Infinity);
		paint();
		expect(drawn.limit).toBe(Infinity);
	});
});
