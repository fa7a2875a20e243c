import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import { aggregate, median, mergeResponses } from './aggregate';
import { CODE_PREFIX, decodeInvite, decodeResponse, encodeCode } from './codec';
import { profile, response, workshop } from './fixtures';
import type { WorkshopResponse } from './types';

const decisions = { model: 'integrated', records: 'neither' };

describe('merging returned answers', () => {
	it('adds new answers and refuses duplicates, other workshops and roles not taking part, saying why', () => {
		const w = workshop(['manager', 'peer-worker']);
		const a = response('manager', () => 3);
		const b = response('peer-worker', () => 1);
		const first = mergeResponses(w, [a, b]);
		expect(first.added).toHaveLength(2);
		const second = mergeResponses(first.workshop, [
			a,
			{ ...response('manager', () => 2), workshopId: 'other' },
			response('carer', () => 2)
		]);
		expect(second.added).toEqual([]);
		expect(second.refused.map((r) => r.reason).sort()).toEqual(
			[
				'The role "carer" is not taking part in this workshop.',
				'These answers belong to a different workshop.',
				'These answers have already been added.'
			].sort()
		);
		expect(second.workshop.responses).toHaveLength(2);
	});

	it("is order-independent and never alters a participant's answers", () => {
		const levels = fc.constantFrom(0, 1, 2, 3, 4, 'dont-know', undefined);
		const responseArb = fc
			.record({
				role: fc.constantFrom('manager', 'clinician', 'peer-worker', 'consumer', 'carer'),
				ratings: fc.array(levels, {
					minLength: bank.statements.length,
					maxLength: bank.statements.length
				}),
				minute: fc.nat(59)
			})
			.map(({ role, ratings, minute }) => {
				const r = response(
					role as WorkshopResponse['role'],
					(id) => ratings[bank.statements.findIndex((s) => s.id === id)] as never
				);
				return { ...r, submittedAt: `2026-11-22T11:${String(minute).padStart(2, '0')}:00.000Z` };
			});
		fc.assert(
			fc.property(
				fc.array(responseArb, { minLength: 1, maxLength: 8 }),
				fc.func(fc.integer()),
				(responses, order) => {
					const copy = structuredClone(responses);
					const shuffled = [...responses].sort((a, b) => order(a.responseId) - order(b.responseId));
					const one = mergeResponses(workshop(), responses).workshop;
					const two = mergeResponses(workshop(), shuffled).workshop;
					const stepwise = shuffled.reduce((w, r) => mergeResponses(w, [r]).workshop, workshop());
					expect(two).toEqual(one);
					expect(stepwise).toEqual(one);
					expect(responses).toEqual(copy);
					for (const r of one.responses)
						expect(r).toEqual(copy.find((c) => c.responseId === r.responseId));
				}
			),
			{ numRuns: 100 }
		);
	});
});

