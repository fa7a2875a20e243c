/**
 * Dates through one module, always in the user's own time zone. A UTC slice of an ISO timestamp
 * gives yesterday's date east of UTC in the morning, so nothing else formats dates.
 */
const LOCALE = 'en-GB';

const dayFormat = new Intl.DateTimeFormat(LOCALE, {
	day: 'numeric',
	month: 'long',
	year: 'numeric'
});
const shortDayFormat = new Intl.DateTimeFormat(LOCALE, {
	day: 'numeric',
	month: 'short',
	year: 'numeric'
});
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit' });

const asDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** "30 November 2026" */
export const longDate = (value: Date | string) => dayFormat.format(asDate(value));
/** "30 Nov 2026" */
export const shortDate = (value: Date | string) => shortDayFormat.format(asDate(value));
/** "30 Nov 2026, 10:51" */
export const dateTime = (value: Date | string) => dateTimeFormat.format(asDate(value));
/** "10:51" */
export const clockTime = (value: Date | string) => timeFormat.format(asDate(value));

/** The calendar date in the user's time zone, as YYYY-MM-DD (for file names and date inputs). */
export function localIsoDate(value: Date | string = new Date()): string {
	const d = asDate(value);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A YYYY-MM-DD date (a due date, with no time of day) in words, without shifting it across time zones. */
export function calendarDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return dayFormat.format(new Date(y!, m! - 1, d!));
}

/** The YYYY-MM-DD date a number of months after `from`, in the user's time zone. */
export function monthsAfter(from: Date, months: number): string {
	const d = new Date(from.getFullYear(), from.getMonth() + months, from.getDate());
	return localIsoDate(d);
}

/** Whole days between two instants (b − a), for "more than a week ago". */
export const daysBetween = (a: Date | string, b: Date | string) =>
	Math.floor((asDate(b).getTime() - asDate(a).getTime()) / 86_400_000);
