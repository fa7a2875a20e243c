/**
 * The one set of limits on what a person can enter. Inputs carry them (maxlength, min/max) and the
 * loader checks them, so nothing the app accepts can ever be refused when it is read back.
 */
export const LIMITS = {
	/** A save file or storage entry, in characters of JSON (not bytes: UTF-8 can be larger). */
	fileChars: 4_000_000,
	noteChars: 5_000,
	shortText: 300,
	longText: 5_000,
	answers: 500,
	customActions: 200,
	planEdits: 500,
	planOrder: 1_000,
	decisions: 100,
	settings: 20,
	depth: 12,
	/** Due dates: a four-digit year in a sensible range, so a held key cannot make year 202666. */
	earliestDate: '2000-01-01',
	latestDate: '2099-12-31',
	workshopResponses: 500
} as const;

/** Text the app itself builds from user text (titles with a prefix or suffix) is cut to fit. */
export function fitShortText(text: string): string {
	return text.length <= LIMITS.shortText ? text : `${text.slice(0, LIMITS.shortText - 1)}…`;
}
