import * as v from 'valibot';
import { SCHEMA_VERSION, type Assessment } from '$lib/assessment/types';
import { migrate, OLDEST_READABLE_VERSION } from './migrate';

/** Limits that keep a hostile file from exhausting memory or the page. */
export const LIMITS = {
	fileBytes: 2_000_000,
	noteChars: 5_000,
	shortText: 300,
	longText: 5_000,
	answers: 500,
	customActions: 200,
	depth: 12
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const shortText = v.pipe(
	v.string(),
	v.maxLength(LIMITS.shortText, `must be at most ${LIMITS.shortText} characters`)
);
const longText = v.pipe(
	v.string(),
	v.maxLength(LIMITS.longText, `must be at most ${LIMITS.longText} characters`)
);
export const key = v.pipe(v.string(), v.regex(/^[A-Za-z0-9:_-]{1,80}$/, 'is not a valid id'));
const isoDate = v.pipe(v.string(), v.isoTimestamp('must be a date and time'));
const status = v.picklist(['not-started', 'in-progress', 'done']);
const dueDate = v.union([
	v.literal(''),
	v.pipe(v.string(), v.isoDate('must be a date (YYYY-MM-DD)'))
]);

/** A map of ids to values. valibot's record also accepts arrays, which a saved map must never be. */
export function mapOf<V extends v.GenericSchema>(value: V, maxEntries: number) {
	return v.pipe(
		v.custom<Record<string, unknown>>(
			(x) => typeof x === 'object' && x !== null && !Array.isArray(x),
			'must be an object, not a list'
		),
		v.record(key, value),
		v.check((r) => Object.keys(r).length <= maxEntries, `has more than ${maxEntries} entries`)
	);
}

export const RatingSchema = v.union([
	v.picklist([0, 1, 2, 3, 4], 'must be a level from 0 to 4'),
	v.picklist(['dont-know', 'not-applicable'])
]);

const PositionSchema = v.variant('step', [
	v.strictObject({ step: v.literal('profile') }),
	v.strictObject({ step: v.literal('decisions') }),
	v.strictObject({
		step: v.literal('domain'),
		index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50))
	}),
	v.strictObject({ step: v.literal('review') }),
	v.strictObject({ step: v.literal('results') })
]);

export const ProfileSchema = v.strictObject({
	organisationName: shortText,
	assessor: shortText,
	serviceType: shortText,
	settings: v.pipe(v.array(shortText), v.maxLength(20)),
	consumerTerm: shortText,
	peerTerm: shortText,
	bpdSpecific: v.picklist(['yes', 'no'])
});

export const AssessmentSchema = v.strictObject({
	schemaVersion: v.literal(SCHEMA_VERSION),
	contentVersion: shortText,
	id: key,
	kind: v.picklist(['assessment', 'workshop-consensus']),
	title: shortText,
	createdAt: isoDate,
	updatedAt: isoDate,
	profile: ProfileSchema,
	decisions: mapOf(key, 100),
	answers: mapOf(
		v.strictObject({
			rating: v.optional(RatingSchema),
			note: v.optional(
				v.pipe(
					v.string(),
					v.maxLength(LIMITS.noteChars, `must be at most ${LIMITS.noteChars} characters`)
				)
			)
		}),
		LIMITS.answers
	),
	plan: v.strictObject({
		edits: mapOf(
			v.strictObject({
				title: v.optional(shortText),
				text: v.optional(longText),
				owner: v.optional(shortText),
				due: v.optional(dueDate),
				status: v.optional(status),
				removed: v.optional(v.boolean())
			}),
			500
		),
		custom: v.pipe(
			v.array(
				v.strictObject({
					id: key,
					title: shortText,
					text: longText,
					owner: shortText,
					due: dueDate,
					status
				})
			),
			v.maxLength(LIMITS.customActions)
		),
		order: v.pipe(v.array(key), v.maxLength(1000))
	}),
	position: PositionSchema,
	workshopId: v.optional(key)
});

