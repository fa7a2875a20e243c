import * as v from 'valibot';
import { AssessmentSchema, SCHEMA_VERSION, type Assessment } from '$lib/model/assessment';
import { applyChange, ChangeRefused, type AssessmentChange } from '$lib/model/changes';
import { describeIssues } from '$lib/model/checks';
import { ConnectedStore, STRICT, writeFailure, type SetAsideRecord } from './db';
import { dropLeftUnsaved, forgetAllLeftUnsaved, putBackLeftUnsaved } from './left-behind';
import { readAssessment } from './validate';
import { byCodeUnits } from '$lib/model/order';

export type Failure = {
	ok: false;
	reason: 'deleted' | 'failed' | 'newer' | 'refused' | 'exists';
	message: string;
};
export type Written<T> = ({ ok: true } & T) | Failure;

/** A record saved by a newer release: left exactly as it is, and listed so the person knows. */
export interface NewerRecord {
	id: string;
	message: string;
}

export interface Listing {
	assessments: Assessment[];
	newer: NewerRecord[];
	/** Notes about records that were repaired or set aside while listing. */
	problems: string[];
}

/** What a deletion removed, so "Undo" can put every part of it back. */
export interface Removed {
	assessment: unknown;
	workshop?: unknown;
	responses: unknown[];
	/** Changes pages left unsaved for it (`left-behind.ts`), by key, so "Undo delete" puts them back. */
	leftUnsaved?: Record<string, string>;
}

const titleOf = (raw: unknown): string => {
	if (typeof raw !== 'object' || raw === null) return '';
	const r = raw as { title?: unknown; profile?: { organisationName?: unknown } };
	const title = typeof r.title === 'string' && r.title ? r.title : r.profile?.organisationName;
	return typeof title === 'string' ? title.slice(0, 120) : '';
};

const safeJson = (raw: unknown) => {
	try {
		return JSON.stringify(raw, null, 2) ?? String(raw);
	} catch {
		return String(raw);
	}
};

/**
 * The assessments saved on this device. Writes are changes applied to the latest stored record
 * inside one strict transaction, never snapshots, so two tabs cannot overwrite each other.
 */
export class AssessmentStore extends ConnectedStore {
	/**
	 * The revision of each record this store last checked, by reading it through the gate or by
	 * writing it. A record still at that revision was written by this app and checked then; every
	 * write checks its result again, so it is not read through the whole gate once per answer.
	 */
	readonly #checked = new Map<string, number>();

