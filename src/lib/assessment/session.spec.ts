import { useMemoryLocalStorage } from '$lib/testing/memory-storage';
import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import type { Assessment } from '$lib/model/assessment';
import { applyChange, type AssessmentChange } from '$lib/model/changes';
import { LIMITS } from '$lib/model/limits';
import type { Written } from '$lib/storage/assessments';
import { ChangeChannel } from '$lib/storage/channel';
import { createAssessment } from './create';
import { AssessmentSession, type SessionStore } from './session.svelte';

/** A store whose writes wait until the test lets them commit, or fail as a full disk does. */
class HeldStore implements SessionStore {
	record: Assessment | undefined;
	held: (() => void)[] = [];
	failNext: string | null = null;
	writes = 0;

	#wait() {
		return new Promise<void>((resolve) => this.held.push(resolve));
	}
	commitAll() {
		const held = this.held;
		this.held = [];
		for (const release of held) release();
	}
	async create(a: Assessment): Promise<Written<{ assessment: Assessment }>> {
		await this.#wait();
		this.writes++;
		if (this.failNext) return { ok: false, reason: 'failed', message: this.failNext };
		this.record = structuredClone(a);
		return { ok: true, assessment: structuredClone(a) };
	}
	async apply(
		id: string,
		changes: readonly AssessmentChange[]
	): Promise<Written<{ assessment: Assessment; refused: string[] }>> {
		await this.#wait();
		this.writes++;
		if (this.failNext) return { ok: false, reason: 'failed', message: this.failNext };
		if (!this.record) return { ok: false, reason: 'deleted', message: 'deleted' };
		for (const change of changes) applyChange(this.record, change);
		this.record.revision++;
		return { ok: true, assessment: structuredClone(this.record), refused: [] };
	}
	async load() {
		return this.record
			? { ok: true as const, assessment: structuredClone(this.record) }
			: { ok: false as const, message: 'missing' };
	}
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('an assessment being answered', () => {
	it('stores nothing until the first answer, then creates the record once and gives it an address', async () => {
		const store = new HeldStore();
		const created: string[] = [];
		const session = new AssessmentSession(createAssessment(bank.version, new Date(), 'n1'), store, {
			stored: false,
			onCreated: (id) => created.push(id)
		});
		expect(session.save.state).toBe('new');
		session.setPosition({ step: 'profile' });
		await tick();
		expect(store.held).toHaveLength(0);
		session.setRating('GOV-1', 2);
		session.setRating('GOV-2', 3);
		await tick();
		store.commitAll();
		await tick();
		store.commitAll();
		await session.settled();
		expect(created).toEqual(['n1']);
		expect(store.record?.answers['GOV-1']?.rating).toBe(2);
		expect(store.record?.answers['GOV-2']?.rating).toBe(3);
	});

	it('says "Saved" only after the write has committed', async () => {
		const store = new HeldStore();
		store.record = createAssessment(bank.version, new Date(), 's1');
		const session = new AssessmentSession(structuredClone(store.record), store, {
			stored: true
		});
		session.setRating('GOV-1', 4);
		expect(session.save.state).toBe('saving');
		await tick();
		expect(session.save.state).toBe('saving');
		store.commitAll();
		await session.settled();
		expect(session.save.state).toBe('saved');
		expect(session.committed).toBe(true);
		// The next write in flight still knows when the last one committed, so the page can keep
		// naming that time instead of flickering "Saving…" on every answer.
		const committedAt = session.save.state === 'saved' ? session.save.at : null;
		session.setRating('GOV-2', 1);
		expect(session.save).toEqual({ state: 'saving', lastSaved: committedAt });
		session.setRating('GOV-3', 1);
		expect(session.save).toEqual({ state: 'saving', lastSaved: committedAt });
		await tick();
		store.commitAll();
		await session.settled();
		expect(session.save.state).toBe('saved');
	});

	it('keeps every change on screen when the disk is full, says what to do, and saves them all on retry', async () => {
		const store = new HeldStore();
		store.record = createAssessment(bank.version, new Date(), 's1');
		const session = new AssessmentSession(structuredClone(store.record), store, {
			stored: true
		});
		store.failNext = "Could not save: this device's storage for the app is full.";
		session.setRating('GOV-1', 1);
		await tick();
		store.commitAll();
		await session.settled();
		expect(session.save).toMatchObject({
			state: 'error',
			message: expect.stringMatching(/storage for the app is full/)
		});
		// Answering on while the disk is full keeps the problem on screen (it does not flicker to
		// "Saving…"); only the person's own tries are counted.
		session.setNote('GOV-1', 'still here');
		expect(session.save.state).toBe('error');
		await tick();
		store.commitAll();
		await session.settled();
		expect(session.save).toMatchObject({ state: 'error', tries: 0 });
		expect(session.assessment.answers['GOV-1']).toEqual({ rating: 1, note: 'still here' });
		expect(store.record.answers['GOV-1']).toBeUndefined();
		expect(session.committed).toBe(false);

		store.failNext = "Could not save: this device's storage for the app is full.";
		session.retry();
		expect(session.save).toMatchObject({ state: 'error', tries: 0, trying: true });
		await tick();
		store.commitAll();
		await session.settled();
		expect(session.save).toMatchObject({ state: 'error', tries: 1 });
		expect(session.save).not.toHaveProperty('trying');

		store.failNext = null;
		session.retry();
		await tick();
		store.commitAll();
		await session.settled();
		expect(session.save.state).toBe('saved');
		expect(store.record.answers['GOV-1']).toEqual({ rating: 1, note: 'still here' });
	});

	it('counts a change whose write has not committed as work that leaving would lose, until it commits', async () => {
		const store = new HeldStore();
		store.record = createAssessment(bank.version, new Date(), 'w1');
		const session = new AssessmentSession(structuredClone(store.record), store, { stored: true });
		expect(session.unsavedWork).toBe(false);
		session.setRating('GOV-1', 2);
		expect(session.unsavedWork).toBe(true);
		await tick();
		expect(store.held).toHaveLength(1);
		expect(session.unsavedWork).toBe(true);
		store.commitAll();
		await session.settled();
		expect(session.unsavedWork).toBe(false);
		expect(store.record.answers['GOV-1']?.rating).toBe(2);
	});

	it('as the page goes, keeps the changes not yet committed for the next visit, and forgets them if the page stays and they commit', async () => {
		const { storage, restore } = useMemoryLocalStorage();
		const kept = storage.entries;
		const store = new HeldStore();
		store.record = createAssessment(bank.version, new Date(), 'k1');
		const session = new AssessmentSession(structuredClone(store.record), store, { stored: true });
		session.keepForLater();
		expect(kept.size).toBe(0);
		session.setRating('GOV-1', 2);
		await tick();
		session.setRating('GOV-2', 3);
		session.keepForLater();
		const [entry] = [...kept.values()].map((text) => JSON.parse(text));
		// Each with what it found in the fields it writes when it was made (nothing yet, here).
		expect(entry).toMatchObject({
			assessmentId: 'k1',
			made: [
				{
					change: { type: 'answer', statementId: 'GOV-1', patch: { rating: 2 } },
					found: { 'answer:GOV-1:rating': null, 'answer:GOV-1:agreement': null }
				},
				{
					change: { type: 'answer', statementId: 'GOV-2', patch: { rating: 3 } },
					found: { 'answer:GOV-2:rating': null, 'answer:GOV-2:agreement': null }
				}
			]
		});
		expect(entry.made[0].madeAt).toBeLessThanOrEqual(entry.made[1].madeAt);
		// A change replayed from a page left earlier keeps when it was made there.
		session.change(
			{ type: 'answer', statementId: 'GOV-3', patch: { note: 'From before' } },
			{ found: { 'answer:GOV-3:note': null }, madeAt: 1234 }
		);
		session.keepForLater();
		const [again] = [...kept.values()].map((text) => JSON.parse(text));
		expect(again.made.at(-1)).toMatchObject({ madeAt: 1234, change: { statementId: 'GOV-3' } });
		store.commitAll();
		await tick();
		store.commitAll();
		await session.settled();
		expect(session.save.state).toBe('saved');
		expect(kept.size).toBe(0);
		restore();
	});

	it('when the browser\u2019s saved data is cleared under it, says so, asks before the tab closes, and saves everything on screen again on request', async () => {
		const store = new HeldStore();
		store.record = createAssessment(bank.version, new Date(), 'c1');
		const channel = new ChangeChannel('session-cleared-test');
		const session = new AssessmentSession(structuredClone(store.record), store, {
			stored: true,
			channel
		});
		expect(session.unsavedWork).toBe(false);
		session.setRating('GOV-1', 2);
		await tick();
		store.commitAll();
		await session.settled();
		expect(session.unsavedWork).toBe(false);

		store.record = undefined;
		channel.notifyHere({ type: 'cleared' });
		expect(session.save).toMatchObject({
			state: 'deleted',
			message: expect.stringMatching(/cleared/)
		});
		expect(session.unsavedWork).toBe(true);
		session.setRating('GOV-2', 3);
		await tick();
		expect(store.held).toHaveLength(0);

		const saving = session.saveAgain();
		await tick();
		store.commitAll();
		await saving;
		expect(session.save.state).toBe('saved');
		expect(session.unsavedWork).toBe(false);
		expect(store.record!.answers['GOV-1']?.rating).toBe(2);
		expect(store.record!.answers['GOV-2']?.rating).toBe(3);

		session.setRating('GOV-3', 1);
		await tick();
		store.commitAll();
		await session.settled();
		expect(store.record!.answers['GOV-3']?.rating).toBe(1);
		session.dispose();
		channel.close();
	});

	it('refuses a note over the limit with a message and changes nothing', () => {
		const session = new AssessmentSession(createAssessment(bank.version, new Date(), 's1'), null, {
			stored: false
		});
		expect(session.setNote('GOV-1', 'x'.repeat(LIMITS.noteChars + 1))).toBe(false);
		expect(session.notices[0]).toMatch(/at most/);
		expect(session.assessment.answers['GOV-1']).toBeUndefined();
	});

	it('works on screen when the browser stores nothing, and says so', () => {
		const session = new AssessmentSession(createAssessment(bank.version, new Date(), 's1'), null, {
			stored: false,
			unavailableMessage: 'Private browsing'
		});
		expect(session.setRating('GOV-1', 3)).toBe(true);
		expect(
			session.result.domains.find((d) => d.statements.some((s) => s.id === 'GOV-1'))
		).toBeDefined();
		expect(session.save).toEqual({ state: 'not-stored', message: 'Private browsing' });
	});

	it('refuses a 201st action of its own before anything changes', () => {
		const session = new AssessmentSession(createAssessment(bank.version, new Date(), 's1'), null, {
			stored: false
		});
		for (let i = 0; i < LIMITS.customActions; i++)
			expect(session.addPlanItem(`Action ${i}`, '', 'before-recruiting')).not.toBeNull();
		expect(session.addPlanItem('One too many', '', 'before-recruiting')).toBeNull();
		expect(session.notices[0]).toMatch(/at most 200 actions/);
		expect(session.assessment.plan.custom).toHaveLength(LIMITS.customActions);
	});
});
