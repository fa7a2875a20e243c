import * as v from 'valibot';
import {
	AnswerSchema,
	AssessmentSchema,
	CustomActionSchema,
	PlanEditSchema,
	PositionSchema,
	ProfileSchema,
	SCHEMA_VERSION,
	type Assessment
} from '$lib/model/assessment';
import {
	describeIssues,
	DueDateSchema,
	IdSchema,
	structuralProblem,
	TimestampSchema
} from '$lib/model/checks';
import { fitShortText, LIMITS } from '$lib/model/limits';
import { migrate, OLDEST_READABLE_VERSION } from './migrate';

export type ReadResult =
	| { ok: true; assessment: Assessment; notices: string[]; repaired: string[] }
	| { ok: false; reason: 'newer'; version: number; message: string }
	| { ok: false; reason: 'unreadable'; message: string };

type Raw = Record<string, unknown>;
const isObject = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A value through one schema, or the fallback with a note of what was wrong (text too long is cut instead). */
function keep<T>(
	schema: v.GenericSchema<unknown, T>,
	value: unknown,
	fallback: T,
	path: string,
	repaired: string[]
): T {
	const result = v.safeParse(schema, value);
	if (result.success) return result.output;
	if (typeof value === 'string' && typeof fallback === 'string') {
		const cut = v.safeParse(schema, fitShortText(value).slice(0, LIMITS.noteChars));
		if (cut.success) {
			repaired.push(`${path} was too long and has been shortened.`);
			return cut.output;
		}
	}
	if (value !== undefined)
		repaired.push(`${path} was not valid (${describeIssues(result.issues)}) and has been reset.`);
	return fallback;
}

/** Entries of a saved map that pass their schema; the others are dropped and named. */
function keepEntries<T>(
	schema: v.GenericSchema<unknown, T>,
	value: unknown,
	path: string,
	repaired: string[],
	max: number,
	repairEntry?: (entry: Raw, path: string) => unknown
): Record<string, T> {
	const out: Record<string, T> = {};
	if (!isObject(value)) {
		if (value !== undefined)
			repaired.push(`${path} was not a list of entries and has been emptied.`);
		return out;
	}
	for (const [key, entry] of Object.entries(value)) {
		if (Object.keys(out).length >= max) {
			repaired.push(`${path} had more than ${max} entries; the rest were dropped.`);
			break;
		}
		if (!v.safeParse(IdSchema, key).success) {
			repaired.push(`${path} had an entry with an invalid name, which was dropped.`);
			continue;
		}
		const fixed = repairEntry && isObject(entry) ? repairEntry(entry, `${path}.${key}`) : entry;
		const result = v.safeParse(schema, fixed);
		if (result.success) out[key] = result.output;
		else repaired.push(`${path}.${key} was not valid and was dropped.`);
	}
	return out;
}

/** Keeps the valid fields of one object entry and drops the rest, naming each. */
function keepFields(
	schema: v.StrictObjectSchema<v.ObjectEntries, undefined>,
	entry: Raw,
	path: string,
	repaired: string[]
): Raw {
	const out: Raw = {};
	for (const [field, value] of Object.entries(entry)) {
		const fieldSchema = schema.entries[field];
		if (!fieldSchema) {
			repaired.push(`${path}.${field} is not part of a saved assessment and was dropped.`);
			continue;
		}
		const result = v.safeParse(fieldSchema, value);
		if (result.success) out[field] = result.output;
		else if (
			typeof value === 'string' &&
			v.safeParse(fieldSchema, value.slice(0, LIMITS.longText)).success
		) {
			out[field] = value.slice(0, LIMITS.longText);
			repaired.push(`${path}.${field} was too long and has been shortened.`);
		} else repaired.push(`${path}.${field} was not valid and was removed.`);
	}
	return out;
}

/**
 * Rebuilds a damaged record field by field: every valid value is kept, each invalid one is reset
 * or dropped and named. Only a record without a usable identity cannot be repaired.
 */
