import * as v from 'valibot';
import { TimeframeSchema } from '$lib/model/assessment';
import { ROLE_IDS } from '$lib/model/workshop';

export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;
export const RECOMMENDATION_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'] as const;
export const KENT_FACTOR_IDS = [
	'core-components',
	'focus',
	'role-scope',
	'team-integration',
	'boundaries',
	'professionalism',
	'training',
	'organisational',
	'supervision-support'
] as const;
export { TIMEFRAMES, type Timeframe } from '$lib/model/assessment';
/** Levels 0–4: the meaning of each, shown beside every statement's own description. */
export const LEVEL_COUNT = 5;

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]+$/, 'must be letters, digits and hyphens'));

export const SourceSchema = v.strictObject({
	seed: v.picklist(SEED_IDS, 'must name one of the five seed files (000–004)'),
	section: text
});

/** Every clause must hold; a clause holds when the referenced answer is one of `anyOf`, or is not yet given. */
export const ConditionSchema = v.pipe(
	v.array(
		v.strictObject({
			when: v.pipe(
				v.string(),
				v.regex(
					/^(decision\.[a-z0-9-]+|profile\.bpdSpecific)$/,
					'must be decision.<id> or profile.bpdSpecific'
				)
			),
			anyOf: v.pipe(v.array(id), v.minLength(1))
		})
	),
	v.minLength(1)
);

const levels = v.pipe(
	v.array(text),
	v.length(LEVEL_COUNT, 'must describe all five levels, 0 to 4')
);

export const StatementSchema = v.strictObject({
	id: v.pipe(v.string(), v.regex(/^[A-Z]+-\d+$/, 'must look like ROLE-1')),
	/** A short name in plain words, for lists, reasons and the board paper (codes are never shown there). */
	title: v.pipe(text, v.maxLength(60, 'must be at most 60 characters')),
	text,
	levels,
	allowNotApplicable: v.boolean(),
	notApplicableMeans: v.optional(text),
	/** "Not applicable" counts only once another statement is at least at this level. */
	notApplicableRequires: v.optional(
		v.strictObject({ statement: v.string(), atLeast: v.picklist([1, 2, 3, 4]) })
	),
	/** Offers "Considered, and decided not to": for statements built on a "Consider" recommendation. */
	allowDeclined: v.optional(v.boolean()),
	critical: v.boolean(),
	/** Critical only once a decision is made and matches (for example peer-based support with a single post). */
	criticalWhen: v.optional(ConditionSchema),
	why: text,
	recommendations: v.array(v.picklist(RECOMMENDATION_IDS)),
	kentFactors: v.array(v.picklist(KENT_FACTOR_IDS)),
	/** Counts double in scores, with the reason: a tight link to one of Barr's imperative recommendations. */
	imperative: v.optional(
		v.strictObject({ recommendation: v.picklist(RECOMMENDATION_IDS), reason: text })
	),
	/** Only people with lived experience can judge this; the text says why. */
	rateWithLivedExperience: v.optional(text),
	/** The workshop roles that can judge this statement; others may still open it. */
	judgedBy: v.pipe(v.array(v.picklist(ROLE_IDS)), v.minLength(1, 'must name at least one role')),
	/** What a board must decide while this is not in place, in plain words (for the board paper). */
	board: v.optional(text),
	/** What a candidate can expect once this is in place (for the "what a peer worker can expect" page). */
	candidate: v.optional(v.strictObject({ section: id, text })),
	/** Plain wording for {consumers} and carers answering in a workshop, on the same 0–4 scale. */
	plain: v.optional(v.strictObject({ text, levels })),
	/** Wording that follows a recorded decision; the first whose decisions are made and match applies. */
	variants: v.optional(
		v.array(v.strictObject({ when: ConditionSchema, text, levels: v.optional(levels) }))
	),
	condition: v.optional(ConditionSchema),
	sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source'))
});

export const DomainSchema = v.strictObject({
	id: v.pipe(v.string(), v.regex(/^[A-Z]+$/, 'must be upper-case letters')),
	/** The domain's page address in the wizard, e.g. /assessment/…/leadership. */
	slug: v.pipe(v.string(), v.regex(/^[a-z][a-z-]*$/, 'must be lower-case letters and hyphens')),
	order: v.pipe(v.number(), v.integer()),
	name: text,
	purpose: text,
	statements: v.pipe(v.array(StatementSchema), v.minLength(1))
});

