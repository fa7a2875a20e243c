export {
	scoreAssessment,
	answeringProgress,
	ratingLabel,
	bandFor,
	statementWeight,
	listOf,
	answeredOf,
	type ScoringInput
} from './score';
export { SCORING_RULES, STAGES, stageIndex, stageLabel, type StageId } from './rules';
export type * from './types';