function repair(raw: Raw, repaired: string[]): Assessment | null {
	const id = v.safeParse(IdSchema, raw.id);
	if (!id.success) return null;
	const now = new Date().toISOString();
	const createdAt = keep(TimestampSchema, raw.createdAt, now, 'createdAt', repaired);
	const profileRaw = isObject(raw.profile) ? raw.profile : {};
	const profile = keepFields(ProfileSchema, profileRaw, 'profile', repaired);
	const plan = isObject(raw.plan) ? raw.plan : {};
	const seen = new Set<string>();
	const custom = (Array.isArray(plan.custom) ? plan.custom : []).flatMap((item, i) => {
		const parsed = v.safeParse(
			CustomActionSchema,
			isObject(item)
				? {
						owner: '',
						due: '',
						status: 'not-started',
						text: '',
						...keepFields(CustomActionSchema, item, `plan.custom.${i}`, repaired)
					}
				: item
		);
		if (!parsed.success || seen.has(parsed.output.id) || seen.size >= LIMITS.customActions) {
			repaired.push(`plan.custom.${i} was not valid or repeated and was dropped.`);
			return [];
		}
		seen.add(parsed.output.id);
		return [parsed.output];
	});
	const candidate: Raw = {
		schemaVersion: SCHEMA_VERSION,
		contentVersion: keep(
			v.pipe(v.string(), v.maxLength(LIMITS.shortText)),
			raw.contentVersion,
			'unknown',
			'contentVersion',
			repaired
		),
		id: id.output,
		kind: keep(
			v.picklist(['assessment', 'workshop-consensus']),
			raw.kind,
			'assessment',
			'kind',
			repaired
		),
		title: keep(
			v.pipe(v.string(), v.maxLength(LIMITS.shortText)),
			raw.title,
			'',
			'title',
			repaired
		),
		createdAt,
		updatedAt: keep(TimestampSchema, raw.updatedAt, createdAt, 'updatedAt', repaired),
		revision: keep(
			v.pipe(v.number(), v.integer(), v.minValue(0)),
			raw.revision,
			0,
			'revision',
			repaired
		),
		profile: {
			organisationName: '',
			assessor: '',
			serviceType: '',
			settings: [],
			consumerTerm: 'consumer',
			peerTerm: 'peer-worker',
			...profile
		},
		decisions: keepEntries(IdSchema, raw.decisions, 'decisions', repaired, LIMITS.decisions),
		answers: keepEntries(
			AnswerSchema,
			raw.answers,
			'answers',
			repaired,
			LIMITS.answers,
			(entry, path) => keepFields(AnswerSchema, entry, path, repaired)
		),
		plan: {
			edits: keepEntries(
				PlanEditSchema,
				plan.edits,
				'plan.edits',
				repaired,
				LIMITS.planEdits,
				(entry, path) => keepFields(PlanEditSchema, entry, path, repaired)
			),
			custom,
			order: (Array.isArray(plan.order) ? plan.order : [])
				.filter((k) => v.safeParse(IdSchema, k).success)
				.slice(0, LIMITS.planOrder)
		},
		position: keep(PositionSchema, raw.position, { step: 'profile' as const }, 'position', repaired)
	};
	for (const [field, schema] of [
		['workshopId', IdSchema],
		['lastExportedAt', TimestampSchema],
		['reassessOn', DueDateSchema]
	] as const) {
		if (raw[field] === undefined) continue;
		if (v.safeParse(schema, raw[field]).success) candidate[field] = raw[field];
		else repaired.push(`${field} was not valid and was removed.`);
	}
	const result = v.safeParse(AssessmentSchema, candidate);
	return result.success ? result.output : null;
}

/**
 * The one gate for an assessment from outside the page: browser storage, imported files and
 * workshop files. It never throws. A newer format is reported and left alone; a damaged field is
 * repaired and named when `allowRepair` is set (storage), refused otherwise (imports).
 */
export function readAssessment(input: unknown, options: { allowRepair: boolean }): ReadResult {
	try {
		if (!isObject(input))
			return {
				ok: false,
				reason: 'unreadable',
				message: 'This is not a saved assessment: expected a JSON object.'
			};
		const structural = structuralProblem(input);
		if (structural) return { ok: false, reason: 'unreadable', message: structural };
		const version = input.schemaVersion;
		if (typeof version !== 'number' || !Number.isInteger(version))
			return {
				ok: false,
				reason: 'unreadable',
				message: 'This is not a saved assessment from Peer Work Readiness (no schemaVersion).'
			};
		if (version > SCHEMA_VERSION)
			return {
				ok: false,
				reason: 'newer',
				version,
				message: `This was saved by a newer version of the app (format ${version}); this version reads formats up to ${SCHEMA_VERSION}. Reload the page to update the app. Nothing was changed.`
			};
		if (version < OLDEST_READABLE_VERSION)
			return {
				ok: false,
				reason: 'unreadable',
				message: `This file uses format ${version}, which is too old to read.`
			};
		const notices: string[] = [];
		const migrated = migrate(input, version, notices);
		const result = v.safeParse(AssessmentSchema, migrated);
		if (result.success) return { ok: true, assessment: result.output, notices, repaired: [] };
		if (!options.allowRepair)
			return {
				ok: false,
				reason: 'unreadable',
				message: `This saved assessment is damaged or not valid: ${describeIssues(result.issues)}. Nothing was changed.`
			};
		const repaired: string[] = [];
		const fixed = repair(migrated, repaired);
		if (!fixed)
			return {
				ok: false,
				reason: 'unreadable',
				message: `This saved assessment is damaged beyond repair: ${describeIssues(result.issues)}.`
			};
		return { ok: true, assessment: fixed, notices, repaired };
	} catch {
		return {
			ok: false,
			reason: 'unreadable',
			message: 'This saved assessment could not be read. Nothing was changed.'
		};
	}
}

/** Parses the text of a file, with the size limit applied before JSON.parse. */
export function readAssessmentText(text: string, options: { allowRepair: boolean }): ReadResult {
	const clean = text.replace(/^\uFEFF/, '');
	if (clean.length > LIMITS.fileChars)
		return {
			ok: false,
			reason: 'unreadable',
			message: `This file has ${(clean.length / 1_000_000).toFixed(1)} million characters; a saved assessment is never more than ${LIMITS.fileChars / 1_000_000} million. Nothing was changed.`
		};
	let data: unknown;
	try {
		data = JSON.parse(clean);
	} catch {
		return {
			ok: false,
			reason: 'unreadable',
			message:
				'This file is not valid JSON (it may be cut short, or not a save file). Nothing was changed.'
		};
	}
	return readAssessment(data, options);
}
