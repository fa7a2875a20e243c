import type { Rating } from '$lib/assessment/types';
import type { Source, Timeframe } from '$lib/content/schema';
import type { StageId } from './rules';

export type StatementStatus =
	'rated' | 'dont-know' | 'unanswered' | 'not-applicable' | 'switched-off';

export interface StatementResult {
	id: string;
	domainId: string;
	text: string;
	critical: boolean;
	weight: number;
	status: StatementStatus;
	rating: Rating | undefined;
	note: string;
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
	/** Share of considered statements that have a real rating, 0–1. */
	share: number;
	summary: string;
}

export interface DomainResult {
	id: string;
	name: string;
	/** 0–100, or null when too little rated evidence to show a number honestly. */
	score: number | null;
	band: string | null;
	insufficientEvidence: boolean;
	confidence: Confidence;
	statements: StatementResult[];
}

export interface Blocker {
	statementId: string;
	domainId: string;
	text: string;
	rating: Rating | undefined;
	reason: string;
	why: string;
	actionIds: string[];
}

export interface PlanItem {
	/** Stable key: the action id, "find-out:<statement>" or "decide:<decision>". */
	key: string;
	kind: 'action' | 'find-out' | 'decide';
	title: string;
	text: string;
	timeframe: Timeframe;
	priority: number;
	rank: number;
	top: boolean;
	statementIds: string[];
	reasons: string[];
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
	plan: PlanItem[];
	openDecisions: string[];
	/** Answers kept for statements that no longer exist in this version of the question bank. */
	orphanAnswerIds: string[];
}
