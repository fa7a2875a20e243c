import type { QuestionBank } from '$lib/content/question-bank';
import { conditionHolds } from '$lib/content/conditions';
import { scoreAssessment } from '$lib/scoring';
import type { Profile } from '$lib/assessment/types';
import type { Workshop, WorkshopResponse, WorkshopRole } from './types';

export interface MergeOutcome {
	workshop: Workshop;
	added: WorkshopResponse[];
	refused: { responseId: string; reason: string }[];
}

const byArrival = (a: WorkshopResponse, b: WorkshopResponse) =>
	a.submittedAt.localeCompare(b.submittedAt) || a.responseId.localeCompare(b.responseId);

/**
 * Adds returned answers to a workshop. Answers from another workshop, duplicates and roles that are
 * not taking part are refused with a reason; accepted answers are stored exactly as received.
 * The result does not depend on the order answers arrive in.
 */
export function mergeResponses(workshop: Workshop, incoming: WorkshopResponse[]): MergeOutcome {
	const known = new Map(workshop.responses.map((r) => [r.responseId, r]));
	const added: WorkshopResponse[] = [];
	const refused: MergeOutcome['refused'] = [];
	for (const response of [...incoming].sort(byArrival)) {
		if (response.workshopId !== workshop.id) {
			refused.push({
				responseId: response.responseId,
				reason: 'These answers belong to a different workshop.'
			});
		} else if (known.has(response.responseId)) {
			refused.push({
				responseId: response.responseId,
				reason: 'These answers have already been added.'
			});
		} else if (!workshop.roles.includes(response.role)) {
			refused.push({
				responseId: response.responseId,
				reason: `The role "${response.role}" is not taking part in this workshop.`
			});
		} else {
			known.set(response.responseId, response);
			added.push(response);
		}
	}
	return {
		workshop: { ...workshop, responses: [...known.values()].sort(byArrival) },
		added,
		refused
	};
}

export interface RoleView {
	role: WorkshopRole;
	rated: number;
	median: number | null;
}

export interface StatementSpread {
	id: string;
	domainId: string;
	rated: number;
	dontKnow: number;
	unanswered: number;
	/** How many participants chose each level 0–4. */
	levels: [number, number, number, number, number];
	median: number | null;
	min: number | null;
	max: number | null;
	/** Highest minus lowest level given (0–4). */
	spread: number;
	byRole: RoleView[];
	/** The widest difference between two roles' medians, with the roles. */
	roleGap: { size: number; high: WorkshopRole; low: WorkshopRole } | null;
}

export interface DomainRoleView {
	domainId: string;
	name: string;
	byRole: { role: WorkshopRole; participants: number; median: number | null }[];
}

export interface WorkshopPicture {
	participants: number;
	byRole: { role: WorkshopRole; count: number }[];
	statements: StatementSpread[];
	domains: DomainRoleView[];
	/** Statements to discuss first: widest role gap, then widest spread. */
	hotspots: StatementSpread[];
}

export const HOTSPOT_THRESHOLD = 2;
export const MAX_HOTSPOTS = 12;

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

/** The disagreement picture: spread, medians, each role's view, role gaps and hotspots. Pure. */
export function aggregate(
	workshop: Workshop,
	profile: Profile,
	decisions: Record<string, string>,
	bank: QuestionBank
): WorkshopPicture {
	const responses = workshop.responses;
	const roles = workshop.roles.filter((role) => responses.some((r) => r.role === role));
	const context = { decisions, bpdSpecific: profile.bpdSpecific };

	const statements: StatementSpread[] = bank.statements
		.filter((s) => conditionHolds(s.condition, context))
		.map((s) => {
			const levels: [number, number, number, number, number] = [0, 0, 0, 0, 0];
			const values: number[] = [];
			let dontKnow = 0;
			let unanswered = 0;
			const perRole = new Map<WorkshopRole, number[]>();
			for (const r of responses) {
				const rating = r.answers[s.id]?.rating;
				if (typeof rating === 'number') {
					levels[rating]++;
					values.push(rating);
					perRole.set(r.role, [...(perRole.get(r.role) ?? []), rating]);
				} else if (rating === 'dont-know') dontKnow++;
				else if (rating === undefined) unanswered++;
			}
			const byRole = roles.map((role) => ({
				role,
				rated: perRole.get(role)?.length ?? 0,
				median: median(perRole.get(role) ?? [])
			}));
			const withMedian = byRole.filter(
				(v): v is RoleView & { median: number } => v.median !== null
			);
			let roleGap: StatementSpread['roleGap'] = null;
			if (withMedian.length >= 2) {
				const high = withMedian.reduce((a, b) => (b.median > a.median ? b : a));
				const low = withMedian.reduce((a, b) => (b.median < a.median ? b : a));
				roleGap = { size: high.median - low.median, high: high.role, low: low.role };
			}
			const min = values.length ? Math.min(...values) : null;
			const max = values.length ? Math.max(...values) : null;
			return {
				id: s.id,
				domainId: s.domainId,
				rated: values.length,
				dontKnow,
				unanswered,
				levels,
				median: median(values),
				min,
				max,
				spread: min === null || max === null ? 0 : max - min,
				byRole,
				roleGap
			};
		});

	const participantResults = responses.map((r) => ({
		role: r.role,
		result: scoreAssessment({ profile, decisions, answers: r.answers }, bank)
	}));
	const domains: DomainRoleView[] = bank.domains.map((d, index) => ({
		domainId: d.id,
		name: participantResults[0]?.result.domains[index]?.name ?? d.name,
		byRole: roles.map((role) => {
			const scores = participantResults
				.filter((p) => p.role === role)
				.map((p) => p.result.domains[index]!.score)
				.filter((x): x is number => x !== null);
			return {
				role,
				participants: participantResults.filter((p) => p.role === role).length,
				median: median(scores)
			};
		})
	}));

	const hotspots = statements
		.filter((s) => (s.roleGap?.size ?? 0) >= HOTSPOT_THRESHOLD || s.spread >= HOTSPOT_THRESHOLD)
		.sort(
			(a, b) =>
				(b.roleGap?.size ?? 0) - (a.roleGap?.size ?? 0) ||
				b.spread - a.spread ||
				a.id.localeCompare(b.id)
		)
		.slice(0, MAX_HOTSPOTS);

	return {
		participants: responses.length,
		byRole: roles.map((role) => ({ role, count: responses.filter((r) => r.role === role).length })),
		statements,
		domains,
		hotspots
	};
}
