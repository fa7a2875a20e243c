import { emptyProfile, SCHEMA_VERSION, type Assessment } from '$lib/model/assessment';
import { fitShortText } from '$lib/model/limits';
import { shortDate } from '$lib/format/dates';

export function newId(): string {
	return globalThis.crypto.randomUUID();
}

export function createAssessment(
	contentVersion: string,
	now = new Date(),
	id = newId()
): Assessment {
	const at = now.toISOString();
	return {
		schemaVersion: SCHEMA_VERSION,
		contentVersion,
		id,
		kind: 'assessment',
		title: '',
		createdAt: at,
		updatedAt: at,
		revision: 0,
		profile: emptyProfile(),
		decisions: {},
		answers: {},
		plan: { edits: {}, custom: [], order: [] },
		position: { step: 'profile' }
	};
}

/** A separate copy: a new id, a title that fits the limit, and no link to a workshop. */
export function duplicateAssessment(
	source: Assessment,
	now = new Date(),
	id = newId()
): Assessment {
	const { workshopId: _workshopId, lastExportedAt: _exported, ...copy } = structuredClone(source);
	return {
		...copy,
		id,
		kind: 'assessment',
		revision: 0,
		title: fitShortText(`Copy of ${displayTitle(source)}`),
		createdAt: now.toISOString(),
		updatedAt: now.toISOString()
	};
}

/** The assessment's own name, or "organisation – date" (the date in the user's time zone). */
export function displayTitle(
	a: Pick<Assessment, 'title' | 'createdAt'> & {
		profile: Pick<Assessment['profile'], 'organisationName'>;
	}
): string {
	if (a.title.trim()) return a.title.trim();
	const org = a.profile.organisationName.trim() || 'Untitled organisation';
	return `${org} – ${shortDate(a.createdAt)}`;
}
