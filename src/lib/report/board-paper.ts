import type { PlanRow } from '$lib/assessment/plan-rows';
import { byTimeframe } from '$lib/assessment/plan-rows';
import { conditionContextOf, conditionHolds } from '$lib/content/conditions';
import type { QuestionBank } from '$lib/content/question-bank';
import { applyTerms, type Terms } from '$lib/content/terms';
import { calendarDate, longDate } from '$lib/format/dates';
import { fileName } from '$lib/format/files';
import { planStatusLabel, type Assessment } from '$lib/model/assessment';
import { ratingLabel, SCORING_RULES, type ScoringResult } from '$lib/scoring';
import type { Block, Cell, ReportDocument, Section } from './document';
import {
	BAND_SCALE,
	boardDecisions,
	GUIDANCE,
	keyMessages,
	nextSteps,
	ninetyDays,
	scoreWords,
	stageTone
} from './summary';

export interface ReportInput {
	assessment: Assessment;
	result: ScoringResult;
	rows: PlanRow[];
	terms: Terms;
	bank: QuestionBank;
	generatedAt: Date;
	/** A section on what moved since an earlier assessment. */
	comparison?: Section;
	/** A section on who took part in a workshop and where they disagreed. */
	workshop?: { section: Section; participants: number };
}

const R = SCORING_RULES;
const MAX_NINETY_DAY_ROWS = 10;

const owner = (r: PlanRow) => r.owner || 'Not set';
const due = (r: PlanRow) => (r.due ? calendarDate(r.due) : 'Not set');

/** The domain scores as bars with their bands: the board paper's one chart. */
export function domainBars(result: ScoringResult): Extract<Block, { type: 'bars' }> {
	return {
		type: 'bars',
		caption: 'Readiness by area, 0 to 100. Bands are guidance, not validated norms.',
		scaleLabel: 'Score out of 100',
		rows: result.domains.map((d) => ({
			label: d.name,
			value: d.score,
			band: d.band,
			text: d.score === null ? 'Too little rated evidence' : `${d.score} ${d.band}`
		})),
		bands: BAND_SCALE
	};
}

/** The domain table beside every chart: score, band and what the score rests on. */
export function domainTable(result: ScoringResult): Extract<Block, { type: 'table' }> {
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
		type: 'table',
		caption: 'Scores by area, with what each rests on',
		head: ['Area', 'Score', 'Band', 'Rated', "Don't know", 'Unanswered'],
		rows: [
			...result.domains.map((d) => row(d.name, d.score, d.band, d.confidence)),
			row('Overall', result.overall.score, result.overall.band, result.confidence)
		],
		// Wide enough for each heading's longest word: a word is never broken across lines.
		widths: [38, 16, 14, 11, 10, 15]
	};
}

