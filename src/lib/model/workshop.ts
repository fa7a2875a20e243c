import * as v from 'valibot';
import { AssessmentSchema, ProfileSchema, RatingSchema } from './assessment';
import { IdSchema, mapOf, shortText, TimestampSchema, uniqueBy } from './checks';
import { LIMITS } from './limits';

export const WORKSHOP_ROLES = [
	{ id: 'manager', label: 'Manager', livedExperience: false },
	{ id: 'clinician', label: 'Clinician / mental health professional', livedExperience: false },
	{ id: 'hr', label: 'HR', livedExperience: false },
	{ id: 'peer-worker', label: 'Peer worker', livedExperience: true },
	/** Before any peer worker is employed, someone with lived experience can judge what a peer worker would. */
	{ id: 'adviser', label: 'Lived-experience adviser', livedExperience: true },
	{ id: 'consumer', label: 'Consumer / service user', livedExperience: true },
	{ id: 'carer', label: 'Carer', livedExperience: true },
	{ id: 'other', label: 'Other', livedExperience: false }
] as const;

export type WorkshopRole = (typeof WORKSHOP_ROLES)[number]['id'];
export const ROLE_IDS = WORKSHOP_ROLES.map((r) => r.id) as [WorkshopRole, ...WorkshopRole[]];

/** A role's one-character code in an answer code. Append only: codes already handed out must keep their meaning. */
export const ROLE_CODES: readonly WorkshopRole[] = [
	'manager',
	'clinician',
	'hr',
	'peer-worker',
	'consumer',
	'carer',
	'other',
	'adviser'
];
export const RoleSchema = v.picklist(ROLE_IDS);

export const roleLabel = (role: WorkshopRole) => WORKSHOP_ROLES.find((r) => r.id === role)!.label;
export const isLivedExperienceRole = (role: WorkshopRole) =>
	WORKSHOP_ROLES.find((r) => r.id === role)!.livedExperience;

const RolesSchema = v.pipe(
	v.array(RoleSchema),
	v.minLength(1, 'must name at least one role'),
	v.maxLength(WORKSHOP_ROLES.length),
	uniqueBy((r: WorkshopRole) => r, 'role')
);

const ParticipantAnswersSchema = mapOf(
	v.strictObject({ rating: v.optional(RatingSchema) }),
	LIMITS.answers
);

/** What a participant needs to answer: sent to them as a QR code, a link or a file. */
export const InviteSchema = v.strictObject({
	format: v.literal('pwr-workshop-invite'),
	version: v.literal(1),
	workshopId: IdSchema,
	title: shortText,
	contentVersion: shortText,
	profile: ProfileSchema,
	decisions: mapOf(IdSchema, LIMITS.decisions),
	roles: RolesSchema
});
export type WorkshopInvite = v.InferOutput<typeof InviteSchema>;

/** One participant's answers, handed back as a QR code, link or file. Anonymous unless a name is given. */
export const ResponseSchema = v.strictObject({
	format: v.literal('pwr-workshop-response'),
	version: v.picklist([1, 2]),
	workshopId: IdSchema,
	responseId: IdSchema,
	role: RoleSchema,
	name: shortText,
	submittedAt: TimestampSchema,
	/** The question bank the answers were given to (absent in the first format). */
	contentVersion: v.optional(shortText),
	answers: ParticipantAnswersSchema
});
export type WorkshopResponse = v.InferOutput<typeof ResponseSchema>;

/**
 * The facilitator's record. Profile, decisions and agreed ratings live in its consensus assessment;
 * each participant's answers are stored as records of their own, so no two writers share one record.
 */
export const WorkshopSchema = v.strictObject({
	format: v.literal('pwr-workshop'),
	version: v.literal(2),
	id: IdSchema,
	assessmentId: IdSchema,
	createdAt: TimestampSchema,
	roles: RolesSchema,
	/** Set when the facilitator finished the profile and decisions and opened the invitations. */
	invitationsOpenedAt: v.optional(TimestampSchema)
});
export type Workshop = v.InferOutput<typeof WorkshopSchema>;

/** A participant's unfinished answers on their own device, so a closed tab loses nothing. */
export const DraftSchema = v.strictObject({
	workshopId: IdSchema,
	/** Answering in turn on a shared device keeps its unfinished answers apart from the device owner's. */
	mode: v.optional(v.picklist(['own-device', 'in-turn'])),
	responseId: IdSchema,
	role: v.optional(RoleSchema),
	name: shortText,
	answers: ParticipantAnswersSchema,
	/** Which screen of the form the participant was on. */
	page: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
	/** Statements the participant chose to open beyond their role's short set. */
	showAll: v.boolean(),
	updatedAt: TimestampSchema
});
export type ParticipantDraft = v.InferOutput<typeof DraftSchema>;
export const draftKey = (workshopId: string, mode: ParticipantDraft['mode'] = 'own-device') =>
	mode === 'in-turn' ? `${workshopId}:in-turn` : workshopId;

/** A whole workshop in one file: the record, its consensus assessment and every response. */
export const WorkshopFileSchema = v.strictObject({
	format: v.literal('pwr-workshop-file'),
	version: v.literal(1),
	workshop: WorkshopSchema,
	consensus: AssessmentSchema,
	responses: v.pipe(v.array(ResponseSchema), v.maxLength(LIMITS.workshopResponses))
});
export type WorkshopFile = v.InferOutput<typeof WorkshopFileSchema>;
