import { bank } from '$lib/content';
import { resolveTerms } from '$lib/content/terms';
import { scoreAssessment } from '$lib/scoring';
import type { AssessmentRepository } from '$lib/storage/repository';
import { moveKey, planRows } from './plan';
import { newId } from './create';
import type { Assessment, PlanEdit, Position, Profile, Rating } from './types';

export type SaveState = { state: 'saved'; at: Date } | { state: 'error'; message: string };

/**
 * One open assessment: every change goes through a method here and is saved at once, so closing
 * the tab at any moment loses nothing. Results, terms and the plan are derived, never stored twice.
 */
export class AssessmentSession {
	assessment: Assessment = $state() as Assessment;
	save: SaveState = $state({ state: 'saved', at: new Date() });

	readonly result = $derived(scoreAssessment(this.assessment, bank));
	readonly terms = $derived(resolveTerms(this.assessment.profile, bank.terminology));
	readonly plan = $derived(planRows(this.result.plan, this.assessment.plan));

	constructor(
		assessment: Assessment,
		private readonly repository: AssessmentRepository,
		private readonly now: () => Date = () => new Date()
	) {
		this.assessment = assessment;
	}

	#commit() {
		const at = this.now();
		this.assessment.updatedAt = at.toISOString();
		const result = this.repository.save($state.snapshot(this.assessment) as Assessment);
		this.save = result.ok ? { state: 'saved', at } : { state: 'error', message: result.message };
	}

	setRating(statementId: string, rating: Rating | undefined) {
		const answer = (this.assessment.answers[statementId] ??= {});
		if (rating === undefined) delete answer.rating;
		else answer.rating = rating;
		this.#commit();
	}

	setNote(statementId: string, note: string) {
		const answer = (this.assessment.answers[statementId] ??= {});
		if (note) answer.note = note;
		else delete answer.note;
		this.#commit();
	}

	setDecision(decisionId: string, optionId: string | undefined) {
		if (optionId) this.assessment.decisions[decisionId] = optionId;
		else delete this.assessment.decisions[decisionId];
		this.#commit();
	}

	updateProfile(patch: Partial<Profile>) {
		Object.assign(this.assessment.profile, patch);
		this.#commit();
	}

	setTitle(title: string) {
		this.assessment.title = title;
		this.#commit();
	}

	setPosition(position: Position) {
		const current = this.assessment.position;
		if (JSON.stringify(current) === JSON.stringify(position)) return;
		this.assessment.position = position;
		this.#commit();
	}

	editPlanItem(key: string, patch: PlanEdit) {
		const custom = this.assessment.plan.custom.find((c) => c.id === key);
		if (custom) {
			const { removed: _removed, ...fields } = patch;
			Object.assign(custom, fields);
		} else {
			this.assessment.plan.edits[key] = { ...this.assessment.plan.edits[key], ...patch };
		}
		this.#commit();
	}

	removePlanItem(key: string) {
		const index = this.assessment.plan.custom.findIndex((c) => c.id === key);
		if (index >= 0) this.assessment.plan.custom.splice(index, 1);
		else this.assessment.plan.edits[key] = { ...this.assessment.plan.edits[key], removed: true };
		this.#commit();
	}

	restorePlanItem(key: string) {
		const edit = this.assessment.plan.edits[key];
		if (edit) delete edit.removed;
		this.#commit();
	}

	addPlanItem(title: string, text: string): string {
		const id = `custom-${newId().slice(0, 8)}`;
		this.assessment.plan.custom.push({
			id,
			title,
			text,
			owner: '',
			due: '',
			status: 'not-started'
		});
		this.#commit();
		return id;
	}

	movePlanItem(key: string, direction: -1 | 1) {
		this.assessment.plan.order = moveKey(
			this.plan.rows.map((r) => r.key),
			key,
			direction
		);
		this.#commit();
	}
}