function executiveSummary(input: ReportInput): Section {
	const { assessment, result, rows, bank, terms, generatedAt } = input;
	const organisation = assessment.profile.organisationName.trim() || 'Untitled organisation';
	const steps = nextSteps(rows);
	const ninety = ninetyDays(rows);
	const decisions = boardDecisions(result, bank, terms);
	const lines = [longDate(generatedAt)];
	if (assessment.profile.assessor.trim())
		lines.push(`Assessed by ${assessment.profile.assessor.trim()}`);
	if (assessment.title.trim() && assessment.title.trim() !== organisation)
		lines.push(assessment.title.trim());
	const blocks: Block[] = [
		{
			type: 'cover',
			kicker:
				assessment.kind === 'workshop-consensus'
					? 'Peer work readiness · workshop report'
					: 'Peer work readiness',
			organisation,
			lines,
			stageLabel: 'Readiness stage',
			stage: result.stage.label,
			tone: stageTone(result.stage.id)
		},
		{ type: 'heading', text: 'Three key messages', level: 2 },
		{
			type: 'messages',
			items: keyMessages(result, { workshopParticipants: input.workshop?.participants })
		},
		{ type: 'heading', text: 'Your next three steps', level: 2 },
		steps.length
			? {
					type: 'table',
					caption: 'The next three steps: the first open actions in the plan',
					head: ['Step', 'Why', 'Owner', 'Due'],
					rows: steps.map((s) => [{ title: s.title, text: s.text }, s.why, owner(s), due(s)]),
					widths: [46, 30, 12, 12]
				}
			: { type: 'paragraph', text: 'Every action in the plan is marked done.' },
		{ type: 'heading', text: 'What blocks recruiting', level: 2 },
		result.blockers.length
			? { type: 'list', items: result.blockers.map((b) => ({ title: b.title, text: b.reason })) }
			: { type: 'paragraph', text: 'Nothing: every critical statement is in place.' },
		{ type: 'heading', text: 'Readiness by area', level: 2 },
		domainBars(result),
		{ type: 'heading', text: 'Decisions for the board', level: 2 },
		decisions.length
			? { type: 'list', items: decisions.map((d) => ({ title: d })) }
			: { type: 'paragraph', text: 'No board-level decision is outstanding.' },
		{ type: 'heading', text: 'The next 90 days', level: 2 },
		ninety.length
			? {
					type: 'table',
					caption: 'Actions due before recruiting or within three months',
					head: ['Action', 'When', 'Owner', 'Due', 'Status'],
					rows: ninety
						.slice(0, MAX_NINETY_DAY_ROWS)
						.map((r) => [
							r.title,
							r.timeframe === 'before-recruiting' ? 'Before recruiting' : 'Within 3 months',
							owner(r),
							due(r),
							planStatusLabel(r.status)
						]),
					widths: [50, 16, 12, 12, 10]
				}
			: { type: 'paragraph', text: 'No actions are due in the next 90 days.' }
	];
	if (ninety.length > MAX_NINETY_DAY_ROWS)
		blocks.push({
			type: 'paragraph',
			text: `And ${ninety.length - MAX_NINETY_DAY_ROWS} more in the full plan.`,
			style: 'muted'
		});
	blocks.push({
		type: 'paragraph',
		text: `${result.confidence.summary} ${GUIDANCE}`,
		style: 'muted'
	});
	return { id: 'summary', title: 'Executive summary', part: 'summary', newPage: false, blocks };
}

function fullPlan(rows: PlanRow[]): Section {
	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: 'Grouped by when each action should be done; within each group, in the order you set, then by priority. Each action says why it was chosen.',
			style: 'muted'
		}
	];
	let n = 0;
	for (const group of byTimeframe(rows)) {
		blocks.push({ type: 'heading', text: group.label, level: 2 });
		blocks.push({
			type: 'table',
			caption: `${group.label}: actions`,
			head: ['#', 'Action', 'Why', 'Owner', 'Due', 'Status'],
			rows: group.rows.map((r) => [
				String(++n),
				{ title: r.title, text: r.text },
				r.why,
				owner(r),
				due(r),
				planStatusLabel(r.status)
			]),
			widths: [5, 45, 24, 10, 9, 9]
		});
	}
	if (rows.length === 0) blocks.push({ type: 'paragraph', text: 'The plan has no actions.' });
	return { id: 'plan', title: 'The action plan', part: 'main', newPage: true, blocks };
}

function statementDetail(input: ReportInput): Section {
	const { result, terms, bank } = input;
	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: 'Every statement with its answer and note. The reference (for example ROLE-1) links an answer to the question bank.',
			style: 'muted'
		},
		domainTable(result)
	];
	for (const d of result.domains) {
		blocks.push({ type: 'heading', text: `${d.name}: ${scoreWords(d.score, d.band)}`, level: 2 });
		const rows: Cell[][] = d.statements
			.filter((s) => s.status !== 'switched-off')
			.map((s) => [
				s.critical ? `${s.id}\ncritical` : s.id,
				{ title: s.title, text: s.text },
				s.issue === 'rerate'
					? 'Needs re-rating: the wording changed'
					: `${ratingLabel(s.rating, terms, bank.scale)}${s.needsLivedExperience ? (s.withLivedExperience ? '\nWith lived experience' : '\nWithout lived experience') : ''}${s.agreement === 'from-median' ? '\nFrom the median, not discussed' : ''}`,
				s.note || '–'
			]);
		blocks.push({
			type: 'table',
			caption: `${d.name}: each statement`,
			head: ['Ref', 'Statement', 'Answer', 'Note'],
			rows,
			widths: [10, 48, 20, 22]
		});
	}
	return {
		id: 'detail',
		title: 'Appendix A: statement by statement',
		part: 'appendix',
		newPage: true,
		blocks
	};
}

