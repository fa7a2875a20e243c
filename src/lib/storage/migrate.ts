import { SCHEMA_VERSION } from '$lib/model/assessment';

export const OLDEST_READABLE_VERSION = 1;

type Raw = Record<string, unknown>;

/**
 * Format 1 (the first release) kept ratings and notes in two maps, with "dk"/"na" codes,
 * and had no action plan or wizard position.
 */
function v1ToV2(old: Raw, notices: string[]): Raw {
	const ratings = (old.answers ?? {}) as Record<string, unknown>;
	const notes = (old.notes ?? {}) as Record<string, unknown>;
	const answers: Record<string, { rating?: unknown; note?: unknown }> = {};
	for (const id of new Set([...Object.keys(ratings), ...Object.keys(notes)])) {
		const r = ratings[id];
		const entry: { rating?: unknown; note?: unknown } = {};
		if (r === 'dk') entry.rating = 'dont-know';
		else if (r === 'na') entry.rating = 'not-applicable';
		else if (r !== undefined && r !== null) entry.rating = r;
		if (notes[id] !== undefined) entry.note = notes[id];
		answers[id] = entry;
	}
	const { notes: _notes, ...rest } = old;
	notices.push(
		'This assessment was saved in an older format and has been updated; nothing was lost.'
	);
	return {
		...rest,
		schemaVersion: 2,
		kind: 'assessment',
		title: '',
		answers,
		plan: { edits: {}, custom: [], order: [] },
		position: { step: 'review' }
	};
}

/** Format 3 counts committed changes, so a change from a stale tab is merged instead of written over. */
function v2ToV3(old: Raw): Raw {
	return { ...old, schemaVersion: 3, revision: 0 };
}

const MIGRATIONS: Record<number, (old: Raw, notices: string[]) => Raw> = { 1: v1ToV2, 2: v2ToV3 };

export function migrate(data: Raw, fromVersion: number, notices: string[]): Raw {
	let current = data;
	for (let version = fromVersion; version < SCHEMA_VERSION; version++) {
		const step = MIGRATIONS[version];
		if (!step) throw new Error(`No migration from format ${version}`);
		current = step(current, notices);
	}
	return current;
}
