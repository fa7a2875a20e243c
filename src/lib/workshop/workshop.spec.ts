import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { useMemoryLocalStorage } from '$lib/testing/memory-storage';
import { describe, expect, it, vi } from 'vitest';
import { AssessmentSession } from '$lib/assessment/session.svelte';
import { bank } from '$lib/content';
import { LIMITS } from '$lib/model/limits';
import { WORKSHOP_ROLES, type WorkshopResponse, type WorkshopRole } from '$lib/model/workshop';
import { ChangeChannel } from '$lib/storage/channel';
import { openDatabase } from '$lib/storage/db';
import { WorkshopStore } from '$lib/storage/workshops';
import { aggregate, likelyDuplicates, MIN_GROUP_SIZE, visibleGroups } from './aggregate';
import {
	ANSWER_PREFIX,
	answerParts,
	CODE_LIMITS,
	CODE_PREFIX,
	decodeAnswers,
	decodeInvite,
	encodeAnswers,
	encodeInvite,
	PartCollector
} from './codec';
import { participantForm } from './forms';
import { inviteFor, newWorkshop, WorkshopDesk } from './desk.svelte';
import { ParticipantSession } from './participant.svelte';
import { resolveTerms } from '$lib/content/terms';

const roles = WORKSHOP_ROLES.map((r) => r.id);
const ratingArb = fc.constantFrom(
	0,
	1,
	2,
	3,
	4,
	'dont-know',
	'not-applicable',
	'declined'
) as fc.Arbitrary<WorkshopResponse['answers'][string]['rating']>;

const responseArb = fc.record({
	role: fc.constantFrom(...roles),
	name: fc.string({ maxLength: 40 }),
	ratings: fc.array(fc.option(ratingArb, { nil: undefined }), {
		minLength: 0,
		maxLength: bank.statements.length
	})
});

function response(
	role: WorkshopRole,
	ratings: Record<string, WorkshopResponse['answers'][string]['rating']>,
	n = 0,
	name = ''
): WorkshopResponse {
	return {
		format: 'pwr-workshop-response',
		version: 2,
		workshopId: 'w1',
		responseId: `r${role}${n}`,
		role,
		name,
		submittedAt: new Date(Date.UTC(2026, 10, 30, 10, n)).toISOString(),
		contentVersion: bank.version,
		answers: Object.fromEntries(Object.entries(ratings).map(([id, rating]) => [id, { rating }]))
	};
}