export const DecisionSchema = v.strictObject({
	id,
	step: v.picklist(['profile', 'decisions']),
	/** The page of the decisions step it appears on (see the groups in decisions.json). */
	group: id,
	condition: v.optional(ConditionSchema),
	title: text,
	question: text,
	options: v.pipe(
		v.array(v.strictObject({ id, label: text, evidence: text })),
		v.minLength(2, 'needs at least two options')
	),
	sources: v.pipe(v.array(SourceSchema), v.minLength(1))
});

export const DecisionsFileSchema = v.strictObject({
	groups: v.pipe(v.array(v.strictObject({ id, title: text, intro: text })), v.minLength(1)),
	decisions: v.array(DecisionSchema)
});

export const ActionSchema = v.strictObject({
	id,
	title: text,
	text,
	addresses: v.pipe(v.array(v.string()), v.minLength(1, 'must address at least one statement')),
	timeframe: TimeframeSchema,
	variants: v.optional(
		v.array(v.strictObject({ when: ConditionSchema, title: v.optional(text), text }))
	),
	sources: v.pipe(v.array(SourceSchema), v.minLength(1))
});

export const EvidenceSchema = v.strictObject({
	seeds: v.array(
		v.strictObject({
			id: v.picklist(SEED_IDS),
			file: text,
			shortCitation: text,
			citation: text,
			licence: text,
			use: v.picklist(['quote', 'paraphrase', 'reported'])
		})
	),
	recommendations: v.array(
		v.strictObject({
			id: v.picklist(RECOMMENDATION_IDS),
			strength: v.picklist(['imperative', 'consider']),
			text
		})
	),
	recommendationsAttribution: text,
	kentFactors: v.array(
		v.strictObject({ id: v.picklist(KENT_FACTOR_IDS), name: text, section: text, summary: text })
	)
});

const term = v.strictObject({ id, singular: text, plural: text });
const choice = v.strictObject({ id, label: text });
export const TerminologySchema = v.strictObject({
	consumerTerms: v.pipe(v.array(term), v.minLength(1)),
	peerTerms: v.pipe(v.array(term), v.minLength(1)),
	diagnosis: v.strictObject({ bpd: text, general: text }),
	serviceTypes: v.array(choice),
	settings: v.array(choice)
});

export const MetaSchema = v.strictObject({ version: text });

/** The words of the rating scale, so wording changes never need code changes. */
export const ScaleSchema = v.strictObject({
	levels: levels,
	dontKnow: v.strictObject({ label: text, alone: text, room: text, participant: text }),
	notApplicable: v.strictObject({ label: text }),
	declined: v.strictObject({ label: text, description: text, needsReason: text, plain: text }),
	rerate: text
});

export const CandidatePageSchema = v.strictObject({
	title: text,
	intro: text,
	sections: v.pipe(v.array(v.strictObject({ id, title: text })), v.minLength(1)),
	empty: text,
	notReady: text
});

/** What changed between versions of the question bank, so older answers are re-rated, not silently carried over. */
export const ChangesSchema = v.array(
	v.strictObject({
		version: text,
		from: text,
		summary: text,
		rerate: v.array(v.strictObject({ id: text, why: text })),
		removed: v.array(v.strictObject({ id: text, why: text, replacedBy: v.optional(text) })),
		added: v.array(text)
	})
);

export type Source = v.InferOutput<typeof SourceSchema>;
export type Condition = v.InferOutput<typeof ConditionSchema>;
export type Statement = v.InferOutput<typeof StatementSchema>;
export type DomainData = v.InferOutput<typeof DomainSchema>;
export type Decision = v.InferOutput<typeof DecisionSchema>;
export type Action = v.InferOutput<typeof ActionSchema>;
export type Evidence = v.InferOutput<typeof EvidenceSchema>;
export type Terminology = v.InferOutput<typeof TerminologySchema>;
export type Scale = v.InferOutput<typeof ScaleSchema>;
export type CandidatePage = v.InferOutput<typeof CandidatePageSchema>;
export type ContentChange = v.InferOutput<typeof ChangesSchema>[number];
export type DecisionGroup = v.InferOutput<typeof DecisionsFileSchema>['groups'][number];
export type SeedId = (typeof SEED_IDS)[number];
export type RecommendationId = (typeof RECOMMENDATION_IDS)[number];
export type KentFactorId = (typeof KENT_FACTOR_IDS)[number];