describe('the disagreement picture', () => {
	it("gives spread, median, each role's view and the gap between managers and peer workers", () => {
		let w = workshop();
		w = mergeResponses(w, [
			response('manager', (id) => (id === 'TEAM-4' ? 4 : 3)),
			response('manager', (id) => (id === 'TEAM-4' ? 4 : 3)),
			response('peer-worker', (id) => (id === 'TEAM-4' ? 0 : 3)),
			response('clinician', (id) => (id === 'TEAM-4' ? 'dont-know' : 2))
		]).workshop;
		const picture = aggregate(w, profile, decisions, bank);
		const team4 = picture.statements.find((s) => s.id === 'TEAM-4')!;
		expect(team4).toMatchObject({
			rated: 3,
			dontKnow: 1,
			levels: [1, 0, 0, 0, 2],
			median: 4,
			min: 0,
			max: 4,
			spread: 4
		});
		expect(team4.roleGap).toEqual({ size: 4, high: 'manager', low: 'peer-worker' });
		expect(team4.byRole.find((r) => r.role === 'clinician')).toEqual({
			role: 'clinician',
			rated: 0,
			median: null
		});
		expect(picture.hotspots[0]!.id).toBe('TEAM-4');
		expect(picture.hotspots.every((h) => h.spread >= 2 || (h.roleGap?.size ?? 0) >= 2)).toBe(true);
		expect(picture.byRole).toEqual([
			{ role: 'manager', count: 2 },
			{ role: 'clinician', count: 1 },
			{ role: 'peer-worker', count: 1 }
		]);
		expect(picture.statements.some((s) => s.id === 'GOV-2')).toBe(false); // switched off: peers write no notes
		const team = picture.domains.find((d) => d.domainId === 'TEAM')!;
		expect(team.byRole.find((r) => r.role === 'manager')!.median).toBeGreaterThan(
			team.byRole.find((r) => r.role === 'peer-worker')!.median!
		);
	});

	it('takes the median of the middle two for an even count', () => {
		expect(median([0, 4, 1, 3])).toBe(2);
		expect(median([])).toBeNull();
	});

	it('merges and aggregates 50 participants quickly', () => {
		const roles = ['manager', 'clinician', 'hr', 'peer-worker', 'consumer', 'carer'] as const;
		const responses = Array.from({ length: 50 }, (_, i) =>
			response(roles[i % roles.length]!, (id) => ((id.length + i) % 5) as 0)
		);
		const started = performance.now();
		const merged = mergeResponses(workshop(), responses);
		const picture = aggregate(merged.workshop, profile, decisions, bank);
		const ms = performance.now() - started;
		expect(merged.added).toHaveLength(50);
		expect(picture.participants).toBe(50);
		console.log(`merge + aggregate of 50 participants: ${ms.toFixed(0)} ms`);
		expect(ms).toBeLessThan(1500);
	});
});

describe('participant links and files', () => {
	it('round-trip an answer through a compressed link exactly', () => {
		const r = response('carer', (id) => (id.startsWith('ACCESS') ? 'dont-know' : 2), {
			name: 'Jo (carer) – “Zoë”'
		});
		const code = encodeCode(r);
		expect(code.startsWith(CODE_PREFIX)).toBe(true);
		expect(code.length).toBeLessThan(2000);
		expect(decodeResponse(`https://example.test/workshop#response=${code}`)).toEqual({
			ok: true,
			value: r
		});
		expect(decodeResponse(JSON.stringify(r))).toEqual({ ok: true, value: r });
	});

	it('refuses damaged, hostile and oversized codes with a message, never throwing', () => {
		const r = response('manager', () => 1);
		const code = encodeCode(r);
		expect(decodeResponse(code.slice(0, code.length - 20))).toMatchObject({
			ok: false,
			message: expect.stringMatching(/damaged/)
		});
		expect(decodeResponse('no code here')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/No participant answer code/)
		});
		const bomb =
			CODE_PREFIX +
			Buffer.from(deflateSync(strToU8(`{"a":"${'x'.repeat(5_000_000)}"}`))).toString('base64url');
		expect(decodeResponse(bomb)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/damaged/)
		});
		const polluted =
			CODE_PREFIX +
			Buffer.from(
				deflateSync(strToU8('{"format":"pwr-workshop-response","__proto__":{"x":1}}'))
			).toString('base64url');
		expect(decodeResponse(polluted)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/forbidden key/)
		});
		expect(decodeInvite(code)).toMatchObject({ ok: false });
		fc.assert(
			fc.property(
				fc.string({ maxLength: 300 }),
				fc.uint8Array({ maxLength: 300 }),
				(text, bytes) => {
					expect(decodeResponse(text).ok).toBe(false);
					expect(decodeResponse(CODE_PREFIX + Buffer.from(bytes).toString('base64url')).ok).toBe(
						false
					);
					expect(
						decodeResponse(CODE_PREFIX + Buffer.from(deflateSync(bytes)).toString('base64url')).ok
					).toBe(false);
				}
			),
			{ numRuns: 1000 }
		);
	});
});