describe('answer codes handed back to the facilitator', () => {
	it('round-trip every possible answer set exactly, names included', () => {
		let checked = 0;
		fc.assert(
			fc.property(responseArb, ({ role, name, ratings }) => {
				const answers = Object.fromEntries(
					ratings.flatMap((rating, i) =>
						rating === undefined ? [] : [[bank.statements[i]!.id, { rating }]]
					)
				);
				const r: WorkshopResponse = { ...response(role, {}, 1, name.trim().slice(0, 40)), answers };
				const code = encodeAnswers(r, bank);
				expect(code.startsWith(ANSWER_PREFIX)).toBe(true);
				expect(decodeAnswers(code, bank)).toEqual({ ok: true, value: r });
				checked++;
			}),
			{ numRuns: 400 }
		);
		expect(checked).toBe(400);
	});

	it('fits a full set of answers in one code of under 300 characters', () => {
		const full = response(
			'peer-worker',
			Object.fromEntries(bank.statements.map((s) => [s.id, 3])),
			1,
			'Alex'
		);
		expect(encodeAnswers(full, bank).length).toBeLessThan(CODE_LIMITS.qrPartChars);
	});

	it('reassembles a split code from its parts in any order', () => {
		const long = encodeAnswers(
			response(
				'manager',
				Object.fromEntries(bank.statements.map((s) => [s.id, 2])),
				1,
				'x'.repeat(200)
			),
			bank
		);
		const parts = answerParts(long, 80);
		expect(parts.length).toBeGreaterThan(2);
		const collector = new PartCollector();
		const shuffled = [...parts].reverse();
		const results = shuffled.map((p) => collector.add(p));
		expect(results.slice(0, -1).every((r) => 'waiting' in r)).toBe(true);
		expect(results.at(-1)).toEqual({ complete: long });
	});

	it('refuses damaged, hostile and oversized codes with a message, never throwing', () => {
		let refused = 0;
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), fc.nat({ max: 400 }), (junk, cut) => {
				const real = encodeAnswers(response('carer', { 'GOV-1': 2 }, 1), bank);
				for (const text of [
					junk,
					`${ANSWER_PREFIX}${junk}`,
					real.slice(0, cut),
					`${CODE_PREFIX}${junk}`
				]) {
					const result = decodeAnswers(text, bank);
					if (!result.ok) {
						refused++;
						expect(result.message.length).toBeGreaterThan(10);
					}
				}
			}),
			{ numRuns: 300 }
		);
		expect(refused).toBeGreaterThan(800);
	});

	it('refuses a small code that would inflate to fifteen megabytes, stopping at the limit', () => {
		const bomb =
			CODE_PREFIX +
			Buffer.from(deflateSync(new Uint8Array(15_000_000), { level: 9 })).toString('base64url');
		expect(bomb.length).toBeLessThan(CODE_LIMITS.codeChars);
		const started = performance.now();
		const result = decodeInvite(bomb);
		expect(result).toEqual({
			ok: false,
			message: expect.stringMatching(/far too large to be real/)
		});
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('says answers were given to other questions when the question bank has changed', () => {
		const code = encodeAnswers(
			{ ...response('manager', { 'GOV-1': 2 }), contentVersion: '2025.1' },
			bank
		);
		expect(decodeAnswers(code, bank)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/different version of the questions/)
		});
	});

	it('holds answers sent as JSON to the same test: this version of the questions, and only statements it asks', () => {
		const sent = { ...response('manager', { 'GOV-1': 2 }), contentVersion: bank.version };
		const json = JSON.stringify({ ...sent, answers: { ...sent.answers, 'FAKE-1': { rating: 3 } } });
		expect(decodeAnswers(json, bank)).toEqual({ ok: true, value: sent });
		expect(
			decodeAnswers(JSON.stringify({ ...sent, contentVersion: '2099.1' }), bank)
		).toMatchObject({
			ok: false,
			message: expect.stringMatching(/different version of the questions/)
		});
	});

	it('round-trips an invitation with the profile and decisions', () => {
		const { workshop, consensus } = newWorkshop('Harbour ~ "Team" 🌊', ['manager', 'peer-worker']);
		consensus.decisions = { model: 'integrated' };
		const invite = inviteFor(workshop, consensus);
		expect(decodeInvite(`https://example.org/workshop/respond#${encodeInvite(invite)}`)).toEqual({
			ok: true,
			value: invite
		});
		expect(decodeInvite(JSON.stringify({ ...invite, roles: ['boss'] })).ok).toBe(false);
	});
});

