import {
	TIMEFRAMES,
	type CustomAction,
	type Plan,
	type PlanEdit,
	type PlanStatus,
	type Timeframe
} from '$lib/model/assessment';
import type { PlanItem } from '$lib/scoring';

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
	/** Rank by priority among generated actions; null for the user's own. */
	rank: number | null;
	priority: number | null;
	timeframe: Timeframe;
	reasons: string[];
	why: string;
	sources: PlanItem['sources'];
	statementIds: string[];
	edited: boolean;
}

/** Actions added by the user without a timeframe sit with the 3-month work. */
const DEFAULT_CUSTOM_TIMEFRAME: Timeframe = 'within-3-months';

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
		rank: item.rank,
		priority: item.priority,
		timeframe: item.timeframe,
		reasons: item.reasons,
		why: item.why,
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
		rank: null,
		priority: null,
		timeframe: action.timeframe ?? DEFAULT_CUSTOM_TIMEFRAME,
		reasons: ['Added by you.'],
		why: 'Added by you.',
		sources: [],
		statementIds: [],
		edited: false
	};
}

const groupIndex = (t: Timeframe) => TIMEFRAMES.findIndex((x) => x.id === t);

/**
 * The plan as shown: generated items (minus removed ones) with edits applied, plus the user's own,
 * grouped by timeframe; within a group, the user's chosen order first, then priority.
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
	const position = new Map(plan.order.map((key, i) => [key, i]));
	const rows = all
		.filter((r) => r.custom || !plan.edits[r.key]?.removed)
		.map((row, i) => ({ row, i }))
		.sort((a, b) => {
			const group = groupIndex(a.row.timeframe) - groupIndex(b.row.timeframe);
			if (group !== 0) return group;
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

/** The rows grouped by timeframe, for the plan page and the report. */
export function byTimeframe(
	rows: PlanRow[]
): { timeframe: Timeframe; label: string; rows: PlanRow[] }[] {
	return TIMEFRAMES.map((t) => ({
		timeframe: t.id,
		label: t.label,
		rows: rows.filter((r) => r.timeframe === t.id)
	})).filter((g) => g.rows.length > 0);
}

/** The first open actions in plan order: what to do on Monday. */
export function nextSteps(rows: PlanRow[], count = 3): PlanRow[] {
	// Three steps that each move something new: a second action for a statement already covered
	// waits until nothing else is left.
	const picked: PlanRow[] = [];
	const waiting: PlanRow[] = [];
	const covered = new Set<string>();
	for (const row of rows) {
		if (row.status === 'done') continue;
		if (row.statementIds.length > 0 && row.statementIds.every((id) => covered.has(id)))
			waiting.push(row);
		else {
			picked.push(row);
			for (const id of row.statementIds) covered.add(id);
		}
		if (picked.length === count) break;
	}
	return [...picked, ...waiting].slice(0, count);
}

/**
 * The full order after moving one row within its timeframe group: up, down, or to the top of the
 * group. Returned as every visible key, so the stored order is complete.
 */
export function moveKey(rows: PlanRow[], key: string, move: 'up' | 'down' | 'top'): string[] {
	const keys = rows.map((r) => r.key);
	const index = keys.indexOf(key);
	if (index < 0) return keys;
	const group = rows
		.map((r, i) => ({ r, i }))
		.filter(({ r }) => r.timeframe === rows[index]!.timeframe);
	const inGroup = group.findIndex(({ i }) => i === index);
	const targetInGroup = move === 'top' ? 0 : move === 'up' ? inGroup - 1 : inGroup + 1;
	if (targetInGroup < 0 || targetInGroup >= group.length || targetInGroup === inGroup) return keys;
	const next = [...keys];
	next.splice(index, 1);
	next.splice(group[targetInGroup]!.i, 0, key);
	return next;
}
