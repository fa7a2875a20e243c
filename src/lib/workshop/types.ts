import type { Profile, Rating } from '$lib/assessment/types';

export const WORKSHOP_ROLES = [
	{ id: 'manager', label: 'Manager' },
	{ id: 'clinician', label: 'Clinician / mental health professional' },
	{ id: 'hr', label: 'HR' },
	{ id: 'peer-worker', label: 'Peer worker' },
	{ id: 'consumer', label: 'Consumer / service user' },
	{ id: 'carer', label: 'Carer' },
	{ id: 'other', label: 'Other' }
] as const;

export type WorkshopRole = (typeof WORKSHOP_ROLES)[number]['id'];

export const roleLabel = (role: WorkshopRole) => WORKSHOP_ROLES.find((r) => r.id === role)!.label;

/** What a participant needs to answer: sent to them as a file or a link. */
export interface WorkshopInvite {
	format: 'pwr-workshop-invite';
	version: 1;
	workshopId: string;
	title: string;
	contentVersion: string;
	profile: Profile;
	decisions: Record<string, string>;
	roles: WorkshopRole[];
}

/** One participant's answers, returned to the facilitator as a file or a link. Anonymous unless a name is given. */
export interface WorkshopResponse {
	format: 'pwr-workshop-response';
	version: 1;
	workshopId: string;
	responseId: string;
	role: WorkshopRole;
	name: string;
	submittedAt: string;
	answers: Record<string, { rating?: Rating }>;
}

/** The facilitator's record. Profile, decisions and agreed ratings live in its consensus assessment. */
export interface Workshop {
	format: 'pwr-workshop';
	version: 1;
	id: string;
	assessmentId: string;
	createdAt: string;
	roles: WorkshopRole[];
	responses: WorkshopResponse[];
}
