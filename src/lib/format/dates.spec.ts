import { describe, expect, it } from 'vitest';
import { clockTime, shortDate } from './dates';

// The two formats the assessment's steps show are written by hand (see dates.ts): they must read
// exactly as the browser's own en-GB formatting would.
describe('dates written without Intl', () => {
	const days = Array.from(
		{ length: 12 },
		(_, month) => new Date(2026, month, month * 2 + 1, month * 2, month * 5)
	);
	days.push(
		new Date(2027, 0, 31, 0, 0),
		new Date(2025, 11, 9, 23, 59),
		new Date(2026, 8, 30, 12, 3)
	);

	it('a short date reads as Intl writes it in en-GB, for every month', () => {
		const intl = new Intl.DateTimeFormat('en-GB', {
			day: 'numeric',
			month: 'short',
			year: 'numeric'
		});
		for (const day of days) expect(shortDate(day)).toBe(intl.format(day));
		expect(shortDate(new Date(2026, 8, 3))).toBe('3 Sept 2026');
	});

	it('a clock time reads as Intl writes it in en-GB: 24-hour, two digits each', () => {
		const intl = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
		for (const day of days) expect(clockTime(day)).toBe(intl.format(day));
		expect(clockTime(new Date(2026, 0, 1, 0, 5))).toBe('00:05');
	});

	it('an ISO timestamp is shown in the local time zone, as a Date is', () => {
		const iso = '2026-11-30T23:30:00.000Z';
		expect(shortDate(iso)).toBe(shortDate(new Date(iso)));
		expect(clockTime(iso)).toBe(clockTime(new Date(iso)));
	});
});