export type ParseResult =
	{ ok: true; assessment: Assessment; notices: string[] } | { ok: false; message: string };

/** Finds keys that could pollute prototypes and nesting deep enough to be an attack, before any schema runs. */
export function structuralProblem(value: unknown, depth = 0): string | null {
	if (depth > LIMITS.depth) return 'The file is nested too deeply to be a saved assessment.';
	if (value === null || typeof value !== 'object') return null;
	for (const k of Object.keys(value)) {
		if (FORBIDDEN_KEYS.has(k)) return `The file contains a forbidden key "${k}".`;
		const problem = structuralProblem((value as Record<string, unknown>)[k], depth + 1);
		if (problem) return problem;
	}
	return null;
}

export function describeIssues(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
	const lines = issues.slice(0, 3).map((issue) => {
		const path = v.getDotPath(issue);
		return `${path ?? 'the file'}: ${issue.message}`;
	});
	const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
	return `${lines.join('; ')}${more}`;
}

/**
 * The one gate for everything that comes from outside: browser storage, imported files and
 * workshop links. It never throws; it answers with an assessment or a message a person can act on.
 */
export function parseAssessment(
	input: unknown,
	knownStatementIds?: ReadonlySet<string>
): ParseResult {
	try {
		if (input === null || typeof input !== 'object' || Array.isArray(input)) {
			return { ok: false, message: 'This is not a saved assessment: expected a JSON object.' };
		}
		const structural = structuralProblem(input);
		if (structural) return { ok: false, message: structural };
		const version = (input as { schemaVersion?: unknown }).schemaVersion;
		if (typeof version !== 'number' || !Number.isInteger(version)) {
			return {
				ok: false,
				message: 'This is not a saved assessment from Peer Work Readiness (no schemaVersion).'
			};
		}
		if (version > SCHEMA_VERSION) {
			return {
				ok: false,
				message: `This file was saved by a newer version of the app (format ${version}); this version reads formats up to ${SCHEMA_VERSION}. Nothing was changed.`
			};
		}
		if (version < OLDEST_READABLE_VERSION) {
			return { ok: false, message: `This file uses format ${version}, which is too old to read.` };
		}
		const notices: string[] = [];
		const migrated = migrate(input as Record<string, unknown>, version, notices);
		const result = v.safeParse(AssessmentSchema, migrated);
		if (!result.success) {
			return {
				ok: false,
				message: `This saved assessment is damaged or not valid: ${describeIssues(result.issues)}. Nothing was changed.`
			};
		}
		const assessment = result.output as Assessment;
		if (knownStatementIds) {
			const orphans = Object.keys(assessment.answers).filter((id) => !knownStatementIds.has(id));
			if (orphans.length) {
				notices.push(
					`${orphans.length} answer${orphans.length === 1 ? ' is' : 's are'} for statements that are no longer in the question bank (${orphans.slice(0, 5).join(', ')}${orphans.length > 5 ? ', …' : ''}). They are kept in the file but not scored.`
				);
			}
		}
		return { ok: true, assessment, notices };
	} catch {
		return { ok: false, message: 'This saved assessment could not be read. Nothing was changed.' };
	}
}

/** Parses the text of a file or storage entry, with the size limit applied before JSON.parse. */
export function parseAssessmentText(
	text: string,
	knownStatementIds?: ReadonlySet<string>
): ParseResult {
	if (text.length > LIMITS.fileBytes) {
		return {
			ok: false,
			message: `This file is ${(text.length / 1_000_000).toFixed(1)} MB; a saved assessment is never more than ${LIMITS.fileBytes / 1_000_000} MB. Nothing was changed.`
		};
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {
			ok: false,
			message:
				'This file is not valid JSON (it may be truncated or not a save file). Nothing was changed.'
		};
	}
	return parseAssessment(data, knownStatementIds);
}
