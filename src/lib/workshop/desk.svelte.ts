import { createAssessment, newId } from '$lib/assessment/create';
import type { AssessmentSession } from '$lib/assessment/session.svelte';
import type { Assessment } from '$lib/assessment/types';
import { bank } from '$lib/content';
import type { AssessmentRepository } from '$lib/storage/repository';
import { aggregate, mergeResponses, type WorkshopPicture } from './aggregate';
import { decodeResponse, encodeCode } from './codec';
import type { WorkshopRepository } from './repository';
import {
	roleLabel,
	type Workshop,
	type WorkshopInvite,
	type WorkshopResponse,
	type WorkshopRole
} from './types';

const DECODE_BATCH = 5;

export function createWorkshop(
	organisation: string,
	roles: WorkshopRole[],
	assessments: AssessmentRepository,
	workshops: WorkshopRepository
): Workshop {
	const assessment: Assessment = { ...createAssessment(bank.version), kind: 'workshop-consensus' };
	const workshop: Workshop = {
		format: 'pwr-workshop',
		version: 1,
		id: newId(),
		assessmentId: assessment.id,
		createdAt: new Date().toISOString(),
		roles,
		responses: []
	};
	assessment.workshopId = workshop.id;
	assessment.profile.organisationName = organisation;
	assessment.title = `${organisation || 'Workshop'} – workshop consensus`;
	assessments.save(assessment);
	workshops.save(workshop);
	return workshop;
}

export function inviteFor(workshop: Workshop, assessment: Assessment): WorkshopInvite {
	return {
		format: 'pwr-workshop-invite',
		version: 1,
		workshopId: workshop.id,
		title: assessment.title,
		contentVersion: assessment.contentVersion,
		profile: assessment.profile,
		decisions: assessment.decisions,
		roles: workshop.roles
	};
}

/** The facilitator's desk: the workshop, its consensus assessment, and the picture derived from both. */
export class WorkshopDesk {
	workshop: Workshop = $state() as Workshop;
	messages: { kind: 'ok' | 'error' | 'warn'; text: string }[] = $state([]);
	readonly session: AssessmentSession;
	readonly picture: WorkshopPicture;
	readonly inviteCode: string;

	constructor(
		workshop: Workshop,
		session: AssessmentSession,
		private readonly repository: WorkshopRepository
	) {
		this.workshop = workshop;
		this.session = session;
		this.picture = $derived(
			aggregate(this.workshop, session.assessment.profile, session.assessment.decisions, bank)
		);
		this.inviteCode = $derived(encodeCode(inviteFor(this.workshop, session.assessment)));
	}

	/**
	 * Adds answers pasted as links or codes, or read from files; one message per item. Decoding yields
	 * to the browser between small batches so a room's worth of answers never freezes the page.
	 */
	async addAnswers(texts: string[]) {
		const messages: WorkshopDesk['messages'] = [];
		const decoded: WorkshopResponse[] = [];
		for (const [i, text] of texts.entries()) {
			const result = decodeResponse(text);
			if (result.ok) decoded.push(result.value);
			else messages.push({ kind: 'error', text: `Item ${i + 1}: ${result.message}` });
			if (i % DECODE_BATCH === DECODE_BATCH - 1)
				await new Promise((resolve) => setTimeout(resolve, 0));
		}
		const outcome = mergeResponses($state.snapshot(this.workshop) as Workshop, decoded);
		for (const r of outcome.added)
			messages.push({
				kind: 'ok',
				text: `Added answers from a ${roleLabel(r.role).toLowerCase()}${r.name ? ` (${r.name})` : ''}.`
			});
		for (const r of outcome.refused) messages.push({ kind: 'error', text: `Refused: ${r.reason}` });
		if (outcome.added.length) this.#save(outcome.workshop);
		this.messages = messages;
	}

	removeResponse(responseId: string) {
		this.#save({
			...$state.snapshot(this.workshop),
			responses: this.workshop.responses.filter((r) => r.responseId !== responseId)
		} as Workshop);
		this.messages = [{ kind: 'warn', text: "Removed one participant's answers." }];
	}

	/** Fills every statement without an agreed rating with the participants' median, rounded down. */
	useMedians() {
		let filled = 0;
		for (const s of this.picture.statements) {
			if (s.median === null || this.session.assessment.answers[s.id]?.rating !== undefined)
				continue;
			this.session.setRating(s.id, Math.floor(s.median) as 0);
			filled++;
		}
		this.messages = [
			{
				kind: 'ok',
				text: `Filled ${filled} statements with the median (rounded down). Review them before agreeing.`
			}
		];
	}

	#save(workshop: Workshop) {
		const saved = this.repository.save(workshop);
		if (saved.ok) this.workshop = workshop;
		else this.messages = [{ kind: 'error', text: saved.message }];
	}
}