	#isChecked(id: string, raw: unknown): raw is Assessment {
		const r = raw as { revision?: unknown; schemaVersion?: unknown } | null;
		return (
			typeof r === 'object' &&
			r !== null &&
			r.schemaVersion === SCHEMA_VERSION &&
			this.#checked.get(id) === r.revision
		);
	}

	/**
	 * Reads one record through the gate. A damaged field is repaired and the repair saved (the
	 * original kept as a download); a record with no usable identity is set aside whole.
	 */
	async #read(id: string, raw: unknown, problems: string[]) {
		const read = readAssessment(raw, { allowRepair: true });
		if (read.ok && read.repaired.length === 0) {
			this.#checked.set(id, read.assessment.revision);
			return read;
		}
		if (!read.ok && read.reason === 'newer') return read;
		const at = this.now().toISOString();
		const tx = (await this.database()).transaction(
			['assessments', 'setAside'],
			'readwrite',
			STRICT
		);
		const current = await tx.objectStore('assessments').get(id);
		if (current !== raw && JSON.stringify(current) !== JSON.stringify(raw)) {
			// Another tab changed it meanwhile: read that version next time.
			await tx.done;
			return read;
		}
		const kept: SetAsideRecord = {
			key: `assessment:${id}:${at}`,
			kind: 'assessment',
			text: safeJson(raw),
			reason: read.ok ? read.repaired.join(' ') : read.message,
			at,
			title: titleOf(raw)
		};
		await tx.objectStore('setAside').put(kept);
		if (read.ok) await tx.objectStore('assessments').put(read.assessment, id);
		else await tx.objectStore('assessments').delete(id);
		await tx.done;
		problems.push(
			read.ok
				? `"${titleOf(raw) || 'An assessment'}" had damaged parts, which were repaired: ${read.repaired.join(' ')} A copy of the original is kept below.`
				: `A saved assessment could not be read and has been set aside so it is not lost (${read.message}). You can download it below.`
		);
		if (read.ok) this.channel.post({ type: 'assessment', id, revision: read.assessment.revision });
		return read;
	}

	async list(): Promise<Listing> {
		const tx = (await this.database()).transaction('assessments');
		const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
		await tx.done;
		const listing: Listing = { assessments: [], newer: [], problems: [] };
		for (const [i, id] of keys.entries()) {
			const read = await this.#read(id, values[i], listing.problems);
			if (read.ok) listing.assessments.push(read.assessment);
			else if (read.reason === 'newer') listing.newer.push({ id, message: read.message });
		}
		listing.assessments.sort((a, b) => byCodeUnits(b.updatedAt, a.updatedAt));
		return listing;
	}

	async load(
		id: string
	): Promise<
		| { ok: true; assessment: Assessment; notices: string[] }
		| { ok: false; reason: 'missing' | 'newer' | 'unreadable'; message: string }
	> {
		const raw = await (await this.database()).get('assessments', id);
		if (raw === undefined)
			return {
				ok: false,
				reason: 'missing',
				message: 'There is no saved assessment with this address on this device.'
			};
		const problems: string[] = [];
		const read = await this.#read(id, raw, problems);
		if (read.ok)
			return { ok: true, assessment: read.assessment, notices: [...read.notices, ...problems] };
		if (read.reason === 'newer') return { ok: false, reason: 'newer', message: read.message };
		return { ok: false, reason: 'unreadable', message: problems[0] ?? read.message };
	}

	/** Saves a new record; refuses to write over one that exists. */
	async create(assessment: Assessment): Promise<Written<{ assessment: Assessment }>> {
		const checked = v.safeParse(AssessmentSchema, assessment);
		if (!checked.success)
			return {
				ok: false,
				reason: 'refused',
				message: `This cannot be saved: ${describeIssues(checked.issues)}.`
			};
		try {
			const tx = (await this.database()).transaction('assessments', 'readwrite', STRICT);
			if ((await tx.store.getKey(assessment.id)) !== undefined) {
				await tx.done;
				return {
					ok: false,
					reason: 'exists',
					message: 'An assessment with this id is already saved here.'
				};
			}
			await tx.store.put(checked.output, assessment.id);
			await tx.done;
			this.#checked.set(assessment.id, checked.output.revision);
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
		this.channel.post({ type: 'assessment', id: assessment.id, revision: assessment.revision });
		return { ok: true, assessment: checked.output };
	}

	/**
	 * Applies changes to the latest stored record in one strict transaction. A deleted record stays
	 * deleted (deletion wins); a change the limits refuse is skipped and named, the others kept.
	 */
	async apply(
		id: string,
		changes: readonly AssessmentChange[]
	): Promise<Written<{ assessment: Assessment; refused: string[] }>> {
		let result: Assessment;
		const refused: string[] = [];
		try {
			const tx = (await this.database()).transaction('assessments', 'readwrite', STRICT);
			const raw = await tx.store.get(id);
			if (raw === undefined) {
				await tx.done;
				return {
					ok: false,
					reason: 'deleted',
					message:
						'This assessment was deleted in another tab or window, so changes here are no longer saved. Download a copy to keep them.'
				};
			}
			// What IndexedDB returns is a fresh copy: changing it changes nothing stored or shown.
			let next: Assessment;
			const trusted = this.#isChecked(id, raw);
			if (trusted) next = raw;
			else {
				const read = readAssessment(raw, { allowRepair: true });
				if (!read.ok) {
					await tx.done;
					return {
						ok: false,
						reason: read.reason === 'newer' ? 'newer' : 'failed',
						message: read.message
					};
				}
				next = read.assessment;
			}
			for (const change of changes) {
				try {
					applyChange(next, change);
				} catch (error) {
					if (error instanceof ChangeRefused) refused.push(error.message);
					else throw error;
				}
			}
			next.updatedAt = this.now().toISOString();
			next.revision += 1;
			const checked = v.safeParse(AssessmentSchema, next);
			if (!checked.success) {
				tx.abort();
				// Aborting rejects `done`; that rejection is this very refusal, reported below.
				await tx.done.catch(() => {});
				// Changed outside the app since it was checked: read it through the gate, then try again.
				if (trusted) {
					this.#checked.delete(id);
					return this.apply(id, changes);
				}
				return {
					ok: false,
					reason: 'refused',
					message: `This change cannot be saved: ${describeIssues(checked.issues)}.`
				};
			}
			await tx.store.put(checked.output, id);
			await tx.done;
			result = checked.output;
			this.#checked.set(id, result.revision);
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
		this.channel.post({ type: 'assessment', id, revision: result.revision });
		return { ok: true, assessment: result, refused };
	}

	/** How many participant responses each workshop holds, counted from their keys alone. */
	async responseCounts(): Promise<Record<string, number>> {
		const counts: Record<string, number> = {};
		for (const [workshopId] of await (await this.database()).getAllKeys('responses'))
			counts[workshopId] = (counts[workshopId] ?? 0) + 1;
		return counts;
	}

	/**
	 * Deletes an assessment. A workshop's consensus assessment takes its workshop and every response
	 * with it, so no workshop is left that no screen can reach.
	 */
	async remove(id: string): Promise<Written<{ removed: Removed }>> {
		try {
			const tx = (await this.database()).transaction(
				['assessments', 'workshops', 'responses'],
				'readwrite',
				STRICT
			);
			const assessment = await tx.objectStore('assessments').get(id);
			if (assessment === undefined) {
				await tx.done;
				return { ok: false, reason: 'deleted', message: 'This assessment was already deleted.' };
			}
			const removed: Removed = { assessment, responses: [] };
			const workshopId = (assessment as { workshopId?: unknown }).workshopId;
			if (typeof workshopId === 'string') {
				removed.workshop = await tx.objectStore('workshops').get(workshopId);
				const index = tx.objectStore('responses').index('byWorkshop');
				removed.responses = await index.getAll(workshopId);
				for (const key of await index.getAllKeys(workshopId))
					await tx.objectStore('responses').delete(key);
				await tx.objectStore('workshops').delete(workshopId);
			}
			await tx.objectStore('assessments').delete(id);
			await tx.done;
			// Changes a page left unsaved go with it, and come back with an undo.
			removed.leftUnsaved = dropLeftUnsaved(id);
			this.channel.post({ type: 'assessment-removed', id });
			if (typeof workshopId === 'string')
				this.channel.post({ type: 'workshop-removed', id: workshopId });
			return { ok: true, removed };
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
	}

	/** Puts back what a deletion removed ("Undo"), unless something new took its place. */
	async restore(removed: Removed): Promise<Written<object>> {
		const id = (removed.assessment as { id: string }).id;
		try {
			const tx = (await this.database()).transaction(
				['assessments', 'workshops', 'responses'],
				'readwrite',
				STRICT
			);
			if ((await tx.objectStore('assessments').getKey(id)) !== undefined) {
				await tx.done;
				return { ok: false, reason: 'exists', message: 'It has already been restored.' };
			}
			await tx.objectStore('assessments').put(removed.assessment, id);
			const workshop = removed.workshop as { id?: string } | undefined;
			if (workshop?.id) {
				await tx.objectStore('workshops').put(workshop, workshop.id);
				for (const r of removed.responses as { workshopId: string; responseId: string }[])
					await tx.objectStore('responses').put(r, [r.workshopId, r.responseId]);
			}
			await tx.done;
			if (removed.leftUnsaved) putBackLeftUnsaved(removed.leftUnsaved);
			this.channel.post({ type: 'assessment', id, revision: -1 });
			if (workshop?.id) this.channel.post({ type: 'workshop', id: workshop.id });
			return { ok: true };
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
	}

	async setAside(): Promise<SetAsideRecord[]> {
		return (await (await this.database()).getAll('setAside')).sort((a, b) =>
			byCodeUnits(b.at, a.at)
		);
	}

	async discardSetAside(key: string): Promise<Written<object>> {
		try {
			const tx = (await this.database()).transaction('setAside', 'readwrite', STRICT);
			await tx.store.delete(key);
			await tx.done;
			return { ok: true };
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
	}

	/** Removes everything this app stored on this device, in every store, and tells every open tab. */
	async clearAll(): Promise<Written<object>> {
		try {
			const stores = [
				'assessments',
				'workshops',
				'responses',
				'drafts',
				'setAside',
				'meta'
			] as const;
			const tx = (await this.database()).transaction([...stores], 'readwrite', STRICT);
			await Promise.all(stores.map((s) => tx.objectStore(s).clear()));
			await tx.done;
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
		forgetAllLeftUnsaved();
		this.channel.post({ type: 'cleared' });
		return { ok: true };
	}
}
