import ICAL from 'ical.js';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import {
	answerEverything,
	decideAll,
	expect,
	expectNoAxeViolations,
	expectSaved,
	pdfPages,
	pdfText,
	startAssessment,
	STATEMENT_CODE,
	test
} from './fixtures';

const ORG = 'Harbour Community Mental Health';

function pageTexts(path: string): string[] {
	return Array.from({ length: pdfPages(path) }, (_, i) =>
		execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-'], {
			encoding: 'utf8'
		})
	);
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

test('a manager\u2019s Monday: next steps with owners and dates, a plan to run, a calendar file and a board paper whose first two pages say it all', async ({
	page
}) => {
	test.setTimeout(240_000);
	const id = await startAssessment(page, ORG);
	await decideAll(page);
	const gaps: Record<string, string> = {
		'SUPP-1': '1 · Informal',
		'HR-2': "Don't know",
		'TEAM-2': '2 · Agreed or planned',
		'EVAL-2': '1 · Informal'
	};
	await answerEverything(page, (statementId) => gaps[statementId] ?? '3 · In place', {
		withLivedExperience: true
	});
	await expect(page.getByRole('heading', { name: /^Readiness stage:/ })).toContainText('Preparing');
	const steps = page.getByRole('region', { name: 'Your next three steps' }).getByRole('listitem');
	await expect(steps).toHaveCount(3);
	await steps.first().getByLabel('Owner').fill('Sam Lee');
	await steps.first().getByLabel('Due date').fill('2027-01-15');
	await expectSaved(page);

	await page.getByRole('link', { name: /Open the full action plan/ }).click();
	await expect(page).toHaveURL(`/assessment/${id}/plan`);
	const cards = page.locator('li.item');
	await expect(cards.first().getByLabel('Owner')).toHaveValue('Sam Lee');
	await cards.nth(1).getByLabel('Due date').fill('2027-02-01');
	await cards.nth(1).getByLabel('Status').selectOption('in-progress');
	const thirdTitle = (await cards.nth(2).locator('h3').textContent())!;
	await cards
		.nth(2)
		.getByRole('button', { name: /^Move to top/i })
		.click();
	await expect(cards.first().locator('h3')).toHaveText(thirdTitle);
	// The pressed button has nowhere to go at the top: focus stays with the action, on "Move down".
	await expect(cards.first().getByRole('button', { name: /^Move down/i })).toBeFocused();
	// A removed action is offered back where the person is, not only at the foot of the plan.
	const removedTitle = (await cards.nth(3).locator('h3').textContent())!;
	await cards
		.nth(3)
		.getByRole('button', { name: /^Remove/ })
		.click();
	await expect(page.getByText(`Removed “${removedTitle}”.`)).toBeInViewport();
	// Focus goes on to the next action, or, as here where the removed one was the last, to the one
	// before it: never to the top of the page.
	await expect(cards).toHaveCount(3);
	await expect(cards.nth(2).locator('h3')).toBeFocused();
	await page.getByRole('button', { name: 'Restore it' }).click();
	await expect(page.getByRole('heading', { level: 3, name: removedTitle })).toBeVisible();
	// Editing an action's words: focus goes into its title, and back to its Edit button when done.
	await cards
		.nth(1)
		.getByRole('button', { name: /^Edit text/ })
		.click();
	await expect(cards.nth(1).getByLabel('Action', { exact: true })).toBeFocused();
	await page.keyboard.press('End');
	await page.keyboard.type(' (with HR)');
	await cards.nth(1).getByRole('button', { name: 'Done editing' }).click();
	await expect(cards.nth(1).getByRole('button', { name: /^Edit text/ })).toBeFocused();
	await expect(cards.nth(1).locator('h3')).toContainText('(with HR)');
	await page
		.getByLabel('Action', { exact: true })
		.fill('Book the room for the lived-experience panel');
	await page.getByRole('button', { name: 'Add action' }).click();
	await expect(
		page.getByRole('heading', { level: 3, name: 'Book the room for the lived-experience panel' })
	).toBeVisible();
	await page.getByRole('button', { name: 'Re-assess in 3 months' }).click();
	await expectSaved(page);
	await expectNoAxeViolations(page, 'plan');

	// The calendar file opens in any calendar program.
	const gettingCalendar = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Due dates as a calendar file' }).click();
	const calendarFile = await gettingCalendar;
	expect(calendarFile.suggestedFilename()).toMatch(
		/^harbour-community-mental-health-plan-dates-\d{4}-\d{2}-\d{2}\.ics$/
	);
	const calendar = new ICAL.Component(
		ICAL.parse(await readFile(await calendarFile.path(), 'utf8'))
	);
	const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
	expect(events.map((e) => e.startDate.toString()).sort()).toEqual(
		expect.arrayContaining(['2027-01-15', '2027-02-01'])
	);
	expect(events).toHaveLength(3);
	expect(events.find((e) => e.summary.startsWith('Re-assess'))).toBeTruthy();

	// The board paper.
	await page.goto(`/assessment/${id}/results`);
	const gettingPdf = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the board paper (PDF)' }).click();
	const pdf = await gettingPdf;
	expect(pdf.suggestedFilename()).toMatch(
		/^harbour-community-mental-health-readiness-plan-\d{4}-\d{2}-\d{2}\.pdf$/
	);
	const path = await pdf.path();
	await pdf.saveAs('test-results/board-paper.pdf');
	const pages = pageTexts(path);
	expect(pages.length).toBeGreaterThanOrEqual(5);
	const firstTwo = squash(pages.slice(0, 2).join(' '));
	for (const part of [
		ORG,
		'Preparing: not ready to recruit yet',
		'Three key messages',
		'Your next three steps',
		'What blocks recruiting',
		'Readiness by area',
		'Decisions for the board',
		'The next 90 days'
	])
		expect(firstTwo, `the first two pages include "${part}"`).toContain(part);
	expect(firstTwo).toContain('Sam Lee');
	const appendixStarts = pages.findIndex((p) => /Appendix A/.test(p));
	expect(appendixStarts).toBeGreaterThanOrEqual(2);
	for (const [i, text] of pages.slice(0, appendixStarts).entries())
		expect(text, `page ${i + 1} shows no statement codes`).not.toMatch(STATEMENT_CODE);
	expect(pages.slice(appendixStarts).join(' ')).toMatch(STATEMENT_CODE);
	// No plan row is split across pages: each action's title is whole on one page.
	const whole = pages.map(squash);
	for (const title of [thirdTitle, 'Book the room for the lived-experience panel'])
		expect(
			whole.some((p) => p.includes(squash(title))),
			`"${title}" whole on one page`
		).toBe(true);
	const footer = squash(pages[0]!);
	expect(footer).toMatch(/Page 1 of \d+/);
	expect(pdfText(path)).not.toContain('undefined');
});

test('the print view reads as the same document, and the candidate page promises only what is in place', async ({
	page
}) => {
	test.setTimeout(180_000);
	const id = await startAssessment(page, 'Candidate Ward');
	await decideAll(page);
	await answerEverything(
		page,
		(statementId) => (statementId.startsWith('SUPP') ? '2 · Agreed or planned' : '3 · In place'),
		{ withLivedExperience: true }
	);
	await page.getByRole('link', { name: 'Accessible report (print view)' }).click();
	await expect(page).toHaveURL(`/assessment/${id}/report`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidate Ward');
	await expect(page.getByRole('heading', { name: 'Your next three steps' })).toBeVisible();
	await expect(page.locator('main')).not.toContainText(
		/\b(SUPP|ROLE|LEAD)-\d+\b.*Three key messages/
	);
	await page.goto(`/assessment/${id}/candidates`);
	const main = page.locator('main');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Candidate Ward');
	await expect(main).toContainText('not ready to recruit yet');
	await expect(main).toContainText(/selection is about your current capabilities/i);
	await expect(main).not.toContainText('named supervisor');
	await expect(main).not.toContainText(STATEMENT_CODE);
	await expectNoAxeViolations(page, 'candidates');
});
