import { displayTitle } from '$lib/assessment/create';
import { planRows } from '$lib/assessment/plan';
import type { Assessment } from '$lib/assessment/types';
import type { QuestionBank } from '$lib/content/question-bank';
import { applyTerms, resolveTerms, type Terms } from '$lib/content/terms';
import { ratingLabel, TIMEFRAME_LABELS, type ScoringResult } from '$lib/scoring';
import type { Comparison } from '$lib/scoring/compare';
import { fileName } from '$lib/storage/export';

export interface ReportComparison {
	earlierTitle: string;
	earlierDate: string;
	earlierStage: string;
	rows: { domain: string; earlier: string; now: string; change: string }[];
	moved: {
		id: string;
		text: string;
		earlier: string;
		now: string;
		direction: 'up' | 'down' | 'changed';
	}[];
	/** Both assessments' domain scores, for one chart. */
	series: ChartSeriesData[];
}

export interface ChartSeriesData {
	label: string;
	values: (number | null)[];
}

const scoreText = (n: number | null) => (n === null ? 'Too little evidence' : String(n));
const changeText = (n: number | null) => (n === null ? '–' : n > 0 ? `+${n}` : String(n));

/** The "what changed" section: shown on the compare page and drawn in the PDF. */
export function comparisonSection(
	earlier: Assessment,
	comparison: Comparison,
	terms: Terms
): ReportComparison {
	const earlierDate = earlier.updatedAt.slice(0, 10);
	return {
		earlierTitle: displayTitle(earlier),
		earlierDate,
		earlierStage: comparison.stage.earlier,
		rows: comparison.domains.map((d) => ({
			domain: d.name,
			earlier: scoreText(d.earlier),
			now: scoreText(d.now),
			change: changeText(d.change)
		})),
		moved: comparison.moved.map((m) => ({
			id: m.id,
			text: m.text,
			earlier: ratingLabel(m.earlier, terms),
			now: ratingLabel(m.now, terms),
			direction: m.direction
		})),
		series: [
			{ label: `Earlier (${earlierDate})`, values: comparison.domains.map((d) => d.earlier) },
			{ label: 'Now', values: comparison.domains.map((d) => d.now) }
		]
	};
}

export interface DisagreementSummary {
	participantsByRole: { role: string; count: number }[];
	hotspots: { id: string; text: string; spread: string; roles: string }[];
}

export interface Report {
	fileName: string;
	title: string;
	organisation: string;
	assessor: string;
	assessmentTitle: string;
	date: string;
	kind: Assessment['kind'];
	stage: { label: string; reasons: string[] };
	confidence: string;
	guidance: string;
	overall: string;
	domainTable: { head: string[]; rows: string[][] };
	chart: { labels: string[]; series: ChartSeriesData[] };
	blockers: { id: string; text: string; reason: string; why: string; actions: string[] }[];
	plan: {
		rank: string;
		top: boolean;
		title: string;
		text: string;
		why: string;
		owner: string;
		due: string;
		status: string;
		timeframe: string;
	}[];
	domains: {
		name: string;
		score: string;
		statements: { id: string; text: string; answer: string; note: string; critical: boolean }[];
	}[];
	decisions: { question: string; answer: string }[];
	strengths: string[];
	openDecisionCount: number;
	sources: {
		recommendations: { id: string; text: string }[];
		attribution: string;
		kentFactors: { name: string; summary: string }[];
		citations: string[];
	};
	comparison?: ReportComparison;
	disagreement?: DisagreementSummary;
}

/** Rows shared by the PDF and the print view, so both show exactly the same table. */
export const reportRows = {
	comparison: (c: ReportComparison) => c.rows.map((r) => [r.domain, r.earlier, r.now, r.change]),
	hotspots: (d: DisagreementSummary) =>
		d.hotspots.map((h) => [`${h.id}: ${h.text}`, h.spread, h.roles]),
	statements: (d: Report['domains'][number]) =>
		d.statements.map((s) => [
			s.critical ? `${s.id} (critical)` : s.id,
			s.text,
			s.answer,
			s.note || '–'
		]),
	decisions: (r: Report) => r.decisions.map((d) => [d.question, d.answer])
};