function decisionsAndRules(input: ReportInput): Section {
	const { assessment, bank, terms } = input;
	// The decisions this organisation is asked: one switched off by another choice is not listed as
	// open, as the review and the plan do not count it either.
	const context = conditionContextOf(assessment);
	const rows = bank.decisions
		.filter((d) => conditionHolds(d.condition, context))
		.map((d) => {
			const chosen = d.options.find((o) => o.id === assessment.decisions[d.id]);
			return [
				applyTerms(d.question, terms),
				chosen ? applyTerms(chosen.label, terms) : 'Not decided yet'
			];
		});
	return {
		id: 'decisions',
		title: 'Appendix B: decisions and how the result was reached',
		part: 'appendix',
		newPage: true,
		blocks: [
			{
				type: 'paragraph',
				text: 'Which option was chosen is not scored: decisions switch statements and tailor actions.',
				style: 'muted'
			},
			{
				type: 'table',
				caption: 'Decisions recorded',
				head: ['Decision', 'Choice'],
				rows,
				widths: [60, 40]
			},
			{ type: 'heading', text: 'How the result was reached', level: 2 },
			{
				type: 'list',
				items: [
					{
						title: 'Levels',
						text: `Each statement is rated 0 to ${R.maxLevel}; level ${R.inPlaceLevel} or above counts as in place. "Don't know" is counted, never turned into a number.`
					},
					{
						title: 'Scores',
						text: `An area's score is the weighted average of its rated statements out of 100. Statements tightly linked to Barr's imperative recommendations (R1 to R4) count ${R.weights.imperative} times; the reason is recorded for each.`
					},
					{
						title: 'Critical statements',
						text: 'A critical statement that is not in place blocks "ready to recruit", whatever the averages.'
					},
					{
						title: 'Lived experience',
						text: 'Statements only people with lived experience can judge cannot make the result "ready" on a rating made without them.'
					},
					{ title: 'Guidance', text: GUIDANCE }
				]
			}
		]
	};
}

function sources(bank: QuestionBank): Section {
	return {
		id: 'sources',
		title: 'Appendix C: sources',
		part: 'appendix',
		newPage: true,
		blocks: [
			{
				type: 'heading',
				text: 'Barr, Townsend & Grenyer (2020), Table 3, quoted with attribution',
				level: 2
			},
			{
				type: 'quotes',
				items: bank.evidence.recommendations.map((r) => ({ text: r.text, cite: r.id }))
			},
			{ type: 'paragraph', text: bank.evidence.recommendationsAttribution, style: 'muted' },
			{ type: 'heading', text: "Kent's implementation factors (our paraphrase)", level: 2 },
			{
				type: 'definitions',
				items: bank.evidence.kentFactors.map((k) => ({ term: k.name, text: k.summary }))
			},
			{ type: 'heading', text: 'References', level: 2 },
			{
				type: 'list',
				items: bank.evidence.seeds.map((s) => ({ title: s.citation, text: s.licence }))
			}
		]
	};
}

/**
 * The board paper: a two-page executive summary, then the plan grouped by timeframe, then an
 * appendix (statement detail, decisions, sources). No statement codes before the appendix.
 */
export function buildReport(input: ReportInput): ReportDocument {
	const { assessment, generatedAt } = input;
	const organisation = assessment.profile.organisationName.trim() || 'Untitled organisation';
	const workshop = assessment.kind === 'workshop-consensus';
	const sections: Section[] = [executiveSummary(input)];
	if (input.workshop) sections.push(input.workshop.section);
	if (input.comparison) sections.push(input.comparison);
	sections.push(
		fullPlan(input.rows),
		statementDetail(input),
		decisionsAndRules(input),
		sources(input.bank)
	);
	return {
		fileName: fileName(
			organisation,
			workshop ? 'workshop-report' : 'readiness-plan',
			'pdf',
			generatedAt
		),
		title: `Peer work readiness: ${workshop ? 'workshop report' : 'board paper'} – ${organisation}`,
		subject: 'Peer work readiness assessment and action plan',
		author: assessment.profile.assessor.trim() || organisation,
		footer: `Peer Work Readiness · ${assessment.title.trim() || organisation} · ${longDate(generatedAt)}`,
		pageLabel: 'Page {page} of {pages}',
		sections
	};
}