describe('the room\u2019s picture', () => {
	it('never shows a group of fewer than three people, whatever the room', () => {
		let rooms = 0;
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(...roles), { minLength: 1, maxLength: 20 }),
				(people) => {
					const responses = people.map((role, i) => response(role, { 'GOV-1': (i % 5) as 0 }, i));
					const picture = aggregate(responses, { bpdSpecific: 'yes' }, {}, bank);
					for (const g of picture.groups) expect(g.people).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
					for (const s of picture.statements)
						for (const v of s.byGroup)
							expect(picture.groups.some((g) => g.id === v.group)).toBe(true);
					for (const d of picture.domains)
						for (const v of d.byGroup)
							expect(picture.groups.some((g) => g.id === v.group)).toBe(true);
					if (picture.breakdown === 'by-role') {
						const counts = new Map<string, number>();
						for (const p of people) counts.set(p, (counts.get(p) ?? 0) + 1);
						for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
					}
					rooms++;
				}
			),
			{ numRuns: 500 }
		);
		expect(rooms).toBe(500);
	});

	it('compares lived experience with staff when one peer worker sits with seven staff and consumers, and never shows the peer worker alone', () => {
		const room = [
			response('peer-worker', { 'TEAM-4': 0 }, 1),
			response('consumer', { 'TEAM-4': 1 }, 2),
			response('carer', { 'TEAM-4': 1 }, 3),
			...[4, 5, 6].map((n) => response('manager', { 'TEAM-4': 4 }, n)),
			...[7, 8].map((n) => response('clinician', { 'TEAM-4': 3 }, n))
		];
		const picture = aggregate(room, { bpdSpecific: 'yes' }, {}, bank);
		expect(picture.breakdown).toBe('lived-experience-vs-staff');
		expect(picture.groups.map((g) => g.id)).toEqual(['lived-experience', 'staff']);
		expect(picture.warnings.join(' ')).toMatch(/Only one person in the role "Peer worker"/);
		const team4 = picture.statements.find((s) => s.id === 'TEAM-4')!;
		expect(team4.byGroup).toEqual([
			{ group: 'lived-experience', n: 3, median: 1 },
			{ group: 'staff', n: 5, median: 4 }
		]);
		expect(team4.groupGap).toEqual({ size: 3, high: 'staff', low: 'lived-experience' });
		expect(team4.levels).toEqual([1, 2, 0, 2, 3]);
	});

	it('shows no comparison at all with only two people with lived experience', () => {
		const room = [
			response('peer-worker', {}, 1),
			response('adviser', {}, 2),
			...[3, 4, 5].map((n) => response('manager', {}, n))
		];
		const { groups, warnings } = visibleGroups(room);
		expect(groups).toEqual([]);
		expect(warnings.join(' ')).toMatch(/Fewer than three people with lived experience/);
	});

	it('counts "decided not to" and "don\u2019t know" apart from the levels', () => {
		const room = [
			response('manager', { 'ACCESS-2': 'declined' }, 1),
			response('consumer', { 'ACCESS-2': 'dont-know' }, 2),
			response('clinician', { 'ACCESS-2': 3 }, 3)
		];
		const s = aggregate(room, { bpdSpecific: 'yes' }, {}, bank).statements.find(
			(x) => x.id === 'ACCESS-2'
		)!;
		expect(s).toMatchObject({ rated: 1, declined: 1, dontKnow: 1, median: 3 });
	});

	it('flags likely duplicates by identical answers or the same name and role', () => {
		const a = response('manager', { 'GOV-1': 2 }, 1, 'Sam');
		const b = { ...response('manager', { 'GOV-1': 2 }, 2, 'sam '), responseId: 'other' };
		expect(likelyDuplicates([a, b]).map((d) => d.reason)).toEqual([
			'2 responses from the same role have identical answers.',
			'2 responses share the same name and role.'
		]);
	});

	it('gives a lived-experience adviser the statements a peer worker would judge, so a pre-hire room can reach the lived-experience gate', () => {
		const context = { decisions: {}, bpdSpecific: 'yes' as const };
		const terms = resolveTerms(
			{ consumerTerm: 'consumer', peerTerm: 'peer-worker' },
			bank.terminology
		);
		const ids = (role: WorkshopRole) =>
			participantForm(role, context, bank, terms, false).pages.flatMap((p) =>
				p.items.map((i) => i.statement.id)
			);
		expect(ids('adviser')).toEqual(ids('peer-worker'));
		for (const s of bank.statements.filter((x) => x.rateWithLivedExperience && !x.condition))
			expect(ids('adviser').includes(s.id) || ids('consumer').includes(s.id)).toBe(true);
	});
});