/** Domain scores with their evidence counts, and the overall line: the table beside every chart. */
export function domainScoreTable(result: ScoringResult): { head: string[]; rows: string[][] } {
	const row = (
		name: string,
		score: number | null,
		band: string | null,
		c: ScoringResult['confidence']
	) => [
		name,
		score === null ? 'Too little rated evidence' : String(score),
		band ?? '–',
		`${c.rated} of ${c.considered}`,
		String(c.dontKnow),
		String(c.unanswered)
	];
	return {
		head: ['Domain', 'Score', 'Band', 'Rated', "Don't know", 'Unanswered'],
		rows: [
			...result.domains.map((d) => row(d.name, d.score, d.band, d.confidence)),
			row('Overall', result.overall.score, result.overall.band, result.confidence)
		]
	};
}

const STATUS_LABELS = {
	'not-started': 'Not started',
	'in-progress': 'In progress',
	done: 'Done'
} as const;

/** The whole report as plain data: the PDF and the print view both draw this, and nothing else. */
export function buildReport(
	assessment: Assessment,
	result: ScoringResult,
	bank: QuestionBank,
	generatedAt: Date,
	extras: { comparison?: ReportComparison; disagreement?: DisagreementSummary } = {}
): Report {
	const terms = resolveTerms(assessment.profile, bank.terminology);
	const organisation = assessment.profile.organisationName.trim() || 'Untitled organisation';
	const { rows } = planRows(result.plan, assessment.plan);
	const decisions = bank.decisions.map((d) => {
		const chosen = d.options.find((o) => o.id === assessment.decisions[d.id]);
		return {
			question: applyTerms(d.question, terms),
			answer: chosen ? applyTerms(chosen.label, terms) : 'Not decided yet'
		};
	});

	return {
		fileName: fileName(
			organisation,
			assessment.kind === 'workshop-consensus' ? 'workshop-report' : 'readiness-plan',
			'pdf',
			generatedAt
		),
		title:
			assessment.kind === 'workshop-consensus'
				? 'Peer work readiness: workshop report'
				: 'Peer work readiness: action plan',
		organisation,
		assessor: assessment.profile.assessor.trim(),
		assessmentTitle: displayTitle(assessment),
		date: generatedAt.toLocaleDateString('en-GB', {
			day: 'numeric',
			month: 'long',
			year: 'numeric'
		}),
		kind: assessment.kind,
		stage: { label: result.stage.label, reasons: result.stage.reasons },
		confidence: `${result.confidence.level[0]!.toUpperCase()}${result.confidence.level.slice(1)} confidence. ${result.confidence.summary}`,
		guidance:
			'Stages, bands and priorities are guidance to help you plan, not validated norms. Every rule behind them is explained on the "How scoring works" page of the app.',
		overall:
			result.overall.score === null
				? 'Not enough ratings'
				: `${result.overall.score} (${result.overall.band})`,
		domainTable: domainScoreTable(result),
		chart: {
			labels: result.domains.map((d) => d.name),
			series: extras.comparison?.series ?? [
				{ label: 'This assessment', values: result.domains.map((d) => d.score) }
			]
		},
		blockers: result.blockers.map((b) => ({
			id: b.statementId,
			text: b.text,
			reason: b.reason,
			why: b.why,
			actions: b.actionIds.map((id) => applyTerms(bank.actionById.get(id)!.title, terms))
		})),
		plan: rows.map((row, i) => ({
			rank: String(i + 1),
			top: row.top,
			title: row.title,
			text: row.text,
			why: row.reasons.join('; '),
			owner: row.owner || '–',
			due: row.due || '–',
			status: STATUS_LABELS[row.status],
			timeframe: row.timeframe ? TIMEFRAME_LABELS[row.timeframe] : 'Your own action'
		})),
		domains: result.domains.map((d) => ({
			name: d.name,
			score: d.score === null ? 'too little rated evidence' : `${d.score} (${d.band})`,
			statements: d.statements
				.filter((s) => s.status !== 'switched-off')
				.map((s) => ({
					id: s.id,
					text: s.text,
					answer: ratingLabel(s.rating, terms),
					note: s.note,
					critical: s.critical
				}))
		})),
		decisions,
		strengths: result.strengths.statementIds.map((id) => {
			const s = result.domains.flatMap((d) => d.statements).find((x) => x.id === id)!;
			return `${id}: ${s.text}`;
		}),
		openDecisionCount: result.openDecisions.length,
		sources: {
			recommendations: bank.evidence.recommendations.map((r) => ({ id: r.id, text: r.text })),
			attribution: bank.evidence.recommendationsAttribution,
			kentFactors: bank.evidence.kentFactors.map((k) => ({ name: k.name, summary: k.summary })),
			citations: bank.evidence.seeds.map((s) => `${s.citation} ${s.licence}`)
		},
		...extras
	};
}
