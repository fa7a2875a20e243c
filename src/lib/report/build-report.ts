import { displayTitle } from '$lib/assessment/create';
import { planRows } from '$lib/assessment/plan';
import type { Assessment } from '$lib/assessment/types';
import type { QuestionBank } from '$lib/content/question-bank';
import { applyTerms, resolveTerms } from '$lib/content/terms';
import { ratingLabel, TIMEFRAME_LABELS, type ScoringResult } from '$lib/scoring';
import { fileName } from '$lib/storage/export';

export interface ReportComparison {
	earlierTitle: string;
	earlierDate: string;
	earlierStage: string;
	rows: { domain: string; earlier: string; now: string; change: string }[];
	moved: { id: string; text: string; earlier: string; now: string }[];
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
	chart: { labels: string[]; series: { label: string; values: (number | null)[] }[] };
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
		domainTable: {
			head: ['Domain', 'Score', 'Band', 'Rated', "Don't know", 'Unanswered'],
			rows: result.domains.map((d) => [
				d.name,
				d.score === null ? 'Too little evidence' : String(d.score),
				d.band ?? '–',
				`${d.confidence.rated} of ${d.confidence.considered}`,
				String(d.confidence.dontKnow),
				String(d.confidence.unanswered)
			])
		},
		chart: {
			labels: result.domains.map((d) => d.name),
			series: [{ label: 'This assessment', values: result.domains.map((d) => d.score) }]
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
