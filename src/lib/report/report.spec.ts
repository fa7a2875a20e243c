import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssessment } from '$lib/assessment/create';
import { bank } from '$lib/content';
import { allDecisionsMade, inputWith } from '$lib/scoring/fixtures';
import { scoreAssessment } from '$lib/scoring';
import { buildReport } from './build-report';
import { drawReportPdf, pdfSafe } from './draw-pdf';

const at = new Date('2026-11-22T09:30:00Z');

function assessmentFrom(
	rating: Parameters<typeof inputWith>[0],
	overrides: Parameters<typeof inputWith>[1] = {}
) {
	const a = createAssessment(bank.version, at, 'r1');
	const input = inputWith(rating, overrides, allDecisionsMade);
	a.answers = input.answers;
	a.decisions = input.decisions;
	a.profile.organisationName = 'Harbour Community Mental Health';
	a.profile.assessor = 'Service manager';
	return a;
}

const fonts = {
	regularFont: readFileSync(resolve('static/fonts/DejaVuSans.ttf')).toString('base64'),
	boldFont: readFileSync(resolve('static/fonts/DejaVuSans-Bold.ttf')).toString('base64'),
	radarJpeg: null
};

describe('buildReport', () => {
	it('holds the stage, every blocker, the ranked plan with the top three, and a dated file name', () => {
		const a = assessmentFrom(2, { 'GOV-1': 0 });
		a.plan.edits['A-GOV-1'] = { owner: 'Chief nurse', due: '2027-02-01', status: 'in-progress' };
		const result = scoreAssessment(a, bank);
		const report = buildReport(a, result, bank, at);
		expect(report.fileName).toBe('harbour-community-mental-health-readiness-plan-2026-11-22.pdf');
		expect(report.stage.label).toBe(result.stage.label);
		expect(report.blockers.map((b) => b.id)).toEqual(result.blockers.map((b) => b.statementId));
		expect(report.plan.filter((p) => p.top)).toHaveLength(3);
		const gov = report.plan.find((p) => p.title.startsWith('Adopt a duty-of-care'))!;
		expect(gov).toMatchObject({ owner: 'Chief nurse', due: '2027-02-01', status: 'In progress' });
		expect(report.domainTable.rows).toHaveLength(bank.domains.length + 1);
		expect(report.domainTable.rows.at(-1)).toEqual([
			'Overall',
			String(result.overall.score),
			result.overall.band,
			`${result.confidence.rated} of ${result.confidence.considered}`,
			String(result.confidence.dontKnow),
			String(result.confidence.unanswered)
		]);
		expect(report.sources.recommendations).toHaveLength(9);
		expect(report.decisions.length).toBe(bank.decisions.length);
		expect(report.guidance).toMatch(/not validated norms/);
	});

	it("leaves out removed actions and includes the user's own", () => {
		const a = assessmentFrom(1);
		const first = scoreAssessment(a, bank).plan[0]!.key;
		a.plan.edits[first] = { removed: true };
		a.plan.custom.push({
			id: 'custom-1',
			title: 'Talk to the union',
			text: 'Before the advert goes out.',
			owner: 'HR',
			due: '',
			status: 'not-started'
		});
		const report = buildReport(a, scoreAssessment(a, bank), bank, at);
		expect(report.plan.some((p) => p.title === 'Talk to the union')).toBe(true);
		expect(report.plan.length).toBe(scoreAssessment(a, bank).plan.length);
	});
});

describe('the PDF drawing', () => {
	it('makes a multi-page A4 PDF with page numbers, even with hostile and unusual text', () => {
		const a = assessmentFrom(0);
		a.profile.organisationName = 'Équipe Sud – “Harbour” 🌊 Ωμέγα Київ <script>alert(1)</script>';
		a.answers['ROLE-1'] = { rating: 1, note: 'x'.repeat(2000) };
		a.answers['GOV-1'] = {
			rating: 0,
			note: ('Supercalifragilisticexpialidocious'.repeat(20) + ' ').repeat(3)
		};
		const report = buildReport(a, scoreAssessment(a, bank), bank, at);
		const started = performance.now();
		const doc = drawReportPdf(report, fonts);
		const elapsed = performance.now() - started;
		const bytes = new Uint8Array(doc.output('arraybuffer'));
		// Set PDF_OUT to keep the file and look at it (pdftoppm).
		if (process.env.PDF_OUT) writeFileSync(process.env.PDF_OUT, bytes);
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		expect(doc.getNumberOfPages()).toBeGreaterThanOrEqual(8);
		expect(elapsed).toBeLessThan(5000);
		expect(bytes.length).toBeLessThan(1_500_000);
	});

	it('replaces characters the font cannot draw instead of dropping the text around them', () => {
		expect(pdfSafe('Team 🌊 ok 👩‍👩‍👧 done')).toBe('Team □ ok □ done');
		expect(pdfSafe('Équipe “quoted” Київ © ® ™ ★')).toBe('Équipe “quoted” Київ © ® ™ ★');
	});
});
