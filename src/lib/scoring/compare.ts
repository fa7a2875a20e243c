import type { Rating } from '$lib/assessment/types';
import type { ScoringResult } from './types';

export interface DomainChange {
	id: string;
	name: string;
	earlier: number | null;
	now: number | null;
	/** Null when either side has too little evidence to compare. */
	change: number | null;
}

export interface StatementChange {
	id: string;
	text: string;
	earlier: Rating | undefined;
	now: Rating | undefined;
	direction: 'up' | 'down' | 'changed';
}

export interface Comparison {
	stage: { earlier: string; now: string; changed: boolean };
	domains: DomainChange[];
	moved: StatementChange[];
	blockersCleared: string[];
	blockersNew: string[];
}

const numeric = (r: Rating | undefined) => (typeof r === 'number' ? r : null);

/** What moved between an earlier result and the current one: pure, from the two results alone. */
export function compareResults(earlier: ScoringResult, now: ScoringResult): Comparison {
	const earlierStatements = new Map(
		earlier.domains.flatMap((d) => d.statements).map((s) => [s.id, s])
	);
	const moved: StatementChange[] = [];
	for (const s of now.domains.flatMap((d) => d.statements)) {
		const before = earlierStatements.get(s.id);
		if (!before || before.rating === s.rating) continue;
		const a = numeric(before.rating);
		const b = numeric(s.rating);
		moved.push({
			id: s.id,
			text: s.text,
			earlier: before.rating,
			now: s.rating,
			direction: a !== null && b !== null ? (b > a ? 'up' : 'down') : 'changed'
		});
	}
	const earlierDomains = new Map(earlier.domains.map((d) => [d.id, d]));
	const earlierBlockers = new Set(earlier.blockers.map((b) => b.statementId));
	const nowBlockers = new Set(now.blockers.map((b) => b.statementId));
	return {
		stage: {
			earlier: earlier.stage.label,
			now: now.stage.label,
			changed: earlier.stage.id !== now.stage.id
		},
		domains: now.domains.map((d) => {
			const e = earlierDomains.get(d.id)?.score ?? null;
			return {
				id: d.id,
				name: d.name,
				earlier: e,
				now: d.score,
				change: e !== null && d.score !== null ? Math.round((d.score - e) * 10) / 10 : null
			};
		}),
		moved,
		blockersCleared: [...earlierBlockers].filter((id) => !nowBlockers.has(id)),
		blockersNew: [...nowBlockers].filter((id) => !earlierBlockers.has(id))
	};
}
