import { newId } from '$lib/assessment/create';
import { holdUnsavedWork } from '$lib/assessment/unsaved';
import { bank } from '$lib/content';
import { conditionContextOf } from '$lib/content/conditions';
import { resolveTerms } from '$lib/content/terms';
import type { Rating } from '$lib/model/assessment';
import type {
	ParticipantDraft,
	WorkshopInvite,
	WorkshopResponse,
	WorkshopRole
} from '$lib/model/workshop';
import { keepLeftDraft } from '$lib/storage/left-draft';
import type { WorkshopStore } from '$lib/storage/workshops';
import { answerParts, decodeInvite, encodeAnswers } from './codec';
import { participantForm } from './forms';

export type DraftState =
	{ state: 'saved' } | { state: 'error'; message: string } | { state: 'not-stored' };

export interface Finished {
	code: string;
	/** The same code split for QR codes (one part when it fits). */
	parts: string[];
	link: string;
}

/**
 * One participant answering a workshop invitation, on their own device or in turn on the
 * facilitator's. Their unfinished answers survive a closed tab; nothing leaves the device until
 * they hand it back.
 */
export class ParticipantSession {
	invite: WorkshopInvite | null = $state(null);
	error = $state('');
	role: WorkshopRole | '' = $state('');
	name = $state('');
	answers: Record<string, { rating?: Rating }> = $state({});
	page = $state(0);
	showAll = $state(false);
	finished: Finished | null = $state(null);
	message = $state('');
	draft: DraftState = $state({ state: 'saved' });
	/** In turn on one device: the previous person's answers were handed over and are hidden. */
	handedOver = $state(false);
	responseId = $state(newId());

	readonly terms = $derived(
		this.invite ? resolveTerms(this.invite.profile, bank.terminology) : null
	);
	readonly form = $derived(
		this.invite && this.role && this.terms
			? participantForm(this.role, conditionContextOf(this.invite), bank, this.terms, this.showAll)
			: null
	);
	readonly currentPage = $derived(
		this.form?.pages[Math.min(this.page, this.form.pages.length - 1)] ?? null
	);
	readonly progress = $derived.by(() => {
		const items = this.form?.pages.flatMap((p) => p.items) ?? [];
		return {
			answered: items.filter((i) => this.answers[i.statement.id]?.rating !== undefined).length,
			total: items.length
		};
	});

	constructor(
		private readonly store: WorkshopStore | null,
		/** Answering in turn on the facilitator's device: answers are added to the workshop here. */
		readonly inTurn: boolean,
		private readonly origin: string
	) {
		if (!store) this.draft = { state: 'not-stored' };
	}

	/** Reads an invitation from the address (again when another invitation is opened in this tab). */
	async open(hash: string) {
		const decoded = decodeInvite(hash);
		if (!decoded.ok) {
			this.invite = null;
			this.error = decoded.message;
			return;
		}
		this.error = '';
		if (decoded.value.contentVersion !== bank.version)
			this.message = `This invitation was made with a different version of the questions (${decoded.value.contentVersion}). You can answer, but ask the facilitator whether to reload their page and send it again.`;
		this.invite = decoded.value;
		this.finished = null;
		this.#reset();
		if (!this.store) return;
		const { draft, problem } = await this.store.loadDraft(decoded.value.workshopId, this.#mode);
		if (problem) this.message = problem;
		if (draft && this.inTurn && Object.keys(draft.answers).length) this.unfinished = draft;
		else if (draft) this.#resume(draft);
	}

	/** In turn: someone's unfinished answers were found on this device (after a crash or a closed tab). */
	unfinished: ParticipantDraft | null = $state(null);

	get #mode(): ParticipantDraft['mode'] {
		return this.inTurn ? 'in-turn' : 'own-device';
	}

	/** The person whose unfinished answers they are carries on. */
	continueUnfinished() {
		if (this.unfinished) this.#resume(this.unfinished);
		this.unfinished = null;
	}

	/** They were not claimed: discard them so the next person starts with an empty form. */
	async discardUnfinished() {
		if (this.invite && this.store) await this.store.clearDraft(this.invite.workshopId, this.#mode);
		this.unfinished = null;
	}

	#resume(draft: ParticipantDraft) {
		const roles = this.invite?.roles ?? [];
		this.responseId = draft.responseId;
		this.role = draft.role && roles.includes(draft.role) ? draft.role : '';
		this.name = draft.name;
		this.answers = draft.answers;
		this.page = draft.page;
		this.showAll = draft.showAll;
	}

