import { createAssessment, newId } from '$lib/assessment/create';
import type { AssessmentSession } from '$lib/assessment/session.svelte';
import { bank } from '$lib/content';
import { applyTerms } from '$lib/content/terms';
import type { Assessment, Rating } from '$lib/model/assessment';
import { fitShortText, LIMITS } from '$lib/model/limits';
import {
	roleLabel,
	type Workshop,
	type WorkshopInvite,
	type WorkshopResponse,
	type WorkshopRole
} from '$lib/model/workshop';
import type { ChangeChannel } from '$lib/storage/channel';
import type { ResponseOutcome, WorkshopStore } from '$lib/storage/workshops';
import { aggregate, type WorkshopPicture } from './aggregate';
import { decodeAnswers, encodeInvite, findAnswerCodes, PartCollector } from './codec';

/** Items decoded between pauses, so a room's worth of answers (or a huge paste) never freezes the page. */
const DECODE_BATCH = 10;
/** The most items one paste may hold: more than the most responses a workshop can hold. */
export const MAX_PASTED_ITEMS = LIMITS.workshopResponses + 50;
/** A pasted text longer than this is refused at once, before any decoding. */
export const MAX_PASTE_CHARS = 400_000;

export type DeskMessage = { kind: 'ok' | 'error' | 'warn'; text: string };

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

/** A new workshop and its consensus assessment, ready to save together. */
export function newWorkshop(
	organisation: string,
	roles: WorkshopRole[],
	now = new Date()
): { workshop: Workshop; consensus: Assessment } {
	const consensus: Assessment = {
		...createAssessment(bank.version, now),
		kind: 'workshop-consensus'
	};
	const workshop: Workshop = {
		format: 'pwr-workshop',
		version: 2,
		id: newId(),
		assessmentId: consensus.id,
		createdAt: now.toISOString(),
		roles
	};
	consensus.workshopId = workshop.id;
	consensus.profile.organisationName = organisation;
	consensus.title = fitShortText(`${organisation || 'Workshop'} – workshop consensus`);
	return { workshop, consensus };
}

const OUTCOME_WORDS: Record<ResponseOutcome, (who: string) => string> = {
	added: (who) => `Added answers from ${who}.`,
	replaced: (who) => `Replaced the earlier answers from ${who} with the newer ones.`,
	'already-added': (who) => `The answers from ${who} were already added; nothing changed.`,
	differs: (who) => `${who} sent answers before, and these are different.`,
	full: () =>
		`This workshop already holds ${LIMITS.workshopResponses} responses, the most it can; these answers were not added.`
};

/** Who sent a response, as the desk's messages name them: "a manager (Sam)". */
export const whoSent = (response: WorkshopResponse) =>
	`a ${roleLabel(response.role).toLowerCase()}${response.name ? ` (${response.name})` : ''}`;

/** The facilitator's desk: the workshop, its responses, its consensus assessment, and the picture drawn from them. */
export class WorkshopDesk {
	workshop: Workshop = $state() as Workshop;
	responses: WorkshopResponse[] = $state([]);
	messages: DeskMessage[] = $state([]);
	/** Answers from someone who answered before, with different answers: replace only when the facilitator says so. */
	differing: WorkshopResponse[] = $state([]);
	/** A QR hand-back split over several codes, part way through. */
	partProgress: { have: number; total: number } | null = $state(null);
	/** The answers removed last, kept while the desk is open so they can be put back. */
	lastRemoved: WorkshopResponse | null = $state.raw(null);
	deleted = $state(false);
	busy = $state(false);

	readonly picture: WorkshopPicture;
	readonly inviteCode: string;
	/** Set-up comes first: invitations carry the profile and decisions as they are when sent. */
	readonly invitationsOpen: boolean = $derived(!!this.workshop.invitationsOpenedAt);

	#parts = new PartCollector();
	#unsubscribe: () => void;

