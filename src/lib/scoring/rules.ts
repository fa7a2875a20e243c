/**
 * Every number the scoring uses, in one place. The "How scoring works" page is generated from
 * this object, so the explanation cannot drift from the code. None of these thresholds is a
 * validated norm: they are guidance, and the app says so.
 */
export const SCORING_RULES = {
	/** Level at or above which a statement counts as "in place". */
	inPlaceLevel: 3,
	maxLevel: 4,
	/**
	 * Barr's R1–R4 are worded as imperatives ("Evaluate", "Ensure", "Clarify"); R5–R9 begin
	 * "Consider". A statement that puts any of R1–R4 into practice counts twice in averages.
	 */
	weights: { imperative: 2, other: 1 },
	/** A domain needs at least this many rated statements, and this share of its statements rated, to show a score. */
	minRatedCount: 2,
	minRatedShare: 0.5,
	bands: [
		{ id: 'early', label: 'Early', min: 0 },
		{ id: 'developing', label: 'Developing', min: 40 },
		{ id: 'established', label: 'Established', min: 60 },
		{ id: 'strong', label: 'Strong', min: 80 }
	],
	stages: {
		/** With blockers, the stage is "not yet ready" if more than this share of critical statements block, or the overall score is below the floor. */
		notReadyBlockerShare: 0.5,
		notReadyScoreFloor: 40,
		/** "Ready to recruit" also needs every domain scored and at or above this. */
		readyDomainFloor: 40,
		/** "Embedding" needs this overall score and every domain at or above the domain floor. */
		embeddingOverall: 80,
		embeddingDomainFloor: 60
	},
	strengthDomainMin: 75,
	confidence: { high: 0.9, medium: 0.7 },
	priority: {
		criticalBlocker: 100,
		perLevelBelowInPlace: 10,
		imperativeRecommendation: 15,
		findOut: 25,
		openDecision: 20,
		/** For each further low statement one action addresses, and each further open decision. */
		perExtraStatement: 5
	},
	topActions: 3
} as const;

export const IMPERATIVE_RECOMMENDATIONS: readonly string[] = ['R1', 'R2', 'R3', 'R4'];

export const STAGES = [
	{
		id: 'not-yet-ready',
		label: 'Not yet ready to recruit',
		rule: 'One or more critical statements are not in place, and either more than half of the critical statements are not in place or the overall score is below 40 (or cannot be calculated).'
	},
	{
		id: 'preparing',
		label: 'Preparing: not ready to recruit yet',
		rule: 'Some critical statements are not in place, or (with none blocking) a domain scores below 40 or has too little rated evidence to score.'
	},
	{
		id: 'ready-to-recruit',
		label: 'Ready to recruit',
		rule: 'Every critical statement is in place, and every domain has enough rated evidence and scores 40 or more.'
	},
	{
		id: 'embedding',
		label: 'Ready and embedding',
		rule: 'Ready to recruit, the overall score is 80 or more, and every domain scores 60 or more.'
	}
] as const;

export type StageId = (typeof STAGES)[number]['id'];

export const LEVEL_LABELS = [
	'Not in place',
	'Informal',
	'Agreed or planned',
	'In place',
	'In place and reviewed with {peers}'
] as const;

export const TIMEFRAME_LABELS = {
	'before-recruiting': 'Before recruiting',
	'within-3-months': 'Within 3 months',
	'within-6-months': 'Within 6 months',
	'within-12-months': 'Within 12 months'
} as const;
