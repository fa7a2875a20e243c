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

/** The part of the record a change writes, as it is in `a` (`undefined` where there is none yet). */
export function partChanged(a: Assessment, change: AssessmentChange): unknown {
	switch (change.type) {
		case 'answer':
			return a.answers[change.statementId];
		case 'decision':
			return a.decisions[change.decisionId];
		case 'profile': {
			const keys = [...Object.keys(change.patch), ...(change.clear ?? [])];
			return Object.fromEntries(keys.map((k) => [k, a.profile[k as keyof typeof a.profile]]));
		}
		case 'title':
			return a.title;
		case 'position':
			return a.position;
		case 'plan-edit':
			return a.plan.edits[change.key];
		case 'custom-add':
			return a.plan.custom.find((c) => c.id === change.action.id);
		case 'custom-edit':
		case 'custom-remove':
			return a.plan.custom.find((c) => c.id === change.id);
		case 'plan-order':
			return a.plan.order;
		case 'exported':
			return a.lastExportedAt;
		case 'reassess':
			return a.reassessOn;
		case 'content-version':
			return a.contentVersion;
	}
}

/** A name for the part of the record a change writes: two changes write the same part when their names match. */
export function partName(change: AssessmentChange): string {
	switch (change.type) {
		case 'answer':
			return `answer:${change.statementId}`;
		case 'decision':
			return `decision:${change.decisionId}`;
		case 'plan-edit':
			return `plan-edit:${change.key}`;
		case 'custom-add':
			return `custom:${change.action.id}`;
		case 'custom-edit':
		case 'custom-remove':
			return `custom:${change.id}`;
		default:
			return change.type;
	}
}

/**
 * What each change found in the part it writes, made one after another from `a` (left as it is):
 * the record the changes were made against, so they can later be applied only where that part is
 * still as they found it.
 */
export function partsFound(a: Assessment, changes: readonly AssessmentChange[]): unknown[] {
	const work = structuredClone(a);
	return changes.map((change) => {
		const found = structuredClone(partChanged(work, change));
		try {
			applyChange(work, change);
		} catch (error) {
			if (!(error instanceof ChangeRefused)) throw error;
		}
		return found;
	});
}

/** Whether two parts of a record hold the same values, whatever the order of their keys. */
export function samePart(a: unknown, b: unknown): boolean {
	return canonicalJson(a) === canonicalJson(b);
}

// Stored as JSON, a missing part comes back as null and a missing field not at all.
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
