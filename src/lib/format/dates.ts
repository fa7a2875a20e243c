/**
 * Dates through one module, always in the user's own time zone. A UTC slice of an ISO timestamp
 * gives yesterday's date east of UTC in the morning, so nothing else formats dates.
 */
const LOCALE = 'en-GB';

/**
 * A formatter made when first used. The first one a page makes loads the browser's locale data, about
 * 100 ms on a slow phone, so the steps of an assessment, which show only the two below done by hand,
 * never make one.
 */
function formatter(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
	let made: Intl.DateTimeFormat | undefined;
	return () => (made ??= new Intl.DateTimeFormat(LOCALE, options));
}
const dayFormat = formatter({ day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = formatter({ dateStyle: 'medium', timeStyle: 'short' });

/** en-GB's short month names, as Intl writes them ("Sept", not "Sep"); a test holds them to Intl. */
const SHORT_MONTHS = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sept',
	'Oct',
	'Nov',
	'Dec'
] as const;
const twoDigits = (n: number) => String(n).padStart(2, '0');

const asDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** "30 November 2026" */
export const longDate = (value: Date | string) => dayFormat().format(asDate(value));
/** "30 Nov 2026" */
export function shortDate(value: Date | string): string {
	const d = asDate(value);
	return `${d.getDate()} ${SHORT_MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}
/** "30 Nov 2026, 10:51" */
export const dateTime = (value: Date | string) => dateTimeFormat().format(asDate(value));
/** "10:51", on the 24-hour clock */
export function clockTime(value: Date | string): string {
	const d = asDate(value);
	return `${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}`;
}

/** The calendar date in the user's time zone, as YYYY-MM-DD (for file names and date inputs). */
export function localIsoDate(value: Date | string = new Date()): string {
	const d = asDate(value);
	return `${d.getFullYear()}-${twoDigits(d.getMonth() + 1)}-${twoDigits(d.getDate())}`;
}

/** A YYYY-MM-DD date (a due date, with no time of day) in words, without shifting it across time zones. */
export function calendarDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return dayFormat().format(new Date(y!, m! - 1, d!));
}

/** The YYYY-MM-DD date a number of months after `from`, in the user's time zone. */
export function monthsAfter(from: Date, months: number): string {
	const d = new Date(from.getFullYear(), from.getMonth() + months, from.getDate());
	return localIsoDate(d);
}

/** Whole days between two instants (b − a), for "more than a week ago". */
export const daysBetween = (a: Date | string, b: Date | string) =>
	Math.floor((asDate(b).getTime() - asDate(a).getTime()) / 86_400_000);
