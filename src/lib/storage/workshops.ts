import * as v from 'valibot';
import { AssessmentSchema, type Assessment } from '$lib/model/assessment';
import { describeIssues, parseWith } from '$lib/model/checks';
import { LIMITS } from '$lib/model/limits';
import {
	draftKey,
	DraftSchema,
	ResponseSchema,
	WorkshopSchema,
	type ParticipantDraft,
	type Workshop,
	type WorkshopResponse
} from '$lib/model/workshop';
import type { Failure, Written } from './assessments';
import { ConnectedStore, STRICT, writeFailure, writeFailureCause } from './db';
import { takeLeftDraft } from './left-draft';
import { byCodeUnits } from '$lib/model/order';

export type ResponseOutcome =
	| 'added'
	| 'replaced'
	/** The same answers were added before. */
	| 'already-added'
	/** Added before with different answers: replace only if the facilitator says so. */
	| 'differs'
	/** The workshop holds the most responses it can. */
	| 'full';

export interface LoadedWorkshop {
	workshop: Workshop;
	responses: WorkshopResponse[];
	/** Responses that could not be read and were set aside. */
	problems: string[];
}

const sameAnswers = (a: WorkshopResponse, b: WorkshopResponse) =>
	a.role === b.role && a.name === b.name && JSON.stringify(a.answers) === JSON.stringify(b.answers);

const byArrival = (a: WorkshopResponse, b: WorkshopResponse) =>
	byCodeUnits(a.submittedAt, b.submittedAt) || byCodeUnits(a.responseId, b.responseId);

/**
 * Workshops on this device. Each participant's answers are a record of their own, so the desk in
 * two tabs, or several people answering in turn on one device, never overwrite each other.
 */
export class WorkshopStore extends ConnectedStore {
	async list(): Promise<{ workshop: Workshop; responses: number }[]> {
		const tx = (await this.database()).transaction(['workshops', 'responses']);
		const workshops = (await tx.objectStore('workshops').getAll()).flatMap((raw) => {
			const parsed = parseWith(WorkshopSchema, raw, 'saved workshop');
			return parsed.ok ? [parsed.value] : [];
		});
		const counted = await Promise.all(
			workshops.map(async (workshop) => ({
				workshop,
				responses: await tx.objectStore('responses').index('byWorkshop').count(workshop.id)
			}))
		);
		await tx.done;
		return counted.sort((a, b) => byCodeUnits(b.workshop.createdAt, a.workshop.createdAt));
	}

	async load(
		id: string
	): Promise<({ ok: true } & LoadedWorkshop) | { ok: false; message: string }> {
		const tx = (await this.database()).transaction(['workshops', 'responses']);
		const raw = await tx.objectStore('workshops').get(id);
		const rawResponses = await tx.objectStore('responses').index('byWorkshop').getAll(id);
		await tx.done;
		if (raw === undefined)
			return { ok: false, message: 'There is no workshop with this address on this device.' };
		const workshop = parseWith(WorkshopSchema, raw, 'saved workshop');
		if (!workshop.ok) return { ok: false, message: workshop.message };
		const problems: string[] = [];
		const responses: WorkshopResponse[] = [];
		for (const r of rawResponses) {
			const parsed = parseWith(ResponseSchema, r, 'saved response');
			if (parsed.ok) responses.push(parsed.value);
			else {
				problems.push(
					`One participant's answers could not be read and were set aside (${parsed.message}).`
				);
				await this.#setAside(r, parsed.message);
			}
		}
		return { ok: true, workshop: workshop.value, responses: responses.sort(byArrival), problems };
	}

