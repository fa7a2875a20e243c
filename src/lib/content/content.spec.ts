import { describe, expect, it } from 'vitest';
import { bank, rawContent } from './index';
import { coverageTable } from './coverage';
import { buildQuestionBank, ContentError, type RawContent } from './question-bank';
import { applyTerms, resolveTerms } from './terms';
import { conditionHolds, conditionMet } from './conditions';
import { statementWording } from './wording';
import passages from './sources/passages.json';

function problemsOf(edit: (raw: RawContent) => void): string[] {
	const copy = structuredClone(rawContent);
	edit(copy);
	try {
		buildQuestionBank(copy);
	} catch (error) {
		if (error instanceof ContentError) return error.problems;
		throw error;
	}
	return [];
}

type RawDomain = { statements: Record<string, unknown>[] };
const domainOf = (raw: RawContent, file: string) => raw.domains[`domains/${file}`] as RawDomain;

/** Every text of the bank a person reads: statements, actions, areas and decisions. */
const readerTexts = () => [
	...bank.statements.flatMap((s) => [
		s.title,
		s.text,
		s.why,
		...s.levels,
		...(s.plain ? [s.plain.text, ...s.plain.levels] : []),
		...(s.variants ?? []).map((v) => v.text)
	]),
	...bank.actions.flatMap((a) => [
		a.title,
		a.text,
		...(a.variants ?? []).flatMap((v) => [v.text, v.title ?? ''])
	]),
	...bank.domains.map((d) => d.name),
	...bank.decisions.flatMap((d) => [
		d.title,
		d.question,
		...d.options.flatMap((o) => [o.label, o.evidence ?? ''])
	])
];

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
		])
			expect(names).toContain(word);
	});

	it('operationalises every recommendation R1–R9 and every Kent factor with at least two statements', () => {
		for (const row of coverageTable(bank))
			expect(
				row.statements.length,
				`${row.key} is covered by ${row.statements.length}`
			).toBeGreaterThanOrEqual(2);
	});

	it('doubles the weight only for a tight link to an imperative recommendation, and says why', () => {
		const imperative = new Set(
			bank.evidence.recommendations.filter((r) => r.strength === 'imperative').map((r) => r.id)
		);
		const doubled = bank.statements.filter((s) => s.imperative);
		expect(doubled.length).toBeGreaterThan(10);
		for (const s of doubled) {
			expect(imperative.has(s.imperative!.recommendation), s.id).toBe(true);
			expect(s.imperative!.reason.length, s.id).toBeGreaterThan(20);
		}
		// The eight links the content review found loose no longer count double.
		for (const id of ['LEAD-4', 'LEAD-5', 'GOV-4', 'HR-3', 'HR-7', 'TEAM-1', 'ACCESS-7', 'EVAL-5'])
			expect(bank.statementById.get(id)!.imperative, id).toBeUndefined();
	});

	it('offers "considered, and decided not to" only on statements built on a "Consider" recommendation', () => {
		const consider = new Set(
			bank.evidence.recommendations.filter((r) => r.strength === 'consider').map((r) => r.id)
		);
		const declinable = bank.statements.filter((s) => s.allowDeclined);
		expect(declinable.map((s) => s.id)).toEqual(
			expect.arrayContaining([
				'ACCESS-1',
				'ACCESS-2',
				'ACCESS-3',
				'ACCESS-4',
				'ACCESS-5',
				'ACCESS-6',
				'TEAM-2'
			])
		);
		for (const s of declinable) {
			expect(
				s.recommendations.some((r) => consider.has(r)),
				s.id
			).toBe(true);
			expect(s.critical, s.id).toBe(false);
		}
	});

	it('marks the statements only people with lived experience can judge, culture and equality among them', () => {
		const lived = bank.statements.filter((s) => s.rateWithLivedExperience).map((s) => s.id);
		expect(lived).toEqual(
			expect.arrayContaining(['CULT-3', 'CULT-6', 'CULT-7', 'TEAM-3', 'TEAM-4', 'SUPP-5', 'LEAD-1'])
		);
	});

	it('makes the distinctiveness guard and the carer-peer foundations critical', () => {
		for (const id of ['ROLE-9', 'ROLE-5', 'HR-9', 'EVAL-1'])
			expect(bank.statementById.get(id)!.critical, id).toBe(true);
		expect(
			conditionMet(bank.statementById.get('SUPP-3')!.criticalWhen, {
				decisions: { posts: 'single' },
				bpdSpecific: undefined
			})
		).toBe(true);
		expect(
			conditionMet(bank.statementById.get('SUPP-3')!.criticalWhen, {
				decisions: {},
				bpdSpecific: undefined
			})
		).toBe(false);
	});

	it('writes every level 3 so it can be true before the first peer worker starts', () => {
		// "in post", "have moved", "each {peer} has": wording of peers already employed.
		const postHire =
			/\bin post\b|\{[Pp]eers\} (have|are asked|know|confirm|say)|[Ee]very \{peer\} (completes|has)|[Ee]ach \{peer\} has/;
		for (const s of bank.statements) expect(s.levels[3], s.id).not.toMatch(postHire);
	});

	it('gives every statement a title, five levels, a source, roles that can judge it and a valid domain', () => {
		for (const s of bank.statements) {
			expect(s.title.length).toBeGreaterThan(3);
			expect(s.levels).toHaveLength(5);
			expect(s.sources.length).toBeGreaterThan(0);
			expect(s.judgedBy.length).toBeGreaterThan(0);
			expect(bank.domains.some((d) => d.id === s.domainId)).toBe(true);
		}
	});

	it('gives consumers and carers a short set of about 15 to 20 statements in plain words', () => {
		for (const role of ['consumer', 'carer'] as const) {
			const set = bank.statements.filter((s) => s.judgedBy.includes(role));
			expect(set.length, role).toBeGreaterThanOrEqual(14);
			expect(set.length, role).toBeLessThanOrEqual(20);
			for (const s of set) expect(s.plain, s.id).toBeDefined();
		}
	});

	it('has at least one action for every critical statement and three for every domain', () => {
		for (const s of bank.statements.filter((s) => s.critical || s.criticalWhen))
			expect(
				bank.actions.some((a) => a.addresses.includes(s.id)),
				s.id
			).toBe(true);
		for (const d of bank.domains) {
			const count = bank.actions.filter((a) =>
				a.addresses.some((id) => id.startsWith(`${d.id}-`))
			).length;
			expect(count, d.id).toBeGreaterThanOrEqual(2);
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
			'terms',
			'lived-experience-sought',
			'employer'
		]) {
			const decision = bank.decisionById.get(id);
			expect(decision, id).toBeDefined();
			expect(decision!.options.length).toBeGreaterThanOrEqual(2);
		}
	});

	it('lets the model decision reword ROLE-4, so no statement asks to decide what is already decided', () => {
		const role4 = bank.statementById.get('ROLE-4')!;
		const terms = resolveTerms(
			{ consumerTerm: 'consumer', peerTerm: 'peer-worker' },
			bank.terminology
		);
		const open = statementWording(role4, { decisions: {}, bpdSpecific: undefined }, terms);
		const chosen = statementWording(
			role4,
			{ decisions: { model: 'integrated' }, bpdSpecific: undefined },
			terms
		);
		expect(open.text).toMatch(/We have decided whether/);
		expect(chosen.text).toMatch(/Our choice of an integrated model/);
		expect(chosen.levels[0]).not.toMatch(/not been considered/);
	});

	it('records which statements changed meaning in this version, and what was removed', () => {
		const latest = bank.changes.at(-1)!;
		expect(latest.version).toBe(bank.version);
		expect(latest.rerate.map((r) => r.id)).toEqual(
			expect.arrayContaining(['HR-1', 'TRAIN-1', 'SUPP-1', 'ROLE-1'])
		);
		expect(latest.removed).toEqual([
			expect.objectContaining({ id: 'TEAM-5', replacedBy: 'ROLE-9' })
		]);
	});

	it('leaves no placeholder unfilled under any terminology', () => {
		for (const consumerTerm of bank.terminology.consumerTerms)
			for (const peerTerm of bank.terminology.peerTerms)
				for (const bpdSpecific of ['yes', 'no', undefined] as const) {
					const terms = resolveTerms(
						{ consumerTerm: consumerTerm.id, peerTerm: peerTerm.id, bpdSpecific },
						bank.terminology
					);
					for (const t of readerTexts()) expect(applyTerms(t, terms)).not.toMatch(/[{}]/);
				}
	});

	it('speaks to its readers, not its authors: no "seed", the team\u2019s word for a source document', () => {
		const texts = readerTexts();
		expect(texts.length).toBeGreaterThan(300);
		expect(texts.filter((t) => /\bseeds?\b/i.test(t))).toEqual([]);
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

describe('the evidence the content cites', () => {
	it('quotes Barr Table 3 word for word, as the committed passages record it', () => {
		expect(bank.evidence.recommendations).toHaveLength(9);
		expect(bank.evidence.recommendations.map((r) => ({ id: r.id, text: r.text }))).toEqual(
			passages.table3.recommendations
		);
		for (const r of bank.evidence.recommendations)
			expect(r.strength, r.id).toBe(r.text.startsWith('Consider') ? 'consider' : 'imperative');
	});

	it('cites only sections recorded in the committed passages (re-run scripts/extract-passages.mjs after citing a new one)', () => {
		const cited = [
			...bank.statements.flatMap((s) => s.sources.map((src) => ({ where: s.id, src }))),
			...bank.actions.flatMap((a) => a.sources.map((src) => ({ where: a.id, src }))),
			...bank.decisions.flatMap((d) => d.sources.map((src) => ({ where: d.id, src })))
		];
		for (const { where, src } of cited)
			expect(passages.seeds[src.seed].sections, `${where}: ${src.seed} "${src.section}"`).toContain(
				src.section
			);
	});
});

describe('content validation rejects broken content and names the place', () => {
	it('reports a statement with a missing level description', () => {
		const problems = problemsOf((raw) =>
			(domainOf(raw, '03-role.json').statements[0]!.levels as string[]).pop()
		);
		expect(problems.join('\n')).toMatch(
			/domains\/03-role\.json › statements\.0\.levels: must describe all five levels/
		);
	});

	it('reports a duplicate statement id', () => {
		expect(
			problemsOf((raw) => (domainOf(raw, '03-role.json').statements[1]!.id = 'ROLE-1'))
		).toContain('duplicate statement id "ROLE-1"');
	});

	it('reports an action that addresses a statement that does not exist', () => {
		const problems = problemsOf(
			(raw) => ((raw.actions as { addresses: string[] }[])[0]!.addresses = ['NOPE-9'])
		);
		expect(problems.join('\n')).toContain(
			'action A-LEAD-1 › addresses: unknown statement "NOPE-9"'
		);
	});

	it('reports a critical statement without an action', () => {
		const problems = problemsOf(
			(raw) =>
				(raw.actions = (raw.actions as { addresses: string[] }[]).filter(
					(a) => !a.addresses.includes('GOV-1')
				))
		);
		expect(problems).toContain('statement GOV-1: is critical but no action addresses it');
	});

	it('reports a condition that names an option the decision does not have', () => {
		const problems = problemsOf(
			(raw) =>
				((
					domainOf(raw, '04-ethics.json').statements[1]!.condition as { anyOf: string[] }[]
				)[0]!.anyOf = ['sometimes'])
		);
		expect(problems.join('\n')).toContain(
			'statement GOV-2 › condition[0]: "sometimes" is not an option of decision "records"'
		);
	});

	it('reports a double weight claimed from a "Consider" recommendation', () => {
		const problems = problemsOf((raw) => {
			const s = domainOf(raw, '09-access.json').statements[0]!;
			s.imperative = { recommendation: 'R5', reason: 'Because it seems important to us here.' };
		});
		expect(problems).toContain(
			'statement ACCESS-1 › imperative: R5 is worded "Consider", so it cannot double the weight'
		);
	});

	it('reports plain wording missing for a statement consumers judge', () => {
		const problems = problemsOf(
			(raw) => delete domainOf(raw, '09-access.json').statements[0]!.plain
		);
		expect(problems).toContain(
			'statement ACCESS-1 › plain: consumers or carers judge it, so give plain wording for them'
		);
	});

	it('reports a re-rate entry for a statement that does not exist', () => {
		const problems = problemsOf((raw) =>
			(raw.changes as { rerate: { id: string; why: string }[] }[])[0]!.rerate.push({
				id: 'GONE-1',
				why: 'x'
			})
		);
		expect(problems.join('\n')).toContain('rerate: unknown statement "GONE-1"');
	});

	it('reports a source that names no seed file, and an unknown placeholder', () => {
		const problems = problemsOf((raw) => {
			const s = domainOf(raw, '01-leadership.json').statements[0]!;
			(s.sources as { seed: string }[])[0]!.seed = '999';
		});
		expect(problems.join('\n')).toMatch(
			/01-leadership\.json › statements\.0\.sources\.0\.seed: must name one of the five seed files/
		);
		expect(
			problemsOf(
				(raw) =>
					(domainOf(raw, '01-leadership.json').statements[0]!.text = 'Our {staff} are ready.')
			)
		).toContain('statement LEAD-1 › text: unknown placeholder {staff}');
	});
});
