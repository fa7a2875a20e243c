import { conditionContextOf, conditionHolds } from '$lib/content/conditions';
import type { QuestionBank } from '$lib/content/question-bank';
import { isLevel, type Profile, type Rating } from '$lib/model/assessment';
import {
	isLivedExperienceRole,
	roleLabel,
	type WorkshopResponse,
	type WorkshopRole
} from '$lib/model/workshop';
import { byCodeUnits } from '$lib/model/order';
import { counted } from '$lib/format/counts';

/** No view is ever shown for fewer people than this: a lone voice's ratings stay anonymous. */
export const MIN_GROUP_SIZE = 3;
export const HOTSPOT_THRESHOLD = 2;
export const MAX_HOTSPOTS = 12;

export type GroupId = WorkshopRole | 'lived-experience' | 'staff';

export interface Group {
	id: GroupId;
	label: string;
	people: number;
}

export interface GroupView {
	group: GroupId;
	/** How many ratings the median rests on. */
	n: number;
	median: number | null;
}

export interface StatementSpread {
	id: string;
	domainId: string;
	rated: number;
	dontKnow: number;
	/** People who said the organisation considered this and decided not to. */
	declined: number;
	unanswered: number;
	/** How many participants chose each level 0–4: the anonymous dot plot. */
	levels: [number, number, number, number, number];
	median: number | null;
	min: number | null;
	max: number | null;
	/** Highest minus lowest level given (0–4). */
	spread: number;
	/** Views of the groups that may be shown (never a group of fewer than three people). */
	byGroup: GroupView[];
	groupGap: { size: number; high: GroupId; low: GroupId } | null;
	/** How many people with lived experience rated it: their view is in the room. */
	livedExperienceRated: number;
}

export interface DomainGroupView {
	domainId: string;
	name: string;
	byGroup: GroupView[];
}

export interface WorkshopPicture {
	participants: number;
	roleCounts: { role: WorkshopRole; count: number }[];
	/** How views are broken down: by role when every role has three or more people, otherwise lived experience vs staff. */
	breakdown: 'by-role' | 'lived-experience-vs-staff' | 'none';
	groups: Group[];
	warnings: string[];
	statements: StatementSpread[];
	domains: DomainGroupView[];
	/** Statements to discuss first: widest gap between groups, then widest spread. */
	hotspots: StatementSpread[];
	/** Likely duplicate responses, for the facilitator to check. */
	duplicates: { responseIds: string[]; reason: string }[];
	/** Answers not counted because the statement was reworded since they were given. */
	outdatedAnswers: number;
}

