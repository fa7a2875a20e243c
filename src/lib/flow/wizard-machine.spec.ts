import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { bank } from '$lib/content';
import type { Position } from '$lib/model/assessment';
import { positionOfStep, stepOfPosition, wizardSteps } from './steps';
import { positionOf, wizardMachine, type WizardEvent } from './wizard-machine';

function start(startAt: Position = { step: 'profile' }, decisionPages = 2, domainCount = 3) {
	const remembered: Position[] = [];
	const shown: Position[] = [];
	const machine = wizardMachine.provide({
		actions: {
			rememberPosition: (_, params: { position: Position }) =>
				void remembered.push(params.position),
			showStep: (_, params: { position: Position }) => void shown.push(params.position)
		}
	});
	const actor = createActor(machine, { input: { decisionPages, domainCount, startAt } });
	actor.start();
	const send = (...events: WizardEvent[]) => events.forEach((e) => actor.send(e));
	const where = () => positionOf(actor.getSnapshot());
	return { actor, send, where, remembered, shown };
}

const next = { type: 'next' } as const;
const back = { type: 'back' } as const;

describe('the wizard flow', () => {
	it('walks about → each decision page → each domain → review → results with Next, showing each step', () => {
		const { send, where, shown } = start();
		expect(where()).toEqual({ step: 'profile' });
		send(next, next, next, next, next, next, next);
		expect(where()).toEqual({ step: 'results' });
		expect(shown).toEqual([
			{ step: 'profile' },
			{ step: 'decisions', index: 0 },
			{ step: 'decisions', index: 1 },
			{ step: 'domain', index: 0 },
			{ step: 'domain', index: 1 },
			{ step: 'domain', index: 2 },
			{ step: 'review' },
			{ step: 'results' }
		]);
		send(next);
		expect(where()).toEqual({ step: 'results' });
	});

	it('walks all the way back with Back and stays on the first page', () => {
		const { send, where } = start({ step: 'results' });
		const path: Position[] = [where()];
		for (let i = 0; i < 8; i++) {
			send(back);
			path.push(where());
		}
		expect(path).toEqual([
			{ step: 'results' },
			{ step: 'review' },
			{ step: 'domain', index: 2 },
			{ step: 'domain', index: 1 },
			{ step: 'domain', index: 0 },
			{ step: 'decisions', index: 1 },
			{ step: 'decisions', index: 0 },
			{ step: 'profile' },
			{ step: 'profile' }
		]);
	});

	it('goes to any page from anywhere, clamping a page that does not exist', () => {
		const { send, where } = start();
		send({ type: 'go', position: { step: 'domain', index: 2 } });
		expect(where()).toEqual({ step: 'domain', index: 2 });
		send({ type: 'go', position: { step: 'domain', index: 99 } });
		expect(where()).toEqual({ step: 'domain', index: 2 });
		send({ type: 'go', position: { step: 'decisions', index: 1 } });
		expect(where()).toEqual({ step: 'decisions', index: 1 });
		send({ type: 'go', position: { step: 'results' } });
		expect(where()).toEqual({ step: 'results' });
	});

	it('opens on the page the address names, clamping an index that no longer exists', () => {
		expect(start({ step: 'domain', index: 7 }).where()).toEqual({ step: 'domain', index: 2 });
		expect(start({ step: 'review' }).where()).toEqual({ step: 'review' });
		expect(start({ step: 'decisions', index: 1 }).where()).toEqual({ step: 'decisions', index: 1 });
	});

	it('remembers the position on every move through its named effect, and tests can swap it', () => {
		const { send, remembered } = start();
		send(next, back);
		expect(remembered).toEqual([
			{ step: 'profile' },
			{ step: 'decisions', index: 0 },
			{ step: 'profile' }
		]);
	});
});

describe('the pages and their addresses', () => {
	const steps = wizardSteps(bank);

	it('has one address per page, all different and readable', () => {
		const slugs = steps.map((s) => s.slug);
		expect(new Set(slugs).size).toBe(slugs.length);
		expect(slugs[0]).toBe('about');
		expect(slugs.at(-1)).toBe('results');
		for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9-]+$/);
		expect(steps.filter((s) => s.kind === 'domain')).toHaveLength(bank.domains.length);
	});

	it('maps every page to its position and back', () => {
		for (const step of steps) expect(stepOfPosition(steps, positionOfStep(step))).toEqual(step);
	});

	it('sends a saved position that no longer exists to the nearest page of its kind', () => {
		expect(stepOfPosition(steps, { step: 'domain', index: 99 })).toEqual(
			steps.filter((s) => s.kind === 'domain').at(-1)
		);
	});
});
