import { bank } from '$lib/content';
import type { ConditionContext } from '$lib/content/conditions';
import { resolveTerms } from '$lib/content/terms';
import type {
	Assessment,
	PlanEdit,
	Position,
	Profile,
	Rating,
	Timeframe
} from '$lib/model/assessment';
import { produce } from 'immer';
import {
	applyChange,
	ChangeRefused,
	checkChange,
	fieldsWritten,
	type AssessmentChange
} from '$lib/model/changes';
import { LIMITS } from '$lib/model/limits';
import { answeringProgress, scoreAssessment, type AnsweringProgress } from '$lib/scoring';
import type { Failure, Written } from '$lib/storage/assessments';
import type { ChangeChannel } from '$lib/storage/channel';
import { forgetLeftUnsaved, keepLeftUnsaved, type MadeChange } from '$lib/storage/left-unsaved';
import { displayTitle, newId } from './create';
import { moveKey, planRows } from './plan-rows';
import { holdUnsavedWork } from './unsaved';

export type SaveState =
	/** Nothing is stored until the first answer or name. */
	| { state: 'new' }
	/** Writing; `lastSaved` is when the previous write committed, if there was one. */
	| { state: 'saving'; lastSaved?: Date }
	| { state: 'saved'; at: Date }
	/**
	 * A write failed. It stays the state, through later answers and tries, until a write commits:
	 * `tries` counts the person's tries ("Try saving again") that failed too, `trying` is true while
	 * one is in flight.
	 */
	| { state: 'error'; message: string; tries: number; at: Date; trying?: boolean }
	/** This browser stores nothing: the work lives on screen only. */
	| { state: 'not-stored'; message: string }
	| { state: 'deleted'; message: string; trying?: boolean };

/** What a session needs from storage; the device's AssessmentStore, or a fake in tests. */
export interface SessionStore {
	create(a: Assessment): Promise<Written<{ assessment: Assessment }>>;
	apply(
		id: string,
		changes: readonly AssessmentChange[]
	): Promise<Written<{ assessment: Assessment; refused: string[] }>>;
	load(id: string): Promise<{ ok: true; assessment: Assessment } | { ok: false; message: string }>;
}

const changesOf = (made: readonly MadeChange[]) => made.map(({ change }) => change);

/** A new record with the changes applied; the one given is left as it was. */
function withChanges(
	assessment: Assessment,
	changes: readonly AssessmentChange[],
	options: { skipRefused?: boolean } = {}
): Assessment {
	return produce(assessment, (draft) => {
		for (const change of changes) {
			try {
				applyChange(draft, change);
			} catch (error) {
				if (!(options.skipRefused && error instanceof ChangeRefused)) throw error;
			}
		}
	});
}

const DELETED_MESSAGE =
	'This assessment was deleted in another tab or window, so changes here are no longer saved. Your work is still on screen: save it here again, or download a copy.';
const CLEARED_MESSAGE =
	'Everything the app had saved in this browser was cleared (with "Clear all data" in another tab, or in the browser\'s own settings), so changes here are no longer saved. Your work is still on screen: save it here again, or download a copy.';

/**
 * One open assessment. Every change is checked against the saved-shape limits, shown at once, and
 * saved as a change (not a snapshot) to the latest stored record; "Saved" appears only after the
 * write has committed. Changes made in other tabs arrive through the channel and are merged in.
 */
export class AssessmentSession {
	/**
	 * Replaced, never changed in place: a change makes a new record that shares every untouched part
	 * with the old one. Scoring then reads plain objects, and a screen re-draws only the parts whose
	 * identity changed (an answer re-draws its own statement, not the page).
	 */
	assessment: Assessment = $state.raw() as Assessment;
	save: SaveState = $state({ state: 'new' });
	/** Messages for the person: limits refused, records repaired, wording revised. */
	notices: string[] = $state([]);

