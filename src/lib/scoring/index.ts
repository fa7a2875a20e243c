export { scoreAssessment, ratingLabel, bandFor, statementWeight, type ScoringInput } from './score';
export { SCORING_RULES, STAGES, LEVEL_LABELS, TIMEFRAME_LABELS, type StageId } from './rules';
export type * from './types';
