import type { QuestionBank } from './question-bank';

export interface CoverageRow {
	key: string;
	source: string;
	strength: string;
	statements: { id: string; title: string; critical: boolean; doubled: boolean }[];
}

/** Which statements put each recommendation and Kent factor into practice, derived from the statements. */
export function coverageTable(bank: QuestionBank): CoverageRow[] {
	const of = (match: (s: QuestionBank['statements'][number]) => boolean) =>
		bank.statements.filter(match).map((s) => ({
			id: s.id,
			title: s.title,
			critical: s.critical || !!s.criticalWhen,
			doubled: !!s.imperative
		}));
	return [
		...bank.evidence.recommendations.map((r) => ({
			key: `recommendation:${r.id}`,
			source: `Barr ${r.id}`,
			strength: r.strength === 'imperative' ? 'worded as an instruction' : 'worded "Consider"',
			statements: of((s) => s.recommendations.includes(r.id))
		})),
		...bank.evidence.kentFactors.map((k) => ({
			key: `kent:${k.id}`,
			source: `Kent: ${k.name}`,
			strength: 'factor',
			statements: of((s) => s.kentFactors.includes(k.id))
		}))
	];
}