describe('the facilitator\u2019s desk', () => {
	async function desk() {
		globalThis.indexedDB = new IDBFactory();
		const state = await openDatabase(`desk-${Math.random()}`);
		if (state.status !== 'ready') throw new Error(state.status);
		const channel = new ChangeChannel(`desk-${Math.random()}`);
		const store = new WorkshopStore({ db: state.db }, channel);
		const { workshop, consensus } = newWorkshop('Harbour', ['manager', 'peer-worker', 'consumer']);
		expect((await store.create(workshop, consensus)).ok).toBe(true);
		const session = new AssessmentSession(consensus, null, { stored: false });
		return { desk: new WorkshopDesk(workshop, [], session, store, channel), workshop };
	}

	it('adds pasted codes, refuses another workshop\u2019s and an uninvited role\u2019s, and says why for each', async () => {
		const { desk: d, workshop } = await desk();
		const mine = (role: WorkshopRole, n: number) =>
			encodeAnswers({ ...response(role, { 'GOV-1': 2 }, n), workshopId: workshop.id }, bank);
		await d.addTexts([`${mine('manager', 1)}\n${mine('consumer', 2)}`]);
		expect(d.responses).toHaveLength(2);
		await d.addTexts([mine('carer', 3)]);
		expect(d.messages[0]?.text).toMatch(/"Carer" is not taking part/);
		await d.addTexts([encodeAnswers(response('manager', {}, 4), bank)]);
		expect(d.messages[0]?.text).toMatch(/different workshop/);
		await d.addTexts([mine('manager', 1)]);
		expect(d.messages[0]?.text).toMatch(/already added; nothing changed/);
		expect(d.responses).toHaveLength(2);
	});

	it('asks before replacing a participant\u2019s earlier, different answers', async () => {
		const { desk: d, workshop } = await desk();
		const first = { ...response('manager', { 'GOV-1': 2 }, 1), workshopId: workshop.id };
		await d.addResponses([first]);
		await d.addResponses([{ ...first, answers: { 'GOV-1': { rating: 4 } } }]);
		expect(d.differing).toHaveLength(1);
		expect(d.responses[0]?.answers['GOV-1']?.rating).toBe(2);
		await d.replaceWithNewer(first.responseId);
		expect(d.responses[0]?.answers['GOV-1']?.rating).toBe(4);
	});

	it('adds answers held in a page\u2019s reactive state (a proxy, which IndexedDB cannot store) as a plain copy', async () => {
		const { desk: d, workshop } = await desk();
		const given = { ...response('manager', { 'GOV-1': 3 }, 1, 'Sam'), workshopId: workshop.id };
		const reactive = new Proxy(given, {});
		expect(() => structuredClone(reactive)).toThrow();
		expect(await d.addResponses([reactive])).toBe(true);
		expect(d.messages.map((m) => m.text)).toEqual(['Added answers from a manager (Sam).']);
		expect(d.responses).toEqual([given]);
	});

	it('says whose answers were removed, and puts them back on request', async () => {
		const { desk: d, workshop } = await desk();
		const sam = { ...response('manager', { 'GOV-1': 3 }, 1, 'Sam'), workshopId: workshop.id };
		const other = { ...response('consumer', { 'GOV-1': 1 }, 2), workshopId: workshop.id };
		await d.addResponses([sam, other]);
		await d.removeResponse(sam.responseId);
		expect(d.messages.map((m) => m.text)).toEqual(['Removed the answers from a manager (Sam).']);
		expect(d.responses.map((r) => r.responseId)).toEqual([other.responseId]);
		expect(d.lastRemoved).toEqual(sam);
		await d.putBackRemoved();
		expect(d.lastRemoved).toBeNull();
		expect(d.messages.map((m) => m.text)).toEqual(['Added answers from a manager (Sam).']);
		expect(d.responses.map((r) => r.responseId).sort()).toEqual(
			[sam.responseId, other.responseId].sort()
		);
	});

	it('holds at most 500 responses and says so for the 501st', async () => {
		const { desk: d, workshop } = await desk();
		const many = Array.from({ length: LIMITS.workshopResponses + 1 }, (_, i) => ({
			...response('manager', {}, i),
			responseId: `m${i}`,
			workshopId: workshop.id
		}));
		await d.addResponses(many);
		expect(d.responses).toHaveLength(LIMITS.workshopResponses);
		expect(d.messages.at(-1)?.text).toMatch(/already holds 500 responses/);
	});

	it('records an agreed rating as discussed, and medians as not discussed, with lived experience marked', async () => {
		const { desk: d, workshop } = await desk();
		await d.addResponses([
			{ ...response('consumer', { 'CULT-3': 1, 'GOV-1': 3 }, 1), workshopId: workshop.id },
			{ ...response('manager', { 'CULT-3': 3, 'GOV-1': 3 }, 2), workshopId: workshop.id }
		]);
		d.agree('CULT-3', 2);
		d.useMedians();
		expect(d.session.assessment.answers['CULT-3']).toMatchObject({
			rating: 2,
			agreement: 'discussed',
			withLivedExperience: true
		});
		expect(d.session.assessment.answers['GOV-1']).toMatchObject({
			rating: 3,
			agreement: 'from-median'
		});
		expect(d.messages[0]?.text).toMatch(/marked "not discussed"/);
	});
});

