import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import { exportJson } from '$lib/storage/export';
import { AssessmentRepository, MemoryStore } from '$lib/storage/repository';
import { createAssessment } from './create';
import { AssessmentLibrary } from './library.svelte';

function snapshot(store: MemoryStore) {
	return Object.fromEntries(
		Array.from({ length: store.length }, (_, i) => store.key(i)!).map((k) => [k, store.getItem(k)])
	);
}

const valid = createAssessment(bank.version, new Date('2026-11-22T10:00:00Z'), 'valid-1');
valid.answers = { 'ROLE-1': { rating: 2, note: 'n' } };
const validJson = JSON.parse(exportJson(valid));

/** Hostile variations of a real save file: wrong types, prototype keys, deep nesting, huge strings, newer versions. */
const hostile = fc.oneof(
	fc.string({ maxLength: 200 }),
	fc.json({ maxDepth: 8 }),
	// Each field replaced by a value of a type it can never have.
	fc
		.oneof(
			fc.record({
				path: fc.constantFrom('answers', 'profile', 'plan', 'position', 'decisions'),
				value: fc.oneof(
					fc.integer(),
					fc.boolean(),
					fc.constant(null),
					fc.string(),
					fc.array(fc.anything({ maxDepth: 3 }))
				)
			}),
			fc.record({
				path: fc.constantFrom('id', 'createdAt', 'updatedAt', 'contentVersion', 'title'),
				value: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.object({ maxDepth: 2 }))
			}),
			fc.record({
				path: fc.constant('schemaVersion'),
				value: fc.oneof(
					fc.string(),
					fc.double({ min: 1.01, max: 1.99 }),
					fc.object({ maxDepth: 1 }),
					fc.constant(null)
				)
			})
		)
		.map(({ path, value }) => JSON.stringify({ ...validJson, [path]: value })),
	fc
		.record({
			id: fc.constantFrom('ROLE-1', 'GOV-1'),
			rating: fc.oneof(
				fc.integer({ min: 5 }),
				fc.integer({ max: -1 }),
				fc.string({ minLength: 1 }).filter((x) => !['dont-know', 'not-applicable'].includes(x))
			)
		})
		.map(({ id, rating }) => JSON.stringify({ ...validJson, answers: { [id]: { rating } } })),
	fc
		.constantFrom('__proto__', 'constructor', 'prototype')
		.map((k) => exportJson(valid).replace('"answers": {', `"answers": {"${k}": {"rating": 1},`)),
	fc
		.integer({ min: 20, max: 400 })
		.map((depth) =>
			JSON.stringify({ ...validJson, x: JSON.parse('['.repeat(depth) + ']'.repeat(depth)) })
		),
	fc.constant(
		JSON.stringify({
			...validJson,
			profile: { ...validJson.profile, organisationName: 'x'.repeat(3_000_000) }
		})
	),
	fc.integer({ min: 3, max: 1000 }).map((v) => JSON.stringify({ ...validJson, schemaVersion: v })),
	fc.nat(exportJson(valid).length).map((n) => exportJson(valid).slice(0, n))
);

describe('importing into the device library', () => {
	it('refuses thousands of hostile files with a message and never changes stored data', async () => {
		const store = new MemoryStore();
		const repository = new AssessmentRepository(store);
		repository.save(createAssessment(bank.version, new Date('2026-11-01T10:00:00Z'), 'kept'));
		const library = new AssessmentLibrary(repository, true);
		const before = snapshot(store);
		await fc.assert(
			fc.asyncProperty(hostile, async (text) => {
				// A truncation can land on a complete file; only the others must be refused.
				fc.pre(text !== exportJson(valid));
				const imported = await library.importText(text);
				expect(imported).toBeNull();
				expect(library.message?.kind).toBe('error');
				expect(snapshot(store)).toEqual(before);
			}),
			{ numRuns: 2500 }
		);
	});

	it('imports a valid file as a new entry without touching the others', async () => {
		const store = new MemoryStore();
		const repository = new AssessmentRepository(store);
		const library = new AssessmentLibrary(repository, true);
		expect(await library.importText(exportJson(valid))).toEqual(valid);
		const again = await library.importText(exportJson(valid));
		expect(again!.id).not.toBe(valid.id);
		expect(repository.list().assessments).toHaveLength(2);
	});
});
