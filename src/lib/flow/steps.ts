import type { QuestionBank } from '$lib/content/question-bank';
import type { Position } from '$lib/model/assessment';

/** One page of the wizard, with the address it lives at. */
export type Step =
	| { kind: 'profile'; slug: 'about' }
	| { kind: 'decisions'; index: number; slug: string }
	| { kind: 'domain'; index: number; slug: string }
	| { kind: 'review'; slug: 'review' }
	| { kind: 'results'; slug: 'results' };

/** The wizard's pages in order: about, the decision pages, one page per domain, review, results. */
export function wizardSteps(bank: Pick<QuestionBank, 'domains' | 'decisionGroups'>): Step[] {
	return [
		{ kind: 'profile', slug: 'about' },
		...bank.decisionGroups.map((g, index) => ({
			kind: 'decisions' as const,
			index,
			slug: `decisions-${g.id}`
		})),
		...bank.domains.map((d, index) => ({ kind: 'domain' as const, index, slug: d.slug })),
		{ kind: 'review', slug: 'review' },
		{ kind: 'results', slug: 'results' }
	];
}

export function positionOfStep(step: Step): Position {
	switch (step.kind) {
		case 'profile':
			return { step: 'profile' };
		case 'decisions':
			return { step: 'decisions', index: step.index };
		case 'domain':
			return { step: 'domain', index: step.index };
		default:
			return { step: step.kind };
	}
}

/** The step a saved position points at (a position that no longer exists goes to the nearest one). */
export function stepOfPosition(steps: Step[], position: Position): Step {
	const kind = position.step === 'profile' ? 'profile' : position.step;
	const index = 'index' in position ? (position.index ?? 0) : 0;
	const same = steps.filter((s) => s.kind === kind);
	return same[Math.min(index, same.length - 1)] ?? steps[0]!;
}

export const samePosition = (a: Position, b: Position) =>
	a.step === b.step && ('index' in a ? (a.index ?? 0) : 0) === ('index' in b ? (b.index ?? 0) : 0);
