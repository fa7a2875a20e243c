import type { Rating } from '$lib/model/assessment';
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
	title: string;
	text: string;
	earlier: Rating | undefined;
	now: Rating | undefined;
	direction: 'up' | 'down' | 'changed';
}

export interface Comparison {
	stage: { earlier: string; now: string; changed: boolean };
	domains: DomainChange[];
	moved: StatementChange[];
	/** Titles of critical statements in place now that were not before, and the reverse. */
	blockersCleared: string[];
	blockersNew: string[];
	/** Titles of statements reworded between the two, which are not compared. */
	reworded: string[];
}

const numeric = (r: Rating | undefined) => (typeof r === 'number' ? r : null);

/** What moved between an earlier result and the current one: pure, from the two results alone. */
export function compareResults(earlier: ScoringResult, now: ScoringResult): Comparison {
	const earlierStatements = new Map(
		earlier.domains.flatMap((d) => d.statements).map((s) => [s.id, s])
	);
	const moved: StatementChange[] = [];
	const reworded: string[] = [];
	for (const s of now.domains.flatMap((d) => d.statements)) {
		const before = earlierStatements.get(s.id);
		if (before?.issue === 'rerate' || s.issue === 'rerate') {
			reworded.push(s.title);
			continue;
		}
		if (!before || before.rating === s.rating) continue;
		const a = numeric(before.rating);
		const b = numeric(s.rating);
		moved.push({
			id: s.id,
			title: s.title,
			text: s.text,
			earlier: before.rating,
			now: s.rating,
			direction: a !== null && b !== null ? (b > a ? 'up' : 'down') : 'changed'
		});
	}
	const earlierDomains = new Map(earlier.domains.map((d) => [d.id, d]));
	const earlierBlockers = new Map(earlier.blockers.map((b) => [b.statementId, b.title]));
	const nowBlockers = new Map(now.blockers.map((b) => [b.statementId, b.title]));
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
				change: e !== null && d.score !== null ? d.score - e : null
			};
		}),
		moved,
		blockersCleared: [...earlierBlockers].filter(([id]) => !nowBlockers.has(id)).map(([, t]) => t),
		blockersNew: [...nowBlockers].filter(([id]) => !earlierBlockers.has(id)).map(([, t]) => t),
		reworded
	};
}
