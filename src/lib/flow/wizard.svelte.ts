import type { QuestionBank } from '$lib/content/question-bank';
import { applyTerms, type Terms } from '$lib/content/terms';
import type { Position } from '$lib/model/assessment';
import { positionOfStep, samePosition, stepOfPosition, wizardSteps, type Step } from './steps';
import { useActor } from './use-actor.svelte';
import { positionOf, wizardMachine } from './wizard-machine';

export interface WizardEffects {
	/** Saves where the person is, for "Continue" on the home page. */
	rememberPosition: (position: Position) => void;
	/** Moves the address bar to the step with this slug (a new history entry, so Back returns one step). */
	showStep: (slug: string) => void;
}

/**
 * The wizard on a page: the flow machine, with its effects wired to the session and the address
 * bar. The address is the truth: Back, a reload or a shared link opens the step it names.
 */
export class Wizard {
	readonly steps: Step[];
	readonly #actor;

	constructor(
		readonly bank: QuestionBank,
		/** The assessment this wizard walks; pages build each step's address from it with `resolve`. */
		readonly assessmentId: string,
		start: Position,
		effects: WizardEffects,
		/** The step the address bar names now. */
		currentSlug: () => string | undefined
	) {
		this.steps = wizardSteps(bank);
		this.#actor = useActor(
			wizardMachine.provide({
				actions: {
					rememberPosition: (_, params: { position: Position }) =>
						effects.rememberPosition(params.position),
					showStep: (_, params: { position: Position }) => {
						const slug = stepOfPosition(this.steps, params.position).slug;
						if (currentSlug() !== slug) effects.showStep(slug);
					}
				}
			}),
			{
				input: {
					decisionPages: bank.decisionGroups.length,
					domainCount: bank.domains.length,
					startAt: start
				}
			}
		);
	}

	get position(): Position {
		return positionOf(this.#actor.snapshot);
	}

	get step(): Step {
		return stepOfPosition(this.steps, this.position);
	}

	get index(): number {
		return this.steps.indexOf(this.step);
	}

	/** The slug of the page for a domain, for links to a statement on it. */
	domainSlug(index: number): string {
		return this.steps.find((s) => s.kind === 'domain' && s.index === index)!.slug;
	}

	/** The slug of the page a decision is asked on. */
	decisionSlug(decisionId: string): string {
		const decision = this.bank.decisionById.get(decisionId)!;
		if (decision.step !== 'decisions') return this.steps[0]!.slug;
		const group = this.bank.decisionGroups.findIndex((g) => g.id === decision.group);
		return this.steps.find((s) => s.kind === 'decisions' && s.index === group)!.slug;
	}

	canGo(type: 'next' | 'back'): boolean {
		return this.#actor.snapshot.can({ type });
	}

	next() {
		this.#actor.send({ type: 'next' });
	}

	back() {
		this.#actor.send({ type: 'back' });
	}

	goTo(position: Position) {
		if (!samePosition(position, this.position)) this.#actor.send({ type: 'go', position });
	}

	/** The address changed (Back, Forward, a link): move the flow to the step it names. */
	followAddress(slug: string) {
		const step = this.steps.find((s) => s.slug === slug);
		if (step) this.goTo(positionOfStep(step));
	}

	title(step: Step, terms: Terms): string {
		switch (step.kind) {
			case 'profile':
				return 'About your organisation';
			case 'decisions':
				return `Decisions: ${applyTerms(this.bank.decisionGroups[step.index]!.title, terms).toLowerCase()}`;
			case 'domain':
				return applyTerms(this.bank.domains[step.index]!.name, terms);
			case 'review':
				return 'Review your answers';
			case 'results':
				return 'Results';
		}
	}

	get nextLabel(): string {
		const step = this.step;
		const following = this.steps[this.index + 1];
		if (step.kind === 'review') return 'See results';
		if (following?.kind === 'review') return 'Review answers';
		if (step.kind === 'decisions' && following?.kind === 'domain') return 'Start the assessment';
		return 'Next';
	}
}

export { wizardSteps, stepOfPosition, positionOfStep, samePosition, type Step };
