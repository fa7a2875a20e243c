import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, test } from './fixtures';

const ORG = 'Harbour Workshop Trust';

test('three participants answer on their own devices; the facilitator merges, finds the hotspot, agrees ratings and gets a workshop PDF', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	await page.goto('/workshop');
	await page.getByLabel('Organisation or service name').fill(ORG);
	await page.getByRole('button', { name: 'Create the workshop' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Workshop: ${ORG}` })).toBeVisible();
	const inviteLink = await page.getByLabel('Invitation link').inputValue();
	expect(inviteLink).toMatch(/\/workshop\/respond#invite=pwr1\./);
	await expectNoAxeViolations(page, 'workshop desk (empty)');

	const views = {
		Manager: 4,
		'Peer worker': 0,
		'Clinician / mental health professional': 2
	} as const;
	const returned: string[] = [];
	for (const [role, team4] of Object.entries(views)) {
		const context = await browser.newContext();
		const participant = await context.newPage();
		const errors: string[] = [];
		participant.on('pageerror', (e) => errors.push(String(e)));
		await participant.goto(inviteLink);
		await participant.getByRole('radio', { name: role, exact: true }).check();
		const statements = participant.locator('article.statement');
		const count = await statements.count();
		for (let i = 0; i < count; i++) {
			const s = statements.nth(i);
			const id = (await s.getAttribute('id'))!.replace('statement-', '');
			const level = id === 'TEAM-4' ? team4 : 3;
			await s.getByRole('radio', { name: new RegExp(`^${level} · `) }).check();
		}
		await expect(participant.getByText(`${count} of ${count} answered.`)).toBeVisible();
		if (role === 'Manager') await expectNoAxeViolations(participant, 'participant page');
		await participant.getByRole('button', { name: 'Finish and get my answers link' }).click();
		const link = await participant.getByLabel('Your answers link').inputValue();
		expect(link).toMatch(/#response=pwr1\./);
		returned.push(link);
		expect(errors).toEqual([]);
		await context.close();
	}

	await page.getByLabel('Paste one or more answer links').fill(returned.join('\n'));
	await page.getByRole('button', { name: 'Add answers' }).click();
	await expect(page.getByText('Added answers from a manager.')).toBeVisible();
	await expect(page.getByText('Added answers from a peer worker.')).toBeVisible();
	await expect(page.getByText(/^3 participants/)).toBeVisible();

	// A duplicate, a damaged link and another workshop's answers are refused with a reason.
	await page
		.getByLabel('Paste one or more answer links')
		.fill(`${returned[0]}\n${returned[1]!.slice(0, -30)}`);
	await page.getByRole('button', { name: 'Add answers' }).click();
	await expect(page.getByText('Refused: These answers have already been added.')).toBeVisible();
	await expect(page.getByText(/Item 2: This participant answer code is damaged/)).toBeVisible();
	await expect(page.getByText(/^3 participants/)).toBeVisible();

	const hotspots = page.getByRole('table', { name: /Hotspots/ });
	await expect(hotspots.getByRole('row').nth(1)).toContainText('TEAM-4');
	await expect(hotspots.getByRole('row').nth(1)).toContainText('4 (Manager vs Peer worker)');
	await expectNoAxeViolations(page, 'workshop desk with answers');

	await page.getByRole('button', { name: /Start from the medians/ }).click();
	await page.locator('#agreed-TEAM-4').selectOption('1');
	await page
		.locator('#agreed-note-TEAM-4')
		.fill('Peers do not feel equal; managers agreed to ask them monthly.');
	await expect(page.getByText(/of \d+ agreed/)).toContainText(/(\d+) of \1 agreed/);
	await page.screenshot({ path: 'artifacts/workshop-desk.png' });

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF action plan' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(
		/^harbour-workshop-trust-workshop-report-\d{4}-\d{2}-\d{2}\.pdf$/
	);
	const path = await download.path();
	expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
	const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(
		/\s+/g,
		' '
	);
	expect(text).toContain('Peer work readiness: workshop report');
	expect(text).toContain(ORG);
	expect(text).toContain('Who took part, and where they disagreed');
	expect(text).toMatch(/Manager 1, Clinician \/ mental health professional 1, Peer worker 1/);
	expect(text).toContain('TEAM-4');
	expect(text).toContain('Peers do not feel equal');
	execFileSync('pdftoppm', [
		'-r',
		'50',
		'-png',
		'-f',
		'1',
		'-l',
		'3',
		path,
		'artifacts/workshop-pdf'
	]);
});
