import * as v from 'valibot';
import {
	AnswerSchema,
	CustomActionSchema,
	PlanEditSchema,
	PositionSchema,
	ProfileSchema,
	type Answer,
	type Assessment
} from './assessment';
import { describeIssues, DueDateSchema, IdSchema, shortText, TimestampSchema } from './checks';
import { LIMITS } from './limits';

/** A patch sets the fields it names; `clear` removes fields (a note deleted, a rating taken back). */
function patchOf<
	S extends
		v.ObjectSchema<v.ObjectEntries, undefined> | v.StrictObjectSchema<v.ObjectEntries, undefined>
>(schema: S) {
	const keys = Object.keys(schema.entries) as [string, ...string[]];
	return {
		patch: v.partial(schema),
		clear: v.optional(v.array(v.picklist(keys)))
	};
}

const CustomFieldsSchema = v.omit(CustomActionSchema, ['id']);

/**
 * One change a person makes. Tabs save changes, not snapshots: each change is applied to the latest
 * stored record inside one transaction, so an edit made in a stale tab never discards a newer one.
 */
export const AssessmentChangeSchema = v.variant('type', [
	v.strictObject({
		type: v.literal('answer'),
		statementId: IdSchema,
		...patchOf(AnswerSchema)
	}),
	v.strictObject({
		type: v.literal('decision'),
		decisionId: IdSchema,
		optionId: v.nullable(IdSchema)
	}),
	v.strictObject({ type: v.literal('profile'), ...patchOf(ProfileSchema) }),
	v.strictObject({ type: v.literal('title'), title: shortText }),
	v.strictObject({ type: v.literal('position'), position: PositionSchema }),
	v.strictObject({ type: v.literal('plan-edit'), key: IdSchema, ...patchOf(PlanEditSchema) }),
	v.strictObject({ type: v.literal('custom-add'), action: CustomActionSchema }),
	v.strictObject({ type: v.literal('custom-edit'), id: IdSchema, ...patchOf(CustomFieldsSchema) }),
	v.strictObject({ type: v.literal('custom-remove'), id: IdSchema }),
	v.strictObject({
		type: v.literal('plan-order'),
		order: v.pipe(v.array(IdSchema), v.maxLength(LIMITS.planOrder))
	}),
	v.strictObject({ type: v.literal('exported'), at: TimestampSchema }),
	v.strictObject({ type: v.literal('reassess'), on: DueDateSchema }),
	v.strictObject({
		type: v.literal('content-version'),
		contentVersion: shortText,
		/** Statements whose meaning changed: their ratings are kept as "earlier" and must be re-rated. */
		rerate: v.array(IdSchema)
	})
]);

export type AssessmentChange = v.InferOutput<typeof AssessmentChangeSchema>;

export class ChangeRefused extends Error {
	override name = 'ChangeRefused';
}

/** Checks a change against the same limits the loader applies; a message names what is wrong. */
export function checkChange(
	change: unknown
): { ok: true; change: AssessmentChange } | { ok: false; message: string } {
	const result = v.safeParse(AssessmentChangeSchema, change);
	return result.success
		? { ok: true, change: result.output }
		: { ok: false, message: `This change cannot be saved: ${describeIssues(result.issues)}.` };
}

function applyPatch<T extends object>(target: T, patch: Partial<T>, clear: readonly string[] = []) {
	for (const [key, value] of Object.entries(patch))
		if (value !== undefined) (target as Record<string, unknown>)[key] = value;
	for (const key of clear) delete (target as Record<string, unknown>)[key];
}

/**
 * Applies one checked change to an assessment, in place. Applying a valid change to a valid record
 * always gives a valid record: every count limit is enforced here, where the change is made.
 */