/** A level or median for display: whole numbers as they are, halves with one decimal, none as a dash. */
export function formatLevel(n: number | null): string {
	return n === null ? '–' : Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Decides which groups may be shown. Roles are shown separately only when every role taking part has
 * at least three people; otherwise the only comparison is people with lived experience against staff,
 * each shown only with three or more, so no lone person's ratings can be picked out (even by subtraction).
 */
export function visibleGroups(responses: readonly WorkshopResponse[]): {
	breakdown: WorkshopPicture['breakdown'];
	groups: Group[];
	memberOf: (role: WorkshopRole) => GroupId | null;
	warnings: string[];
	roleCounts: WorkshopPicture['roleCounts'];
} {
	const counts = new Map<WorkshopRole, number>();
	for (const r of responses) counts.set(r.role, (counts.get(r.role) ?? 0) + 1);
	const roleCounts = [...counts.entries()].map(([role, count]) => ({ role, count }));
	const warnings = roleCounts
		.filter((r) => r.count < MIN_GROUP_SIZE)
		.map(
			(r) =>
				`${r.count === 1 ? 'Only one person' : `Only ${r.count} people`} in the role "${roleLabel(r.role)}": their ratings are never shown by role, here, on the projector or in the report. They count in every median and in the anonymous dot plots.`
		);
	if (roleCounts.length > 1 && roleCounts.every((r) => r.count >= MIN_GROUP_SIZE))
		return {
			breakdown: 'by-role',
			groups: roleCounts.map((r) => ({ id: r.role, label: roleLabel(r.role), people: r.count })),
			memberOf: (role) => role,
			warnings,
			roleCounts
		};
	const lived = responses.filter((r) => isLivedExperienceRole(r.role)).length;
	const staff = responses.length - lived;
	const groups: Group[] = [];
	if (lived >= MIN_GROUP_SIZE)
		groups.push({ id: 'lived-experience', label: 'People with lived experience', people: lived });
	if (staff >= MIN_GROUP_SIZE) groups.push({ id: 'staff', label: 'Staff', people: staff });
	if (groups.length < 2 && roleCounts.length > 1)
		warnings.push(
			`Fewer than three people ${lived < MIN_GROUP_SIZE ? 'with lived experience' : 'on the staff side'} have answered, so no comparison between groups is shown.`
		);
	return {
		breakdown: groups.length === 2 ? 'lived-experience-vs-staff' : 'none',
		groups: groups.length === 2 ? groups : [],
		memberOf: (role) => (isLivedExperienceRole(role) ? 'lived-experience' : 'staff'),
		warnings,
		roleCounts
	};
}

/** The statements whose ratings in this response were given to an earlier wording, and so do not count. */
function outdatedIn(
	response: WorkshopResponse,
	bank: Pick<QuestionBank, 'version' | 'changes'>
): Set<string> {
	if (response.contentVersion === bank.version) return new Set();
	const start = bank.changes.findIndex((c) => c.from === response.contentVersion);
	return new Set(
		bank.changes.slice(start < 0 ? 0 : start).flatMap((c) => c.rerate.map((r) => r.id))
	);
}

/** Likely duplicates: the same answers from the same role, or the same name and role. */
export function likelyDuplicates(
	responses: readonly WorkshopResponse[]
): WorkshopPicture['duplicates'] {
	const found: WorkshopPicture['duplicates'] = [];
	const byKey = (key: (r: WorkshopResponse) => string | null, reason: (n: number) => string) => {
		const groups = new Map<string, string[]>();
		for (const r of responses) {
			const k = key(r);
			if (k) groups.set(k, [...(groups.get(k) ?? []), r.responseId]);
		}
		for (const ids of groups.values())
			if (ids.length > 1) found.push({ responseIds: ids, reason: reason(ids.length) });
	};
	byKey(
		(r) =>
			Object.keys(r.answers).length
				? `${r.role}|${JSON.stringify(Object.entries(r.answers).sort())}`
				: null,
		(n) => `${n} responses from the same role have identical answers.`
	);
	byKey(
		(r) => (r.name.trim() ? `${r.role}|${r.name.trim().toLowerCase()}` : null),
		(n) => `${n} responses share the same name and role.`
	);
	return found;
}

/** The disagreement picture: spread, medians, the views of groups that may be shown, gaps and hotspots. Pure. */
export function aggregate(
	responses: readonly WorkshopResponse[],
	profile: Pick<Profile, 'bpdSpecific'>,
	decisions: Record<string, string>,
	bank: QuestionBank,
	domainName: (domainId: string) => string = (id) => bank.domains.find((d) => d.id === id)!.name
): WorkshopPicture {
	const { breakdown, groups, memberOf, warnings, roleCounts } = visibleGroups(responses);
	const context = conditionContextOf({ profile, decisions });
	let outdatedAnswers = 0;
	const usable = responses.map((r) => {
		const outdated = outdatedIn(r, bank);
		const answers: Record<string, Rating | undefined> = {};
		for (const [id, a] of Object.entries(r.answers)) {
			if (outdated.has(id)) outdatedAnswers++;
			else answers[id] = a.rating;
		}
		return { role: r.role, answers };
	});

	const viewsOf = (values: { role: WorkshopRole; level: number }[]): GroupView[] =>
		groups.map((g) => {
			const mine = values.filter((x) => memberOf(x.role) === g.id).map((x) => x.level);
			return { group: g.id, n: mine.length, median: median(mine) };
		});

	const statements: StatementSpread[] = bank.statements
		.filter((s) => conditionHolds(s.condition, context))
		.map((s) => {
			const levels: [number, number, number, number, number] = [0, 0, 0, 0, 0];
			const values: { role: WorkshopRole; level: number }[] = [];
			let dontKnow = 0;
			let declined = 0;
			let unanswered = 0;
			for (const r of usable) {
				const rating = r.answers[s.id];
				if (isLevel(rating)) {
					levels[rating]++;
					values.push({ role: r.role, level: rating });
				} else if (rating === 'dont-know') dontKnow++;
				else if (rating === 'declined') declined++;
				else if (rating === undefined) unanswered++;
			}
			const byGroup = viewsOf(values);
			const withMedian = byGroup.filter(
				(v): v is GroupView & { median: number } => v.median !== null
			);
			let groupGap: StatementSpread['groupGap'] = null;
			if (withMedian.length >= 2) {
				const high = withMedian.reduce((a, b) => (b.median > a.median ? b : a));
				const low = withMedian.reduce((a, b) => (b.median < a.median ? b : a));
				groupGap = { size: high.median - low.median, high: high.group, low: low.group };
			}
			const all = values.map((v) => v.level);
			const min = all.length ? Math.min(...all) : null;
			const max = all.length ? Math.max(...all) : null;
			return {
				id: s.id,
				domainId: s.domainId,
				rated: all.length,
				dontKnow,
				declined,
				unanswered,
				levels,
				median: median(all),
				min,
				max,
				spread: min === null || max === null ? 0 : max - min,
				byGroup,
				groupGap,
				livedExperienceRated: values.filter((v) => isLivedExperienceRole(v.role)).length
			};
		});

	const domains: DomainGroupView[] = bank.domains.map((d) => {
		const ratings: { role: WorkshopRole; level: number }[] = [];
		for (const s of statements.filter((x) => x.domainId === d.id))
			for (const r of usable) {
				const rating = r.answers[s.id];
				if (isLevel(rating)) ratings.push({ role: r.role, level: rating });
			}
		return { domainId: d.id, name: domainName(d.id), byGroup: viewsOf(ratings) };
	});

	const hotspots = statements
		.filter((s) => (s.groupGap?.size ?? 0) >= HOTSPOT_THRESHOLD || s.spread >= HOTSPOT_THRESHOLD)
		.sort(
			(a, b) =>
				(b.groupGap?.size ?? 0) - (a.groupGap?.size ?? 0) ||
				b.spread - a.spread ||
				byCodeUnits(a.id, b.id)
		)
		.slice(0, MAX_HOTSPOTS);

	if (outdatedAnswers)
		warnings.push(
			`${counted(outdatedAnswers, 'answer')} were given to statements reworded since, and are not counted.`
		);

	return {
		participants: responses.length,
		roleCounts,
		breakdown,
		groups,
		warnings,
		statements,
		domains,
		hotspots,
		duplicates: likelyDuplicates(responses),
		outdatedAnswers
	};
}

export function groupLabel(picture: Pick<WorkshopPicture, 'groups'>, id: GroupId): string {
	return picture.groups.find((g) => g.id === id)?.label ?? id;
}

/** Who took part, in words that never reveal a lone person's role. */
export function participantsSummary(picture: WorkshopPicture): string {
	if (picture.participants === 0) return 'No one has answered yet.';
	const shown = picture.roleCounts
		.filter((r) => r.count >= MIN_GROUP_SIZE)
		.map((r) => `${r.count} ${roleLabel(r.role).toLowerCase()}`);
	const other = picture.roleCounts
		.filter((r) => r.count < MIN_GROUP_SIZE)
		.reduce((n, r) => n + r.count, 0);
	if (shown.length === 0)
		return `${counted(picture.participants, 'participant')} from ${counted(picture.roleCounts.length, 'role')}. Roles with fewer than three people are not named.`;
	const parts = [...shown];
	if (other) parts.push(`${other} from roles with fewer than three people, not named`);
	return `${counted(picture.participants, 'participant')}: ${parts.join('; ')}.`;
}