	#reset() {
		this.responseId = newId();
		this.role = '';
		this.name = '';
		this.answers = {};
		this.page = 0;
		this.showAll = false;
	}

	#writesInFlight = 0;
	readonly #releaseUnsaved = holdUnsavedWork(this);

	/**
	 * Whether leaving the page now would lose answers: a draft's write has not committed yet (leaving
	 * aborts it), or the answers could not be kept on this device and have not been handed back.
	 */
	get unsavedWork(): boolean {
		if (this.#writesInFlight > 0) return true;
		const answered = Object.keys(this.answers).length > 0;
		return answered && !this.finished && this.draft.state !== 'saved';
	}

	dispose() {
		this.#releaseUnsaved();
	}

	/**
	 * The page is going: a draft whose write has not committed (leaving aborts it) or has failed is
	 * kept in localStorage, and resumed from there when the invitation is next opened.
	 */
	keepForLater() {
		const draft = this.#draft();
		if (draft && (this.#writesInFlight > 0 || this.draft.state === 'error')) keepLeftDraft(draft);
	}

	#draft(): ParticipantDraft | null {
		if (!this.store || !this.invite) return null;
		const draft: ParticipantDraft = {
			workshopId: this.invite.workshopId,
			mode: this.#mode,
			responseId: this.responseId,
			role: this.role || undefined,
			name: this.name,
			answers: $state.snapshot(this.answers),
			page: this.page,
			showAll: this.showAll,
			updatedAt: new Date().toISOString()
		};
		if (!draft.role) delete draft.role;
		return draft;
	}

	async #persist() {
		const draft = this.#draft();
		if (!draft || !this.store) return;
		this.#writesInFlight++;
		try {
			const saved = await this.store.saveDraft(draft);
			this.draft = saved.ok ? { state: 'saved' } : { state: 'error', message: saved.message };
		} finally {
			this.#writesInFlight--;
		}
	}

	chooseRole(role: WorkshopRole) {
		this.role = role;
		this.page = 0;
		this.message = '';
		void this.#persist();
	}

	setName(name: string) {
		this.name = name;
		void this.#persist();
	}

	rate(statementId: string, rating: Rating | undefined) {
		if (rating === undefined) delete this.answers[statementId];
		else this.answers[statementId] = { rating };
		void this.#persist();
	}

	goTo(page: number) {
		const count = this.form?.pages.length ?? 1;
		this.page = Math.max(0, Math.min(page, count - 1));
		void this.#persist();
	}

	setShowAll(showAll: boolean) {
		this.showAll = showAll;
		void this.#persist();
	}

	response(): WorkshopResponse | null {
		if (!this.invite || !this.role) return null;
		return {
			format: 'pwr-workshop-response',
			version: 2,
			workshopId: this.invite.workshopId,
			responseId: this.responseId,
			role: this.role,
			name: this.name.trim(),
			submittedAt: new Date().toISOString(),
			contentVersion: bank.version,
			answers: $state.snapshot(this.answers)
		};
	}

	/** Ends answering: the answers become a short code, shown as QR, link and file. */
	finish(): boolean {
		const response = this.response();
		if (!response) {
			this.message = 'Choose your role first, at the top of the page.';
			return false;
		}
		const code = encodeAnswers(response, bank);
		this.finished = {
			code,
			parts: answerParts(code),
			link: `${this.origin}/workshop/return#answers=${code}`
		};
		return true;
	}

	backToAnswers() {
		this.finished = null;
	}

	/**
	 * In turn on one device: adds these answers to the workshop stored here, then clears the form for
	 * the next person so nobody sees the answers before theirs. Fails loudly, keeping the answers.
	 */
	async handOver(): Promise<boolean> {
		const response = this.response();
		if (!response || !this.store) {
			this.message = response
				? 'This browser is not storing anything, so answers cannot be added here.'
				: 'Choose your role first.';
			return false;
		}
		const done = await this.store.addResponses(response.workshopId, [response]);
		if (!done.ok) {
			this.message = `${done.message} Your answers are still here.`;
			return false;
		}
		const outcome = done.outcomes[0]!.outcome;
		if (outcome === 'full') {
			this.message =
				'This workshop already holds the most responses it can. Your answers were not added.';
			return false;
		}
		await this.store.clearDraft(response.workshopId, this.#mode);
		this.#reset();
		this.finished = null;
		this.handedOver = true;
		this.message = '';
		return true;
	}

	startNextPerson() {
		this.handedOver = false;
	}
}
