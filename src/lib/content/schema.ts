import * as v from 'valibot';

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
export const TIMEFRAMES = [
	'before-recruiting',
	'within-3-months',
	'within-6-months',
	'within-12-months'
] as const;
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

export const StatementSchema = v.strictObject({
	id: v.pipe(v.string(), v.regex(/^[A-Z]+-\d+$/, 'must look like ROLE-1')),
	text,
	levels: v.pipe(v.array(text), v.length(LEVEL_COUNT, 'must describe all five levels, 0 to 4')),
	allowNotApplicable: v.boolean(),
	notApplicableMeans: v.optional(text),
	critical: v.boolean(),
	why: text,
	recommendations: v.array(v.picklist(RECOMMENDATION_IDS)),
	kentFactors: v.array(v.picklist(KENT_FACTOR_IDS)),
	condition: v.optional(ConditionSchema),
	sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source'))
});

export const DomainSchema = v.strictObject({
	id: v.pipe(v.string(), v.regex(/^[A-Z]+$/, 'must be upper-case letters')),
	order: v.pipe(v.number(), v.integer()),
	name: text,
	purpose: text,
	statements: v.pipe(v.array(StatementSchema), v.minLength(1))
});

export const DecisionSchema = v.strictObject({
	id,
	step: v.picklist(['profile', 'decisions']),
	title: text,
	question: text,
	options: v.pipe(
		v.array(v.strictObject({ id, label: text, evidence: text })),
		v.minLength(2, 'needs at least two options')
	),
	sources: v.pipe(v.array(SourceSchema), v.minLength(1))
});

export const ActionSchema = v.strictObject({
	id,
	title: text,
	text,
	addresses: v.pipe(v.array(v.string()), v.minLength(1, 'must address at least one statement')),
	timeframe: v.picklist(TIMEFRAMES),
	variants: v.optional(v.array(v.strictObject({ when: ConditionSchema, text }))),
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

export type Source = v.InferOutput<typeof SourceSchema>;
export type Condition = v.InferOutput<typeof ConditionSchema>;
export type Statement = v.InferOutput<typeof StatementSchema>;
export type DomainData = v.InferOutput<typeof DomainSchema>;
export type Decision = v.InferOutput<typeof DecisionSchema>;
export type Action = v.InferOutput<typeof ActionSchema>;
export type Evidence = v.InferOutput<typeof EvidenceSchema>;
export type Terminology = v.InferOutput<typeof TerminologySchema>;
export type SeedId = (typeof SEED_IDS)[number];
export type RecommendationId = (typeof RECOMMENDATION_IDS)[number];
export type KentFactorId = (typeof KENT_FACTOR_IDS)[number];
export type Timeframe = (typeof TIMEFRAMES)[number];