export function applyChange(a: Assessment, change: AssessmentChange): void {
	switch (change.type) {
		case 'answer': {
			const existing = a.answers[change.statementId];
			if (!existing && Object.keys(a.answers).length >= LIMITS.answers)
				throw new ChangeRefused(`An assessment holds at most ${LIMITS.answers} answers.`);
			const answer: Answer = { ...existing };
			applyPatch(answer, change.patch, change.clear);
			if (Object.keys(answer).length === 0) delete a.answers[change.statementId];
			else a.answers[change.statementId] = answer;
			return;
		}
		case 'decision':
			if (change.optionId === null) delete a.decisions[change.decisionId];
			else {
				if (
					!(change.decisionId in a.decisions) &&
					Object.keys(a.decisions).length >= LIMITS.decisions
				)
					throw new ChangeRefused(`An assessment holds at most ${LIMITS.decisions} decisions.`);
				a.decisions[change.decisionId] = change.optionId;
			}
			return;
		case 'profile':
			// Only the optional BPD choice can be removed; other profile fields are emptied instead.
			applyPatch(
				a.profile,
				change.patch,
				change.clear?.filter((k) => k === 'bpdSpecific')
			);
			return;
		case 'title':
			a.title = change.title;
			return;
		case 'position':
			a.position = change.position;
			return;
		case 'plan-edit': {
			if (!(change.key in a.plan.edits) && Object.keys(a.plan.edits).length >= LIMITS.planEdits)
				throw new ChangeRefused(`A plan holds at most ${LIMITS.planEdits} edited actions.`);
			const edit = { ...a.plan.edits[change.key] };
			applyPatch(edit, change.patch, change.clear);
			a.plan.edits[change.key] = edit;
			return;
		}
		case 'custom-add':
			if (a.plan.custom.some((c) => c.id === change.action.id)) return;
			if (a.plan.custom.length >= LIMITS.customActions)
				throw new ChangeRefused(
					`A plan holds at most ${LIMITS.customActions} actions of your own. Remove one you no longer need first.`
				);
			a.plan.custom.push({ ...change.action });
			return;
		case 'custom-edit': {
			const custom = a.plan.custom.find((c) => c.id === change.id);
			if (!custom) return; // removed elsewhere: removal wins
			// A custom action keeps every field, so nothing is cleared; fields are emptied instead.
			applyPatch(custom, change.patch);
			return;
		}
		case 'custom-remove':
			a.plan.custom = a.plan.custom.filter((c) => c.id !== change.id);
			a.plan.order = a.plan.order.filter((key) => key !== change.id);
			return;
		case 'plan-order':
			a.plan.order = [...change.order];
			return;
		case 'exported':
			a.lastExportedAt = change.at;
			return;
		case 'reassess':
			if (change.on) a.reassessOn = change.on;
			else delete a.reassessOn;
			return;
		case 'content-version': {
			for (const id of change.rerate) {
				const answer = a.answers[id];
				if (answer?.rating === undefined) continue;
				answer.earlier = { rating: answer.rating, contentVersion: a.contentVersion };
				delete answer.rating;
				delete answer.withLivedExperience;
				delete answer.agreement;
			}
			a.contentVersion = change.contentVersion;
			return;
		}
	}
}

/**
 * The fields of the record a change writes, by name, each with its value in `a` (`undefined` where
 * there is none yet). Two changes write the same field when a name is in both. An answer, the
 * profile and a plan edit are written field by field (a note and a rating are separate fields).
 */
export function fieldsWritten(a: Assessment, change: AssessmentChange): Record<string, unknown> {
	const each = (prefix: string, keys: readonly string[], from: object | undefined) =>
		Object.fromEntries(
			keys.map((k) => [`${prefix}:${k}`, (from as Record<string, unknown> | undefined)?.[k]])
		);
	const keys = (c: { patch: object; clear?: readonly string[] }) => [
		...Object.keys(c.patch),
		...(c.clear ?? [])
	];
	switch (change.type) {
		case 'answer':
			return each(`answer:${change.statementId}`, keys(change), a.answers[change.statementId]);
		case 'decision':
			return { [`decision:${change.decisionId}`]: a.decisions[change.decisionId] };
		case 'profile':
			return each('profile', keys(change), a.profile);
		case 'plan-edit':
			return each(`plan-edit:${change.key}`, keys(change), a.plan.edits[change.key]);
		case 'custom-add':
			return {
				[`custom:${change.action.id}`]: a.plan.custom.find((c) => c.id === change.action.id)
			};
		case 'custom-edit':
			return each(
				`custom:${change.id}`,
				keys(change),
				a.plan.custom.find((c) => c.id === change.id)
			);
		case 'custom-remove':
			return { [`custom:${change.id}`]: a.plan.custom.find((c) => c.id === change.id) };
		case 'title':
			return { title: a.title };
		case 'position':
			return { position: a.position };
		case 'plan-order':
			return { 'plan-order': a.plan.order };
		case 'exported':
			return { exported: a.lastExportedAt };
		case 'reassess':
			return { reassess: a.reassessOn };
		case 'content-version':
			return { 'content-version': a.contentVersion };
	}
}

/** Whether every field the change writes is in `a` as `found` says it was. */
export function fieldsAsFound(
	a: Assessment,
	change: AssessmentChange,
	found: Readonly<Record<string, unknown>>
): boolean {
	return Object.entries(fieldsWritten(a, change)).every(([name, value]) =>
		sameValue(value, found[name])
	);
}

/** Whether two values hold the same data, whatever the order of their keys. */
function sameValue(a: unknown, b: unknown): boolean {
	return canonicalJson(a) === canonicalJson(b);
}

// Stored as JSON, a missing value comes back as null and a missing field not at all.
function canonicalJson(value: unknown): string {
	return JSON.stringify(value ?? null, (_, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.entries(v)
						.filter(([, x]) => x !== undefined)
						.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
				)
			: v
	);
}
