import { assign, setup } from 'xstate';
import type { Position } from '$lib/assessment/types';

export interface WizardContext {
	domainCount: number;
	domainIndex: number;
	resumeAt: Position;
}

export type WizardEvent =
	| { type: 'NEXT' }
	| { type: 'BACK' }
	| { type: 'GO_PROFILE' }
	| { type: 'GO_DECISIONS' }
	| { type: 'GO_DOMAIN'; index: number }
	| { type: 'GO_REVIEW' }
	| { type: 'GO_RESULTS' };

type Step = Position['step'];

/**
 * The assessment's flow: profile → decisions → one page per domain → review → results.
 * Saving where the user is happens in the named action `rememberPosition`, which the page
 * provides; tests provide a spy instead.
 */
export const wizardMachine = setup({
	types: {
		context: {} as WizardContext,
		events: {} as WizardEvent,
		input: {} as { domainCount: number; resumeAt?: Position }
	},
	guards: {
		resumesAt: ({ context }, params: { step: Step }) => context.resumeAt.step === params.step,
		hasNextDomain: ({ context }) => context.domainIndex < context.domainCount - 1,
		hasPreviousDomain: ({ context }) => context.domainIndex > 0,
		isKnownDomain: ({ context, event }) =>
			event.type === 'GO_DOMAIN' &&
			Number.isInteger(event.index) &&
			event.index >= 0 &&
			event.index < context.domainCount
	},
	actions: {
		toNextDomain: assign({ domainIndex: ({ context }) => context.domainIndex + 1 }),
		toPreviousDomain: assign({ domainIndex: ({ context }) => context.domainIndex - 1 }),
		toFirstDomain: assign({ domainIndex: 0 }),
		toLastDomain: assign({ domainIndex: ({ context }) => context.domainCount - 1 }),
		toChosenDomain: assign({
			domainIndex: ({ event, context }) =>
				event.type === 'GO_DOMAIN' ? event.index : context.domainIndex
		}),
		rememberPosition: (_, _params: { position: Position }) => {}
	}
}).createMachine({
	id: 'wizard',
	context: ({ input }) => {
		const resumeAt = input.resumeAt ?? { step: 'profile' };
		const index = resumeAt.step === 'domain' ? resumeAt.index : 0;
		return {
			domainCount: input.domainCount,
			domainIndex: Math.min(Math.max(0, index), input.domainCount - 1),
			resumeAt
		};
	},
	initial: 'resuming',
	on: {
		GO_PROFILE: '.profile',
		GO_DECISIONS: '.decisions',
		GO_DOMAIN: {
			guard: 'isKnownDomain',
			target: '.domain',
			actions: 'toChosenDomain',
			reenter: true
		},
		GO_REVIEW: '.review',
		GO_RESULTS: '.results'
	},
	states: {
		resuming: {
			always: [
				{ guard: { type: 'resumesAt', params: { step: 'decisions' } }, target: 'decisions' },
				{ guard: { type: 'resumesAt', params: { step: 'domain' } }, target: 'domain' },
				{ guard: { type: 'resumesAt', params: { step: 'review' } }, target: 'review' },
				{ guard: { type: 'resumesAt', params: { step: 'results' } }, target: 'results' },
				{ target: 'profile' }
			]
		},
		profile: {
			tags: ['setup'],
			entry: { type: 'rememberPosition', params: { position: { step: 'profile' } } },
			on: { NEXT: 'decisions' }
		},
		decisions: {
			tags: ['setup'],
			entry: { type: 'rememberPosition', params: { position: { step: 'decisions' } } },
			on: { NEXT: { target: 'domain', actions: 'toFirstDomain' }, BACK: 'profile' }
		},
		domain: {
			tags: ['answering'],
			entry: {
				type: 'rememberPosition',
				params: ({ context }) => ({ position: { step: 'domain', index: context.domainIndex } })
			},
			on: {
				NEXT: [
					{ guard: 'hasNextDomain', target: 'domain', actions: 'toNextDomain', reenter: true },
					{ target: 'review' }
				],
				BACK: [
					{
						guard: 'hasPreviousDomain',
						target: 'domain',
						actions: 'toPreviousDomain',
						reenter: true
					},
					{ target: 'decisions' }
				]
			}
		},
		review: {
			entry: { type: 'rememberPosition', params: { position: { step: 'review' } } },
			on: { NEXT: 'results', BACK: { target: 'domain', actions: 'toLastDomain' } }
		},
		results: {
			tags: ['results'],
			entry: { type: 'rememberPosition', params: { position: { step: 'results' } } },
			on: { BACK: 'review' }
		}
	}
});

/** Where a snapshot is, as the position that is saved and restored. */
export function positionOf(snapshot: { value: unknown; context: WizardContext }): Position {
	const step = snapshot.value as Exclude<Step, never> | 'resuming';
	if (step === 'domain') return { step: 'domain', index: snapshot.context.domainIndex };
	if (step === 'resuming') return { step: 'profile' };
	return { step } as Position;
}