	async #setAside(raw: unknown, reason: string) {
		const at = this.now().toISOString();
		const tx = (await this.database()).transaction(['responses', 'setAside'], 'readwrite', STRICT);
		const r = raw as { workshopId?: string; responseId?: string };
		await tx.objectStore('setAside').put({
			key: `response:${String(r.responseId)}:${at}`,
			kind: 'response',
			text: JSON.stringify(raw, null, 2),
			reason,
			at,
			title: 'Workshop answers'
		});
		if (typeof r.workshopId === 'string' && typeof r.responseId === 'string')
			await tx.objectStore('responses').delete([r.workshopId, r.responseId]);
		await tx.done;
	}

	/** Saves a new workshop and its consensus assessment together: one cannot exist without the other. */
	async create(workshop: Workshop, consensus: Assessment): Promise<Written<object>> {
		const w = v.safeParse(WorkshopSchema, workshop);
		const a = v.safeParse(AssessmentSchema, consensus);
		if (!w.success || !a.success)
			return {
				ok: false,
				reason: 'refused',
				message: `This workshop cannot be saved: ${describeIssues([...(w.issues ?? []), ...(a.issues ?? [])])}.`
			};
		try {
			const tx = (await this.database()).transaction(
				['workshops', 'assessments'],
				'readwrite',
				STRICT
			);
			await tx.objectStore('workshops').put(w.output, workshop.id);
			await tx.objectStore('assessments').put(a.output, consensus.id);
			await tx.done;
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
		this.channel.post({ type: 'workshop', id: workshop.id });
		this.channel.post({ type: 'assessment', id: consensus.id, revision: consensus.revision });
		return { ok: true };
	}

	async openInvitations(id: string): Promise<Written<{ workshop: Workshop }>> {
		try {
			const tx = (await this.database()).transaction('workshops', 'readwrite', STRICT);
			const parsed = parseWith(WorkshopSchema, await tx.store.get(id), 'saved workshop');
			if (!parsed.ok) {
				await tx.done;
				return {
					ok: false,
					reason: 'deleted',
					message: 'This workshop is no longer on this device.'
				};
			}
			const workshop = {
				...parsed.value,
				invitationsOpenedAt: parsed.value.invitationsOpenedAt ?? this.now().toISOString()
			};
			await tx.store.put(workshop, id);
			await tx.done;
			this.channel.post({ type: 'workshop', id });
			return { ok: true, workshop };
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
	}

	/**
	 * Adds checked responses in one transaction. The limit is enforced here, before anything is
	 * written; an earlier response with different answers is replaced only when asked.
	 */
	async addResponses(
		workshopId: string,
		incoming: readonly WorkshopResponse[],
		replace: ReadonlySet<string> = new Set()
	): Promise<Written<{ outcomes: { response: WorkshopResponse; outcome: ResponseOutcome }[] }>> {
		const outcomes: { response: WorkshopResponse; outcome: ResponseOutcome }[] = [];
		// Only what has been checked is written, and the check's output is a plain copy: a page's
		// reactive state (a Svelte proxy) cannot be stored by IndexedDB (it refused one with a
		// DataCloneError when a participant's answers link was added).
		const checked: WorkshopResponse[] = [];
		for (const response of incoming) {
			const parsed = parseWith(ResponseSchema, response, 'participant response');
			if (!parsed.ok) return { ok: false, reason: 'refused', message: parsed.message };
			checked.push(parsed.value);
		}
		try {
			const tx = (await this.database()).transaction(
				['workshops', 'responses'],
				'readwrite',
				STRICT
			);
			if ((await tx.objectStore('workshops').getKey(workshopId)) === undefined) {
				await tx.done;
				return {
					ok: false,
					reason: 'deleted',
					message: 'This workshop is no longer on this device.'
				};
			}
			const store = tx.objectStore('responses');
			let count = await store.index('byWorkshop').count(workshopId);
			for (const response of checked) {
				const key: [string, string] = [workshopId, response.responseId];
				const existing = parseWith(ResponseSchema, await store.get(key), 'saved response');
				if (existing.ok) {
					if (sameAnswers(existing.value, response))
						outcomes.push({ response, outcome: 'already-added' });
					else if (replace.has(response.responseId)) {
						await store.put(response, key);
						outcomes.push({ response, outcome: 'replaced' });
					} else outcomes.push({ response, outcome: 'differs' });
				} else if (count >= LIMITS.workshopResponses) {
					outcomes.push({ response, outcome: 'full' });
				} else {
					await store.put(response, key);
					count++;
					outcomes.push({ response, outcome: 'added' });
				}
			}
			await tx.done;
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailureCause(error) };
		}
		if (outcomes.some((o) => o.outcome === 'added' || o.outcome === 'replaced'))
			this.channel.post({ type: 'workshop', id: workshopId });
		return { ok: true, outcomes };
	}

	async removeResponse(workshopId: string, responseId: string): Promise<Written<object>> {
		try {
			const tx = (await this.database()).transaction('responses', 'readwrite', STRICT);
			await tx.store.delete([workshopId, responseId]);
			await tx.done;
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
		this.channel.post({ type: 'workshop', id: workshopId });
		return { ok: true };
	}

	/** Deletes a workshop with its responses and its consensus assessment. */
	async remove(workshopId: string): Promise<Written<object>> {
		try {
			const tx = (await this.database()).transaction(
				['workshops', 'responses', 'assessments'],
				'readwrite',
				STRICT
			);
			const parsed = parseWith(
				WorkshopSchema,
				await tx.objectStore('workshops').get(workshopId),
				'saved workshop'
			);
			const index = tx.objectStore('responses').index('byWorkshop');
			for (const key of await index.getAllKeys(workshopId))
				await tx.objectStore('responses').delete(key);
			await tx.objectStore('workshops').delete(workshopId);
			if (parsed.ok) await tx.objectStore('assessments').delete(parsed.value.assessmentId);
			await tx.done;
			this.channel.post({ type: 'workshop-removed', id: workshopId });
			if (parsed.ok)
				this.channel.post({ type: 'assessment-removed', id: parsed.value.assessmentId });
			return { ok: true };
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
	}

	async loadDraft(
		workshopId: string,
		mode: ParticipantDraft['mode'] = 'own-device'
	): Promise<{ draft: ParticipantDraft | null; problem?: string }> {
		const key = draftKey(workshopId, mode);
		const left = takeLeftDraft(workshopId, mode);
		// A draft whose write was cut short as its page went, if newer than the stored one, is saved
		// now: it was taken from where the page left it.
		const newest = async (stored: ParticipantDraft | null) => {
			if (!left || (stored && left.updatedAt < stored.updatedAt)) return stored;
			await this.saveDraft(left);
			return left;
		};
		const raw = await (await this.database()).get('drafts', key);
		if (raw === undefined) return { draft: await newest(null) };
		const parsed = parseWith(DraftSchema, raw, 'saved draft');
		if (parsed.ok) return { draft: await newest(parsed.value) };
		const at = this.now().toISOString();
		await (
			await this.database()
		).put('setAside', {
			key: `draft:${workshopId}:${at}`,
			kind: 'draft',
			text: JSON.stringify(raw, null, 2),
			reason: parsed.message,
			at,
			title: 'Unfinished workshop answers'
		});
		await (await this.database()).delete('drafts', key);
		if (left) return { draft: await newest(null) };
		return {
			draft: null,
			problem: 'Your unfinished answers could not be read, so the form starts empty.'
		};
	}

	async saveDraft(draft: ParticipantDraft): Promise<{ ok: true } | Failure> {
		const checked = v.safeParse(DraftSchema, draft);
		if (!checked.success)
			return {
				ok: false,
				reason: 'refused',
				message: `Your answers cannot be saved: ${describeIssues(checked.issues)}.`
			};
		try {
			const tx = (await this.database()).transaction('drafts', 'readwrite', STRICT);
			await tx.store.put(checked.output, draftKey(draft.workshopId, draft.mode));
			await tx.done;
			return { ok: true };
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
	}

	async clearDraft(
		workshopId: string,
		mode: ParticipantDraft['mode'] = 'own-device'
	): Promise<{ ok: true } | Failure> {
		try {
			const tx = (await this.database()).transaction('drafts', 'readwrite', STRICT);
			await tx.store.delete(draftKey(workshopId, mode));
			await tx.done;
			return { ok: true };
		} catch (error) {
			return { ok: false, reason: 'failed', message: writeFailure(error) };
		}
	}
}
