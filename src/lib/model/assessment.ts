import * as v from 'valibot';
import {
	DueDateSchema,
	IdSchema,
	longText,
	mapOf,
	noteText,
	shortText,
	TimestampSchema,
	uniqueBy
} from './checks';
import { LIMITS } from './limits';

/** The format of a saved assessment. Older formats are migrated on load; newer ones are left alone. */
export const SCHEMA_VERSION = 3;

export const LEVELS = [0, 1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

/**
 * A statement's answer: a maturity level, or an answer that is not a level. "declined" is
 * "considered, and decided not to, for these reasons": a valid answer to a "Consider" recommendation.
 */
export const RatingSchema = v.union([
	v.picklist(LEVELS, 'must be a level from 0 to 4'),
	v.picklist(['dont-know', 'not-applicable', 'declined'])
]);
export type Rating = v.InferOutput<typeof RatingSchema>;

export function isLevel(rating: Rating | undefined): rating is Level {
	return typeof rating === 'number';
}

/** How a workshop's agreed rating came about: talked through in the room, or taken from the median. */
export const AGREEMENTS = ['discussed', 'from-median'] as const;

export const AnswerSchema = v.strictObject({
	rating: v.optional(RatingSchema),
	note: v.optional(noteText),
	/** The rating was made or checked with people with lived experience (peer workers, consumers, carers). */
	withLivedExperience: v.optional(v.boolean()),
	agreement: v.optional(v.picklist(AGREEMENTS)),
	/** A rating given to an earlier wording of the statement, kept so the person can re-rate it. */
	earlier: v.optional(v.strictObject({ rating: RatingSchema, contentVersion: shortText }))
});
export type Answer = v.InferOutput<typeof AnswerSchema>;

export const ProfileSchema = v.strictObject({
	organisationName: shortText,
	assessor: shortText,
	serviceType: shortText,
	settings: v.pipe(v.array(shortText), v.maxLength(LIMITS.settings)),
	consumerTerm: shortText,
	peerTerm: shortText,
	/** Absent until the person chooses: no answer is preselected. */
	bpdSpecific: v.optional(v.picklist(['yes', 'no']))
});
export type Profile = v.InferOutput<typeof ProfileSchema>;

export function emptyProfile(): Profile {
	return {
		organisationName: '',
		assessor: '',
		serviceType: '',
		settings: [],
		consumerTerm: 'consumer',
		peerTerm: 'peer-worker'
	};
}

/** When an action should be done, relative to recruiting. */
export const TIMEFRAMES = [
	{ id: 'before-recruiting', label: 'Before recruiting' },
	{ id: 'within-3-months', label: 'Within 3 months' },
	{ id: 'within-6-months', label: 'Within 6 months' },
	{ id: 'within-12-months', label: 'Within 12 months' }
] as const;
export type Timeframe = (typeof TIMEFRAMES)[number]['id'];
export const TimeframeSchema = v.picklist(TIMEFRAMES.map((t) => t.id));
export const timeframeLabel = (id: Timeframe) => TIMEFRAMES.find((t) => t.id === id)!.label;

export const PLAN_STATUSES = [
	{ id: 'not-started', label: 'Not started' },
	{ id: 'in-progress', label: 'In progress' },
	{ id: 'done', label: 'Done' }
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number]['id'];
export const PlanStatusSchema = v.picklist(PLAN_STATUSES.map((s) => s.id));
export const planStatusLabel = (status: PlanStatus) =>
	PLAN_STATUSES.find((s) => s.id === status)!.label;

/** What the user changed about one generated action of the plan. */
export const PlanEditSchema = v.strictObject({
	title: v.optional(shortText),
	text: v.optional(longText),
	owner: v.optional(shortText),
	due: v.optional(DueDateSchema),
	status: v.optional(PlanStatusSchema),
	removed: v.optional(v.boolean())
});
export type PlanEdit = v.InferOutput<typeof PlanEditSchema>;

export const CustomActionSchema = v.strictObject({
	id: IdSchema,
	title: shortText,
	text: longText,
	owner: shortText,
	due: DueDateSchema,
	status: PlanStatusSchema,
	/** Absent in older saves: shown with the actions to do within 3 months. */
	timeframe: v.optional(TimeframeSchema)
});
export type CustomAction = v.InferOutput<typeof CustomActionSchema>;

export const PlanSchema = v.strictObject({
	edits: mapOf(PlanEditSchema, LIMITS.planEdits),
	custom: v.pipe(
		v.array(CustomActionSchema),
		v.maxLength(LIMITS.customActions, `must have at most ${LIMITS.customActions} actions`),
		uniqueBy((c: CustomAction) => c.id, 'action id')
	),
	/** Keys of plan items in the user's chosen order; items not listed follow in priority order. */
	order: v.pipe(v.array(IdSchema), v.maxLength(LIMITS.planOrder))
});
export type Plan = v.InferOutput<typeof PlanSchema>;

const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50));

/** Where the wizard was, so "Continue" returns to the same page. */
export const PositionSchema = v.variant('step', [
	v.strictObject({ step: v.literal('profile') }),
	v.strictObject({ step: v.literal('decisions'), index: v.optional(index) }),
	v.strictObject({ step: v.literal('domain'), index }),
	v.strictObject({ step: v.literal('review') }),
	v.strictObject({ step: v.literal('results') })
]);
export type Position = v.InferOutput<typeof PositionSchema>;

export const AssessmentSchema = v.strictObject({
	schemaVersion: v.literal(SCHEMA_VERSION),
	contentVersion: shortText,
	id: IdSchema,
	kind: v.picklist(['assessment', 'workshop-consensus']),
	/** The user's own name for this assessment; empty means "organisation name and date". */
	title: shortText,
	createdAt: TimestampSchema,
	updatedAt: TimestampSchema,
	/** Counts committed changes; a change made from an older revision is merged, never written over. */
	revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
	profile: ProfileSchema,
	decisions: mapOf(IdSchema, LIMITS.decisions),
	answers: mapOf(AnswerSchema, LIMITS.answers),
	plan: PlanSchema,
	position: PositionSchema,
	/** Set on a workshop's consensus assessment: the workshop whose agreed ratings these are. */
	workshopId: v.optional(IdSchema),
	/** When a copy was last saved as a file (the backup nudge reads it). */
	lastExportedAt: v.optional(TimestampSchema),
	/** The date the organisation plans to re-assess (from the plan's "re-assess in 3 months"). */
	reassessOn: v.optional(DueDateSchema)
});

/** The one shape of a saved assessment, in storage and in export files alike. */
export type Assessment = v.InferOutput<typeof AssessmentSchema>;
