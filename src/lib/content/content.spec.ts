import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bank, rawContent } from './index';
import { coverageTable } from './coverage';
import { buildQuestionBank, ContentError, type RawContent } from './question-bank';
import { applyTerms, resolveTerms } from './terms';
import { conditionHolds } from './conditions';

const seedsDir = process.env.SEEDS_DIR ?? resolve(process.cwd(), '../shared/seeds');
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

function brokenCopy(edit: (raw: RawContent) => void): RawContent {
	const copy = structuredClone(rawContent);
	edit(copy);
	return copy;
}

function problemsOf(raw: RawContent): string[] {
	try {
		buildQuestionBank(raw);
	} catch (error) {
		if (error instanceof ContentError) return error.problems;
		throw error;
	}
	return [];
}

describe('the question bank', () => {
	it('has about ten domains and 60 to 80 statements', () => {
		expect(bank.domains.length).toBeGreaterThanOrEqual(9);
		expect(bank.domains.length).toBeLessThanOrEqual(12);
		expect(bank.statements.length).toBeGreaterThanOrEqual(60);
		expect(bank.statements.length).toBeLessThanOrEqual(80);
	});

	it('covers the domains the product promises', () => {
		const names = bank.domains.map((d) => d.name.toLowerCase()).join(' | ');
		for (const word of [
			'role',
			'stigma',
			'training',
			'supervision',
			'duty of care',
			'recruitment',
			'team',
			'access',
			'leadership',
			'evaluation'
		]) {
			expect(names).toContain(word);
		}
	});

	it('operationalises every recommendation R1–R9 and every Kent factor with at least two statements', () => {
		for (const row of coverageTable(bank)) {
			expect(
				row.statementIds.length,
				`${row.id} is covered by ${row.statementIds.length}`
			).toBeGreaterThanOrEqual(2);
		}
	});

	it('gives every statement five level descriptions, a source and a valid domain', () => {
		for (const s of bank.statements) {
			expect(s.levels).toHaveLength(5);
			expect(s.sources.length).toBeGreaterThan(0);
			expect(bank.domains.some((d) => d.id === s.domainId)).toBe(true);
		}
	});

	it('has at least one action for every critical statement and three for every domain', () => {
		for (const s of bank.statements.filter((s) => s.critical)) {
			expect(
				bank.actions.some((a) => a.addresses.includes(s.id)),
				s.id
			).toBe(true);
		}
		for (const d of bank.domains) {
			const count = bank.actions.filter((a) =>
				a.addresses.some((id) => id.startsWith(`${d.id}-`))
			).length;
			expect(count, d.id).toBeGreaterThanOrEqual(3);
		}
	});

	it('has the decision points the evidence leaves open, each with options and evidence', () => {
		for (const id of [
			'model',
			'records',
			'cross-support',
			'peer-roles',
			'supervision',
			'posts',
			'terms'
		]) {
			const decision = bank.decisionById.get(id);
			expect(decision, id).toBeDefined();
			expect(decision!.options.length).toBeGreaterThanOrEqual(2);
		}
	});

	it('quotes Barr Table 3 word for word from the seed', () => {
		const seed = normalise(readFileSync(resolve(seedsDir, '000_90afd4adc5a96133.txt'), 'utf8'));
		expect(bank.evidence.recommendations).toHaveLength(9);
		for (const r of bank.evidence.recommendations) {
			expect(seed, r.id).toContain(normalise(r.text));
			expect(r.strength).toBe(r.text.startsWith('Consider') ? 'consider' : 'imperative');
		}
	});

	it('names a seed file and a section heading that exists in it for every source', () => {
		const seedText = new Map(
			bank.evidence.seeds.map((s) => [
				s.id,
				normalise(readFileSync(resolve(seedsDir, s.file), 'utf8')).toLowerCase()
			])
		);
		const all = [
			...bank.statements.flatMap((s) => s.sources.map((src) => ({ where: s.id, src }))),
			...bank.actions.flatMap((a) => a.sources.map((src) => ({ where: a.id, src }))),
			...bank.decisions.flatMap((d) => d.sources.map((src) => ({ where: d.id, src })))
		];
		for (const { where, src } of all) {
			const text = seedText.get(src.seed);
			expect(text, `${where}: seed ${src.seed}`).toBeDefined();
			const heading = src.section.split('›')[0]!.trim().toLowerCase();
			expect(text!.includes(heading), `${where}: "${heading}" not found in seed ${src.seed}`).toBe(
				true
			);
		}
	});

	it('leaves no placeholder unfilled under any terminology', () => {
		for (const consumerTerm of bank.terminology.consumerTerms) {
			for (const peerTerm of bank.terminology.peerTerms) {
				for (const bpdSpecific of ['yes', 'no'] as const) {
					const terms = resolveTerms(
						{ consumerTerm: consumerTerm.id, peerTerm: peerTerm.id, bpdSpecific },
						bank.terminology
					);
					const texts = [
						...bank.statements.flatMap((s) => [s.text, s.why, ...s.levels]),
						...bank.actions.flatMap((a) => [
							a.title,
							a.text,
							...(a.variants ?? []).map((v) => v.text)
						]),
						...bank.domains.map((d) => d.name)
					];
					for (const t of texts) expect(applyTerms(t, terms)).not.toMatch(/[{}]/);
				}
			}
		}
	});

	it('switches conditional statements by decision, and keeps them while the decision is open', () => {
		const gov2 = bank.statementById.get('GOV-2')!;
		expect(conditionHolds(gov2.condition, { decisions: {}, bpdSpecific: 'yes' })).toBe(true);
		expect(
			conditionHolds(gov2.condition, { decisions: { records: 'neither' }, bpdSpecific: 'yes' })
		).toBe(false);
		expect(
			conditionHolds(gov2.condition, {
				decisions: { records: 'read-and-write' },
				bpdSpecific: 'yes'
			})
		).toBe(true);
	});
});

