/** A statement's answer: a maturity level, or one of the two answers that are not levels. */
export type Level = 0 | 1 | 2 | 3 | 4;
export type Rating = Level | 'dont-know' | 'not-applicable';

export interface Answer {
	rating?: Rating;
	note?: string;
}

export interface Profile {
	organisationName: string;
	assessor: string;
	serviceType: string;
	settings: string[];
	consumerTerm: string;
	peerTerm: string;
	bpdSpecific: 'yes' | 'no';
}

export type PlanStatus = 'not-started' | 'in-progress' | 'done';

/** What the user changed about one action of the generated plan (or the whole of an action they added). */
export interface PlanEdit {
	title?: string;
	text?: string;
	owner?: string;
	due?: string;
	status?: PlanStatus;
	removed?: boolean;
}

export interface CustomAction {
	id: string;
	title: string;
	text: string;
	owner: string;
	due: string;
	status: PlanStatus;
}

export interface Plan {
	edits: Record<string, PlanEdit>;
	custom: CustomAction[];
	/** Keys of plan items in the user's chosen order; items not listed follow in priority order. */
	order: string[];
}

/** Where the wizard was, so a reload returns to the same page. */
export type Position =
	| { step: 'profile' }
	| { step: 'decisions' }
	| { step: 'domain'; index: number }
	| { step: 'review' }
	| { step: 'results' };

export const SCHEMA_VERSION = 2;

/** The one shape of a saved assessment, in storage and in export files alike. */
export interface Assessment {
	schemaVersion: typeof SCHEMA_VERSION;
	contentVersion: string;
	id: string;
	kind: 'assessment' | 'workshop-consensus';
	/** The user's own name for this assessment; empty means "organisation name and date". */
	title: string;
	createdAt: string;
	updatedAt: string;
	profile: Profile;
	decisions: Record<string, string>;
	answers: Record<string, Answer>;
	plan: Plan;
	position: Position;
	/** Set on a workshop's consensus assessment: the workshop whose agreed ratings these are. */
	workshopId?: string;
}

export function emptyProfile(): Profile {
	return {
		organisationName: '',
		assessor: '',
		serviceType: '',
		settings: [],
		consumerTerm: 'consumer',
		peerTerm: 'peer-worker',
		bpdSpecific: 'yes'
	};
}

export function isLevel(rating: Rating | undefined): rating is Level {
	return typeof rating === 'number';
}
