import { assertEvent, assign, setup } from 'xstate';
import type { Position } from '$lib/model/assessment';

export interface WizardContext {
	/** The page the wizard opened on (from the address). */
	startStep: Position['step'];
	decisionPages: number;
	domainCount: number;
	decisionIndex: number;
	domainIndex: number;
}

export type WizardEvent = { type: 'next' } | { type: 'back' } | { type: 'go'; position: Position };

const clamp = (n: number, count: number) => Math.min(Math.max(0, n), Math.max(0, count - 1));

/**
 * The assessment's flow: profile → decision pages → one page per domain → review → results.
 * Its effects have names: `rememberPosition` (save where the person is, for "Continue") and
 * `showStep` (move the address bar there, so Back and a reload land on the same page). The page
 * provides both; tests provide spies.
 */
export const wizardMachine = setup({
	types: {
		context: {} as WizardContext,
		events: {} as WizardEvent,
		input: {} as { decisionPages: number; domainCount: number; startAt: Position }
	},
	guards: {
		startsAt: ({ context }, params: { step: Position['step'] }) =>
			context.startStep === params.step,
		hasNextDecisionPage: ({ context }) => context.decisionIndex < context.decisionPages - 1,
		hasPreviousDecisionPage: ({ context }) => context.decisionIndex > 0,
		hasNextDomain: ({ context }) => context.domainIndex < context.domainCount - 1,
		hasPreviousDomain: ({ context }) => context.domainIndex > 0,
		goesTo: ({ event }, params: { step: Position['step'] }) =>
			event.type === 'go' && event.position.step === params.step
	},
	actions: {
		toNextDecisionPage: assign({ decisionIndex: ({ context }) => context.decisionIndex + 1 }),
		toPreviousDecisionPage: assign({ decisionIndex: ({ context }) => context.decisionIndex - 1 }),
		toFirstDecisionPage: assign({ decisionIndex: 0 }),
		toLastDecisionPage: assign({ decisionIndex: ({ context }) => context.decisionPages - 1 }),
		toNextDomain: assign({ domainIndex: ({ context }) => context.domainIndex + 1 }),
		toPreviousDomain: assign({ domainIndex: ({ context }) => context.domainIndex - 1 }),
		toFirstDomain: assign({ domainIndex: 0 }),
		toLastDomain: assign({ domainIndex: ({ context }) => context.domainCount - 1 }),
		toChosenPage: assign(({ context, event }) => {
			assertEvent(event, 'go');
			const p = event.position;
			if (p.step === 'decisions')
				return { decisionIndex: clamp(p.index ?? 0, context.decisionPages) };
			if (p.step === 'domain') return { domainIndex: clamp(p.index, context.domainCount) };
			return {};
		}),
		rememberPosition: (_, _params: { position: Position }) => {},
		showStep: (_, _params: { position: Position }) => {}
	}
}).createMachine({
	id: 'wizard',
	context: ({ input }) => ({
		startStep: input.startAt.step,
		decisionPages: input.decisionPages,
		domainCount: input.domainCount,
		decisionIndex:
			input.startAt.step === 'decisions' ? clamp(input.startAt.index ?? 0, input.decisionPages) : 0,
		domainIndex: input.startAt.step === 'domain' ? clamp(input.startAt.index, input.domainCount) : 0
	}),
	initial: 'starting',
	on: {
		go: [
			{ guard: { type: 'goesTo', params: { step: 'profile' } }, target: '.profile' },
			{
				guard: { type: 'goesTo', params: { step: 'decisions' } },
				target: '.decisions',
				actions: 'toChosenPage',
				reenter: true
			},
			{
				guard: { type: 'goesTo', params: { step: 'domain' } },
				target: '.domain',
				actions: 'toChosenPage',
				reenter: true
			},
			{ guard: { type: 'goesTo', params: { step: 'review' } }, target: '.review' },
			{ guard: { type: 'goesTo', params: { step: 'results' } }, target: '.results' }
		]
	},
	states: {
		// Opens on the page the address names.
		starting: {
			always: [
				{ guard: { type: 'startsAt', params: { step: 'decisions' } }, target: 'decisions' },
				{ guard: { type: 'startsAt', params: { step: 'domain' } }, target: 'domain' },
				{ guard: { type: 'startsAt', params: { step: 'review' } }, target: 'review' },
				{ guard: { type: 'startsAt', params: { step: 'results' } }, target: 'results' },
				{ target: 'profile' }
			]
		},
		profile: {
			tags: ['setup'],
			entry: [
				{ type: 'rememberPosition', params: { position: { step: 'profile' } } },
				{ type: 'showStep', params: { position: { step: 'profile' } } }
			],
			on: { next: { target: 'decisions', actions: 'toFirstDecisionPage' } }
		},
		decisions: {
			tags: ['setup'],
			entry: [
				{
					type: 'rememberPosition',
					params: ({ context }) => ({
						position: { step: 'decisions', index: context.decisionIndex }
					})
				},
				{
					type: 'showStep',
					params: ({ context }) => ({
						position: { step: 'decisions', index: context.decisionIndex }
					})
				}
			],
			on: {
				next: [
					{
						guard: 'hasNextDecisionPage',
						target: 'decisions',
						actions: 'toNextDecisionPage',
						reenter: true
					},
					{ target: 'domain', actions: 'toFirstDomain' }
				],
				back: [
					{
						guard: 'hasPreviousDecisionPage',
						target: 'decisions',
						actions: 'toPreviousDecisionPage',
						reenter: true
					},
					{ target: 'profile' }
				]
			}
		},
		domain: {
			tags: ['answering'],
			entry: [
				{
					type: 'rememberPosition',
					params: ({ context }) => ({ position: { step: 'domain', index: context.domainIndex } })
				},
				{
					type: 'showStep',
					params: ({ context }) => ({ position: { step: 'domain', index: context.domainIndex } })
				}
			],
			on: {
				next: [
					{ guard: 'hasNextDomain', target: 'domain', actions: 'toNextDomain', reenter: true },
					{ target: 'review' }
				],
				back: [
					{
						guard: 'hasPreviousDomain',
						target: 'domain',
						actions: 'toPreviousDomain',
						reenter: true
					},
					{ target: 'decisions', actions: 'toLastDecisionPage' }
				]
			}
		},
		review: {
			entry: [
				{ type: 'rememberPosition', params: { position: { step: 'review' } } },
				{ type: 'showStep', params: { position: { step: 'review' } } }
			],
			on: { next: 'results', back: { target: 'domain', actions: 'toLastDomain' } }
		},
		results: {
			tags: ['results'],
			entry: [
				{ type: 'rememberPosition', params: { position: { step: 'results' } } },
				{ type: 'showStep', params: { position: { step: 'results' } } }
			],
			on: { back: 'review' }
		}
	}
});

/** Where a snapshot is, as the position that is saved and shown in the address bar. */
export function positionOf(snapshot: { value: unknown; context: WizardContext }): Position {
	switch (snapshot.value) {
		case 'decisions':
			return { step: 'decisions', index: snapshot.context.decisionIndex };
		case 'domain':
			return { step: 'domain', index: snapshot.context.domainIndex };
		case 'review':
			return { step: 'review' };
		case 'results':
			return { step: 'results' };
		default:
			return { step: 'profile' };
	}
}
