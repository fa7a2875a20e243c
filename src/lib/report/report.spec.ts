import * as ics from 'ics';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createAssessment } from '$lib/assessment/create';
import { planRows } from '$lib/assessment/plan-rows';
import { bank } from '$lib/content';
import { conditionHolds } from '$lib/content/conditions';
import { applyTerms, resolveTerms } from '$lib/content/terms';
import type { Assessment } from '$lib/model/assessment';
import { scoreAssessment } from '$lib/scoring';
import { allDecisionsMade, inputWith } from '$lib/testing/scoring-fixtures';
import { buildReport } from './board-paper';
import { candidatePage } from './candidate';
import { cellText, type Block, type ReportDocument } from './document';
import { answersCsv, csvCell, planCalendar } from './exports';

const generatedAt = new Date('2026-11-30T09:30:00');

/** A service that is nearly there: most things in place, three blockers, a few unknowns. */
function harbour(): Assessment {
	const a = createAssessment(bank.version, new Date('2026-11-01T09:00:00Z'), 'h1');
	const input = inputWith(
		3,
		{ 'SUPP-1': 1, 'TRAIN-1': 2, 'HR-1': 2, 'EVAL-2': 'dont-know', 'ACCESS-3': 1 },
		allDecisionsMade,
		{ withLivedExperience: true }
	);
	a.profile = {
		...a.profile,
		organisationName: 'Harbour Mental Health, "North" team',
		assessor: 'Sam Lee',
		bpdSpecific: 'yes'
	};
	a.decisions = input.decisions;
	a.answers = input.answers;
	a.answers['HR-1'] = { rating: 2, note: 'HR has a draft; "not checked" yet' };
	return a;
}

function report(a = harbour()): { doc: ReportDocument; rows: ReturnType<typeof planRows>['rows'] } {
	const result = scoreAssessment(a, bank);
	const rows = planRows(result.plan, a.plan).rows;
	return {
		doc: buildReport({
			assessment: a,
			result,
			rows,
			terms: resolveTerms(a.profile, bank.terminology),
			bank,
			generatedAt
		}),
		rows
	};
}

function blockText(block: Block): string {
	switch (block.type) {
		case 'cover':
			return [block.kicker, block.organisation, ...block.lines, block.stageLabel, block.stage].join(
				' '
			);
		case 'heading':
		case 'paragraph':
			return block.text;
		case 'stage':
			return [block.label, ...block.reasons].join(' ');
		case 'messages':
			return block.items.join(' ');
		case 'list':
			return block.items.map((i) => `${i.title} ${i.text ?? ''}`).join(' ');
		case 'bars':
			return [block.caption, ...block.rows.map((r) => `${r.label} ${r.text}`)].join(' ');
		case 'table':
			return [block.caption, ...block.head, ...block.rows.flat().map(cellText)].join(' ');
		case 'quotes':
			return block.items.map((q) => `${q.text} ${q.cite}`).join(' ');
		case 'definitions':
			return block.items.map((d) => `${d.term} ${d.text}`).join(' ');
	}
}

const CODE = /\b(?:A-)?(?:LEAD|CULT|ROLE|GOV|HR|TRAIN|SUPP|TEAM|ACCESS|EVAL)-\d+\b/;

