/**
 * Every number the scoring uses, in one place. The "How scoring works" page and the stage
 * descriptions are built from this object, so the explanation cannot drift from the code. None of
 * these thresholds is a validated norm: they are guidance, and the app says so.
 */
export const SCORING_RULES = {
	/** Level at or above which a statement counts as "in place". */
	inPlaceLevel: 3,
	maxLevel: 4,
	/** "Considered, and decided not to", with a reason, counts as this level (in place). */
	declinedCountsAs: 3,
	/** A statement tightly linked to one of Barr's imperative recommendations counts this many times. */
	weights: { imperative: 2, other: 1 },
	/** A domain needs at least this many rated statements, and this share of its statements rated, to show a score. */
	minRatedCount: 2,
	minRatedShare: 0.5,
	/** With less than this share of the statements that apply answered, there is no stage yet. */
	minAnsweredShare: 0.5,
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
	confidence: {
		high: 0.9,
		medium: 0.7,
		/** A rating of a "rate with lived experience" statement made without them counts this much towards confidence. */
		uncheckedCounts: 0.5,
		/** A workshop rating taken from the median without discussion counts this much. */
		fromMedianCounts: 0.5
	},
	priority: {
		/** Gathering missing lived-experience views comes first: the verdict rests on them. */
		gatherViews: 200,
		criticalBlocker: 100,
		perLevelBelowInPlace: 10,
		imperativeRecommendation: 15,
		rerate: 30,
		findOut: 25,
		openDecision: 20,
		/** For each further low statement one action addresses, and each further open decision. */
		perExtraStatement: 5
	},
	topActions: 3
} as const;

const R = SCORING_RULES;
const S = R.stages;

/** The readiness stages, lowest first. Each rule is written from the numbers above. */
export const STAGES = [
	{
		id: 'not-enough-answers',
		label: 'Not enough answers yet',
		rule: `Fewer than ${R.minAnsweredShare * 100}% of the statements that apply have been answered, so no stage is given yet.`
	},
	{
		id: 'not-yet-ready',
		label: 'Not yet ready to recruit',
		rule: `One or more critical statements are not in place, and either more than ${S.notReadyBlockerShare * 100}% of the critical statements are not in place or the overall score is below ${S.notReadyScoreFloor} (or cannot be calculated).`
	},
	{
		id: 'preparing',
		label: 'Preparing: not ready to recruit yet',
		rule: `Some critical statements are not in place; or a domain scores below ${S.readyDomainFloor} or has too little rated evidence to score; or statements that only people with lived experience can judge were rated without them.`
	},
	{
		id: 'ready-to-recruit',
		label: 'Ready to recruit',
		rule: `Every critical statement is in place, every domain has enough rated evidence and scores ${S.readyDomainFloor} or more, and every statement that needs lived-experience views was rated with them.`
	},
	{
		id: 'embedding',
		label: 'Ready and embedding',
		rule: `Ready to recruit, the overall score is ${S.embeddingOverall} or more, and every domain scores ${S.embeddingDomainFloor} or more.`
	}
] as const;

export type StageId = (typeof STAGES)[number]['id'];

export const stageIndex = (id: StageId) => STAGES.findIndex((s) => s.id === id);
export const stageLabel = (id: StageId) => STAGES.find((s) => s.id === id)!.label;
