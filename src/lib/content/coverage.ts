import type { QuestionBank } from './question-bank';

export interface CoverageRow {
	kind: 'recommendation' | 'kent';
	id: string;
	label: string;
	statementIds: string[];
}

/** Which statements put each recommendation and Kent factor into practice, derived from the statements. */
export function coverageTable(bank: QuestionBank): CoverageRow[] {
	const rec = bank.evidence.recommendations.map((r) => ({
		kind: 'recommendation' as const,
		id: r.id,
		label: r.text,
		statementIds: bank.statements.filter((s) => s.recommendations.includes(r.id)).map((s) => s.id)
	}));
	const kent = bank.evidence.kentFactors.map((k) => ({
		kind: 'kent' as const,
		id: k.id,
		label: k.name,
		statementIds: bank.statements.filter((s) => s.kentFactors.includes(k.id)).map((s) => s.id)
	}));
	return [...rec, ...kent];
}
