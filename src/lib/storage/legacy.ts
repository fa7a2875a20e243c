import { parseWith } from '$lib/model/checks';
import { DraftSchema, ResponseSchema, WorkshopSchema } from '$lib/model/workshop';
import { STRICT, type Db, type SetAsideRecord } from './db';
import { readAssessment } from './validate';
import { LEGACY_PREFIXES, legacyKeys, type LegacyStorage } from './legacy-keys';

const parseJson = (text: string): unknown => {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
};

/**
 * Moves everything the first releases kept in localStorage into the database, in one transaction,
 * and removes the old keys only after it has committed. Nothing is dropped: whatever cannot be read
 * is set aside, whole, for download.
 */
export async function moveFromLocalStorage(
	db: Db,
	storage: LegacyStorage | undefined,
	now: () => Date = () => new Date()
): Promise<{ moved: number; setAside: number }> {
	if (!storage) return { moved: 0, setAside: 0 };
	const keys = legacyKeys(storage);
	if (keys.length === 0) return { moved: 0, setAside: 0 };
	const at = now().toISOString();
	let moved = 0;
	let setAside = 0;
	const tx = db.transaction(
		['assessments', 'workshops', 'responses', 'drafts', 'setAside', 'meta'],
		'readwrite',
		STRICT
	);
	const keep = (key: string, kind: SetAsideRecord['kind'], text: string, reason: string) => {
		setAside++;
		return tx
			.objectStore('setAside')
			.put({ key: `legacy:${key}`, kind, text, reason, at, title: '' });
	};
	for (const key of keys) {
		const text = storage.getItem(key) ?? '';
		const data = parseJson(text);
		if (key.startsWith(LEGACY_PREFIXES.assessment)) {
			const read = readAssessment(data, { allowRepair: true });
			if (!read.ok) await keep(key, 'assessment', text, read.message);
			else if ((await tx.objectStore('assessments').getKey(read.assessment.id)) === undefined) {
				await tx.objectStore('assessments').put(read.assessment, read.assessment.id);
				if (read.repaired.length) await keep(key, 'assessment', text, read.repaired.join(' '));
				moved++;
			}
		} else if (key.startsWith(LEGACY_PREFIXES.quarantine)) {
			await keep(
				key,
				'assessment',
				text,
				'Set aside by an earlier version because it could not be read.'
			);
		} else if (key.startsWith(LEGACY_PREFIXES.workshop)) {
			const old = (data ?? {}) as { responses?: unknown[] } & Record<string, unknown>;
			const { responses = [], ...rest } = old;
			const workshop = parseWith(WorkshopSchema, { ...rest, version: 2 }, 'saved workshop');
			if (!workshop.ok) {
				await keep(key, 'workshop', text, workshop.message);
				continue;
			}
			await tx.objectStore('workshops').put(workshop.value, workshop.value.id);
			for (const raw of Array.isArray(responses) ? responses : []) {
				const response = parseWith(ResponseSchema, raw, 'saved response');
				if (response.ok)
					await tx
						.objectStore('responses')
						.put(response.value, [response.value.workshopId, response.value.responseId]);
				else await keep(`${key}:${setAside}`, 'response', JSON.stringify(raw), response.message);
			}
			moved++;
		} else if (key.startsWith(LEGACY_PREFIXES.draft)) {
			const workshopId = key.slice(LEGACY_PREFIXES.draft.length);
			const draft = parseWith(
				DraftSchema,
				{
					name: '',
					answers: {},
					...(data as object),
					workshopId,
					page: 0,
					showAll: false,
					updatedAt: at
				},
				'saved draft'
			);
			if (draft.ok) await tx.objectStore('drafts').put(draft.value, workshopId);
			else await keep(key, 'draft', text, draft.message);
		}
	}
	await tx
		.objectStore('meta')
		.put({ key: 'moved-from-local-storage', value: { at, moved, setAside } });
	await tx.done;
	for (const key of keys) storage.removeItem(key);
	return { moved, setAside };
}