describe('a participant answering on their own device', () => {
	it('counts an answer as work that leaving would lose until its draft is saved, and finished answers as not', async () => {
		globalThis.indexedDB = new IDBFactory();
		const state = await openDatabase(`participant-${Math.random()}`);
		if (state.status !== 'ready') throw new Error(state.status);
		const store = new WorkshopStore({ db: state.db }, new ChangeChannel(`p-${Math.random()}`));
		const { workshop, consensus } = newWorkshop('Harbour', ['manager', 'peer-worker', 'consumer']);
		const participant = new ParticipantSession(store, false, 'https://example.org');
		await participant.open(`#${encodeInvite(inviteFor(workshop, consensus))}`);
		participant.chooseRole('manager');
		await vi.waitFor(() => expect(participant.unsavedWork).toBe(false));

		const statement = participant.currentPage!.items[0]!.statement.id;
		participant.rate(statement, 3);
		expect(participant.unsavedWork).toBe(true);
		await vi.waitFor(() => expect(participant.unsavedWork).toBe(false));
		expect((await store.loadDraft(workshop.id, 'own-device')).draft?.answers[statement]).toEqual({
			rating: 3
		});
		participant.dispose();
	});

	it('keeps a draft whose write was cut short as the page went, and resumes from it when the invitation is opened again', async () => {
		const { storage, restore } = useMemoryLocalStorage();
		const kept = storage.entries;
		globalThis.indexedDB = new IDBFactory();
		const state = await openDatabase(`participant-${Math.random()}`);
		if (state.status !== 'ready') throw new Error(state.status);
		const store = new WorkshopStore({ db: state.db }, new ChangeChannel(`p-${Math.random()}`));
		// Writes that never commit, as when the page is gone before they do.
		const stalled = new Proxy(store, {
			get(target, property) {
				if (property === 'saveDraft') return () => new Promise(() => {});
				const value = Reflect.get(target, property, target);
				return typeof value === 'function' ? value.bind(target) : value;
			}
		});
		const { workshop, consensus } = newWorkshop('Harbour', ['manager', 'peer-worker', 'consumer']);
		const invite = `#${encodeInvite(inviteFor(workshop, consensus))}`;
		const leaving = new ParticipantSession(stalled, false, 'https://example.org');
		await leaving.open(invite);
		leaving.chooseRole('manager');
		const statement = leaving.currentPage!.items[0]!.statement.id;
		leaving.rate(statement, 3);
		leaving.keepForLater();
		leaving.dispose();

		const back = new ParticipantSession(store, false, 'https://example.org');
		await back.open(invite);
		expect(back.role).toBe('manager');
		expect(back.answers[statement]).toEqual({ rating: 3 });
		expect((await store.loadDraft(workshop.id, 'own-device')).draft?.answers[statement]).toEqual({
			rating: 3
		});
		expect(kept.size).toBe(0);
		back.dispose();
		restore();
	});

	it('asks before leaving answers that could not be kept on the device, until they are handed back as a code', () => {
		const { workshop, consensus } = newWorkshop('Harbour', ['manager', 'peer-worker', 'consumer']);
		const participant = new ParticipantSession(null, false, 'https://example.org');
		void participant.open(`#${encodeInvite(inviteFor(workshop, consensus))}`);
		participant.chooseRole('manager');
		expect(participant.unsavedWork).toBe(false);
		participant.rate(participant.currentPage!.items[0]!.statement.id, 2);
		expect(participant.unsavedWork).toBe(true);
		expect(participant.finish()).toBe(true);
		expect(participant.unsavedWork).toBe(false);
		participant.dispose();
	});
});
