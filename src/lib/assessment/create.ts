import { emptyProfile, SCHEMA_VERSION, type Assessment } from './types';

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
		profile: emptyProfile(),
		decisions: {},
		answers: {},
		plan: { edits: {}, custom: [], order: [] },
		position: { step: 'profile' }
	};
}

export function duplicateAssessment(
	source: Assessment,
	now = new Date(),
	id = newId()
): Assessment {
	const copy = structuredClone(source);
	return {
		...copy,
		id,
		title: `Copy of ${displayTitle(source)}`,
		createdAt: now.toISOString(),
		updatedAt: now.toISOString()
	};
}

export function displayTitle(a: Assessment): string {
	if (a.title.trim()) return a.title.trim();
	const org = a.profile.organisationName.trim() || 'Untitled organisation';
	return `${org} – ${a.createdAt.slice(0, 10)}`;
}