describe('content validation rejects broken content and names the place', () => {
	it('reports a statement with a missing level description', () => {
		const problems = problemsOf(
			brokenCopy((raw) => {
				(
					raw.domains['domains/03-role.json'] as { statements: { levels: string[] }[] }
				).statements[0]!.levels.pop();
			})
		);
		expect(problems.join('\n')).toMatch(
			/domains\/03-role\.json › statements\.0\.levels: must describe all five levels/
		);
	});

	it('reports a duplicate statement id', () => {
		const problems = problemsOf(
			brokenCopy((raw) => {
				(
					raw.domains['domains/03-role.json'] as { statements: { id: string }[] }
				).statements[1]!.id = 'ROLE-1';
			})
		);
		expect(problems).toContain('duplicate statement id "ROLE-1"');
	});

	it('reports an action that addresses a statement that does not exist', () => {
		const problems = problemsOf(
			brokenCopy((raw) => {
				(raw.actions as { addresses: string[] }[])[0]!.addresses = ['NOPE-9'];
			})
		);
		expect(problems.join('\n')).toContain(
			'action A-LEAD-1 › addresses: unknown statement "NOPE-9"'
		);
	});

	it('reports a critical statement without an action', () => {
		const problems = problemsOf(
			brokenCopy((raw) => {
				raw.actions = (raw.actions as { addresses: string[] }[]).filter(
					(a) => !a.addresses.includes('GOV-1')
				);
			})
		);
		expect(problems).toContain('statement GOV-1: is critical but no action addresses it');
	});

	it('reports a condition that names an option the decision does not have', () => {
		const problems = problemsOf(
			brokenCopy((raw) => {
				const s = (
					raw.domains['domains/04-ethics.json'] as {
						statements: { condition?: { anyOf: string[] }[] }[];
					}
				).statements[1]!;
				s.condition![0]!.anyOf = ['sometimes'];
			})
		);
		expect(problems.join('\n')).toContain(
			'statement GOV-2 › condition[0]: "sometimes" is not an option of decision "records"'
		);
	});

	it('reports a source that names no seed file and an unknown placeholder', () => {
		const problems = problemsOf(
			brokenCopy((raw) => {
				const s = (
					raw.domains['domains/01-leadership.json'] as {
						statements: { text: string; sources: { seed: string }[] }[];
					}
				).statements[0]!;
				s.sources[0]!.seed = '999';
				s.text = 'Our {staff} are ready.';
			})
		);
		const joined = problems.join('\n');
		expect(joined).toMatch(
			/01-leadership\.json › statements\.0\.sources\.0\.seed: must name one of the five seed files/
		);
		expect(
			buildOrProblems(() =>
				brokenCopy((raw) => {
					(
						raw.domains['domains/01-leadership.json'] as { statements: { text: string }[] }
					).statements[0]!.text = 'Our {staff} are ready.';
				})
			)
		).toContain('statement LEAD-1 › text: unknown placeholder {staff}');
	});
});

function buildOrProblems(make: () => RawContent): string[] {
	return problemsOf(make());
}