describe('the board paper', () => {
	it('opens with an executive summary: the verdict, its reasons, the next three steps and the blockers', () => {
		const { doc } = report();
		const [summary] = doc.sections;
		expect(summary?.part).toBe('summary');
		const types = summary!.blocks.map((b) => b.type);
		expect(types[0]).toBe('cover');
		const cover = summary!.blocks[0] as Extract<Block, { type: 'cover' }>;
		expect(cover.organisation).toBe('Harbour Mental Health, "North" team');
		expect(cover.stage).toBe('Preparing: not ready to recruit yet');
		const text = summary!.blocks.map(blockText).join('\n');
		expect(text).toMatch(/Supervision from day one/);
		const nextSteps = summary!.blocks.find(
			(b) => b.type === 'table' && /next three steps/i.test(b.caption)
		) as Extract<Block, { type: 'table' }>;
		expect(nextSteps.rows).toHaveLength(3);
		expect(types).toContain('bars');
	});

	it('keeps statement codes out of everything before the appendix, and puts them in the appendix', () => {
		const { doc } = report();
		for (const section of doc.sections.filter((s) => s.part !== 'appendix'))
			for (const block of section.blocks) expect(blockText(block)).not.toMatch(CODE);
		const appendix = doc.sections
			.filter((s) => s.part === 'appendix')
			.flatMap((s) => s.blocks.map(blockText))
			.join(' ');
		expect(appendix).toMatch(CODE);
	});

	it('groups the full plan by when each action is due, with every action once', () => {
		const { doc, rows } = report();
		const plan = doc.sections.find((s) => s.part === 'main')!;
		const tables = plan.blocks.filter(
			(b): b is Extract<Block, { type: 'table' }> => b.type === 'table'
		);
		expect(tables.map((t) => t.caption)[0]).toBe('Before recruiting: actions');
		expect(tables.reduce((n, t) => n + t.rows.length, 0)).toBe(rows.length);
	});

	it('names the file after the organisation and the local date', () => {
		expect(report().doc.fileName).toBe(
			'harbour-mental-health-north-team-readiness-plan-2026-11-30.pdf'
		);
	});

	it('lists the decisions this organisation is asked, and as open only those the review counts open', () => {
		const a = createAssessment(bank.version, generatedAt, 'not-bpd');
		a.profile = { ...a.profile, bpdSpecific: 'no' };
		const { doc } = report(a);
		const table = doc.sections
			.find((s) => s.id === 'decisions')!
			.blocks.find((b) => b.type === 'table') as Extract<Block, { type: 'table' }>;
		const asked = table.rows.map((r) => cellText(r[0]!));
		const terms = resolveTerms(a.profile, bank.terminology);
		const context = { decisions: a.decisions, bpdSpecific: a.profile.bpdSpecific };
		const switchedOff = bank.decisions.filter((d) => !conditionHolds(d.condition, context));
		expect(switchedOff.length).toBeGreaterThan(0);
		for (const d of switchedOff) expect(asked).not.toContain(applyTerms(d.question, terms));
		expect(asked).toHaveLength(bank.decisions.length - switchedOff.length);
		const open = table.rows.filter((r) => cellText(r[1]!) === 'Not decided yet');
		expect(open).toHaveLength(scoreAssessment(a, bank).openDecisions.length);
	});

	it('says the verdict rests on too few answers rather than giving one', () => {
		const a = createAssessment(bank.version, generatedAt, 'empty');
		a.answers = { 'GOV-1': { rating: 4 } };
		const cover = report(a).doc.sections[0]!.blocks[0] as Extract<Block, { type: 'cover' }>;
		expect(cover.stage).toMatch(/Not enough answers/i);
	});
});

describe('the candidate page', () => {
	it('promises only what is rated in place, and says when the organisation is not ready', () => {
		const a = harbour();
		const result = scoreAssessment(a, bank);
		const page = candidatePage('Harbour', result, bank, resolveTerms(a.profile, bank.terminology));
		const text = page.blocks.map(blockText).join(' ');
		expect(page.promises).toBeGreaterThan(5);
		expect(text).not.toMatch(/named supervisor/);
		expect(text).not.toMatch(/preparation training in paid time/);
		expect(text).toMatch(/not ready to recruit yet/);
		expect(text).not.toMatch(CODE);
	});
});

describe('files for other programs', () => {
	it('writes a calendar that a calendar program reads: one all-day event per dated open action, and the re-assessment', () => {
		const a = harbour();
		const result = scoreAssessment(a, bank);
		const first = planRows(result.plan, a.plan).rows;
		a.plan.edits[first[0]!.key] = { due: '2027-01-15', owner: 'Sam, HR; "lead"' };
		a.plan.edits[first[1]!.key] = { due: '2027-02-01', status: 'done' };
		a.reassessOn = '2027-03-01';
		const rows = planRows(result.plan, a.plan).rows;
		const made = planCalendar(ics, a, rows, 'Harbour');
		expect(made.ok).toBe(true);
		if (!made.ok) return;
		const calendar = new ICAL.Component(ICAL.parse(made.text));
		const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(events).toHaveLength(2);
		expect(events[0]!.startDate.isDate).toBe(true);
		expect(events[0]!.startDate.toString()).toBe('2027-01-15');
		expect(events[0]!.summary).toBe(first[0]!.title);
		expect(events[0]!.description).toContain('Owner: Sam, HR; "lead"');
		expect(events[1]!.summary).toBe('Re-assess peer work readiness – Harbour');
	});

	it('says what to do when no action has a date', () => {
		const a = harbour();
		const result = scoreAssessment(a, bank);
		expect(planCalendar(ics, a, planRows(result.plan, a.plan).rows, 'Harbour')).toEqual({
			ok: false,
			message: expect.stringMatching(/Set due dates in the plan first/)
		});
	});

	it('writes a spreadsheet Excel reads: a byte-order mark, quoted text and formulas defused', () => {
		const a = harbour();
		a.answers['GOV-1'] = { rating: 3, note: '=HYPERLINK("http://x")' };
		const csv = answersCsv(a, scoreAssessment(a, bank), bank);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(csv).toContain('"HR has a draft; ""not checked"" yet"');
		expect(csvCell('-1')).toBe("'-1");
		expect(csv.split('\r\n').length).toBe(bank.statements.length + 2);
	});
});
