import { emptyProfile, type Rating } from '$lib/assessment/types';
import { bank } from '$lib/content';
import type { Workshop, WorkshopResponse, WorkshopRole } from './types';

export const profile = { ...emptyProfile(), organisationName: 'Harbour Health' };

export function workshop(
	roles: WorkshopRole[] = [
		'manager',
		'clinician',
		'peer-worker',
		'consumer',
		'carer',
		'hr',
		'other'
	]
): Workshop {
	return {
		format: 'pwr-workshop',
		version: 1,
		id: 'w1',
		assessmentId: 'a1',
		createdAt: '2026-11-22T09:00:00.000Z',
		roles,
		responses: []
	};
}

let counter = 0;
export function response(
	role: WorkshopRole,
	rate: (id: string) => Rating | undefined,
	over: Partial<WorkshopResponse> = {}
): WorkshopResponse {
	counter++;
	const answers: WorkshopResponse['answers'] = {};
	for (const s of bank.statements) {
		const r = rate(s.id);
		if (r !== undefined) answers[s.id] = { rating: r };
	}
	return {
		format: 'pwr-workshop-response',
		version: 1,
		workshopId: 'w1',
		responseId: `r${String(counter).padStart(4, '0')}`,
		role,
		name: '',
		submittedAt: `2026-11-22T10:${String(counter % 60).padStart(2, '0')}:00.000Z`,
		answers,
		...over
	};
}
