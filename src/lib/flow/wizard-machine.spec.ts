import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import type { Position } from '$lib/assessment/types';
import { positionOf, wizardMachine, type WizardEvent } from './wizard-machine';

function start(domainCount = 3, resumeAt?: Position) {
	const remembered: Position[] = [];
	const machine = wizardMachine.provide({
		actions: {
			rememberPosition: (_, params: { position: Position }) => void remembered.push(params.position)
		}
	});
	const actor = createActor(machine, { input: { domainCount, resumeAt } });
	actor.start();
	const send = (...events: WizardEvent[]) => events.forEach((e) => actor.send(e));
	const where = () => positionOf(actor.getSnapshot());
	return { actor, send, where, remembered };
}

describe('the wizard flow', () => {
	it('walks profile → decisions → each domain → review → results with Next', () => {
		const { send, where, remembered } = start(3);
		expect(where()).toEqual({ step: 'profile' });
		send(
			{ type: 'NEXT' },
			{ type: 'NEXT' },
			{ type: 'NEXT' },
			{ type: 'NEXT' },
			{ type: 'NEXT' },
			{ type: 'NEXT' }
		);
		expect(where()).toEqual({ step: 'results' });
		expect(remembered).toEqual([
			{ step: 'profile' },
			{ step: 'decisions' },
			{ step: 'domain', index: 0 },
			{ step: 'domain', index: 1 },
			{ step: 'domain', index: 2 },
			{ step: 'review' },
			{ step: 'results' }
		]);
	});

	it('walks all the way back with Back, and cannot go back from the profile', () => {
		const { actor, send, where } = start(2, { step: 'results' });
		const path: Position[] = [where()];
		for (let i = 0; i < 5; i++) {
			send({ type: 'BACK' });
			path.push(where());
		}
		expect(path).toEqual([
			{ step: 'results' },
			{ step: 'review' },
			{ step: 'domain', index: 1 },
			{ step: 'domain', index: 0 },
			{ step: 'decisions' },
			{ step: 'profile' }
		]);
		expect(actor.getSnapshot().can({ type: 'BACK' })).toBe(false);
		expect(actor.getSnapshot().can({ type: 'NEXT' })).toBe(true);
	});

	it('jumps to any domain from anywhere, and ignores a domain that does not exist', () => {
		const { actor, send, where } = start(10);
		send({ type: 'GO_DOMAIN', index: 7 });
		expect(where()).toEqual({ step: 'domain', index: 7 });
		expect(actor.getSnapshot().hasTag('answering')).toBe(true);
		send({ type: 'GO_DOMAIN', index: 10 });
		expect(where()).toEqual({ step: 'domain', index: 7 });
		expect(actor.getSnapshot().can({ type: 'GO_DOMAIN', index: -1 })).toBe(false);
	});

	it('reaches results from every step, with gaps allowed', () => {
		for (const resumeAt of [
			{ step: 'profile' },
			{ step: 'decisions' },
			{ step: 'domain', index: 1 },
			{ step: 'review' }
		] as Position[]) {
			const { send, where } = start(3, resumeAt);
			expect(where()).toEqual(resumeAt);
			send({ type: 'GO_RESULTS' });
			expect(where()).toEqual({ step: 'results' });
		}
	});

	it('resumes where the user left off, clamping a domain index that no longer exists', () => {
		expect(start(5, { step: 'domain', index: 3 }).where()).toEqual({ step: 'domain', index: 3 });
		expect(start(5, { step: 'domain', index: 9 }).where()).toEqual({ step: 'domain', index: 4 });
	});

	it('remembers the position on every move, through the named effect', () => {
		const spy = vi.fn();
		const actor = createActor(wizardMachine.provide({ actions: { rememberPosition: spy } }), {
			input: { domainCount: 2 }
		});
		actor.start();
		actor.send({ type: 'GO_REVIEW' });
		actor.send({ type: 'GO_DOMAIN', index: 1 });
		actor.send({ type: 'GO_DOMAIN', index: 0 });
		expect(spy.mock.calls.map((c) => c[1].position)).toEqual([
			{ step: 'profile' },
			{ step: 'review' },
			{ step: 'domain', index: 1 },
			{ step: 'domain', index: 0 }
		]);
	});
});
