import type { Rating } from '$lib/model/assessment';
import type { Source, Timeframe } from '$lib/content/schema';
import type { StageId } from './rules';

export type StatementStatus =
	'rated' | 'dont-know' | 'unanswered' | 'not-applicable' | 'switched-off';

/** Why an answer that was given does not count yet. */
export type AnswerIssue =
	/** "Considered, and decided not to" without a reason. */
	| 'needs-reason'
	/** The wording changed since it was rated; the earlier rating is kept but not counted. */
	| 'rerate'
	/** "Not applicable" chosen before the statement it depends on is in place. */
	| 'not-applicable-too-early';

/** What answering needs to know of a statement after every answer. */
export interface StatementState {
	id: string;
	critical: boolean;
	status: StatementStatus;
	/** The level that counts in scores: the rating, or the level a reasoned "declined" counts as. */
	level: number | null;
	issue?: AnswerIssue;
}

/** How far answering has come: per domain in the bank's order, and overall. */
export interface AnsweringProgress {
	domains: { statements: StatementState[]; answered: number; total: number }[];
	answered: number;
	total: number;
	/** Decisions that apply and are not made yet. */
	openDecisions: string[];
}

export interface StatementResult extends StatementState {
	domainId: string;
	/** A short name in plain words. */
	title: string;
	text: string;
	weight: number;
	rating: Rating | undefined;
	note: string;
	/** Only people with lived experience can judge it. */
	needsLivedExperience: boolean;
	/** Rated with, or checked by, people with lived experience. */
	withLivedExperience: boolean;
	agreement?: 'discussed' | 'from-median';
}

export interface Counts {
	/** Statements that apply and were not marked "Not applicable". */
	considered: number;
	rated: number;
	dontKnow: number;
	unanswered: number;
	notApplicable: number;
}

export interface Confidence extends Counts {
	level: 'high' | 'medium' | 'low';
	/** The confidence figure, 0–1: rated statements, with unchecked and undiscussed ratings counting part. */
	share: number;
	/** "Rate with lived experience" statements rated without them. */
	unchecked: number;
	/** Workshop ratings taken from the median without discussion. */
	fromMedian: number;
	summary: string;
}

export interface DomainResult {
	id: string;
	name: string;
	/** 0–100 as a whole number, or null when too little rated evidence to show a number honestly. */
	score: number | null;
	band: string | null;
	insufficientEvidence: boolean;
	confidence: Confidence;
	statements: StatementResult[];
}

export interface Blocker {
	statementId: string;
	domainId: string;
	title: string;
	text: string;
	rating: Rating | undefined;
	/** Why it blocks, in one plain sentence. */
	reason: string;
	why: string;
	actionIds: string[];
}

export interface PlanItem {
	/** Stable key: the action id, "find-out:<statement>", "rerate:open", "gather-views" or "decide:open". */
	key: string;
	kind: 'action' | 'find-out' | 'decide' | 'gather-views' | 'rerate';
	title: string;
	text: string;
	timeframe: Timeframe;
	priority: number;
	rank: number;
	top: boolean;
	statementIds: string[];
	/** Why it was chosen, one plain sentence per statement it addresses (no codes). */
	reasons: string[];
	/** The reason in one sentence, for summaries. */
	why: string;
	sources: Source[];
}

export interface ScoringResult {
	contentVersion: string;
	stage: { id: StageId; label: string; summary: string; reasons: string[] };
	overall: { score: number | null; band: string | null };
	confidence: Confidence;
	domains: DomainResult[];
	blockers: Blocker[];
	strengths: { statementIds: string[]; domainIds: string[] };
	/** Statements only people with lived experience can judge, rated without them. */
	uncheckedLivedExperience: string[];
	plan: PlanItem[];
	openDecisions: string[];
	/** Answers kept for statements that no longer exist in this version of the question bank. */
	orphanAnswerIds: string[];
}
