import type { PlanItem } from '$lib/scoring';
import type { CustomAction, Plan, PlanEdit, PlanStatus } from './types';

/** One row of the plan the user sees: the generated action with their edits laid over it, or their own action. */
export interface PlanRow {
	key: string;
	custom: boolean;
	kind: PlanItem['kind'] | 'custom';
	title: string;
	text: string;
	owner: string;
	due: string;
	status: PlanStatus;
	top: boolean;
	rank: number | null;
	priority: number | null;
	timeframe: PlanItem['timeframe'] | null;
	reasons: string[];
	sources: PlanItem['sources'];
	statementIds: string[];
	edited: boolean;
}

function fromGenerated(item: PlanItem, edit: PlanEdit | undefined): PlanRow {
	return {
		key: item.key,
		custom: false,
		kind: item.kind,
		title: edit?.title ?? item.title,
		text: edit?.text ?? item.text,
		owner: edit?.owner ?? '',
		due: edit?.due ?? '',
		status: edit?.status ?? 'not-started',
		top: item.top,
		rank: item.rank,
		priority: item.priority,
		timeframe: item.timeframe,
		reasons: item.reasons,
		sources: item.sources,
		statementIds: item.statementIds,
		edited: edit?.title !== undefined || edit?.text !== undefined
	};
}

function fromCustom(action: CustomAction): PlanRow {
	return {
		key: action.id,
		custom: true,
		kind: 'custom',
		title: action.title,
		text: action.text,
		owner: action.owner,
		due: action.due,
		status: action.status,
		top: false,
		rank: null,
		priority: null,
		timeframe: null,
		reasons: ['Added by you'],
		sources: [],
		statementIds: [],
		edited: false
	};
}

/**
 * The plan as shown: generated items (minus removed ones) with edits applied, plus custom actions,
 * in the user's order where they set one and priority order otherwise.
 */
export function planRows(
	generated: PlanItem[],
	plan: Plan
): { rows: PlanRow[]; removed: PlanRow[] } {
	const all = [
		...generated.map((item) => fromGenerated(item, plan.edits[item.key])),
		...plan.custom.map(fromCustom)
	];
	const removed = all.filter((r) => !r.custom && plan.edits[r.key]?.removed);
	const visible = all.filter((r) => r.custom || !plan.edits[r.key]?.removed);
	const position = new Map(plan.order.map((key, i) => [key, i]));
	const rows = visible
		.map((row, i) => ({ row, i }))
		.sort((a, b) => {
			const pa = position.get(a.row.key);
			const pb = position.get(b.row.key);
			if (pa !== undefined && pb !== undefined) return pa - pb;
			if (pa !== undefined) return -1;
			if (pb !== undefined) return 1;
			return a.i - b.i;
		})
		.map(({ row }) => row);
	return { rows, removed };
}

/** The order after moving one row up or down, as the full list of keys to store. */
export function moveKey(keys: string[], key: string, direction: -1 | 1): string[] {
	const index = keys.indexOf(key);
	const target = index + direction;
	if (index < 0 || target < 0 || target >= keys.length) return keys;
	const next = [...keys];
	[next[index], next[target]] = [next[target]!, next[index]!];
	return next;
}
