import * as v from 'valibot';
import { LIMITS } from './limits';

/** Pieces every saved shape is built from, each carrying its limit and a message a person can act on. */
export const shortText = v.pipe(
	v.string(),
	v.maxLength(LIMITS.shortText, `must be at most ${LIMITS.shortText} characters`)
);
export const longText = v.pipe(
	v.string(),
	v.maxLength(LIMITS.longText, `must be at most ${LIMITS.longText} characters`)
);
export const noteText = v.pipe(
	v.string(),
	v.maxLength(LIMITS.noteChars, `must be at most ${LIMITS.noteChars} characters`)
);
export const IdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9:_-]{1,80}$/, 'is not a valid id'));
export const TimestampSchema = v.pipe(v.string(), v.isoTimestamp('must be a date and time'));
const DATE_RANGE_MESSAGE = `must be a date between ${LIMITS.earliestDate.slice(0, 4)} and ${LIMITS.latestDate.slice(0, 4)}`;

export const DueDateSchema = v.union(
	[
		v.literal(''),
		v.pipe(
			v.string(),
			v.isoDate(DATE_RANGE_MESSAGE),
			v.minValue(LIMITS.earliestDate, DATE_RANGE_MESSAGE),
			v.maxValue(LIMITS.latestDate, DATE_RANGE_MESSAGE)
		)
	],
	DATE_RANGE_MESSAGE
);

/** A map of ids to values. valibot's record also accepts arrays, which a saved map must never be. */
export function mapOf<V extends v.GenericSchema>(value: V, maxEntries: number) {
	return v.pipe(
		v.custom<Record<string, unknown>>(
			(x) => typeof x === 'object' && x !== null && !Array.isArray(x),
			'must be an object, not a list'
		),
		v.record(IdSchema, value),
		v.check((r) => Object.keys(r).length <= maxEntries, `has more than ${maxEntries} entries`)
	);
}

/** A list whose items must not repeat a key (two custom actions with one id would break the page). */
export function uniqueBy<T>(keyOf: (item: T) => string, what: string) {
	return v.check<T[], string>(
		(items) => new Set(items.map(keyOf)).size === items.length,
		`must not list the same ${what} twice`
	);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Finds keys that could pollute prototypes, and nesting deep enough to be an attack, before any schema runs. */
export function structuralProblem(value: unknown, depth = 0): string | null {
	if (depth > LIMITS.depth) return 'The file is nested too deeply to be a saved file of this app.';
	if (value === null || typeof value !== 'object') return null;
	for (const k of Object.keys(value)) {
		if (FORBIDDEN_KEYS.has(k)) return `The file contains a forbidden key "${k}".`;
		const problem = structuralProblem((value as Record<string, unknown>)[k], depth + 1);
		if (problem) return problem;
	}
	return null;
}

export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
	const lines = issues.slice(0, 3).map((issue) => {
		const path = v.getDotPath(issue);
		return `${path ?? 'the file'}: ${issue.message}`;
	});
	const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
	return `${lines.join('; ')}${more}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The one gate for a shape from outside: structure first, then the schema. Never throws. */
export function parseWith<S extends v.GenericSchema>(
	schema: S,
	data: unknown,
	what: string
): Parsed<v.InferOutput<S>> {
	if (data === null || typeof data !== 'object' || Array.isArray(data))
		return { ok: false, message: `This is not a ${what}.` };
	const structural = structuralProblem(data);
	if (structural) return { ok: false, message: structural };
	const result = v.safeParse(schema, data);
	if (!result.success)
		return {
			ok: false,
			message: `This ${what} is damaged or not valid: ${describeIssues(result.issues)}.`
		};
	return { ok: true, value: result.output };
}