	/** Computed when a page shows results; answering reads `progress`, which is much cheaper. */
	readonly result = $derived(scoreAssessment(this.assessment, bank));
	readonly progress = $derived.by(
		() => (this.#lastProgress = answeringProgress(this.assessment, bank, this.#lastProgress))
	);
	/** Only so the next progress can keep the parts a change left alone (not read by pages). */
	#lastProgress: AnsweringProgress | undefined;
	// Through the profile alone: the terms keep their identity while answers change, so the wording
	// built from them is not rebuilt on every answer.
	readonly #profile = $derived(this.assessment.profile);
	readonly terms = $derived(resolveTerms(this.#profile, bank.terminology));
	readonly #title = $derived(this.assessment.title);
	readonly #createdAt = $derived(this.assessment.createdAt);
	/** The name shown for this assessment: its title, or the organisation and the day it was started. */
	readonly name = $derived(
		displayTitle({ title: this.#title, profile: this.#profile, createdAt: this.#createdAt })
	);
	readonly #decisions = $derived(this.assessment.decisions);
	readonly #bpdSpecific = $derived(this.#profile.bpdSpecific);
	/** What the content's conditions read; it keeps its identity until a decision or the BPD choice changes. */
	readonly conditions: ConditionContext = $derived({
		decisions: this.#decisions,
		bpdSpecific: this.#bpdSpecific
	});
	readonly plan = $derived(planRows(this.result.plan, this.assessment.plan));

	#base: Assessment;
	/** Each with what it found and when it was made, in case the page goes first (`keepForLater`). */
	#pending: MadeChange[] = [];
	#inFlight: MadeChange[] = [];
	#stored: boolean;
	#deleted = false;
	#unsubscribe: () => void = () => {};

	constructor(
		assessment: Assessment,
		private readonly store: SessionStore | null,
		options: {
			/** False for a new assessment: it is created by the first change. */
			stored: boolean;
			channel?: ChangeChannel;
			/** Called once a new assessment has been saved for the first time. */
			onCreated?: (id: string) => void;
			unavailableMessage?: string;
		}
	) {
		// The caller's record is left alone: the session's records are frozen as they are replaced.
		this.#base = structuredClone(assessment);
		this.assessment = this.#base;
		this.#stored = options.stored;
		this.#onCreated = options.onCreated;
		if (!store)
			this.save = {
				state: 'not-stored',
				message: options.unavailableMessage ?? 'Not saved: this browser stores nothing.'
			};
		else if (options.stored) this.save = { state: 'saved', at: new Date(assessment.updatedAt) };
		if (options.channel)
			this.#unsubscribe = options.channel.subscribe((message) => {
				if (message.type === 'cleared') this.#markDeleted(CLEARED_MESSAGE);
				else if (message.type === 'assessment-removed' && message.id === this.id)
					this.#markDeleted(DELETED_MESSAGE);
				else if (message.type === 'assessment' && message.id === this.id) {
					this.#latestSeen = Math.max(this.#latestSeen, message.revision);
					// While a write of ours is in flight, its result brings back the latest record (this
					// tab's own message included); anything newer is reloaded once the write is done.
					if (
						this.#inFlight.length === 0 &&
						(message.revision > this.#base.revision || this.#deleted)
					)
						void this.#reload();
				}
			});
	}

	#onCreated?: (id: string) => void;
	#changedHere = false;
	readonly #releaseUnsaved = holdUnsavedWork(this);
	/** The newest revision another tab (or this one) has announced. */
	#latestSeen = -1;

	get id() {
		return this.assessment.id;
	}

	/** What is on screen, with the revision and time of its latest write: the record to export. */
	get record(): Assessment {
		const { revision, updatedAt } = this.#base;
		return { ...this.assessment, revision, updatedAt };
	}

	/** Whether everything on screen has been committed. */
	get committed() {
		return this.#pending.length === 0 && this.#inFlight.length === 0;
	}

	/**
	 * Applies one change on screen and queues it for saving. Returns false, with a message, if
	 * refused. `made` is for a change made before, on a page since left (`openSession`): it keeps
	 * what that change found and when it was made.
	 */
	change(change: AssessmentChange, made?: Pick<MadeChange, 'found' | 'madeAt'>): boolean {
		const checked = checkChange(change);
		if (!checked.ok) {
			this.notices = [checked.message];
			return false;
		}
		const record: MadeChange = {
			change: checked.change,
			found: made?.found ?? fieldsWritten(this.assessment, checked.change),
			madeAt: made?.madeAt ?? Date.now()
		};
		try {
			this.assessment = withChanges(this.assessment, [checked.change]);
		} catch (error) {
			if (error instanceof ChangeRefused) {
				this.notices = [error.message];
				return false;
			}
			throw error;
		}
		this.#pending.push(record);
		this.#changedHere = true;
		if (this.store && !this.#deleted) {
			// After a failure the problem stays on screen until a write commits, not only until the next try.
			if (this.save.state !== 'saving' && this.save.state !== 'error')
				this.save = {
					state: 'saving',
					lastSaved: this.save.state === 'saved' ? this.save.at : undefined
				};
			this.#enqueue();
		}
		return true;
	}

	/** Writes run one after another; this is the end of the queue (tests and "save before leaving" wait on it). */
	#writing: Promise<void> = Promise.resolve();

	#scheduled = false;

	/**
	 * A change is written at once: waiting for more would lose it if the tab closed in that moment.
	 * Changes made while a write is in flight go together in the one write queued after it.
	 */
	#enqueue() {
		if (this.#scheduled) return;
		this.#scheduled = true;
		this.#writing = this.#writing
			.then(() => {
				this.#scheduled = false;
				return this.#flush();
			})
			.catch((error: unknown) => {
				this.#saveFailed(
					`Could not save: ${(error as Error)?.message ?? error}. Download a copy to keep your work.`
				);
			});
	}

	/** Resolves once every change made so far has been written (or has failed and been kept). */
	async settled(): Promise<void> {
		let current: Promise<void>;
		do {
			current = this.#writing;
			await current;
		} while (current !== this.#writing);
	}

	/** Tries again after a failed save (for example once space has been freed). */
	retry() {
		// A failed "save it again" is tried again as that: the record is still gone.
		if (this.#deleted) return void this.saveAgain();
		if (this.save.state === 'error') this.save = { ...this.save, trying: true };
		this.#enqueue();
	}

	#saveFailed(message: string) {
		const earlier = this.save.state === 'error' ? this.save : null;
		const tries = (earlier?.tries ?? 0) + (earlier?.trying ? 1 : 0);
		this.save = { state: 'error', message, tries, at: new Date() };
	}

	async #flush(): Promise<void> {
		if (!this.store || this.#deleted || this.#inFlight.length || !this.#pending.length) return;
		this.#inFlight = this.#pending;
		this.#pending = [];
		let outcome: Written<{ assessment: Assessment; refused?: string[] }>;
		if (!this.#stored) {
			const first = {
				...withChanges(this.#base, changesOf(this.#inFlight)),
				updatedAt: new Date().toISOString()
			};
			outcome = await this.store.create(first);
			if (outcome.ok) {
				this.#stored = true;
				this.#onCreated?.(first.id);
			}
		} else outcome = await this.store.apply(this.id, changesOf(this.#inFlight));
		if (!outcome.ok) return this.#failed(outcome);
		const previous = this.#base.revision;
		this.#base = outcome.assessment;
		this.#inFlight = [];
		if (outcome.refused?.length) this.notices = outcome.refused;
		// The screen already shows these changes; only another tab's changes in between are drawn again.
		// (The revision and the time of the write stay with the stored record: see `record`.)
		if (outcome.assessment.revision !== previous + 1) this.#rebuild();
		if (this.#pending.length) return this.#flush();
		this.save = { state: 'saved', at: new Date(outcome.assessment.updatedAt) };
		// The page stayed after all (or came back from the browser's cache) and its writes committed.
		if (this.#keptForLater) {
			this.#keptForLater = false;
			forgetLeftUnsaved(this.id);
		}
		if (this.#latestSeen > this.#base.revision) void this.#reload();
	}

	#failed(failure: Failure) {
		this.#pending = [...this.#inFlight, ...this.#pending];
		this.#inFlight = [];
		if (failure.reason === 'deleted') this.#markDeleted(DELETED_MESSAGE);
		else this.#saveFailed(failure.message);
	}

	#markDeleted(message: string) {
		// The first reason given is the true one: a write failing afterwards only confirms it.
		if (this.#deleted) return;
		this.#deleted = true;
		this.save = { state: 'deleted', message };
	}

	/**
	 * After the saved record was deleted elsewhere or the browser's data was cleared: saves what is
	 * on screen as the record again, every change made since included.
	 */
	async saveAgain(): Promise<void> {
		if (!this.store || !this.#deleted) return;
		await this.settled();
		const onScreen = this.record;
		// The problem stays on screen, its button busy, until the write commits.
		if (this.save.state === 'deleted' || this.save.state === 'error')
			this.save = { ...this.save, trying: true };
		const outcome = await this.store.create({ ...onScreen, updatedAt: new Date().toISOString() });
		if (!outcome.ok) {
			// Restored in another tab meanwhile: the changes made here go on top of it.
			if (outcome.reason === 'exists') return this.#reload();
			this.#saveFailed(outcome.message);
			return;
		}
		this.#deleted = false;
		this.#stored = true;
		this.#pending = [];
		this.#base = outcome.assessment;
		this.save = { state: 'saved', at: new Date(outcome.assessment.updatedAt) };
	}

	/**
	 * Whether leaving the page now would lose changes made here: they could not be written, there is
	 * nowhere to write them, or their write has not committed yet (leaving aborts a write in flight;
	 * it takes milliseconds, so only someone who answers and leaves at once is asked).
	 */
	get unsavedWork(): boolean {
		if (!this.#changedHere) return false;
		return (
			this.save.state === 'error' ||
			this.save.state === 'deleted' ||
			this.save.state === 'not-stored' ||
			!this.committed
		);
	}

	/** The stored record, with the changes not yet committed applied on top: nothing typed is lost. */
	#rebuild() {
		this.assessment = withChanges(this.#base, changesOf([...this.#inFlight, ...this.#pending]), {
			// A limit reached because of another tab's change: the other tab's change stands.
			skipRefused: true
		});
	}

	async #reload() {
		if (!this.store) return;
		const loaded = await this.store.load(this.id);
		if (!loaded.ok) return;
		if (loaded.assessment.revision <= this.#base.revision && !this.#deleted) return;
		this.#base = loaded.assessment;
		if (this.#deleted) {
			this.#deleted = false;
			this.#stored = true;
			this.save = { state: 'saved', at: new Date(loaded.assessment.updatedAt) };
		}
		this.#rebuild();
		if (this.#pending.length) this.#enqueue();
	}

	dispose() {
		this.#unsubscribe();
		this.#releaseUnsaved();
	}

	#keptForLater = false;

	/**
	 * The page is going: changes whose write has not committed (leaving aborts it) or has failed are
	 * kept in localStorage and saved when the assessment is next opened (`openSession`).
	 */
	keepForLater() {
		if (!this.store || this.#deleted || this.committed) return;
		keepLeftUnsaved(this.id, [...this.#inFlight, ...this.#pending]);
		this.#keptForLater = true;
	}

	// ---- The changes a page can make, by name ----

	setRating(statementId: string, rating: Rating | undefined) {
		return this.change(
			rating === undefined
				? {
						type: 'answer',
						statementId,
						patch: {},
						clear: ['rating', 'withLivedExperience', 'agreement']
					}
				: { type: 'answer', statementId, patch: { rating }, clear: ['agreement'] }
		);
	}

	/** A rating agreed in a workshop: how it came about is recorded with it. */
	agreeRating(
		statementId: string,
		rating: Rating | undefined,
		agreement: 'discussed' | 'from-median',
		withLivedExperience: boolean
	) {
		if (rating === undefined)
			return this.change({
				type: 'answer',
				statementId,
				patch: {},
				clear: ['rating', 'agreement', 'withLivedExperience']
			});
		return this.change({
			type: 'answer',
			statementId,
			patch: { rating, agreement, withLivedExperience },
			clear: []
		});
	}

	setNote(statementId: string, note: string) {
		return this.change(
			note
				? { type: 'answer', statementId, patch: { note } }
				: { type: 'answer', statementId, patch: {}, clear: ['note'] }
		);
	}

	setWithLivedExperience(statementId: string, checked: boolean) {
		return this.change(
			checked
				? { type: 'answer', statementId, patch: { withLivedExperience: true } }
				: { type: 'answer', statementId, patch: {}, clear: ['withLivedExperience'] }
		);
	}

	setDecision(decisionId: string, optionId: string | undefined) {
		return this.change({ type: 'decision', decisionId, optionId: optionId ?? null });
	}

	updateProfile(patch: Partial<Profile>) {
		return this.change({ type: 'profile', patch });
	}

	clearBpdChoice() {
		return this.change({ type: 'profile', patch: {}, clear: ['bpdSpecific'] });
	}

	setTitle(title: string) {
		return this.change({ type: 'title', title });
	}

	setPosition(position: Position) {
		if (JSON.stringify(this.assessment.position) === JSON.stringify(position)) return true;
		// Where the person is does not make a new assessment on its own.
		if (!this.#stored) {
			this.assessment = { ...this.assessment, position };
			return true;
		}
		return this.change({ type: 'position', position });
	}

	editPlanItem(key: string, patch: PlanEdit) {
		if (this.assessment.plan.custom.some((c) => c.id === key)) {
			const { removed: _removed, ...fields } = patch;
			return this.change({ type: 'custom-edit', id: key, patch: fields });
		}
		return this.change({ type: 'plan-edit', key, patch });
	}

	removePlanItem(key: string) {
		if (this.assessment.plan.custom.some((c) => c.id === key))
			return this.change({ type: 'custom-remove', id: key });
		return this.change({ type: 'plan-edit', key, patch: { removed: true } });
	}

	restorePlanItem(key: string) {
		return this.change({ type: 'plan-edit', key, patch: {}, clear: ['removed'] });
	}

	/** Adds the user's own action; refused with a message at the limit, before anything changes. */
	addPlanItem(title: string, text: string, timeframe: Timeframe): string | null {
		if (this.assessment.plan.custom.length >= LIMITS.customActions) {
			this.notices = [
				`A plan holds at most ${LIMITS.customActions} actions of your own. Remove one you no longer need first.`
			];
			return null;
		}
		const id = `custom-${newId().slice(0, 8)}`;
		const ok = this.change({
			type: 'custom-add',
			action: { id, title, text, owner: '', due: '', status: 'not-started', timeframe }
		});
		return ok ? id : null;
	}

	movePlanItem(key: string, move: 'up' | 'down' | 'top') {
		return this.change({ type: 'plan-order', order: moveKey(this.plan.rows, key, move) });
	}

	markExported(at = new Date()) {
		return this.change({ type: 'exported', at: at.toISOString() });
	}

	setReassessOn(on: string) {
		return this.change({ type: 'reassess', on });
	}
}