	constructor(
		workshop: Workshop,
		responses: WorkshopResponse[],
		readonly session: AssessmentSession,
		private readonly store: WorkshopStore,
		channel: ChangeChannel
	) {
		this.workshop = workshop;
		this.responses = responses;
		this.picture = $derived(
			aggregate(
				this.responses,
				session.assessment.profile,
				session.assessment.decisions,
				bank,
				(id) => applyTerms(bank.domains.find((d) => d.id === id)!.name, session.terms)
			)
		);
		this.inviteCode = $derived(encodeInvite(inviteFor(this.workshop, session.assessment)));
		this.#unsubscribe = channel.subscribe((m) => {
			if (m.type === 'workshop' && m.id === workshop.id) void this.reload();
			if ((m.type === 'workshop-removed' && m.id === workshop.id) || m.type === 'cleared')
				this.deleted = true;
		});
	}

	/** Re-reads the responses: another tab, or a participant answering in turn here, may have added some. */
	async reload() {
		const loaded = await this.store.load(this.workshop.id);
		if (!loaded.ok) return;
		this.workshop = loaded.workshop;
		this.responses = loaded.responses;
	}

	async openInvitations() {
		const done = await this.store.openInvitations(this.workshop.id);
		if (!done.ok) this.messages = [{ kind: 'error', text: done.message }];
		else this.workshop = done.workshop;
	}

	/**
	 * Adds answers pasted as codes or links, or read from files. Decoding yields to the browser
	 * between small batches; a failed save keeps the answers and says so, so none is lost.
	 */
	async addTexts(texts: string[]): Promise<boolean> {
		if (texts.reduce((n, t) => n + t.length, 0) > MAX_PASTE_CHARS) {
			this.messages = [
				{ kind: 'error', text: 'That is far more text than any set of answers. Nothing was added.' }
			];
			return false;
		}
		const codes = texts.flatMap((t) => {
			const found = findAnswerCodes(t);
			return found.length ? found : [t];
		});
		if (codes.length > MAX_PASTED_ITEMS) {
			this.messages = [
				{
					kind: 'error',
					text: `That holds ${codes.length} items; a workshop takes at most ${LIMITS.workshopResponses} responses. Nothing was added.`
				}
			];
			return false;
		}
		this.busy = true;
		const decoded: WorkshopResponse[] = [];
		const errors: string[] = [];
		for (const [i, code] of codes.entries()) {
			const result = decodeAnswers(code, bank);
			if (result.ok) decoded.push(result.value);
			else errors.push(result.message);
			if (i % DECODE_BATCH === DECODE_BATCH - 1) await new Promise((r) => setTimeout(r, 0));
		}
		const messages: DeskMessage[] = [];
		if (errors.length)
			messages.push({
				kind: 'error',
				text:
					errors.length === 1
						? errors[0]!
						: `${errors.length} items could not be read. The first: ${errors[0]}`
			});
		const saved = decoded.length ? await this.addResponses(decoded) : true;
		this.messages = [...messages, ...this.messages];
		this.busy = false;
		return saved && errors.length === 0;
	}

	/** A code read by the camera: a whole answer code, or one part of a split one. */
	async addScanned(text: string) {
		const part = this.#parts.add(text);
		if ('waiting' in part) {
			this.partProgress = part.waiting;
			this.messages = [
				{
					kind: 'ok',
					text: `Read part ${part.waiting.have} of ${part.waiting.total}. Show the next code.`
				}
			];
			return;
		}
		this.partProgress = null;
		await this.addTexts(['complete' in part ? part.complete : text]);
	}

	/** Checks that answers belong here, then saves them; outcomes are reported one by one. */
	async addResponses(
		incoming: WorkshopResponse[],
		replace: ReadonlySet<string> = new Set()
	): Promise<boolean> {
		const messages: DeskMessage[] = [];
		const fitting = incoming.filter((r) => {
			if (r.workshopId !== this.workshop.id) {
				messages.push({
					kind: 'error',
					text: 'These answers belong to a different workshop. Nothing was added.'
				});
				return false;
			}
			if (!this.workshop.roles.includes(r.role)) {
				messages.push({
					kind: 'error',
					text: `The role "${roleLabel(r.role)}" is not taking part in this workshop. Nothing was added.`
				});
				return false;
			}
			return true;
		});
		if (fitting.length === 0) {
			this.messages = messages;
			return false;
		}
		const done = await this.store.addResponses(this.workshop.id, fitting, replace);
		if (!done.ok) {
			this.messages = [
				...messages,
				{
					kind: 'error',
					text: `${done.message} The answers were not added; add them again once this is fixed.`
				}
			];
			return false;
		}
		const differing: WorkshopResponse[] = [];
		for (const { response, outcome } of done.outcomes) {
			const who = whoSent(response);
			messages.push({
				kind: outcome === 'added' || outcome === 'replaced' ? 'ok' : 'warn',
				text: OUTCOME_WORDS[outcome](who)
			});
			if (outcome === 'differs') differing.push(response);
		}
		this.differing = [
			...this.differing.filter((d) => !fitting.some((f) => f.responseId === d.responseId)),
			...differing
		];
		this.messages = messages;
		await this.reload();
		return true;
	}

	/** Replaces an earlier response with the newer one the same participant sent, on purpose. */
	async replaceWithNewer(responseId: string) {
		const newer = this.differing.find((d) => d.responseId === responseId);
		if (newer) await this.addResponses([newer], new Set([responseId]));
	}

	dismissNewer(responseId: string) {
		this.differing = this.differing.filter((d) => d.responseId !== responseId);
	}

	async removeResponse(responseId: string) {
		const removed = this.responses.find((r) => r.responseId === responseId);
		const done = await this.store.removeResponse(this.workshop.id, responseId);
		if (!done.ok) {
			this.messages = [{ kind: 'error', text: done.message }];
			return;
		}
		this.lastRemoved = removed ? $state.snapshot(removed) : null;
		this.messages = [
			{
				kind: 'warn',
				text: removed
					? `Removed the answers from ${whoSent(removed)}.`
					: "Removed one participant's answers."
			}
		];
		await this.reload();
	}

	/** Adds the answers removed last back to the workshop. */
	async putBackRemoved() {
		const removed = this.lastRemoved;
		if (!removed) return;
		if (await this.addResponses([removed])) this.lastRemoved = null;
	}

	/** Records the rating the room agreed after discussing it. */
	agree(statementId: string, rating: Rating | undefined) {
		const spread = this.picture.statements.find((s) => s.id === statementId);
		this.session.agreeRating(
			statementId,
			rating,
			'discussed',
			(spread?.livedExperienceRated ?? 0) > 0
		);
	}

	/**
	 * Fills every statement not yet agreed with the participants' median (rounded down), marked
	 * "not discussed": confidence counts it at half, and the report says how many there were.
	 */
	useMedians() {
		let filled = 0;
		for (const s of this.picture.statements) {
			if (s.median === null || this.session.assessment.answers[s.id]?.rating !== undefined)
				continue;
			this.session.agreeRating(
				s.id,
				Math.floor(s.median) as Rating,
				'from-median',
				s.livedExperienceRated > 0
			);
			filled++;
		}
		this.messages = [
			{
				kind: 'warn',
				text: `Filled ${filled} statement${filled === 1 ? '' : 's'} with the median (rounded down), marked "not discussed". Discuss them, then agree each one, to confirm.`
			}
		];
	}

	dispose() {
		this.#unsubscribe();
	}
}
