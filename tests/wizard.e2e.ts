import { readFileSync, writeFileSync } from 'node:fs';
import { answerDomain, expect, expectNoAxeViolations, startAssessment, test } from './fixtures';

const DOMAINS = 10;
const CRITICAL = new Set([
	'LEAD-1',
	'CULT-1',
	'CULT-2',
	'ROLE-1',
	'ROLE-4',
	'GOV-1',
	'GOV-2',
	'HR-1',
	'TRAIN-1',
	'SUPP-1'
]);

test('a manager answers a whole assessment through the UI, reloads half-way and loses nothing', async ({
	page
}) => {
	test.setTimeout(180_000);
	await startAssessment(page);
	await expectNoAxeViolations(page, 'profile step');
	await page.getByRole('radio', { name: 'Both consumer and carer peer workers' }).check();
	await page.getByRole('radio', { name: 'service user', exact: true }).check();
	await page.getByRole('button', { name: 'Next' }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Decisions, not scores' })
	).toBeFocused();
	await page.getByRole('radio', { name: /^Integrated in the team/ }).check();
	await page.getByRole('radio', { name: /^Neither read records nor write notes/ }).check();
	await expectNoAxeViolations(page, 'decisions step');
	await page.getByRole('button', { name: 'Start the assessment' }).click();

	const started = Date.now();
	let answered = 0;
	for (let domain = 0; domain < DOMAINS; domain++) {
		await expect(page.locator('#step-heading')).toBeFocused();
		answered += await answerDomain(page, (id, i) => {
			if (id === 'GOV-1') return '1 · Informal';
			if (id === 'TEAM-4') return "Don't know";
			if (CRITICAL.has(id)) return '3 · In place';
			return i % 3 === 0 ? '2 · Agreed or planned' : '3 · In place';
		});
		if (domain === 0) {
			await page
				.locator('#note-LEAD-1')
				.fill('Briefed two of three managers; <b>not</b> the night manager.');
			await expectNoAxeViolations(page, 'first domain page');
			await page.screenshot({ path: 'artifacts/statement-page.png', fullPage: false });
		}
		if (domain === 4) {
			// Close-and-reopen in the middle: everything must be where it was.
			await expect(page.getByTestId('save-status')).toContainText('Saved on this device');
			await page.reload();
			await expect(
				page.getByRole('heading', { level: 1, name: 'Recruitment and employment conditions' })
			).toBeVisible();
			await expect(page.locator('article.statement input[type=radio]:checked')).toHaveCount(
				await page.locator('article.statement').count()
			);
			await page.getByRole('button', { name: /Leadership, strategy and resourcing/ }).click();
			await expect(page.locator('#note-LEAD-1')).toHaveValue(
				'Briefed two of three managers; <b>not</b> the night manager.'
			);
			await expect(
				page.locator('#statement-LEAD-1').getByRole('radio', { name: /^3 · In place/ })
			).toBeChecked();
			await expect(
				page.locator('#statement-LEAD-4').getByRole('radio', { name: /^2 · Agreed or planned/ })
			).toBeChecked();
			await page.getByRole('button', { name: /Recruitment and employment conditions/ }).click();
		}
		const next = domain === DOMAINS - 1 ? 'Review answers' : 'Next';
		await page.getByRole('button', { name: next, exact: true }).click();
	}
	const seconds = (Date.now() - started) / 1000;
	console.log(`Answered ${answered} statements through the UI in ${seconds.toFixed(1)} s`);
	writeFileSync('artifacts/answer-timing.json', JSON.stringify({ answered, seconds }));
	expect(answered).toBeGreaterThanOrEqual(60);

	await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeFocused();
	await expect(page.locator('#main')).toContainText('0 unanswered and 1 "Don\'t know"');
	await expect(page.getByRole('button', { name: /TEAM-4:/ })).toBeVisible();
	await expectNoAxeViolations(page, 'review step');
	await page.screenshot({ path: 'artifacts/review.png', fullPage: true });

	// Jump from the review straight to the statement, fix it, and come back.
	await page.getByRole('button', { name: /TEAM-4:/ }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Team integration and power' })
	).toBeVisible();
	await page
		.locator('#statement-TEAM-4')
		.getByRole('radio', { name: /^2 · Agreed/ })
		.check();
	await page.getByRole('button', { name: 'Review', exact: true }).click();
	await expect(page.getByText('Every statement that applies has a rating.')).toBeVisible();

	await page.getByRole('button', { name: 'See results' }).click();
	await expect(page.getByRole('heading', { name: /Readiness stage: Preparing/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: /GOV-1:/ })).toBeVisible();
	await expect(page.getByText(/High confidence\./)).toBeVisible();
	// The terminology followed the profile.
	await expect(page.locator('.blockers')).toContainText('relationship with the service user');
	await expect(page.locator('canvas').first()).toBeVisible();
	await expectNoAxeViolations(page, 'results');
	await page.screenshot({ path: 'artifacts/results.png', fullPage: true });
});

test('navigation works with the keyboard alone, including arrow keys inside a rating group', async ({
	page
}) => {
	await startAssessment(page, 'Keyboard Trust');
	await page.getByRole('button', { name: /Workplace culture, attitudes and stigma/ }).focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('#step-heading')).toBeFocused();
	await expect(page.locator('#step-heading')).toHaveText('Workplace culture, attitudes and stigma');
	const first = page.locator('#statement-CULT-1 input[type=radio]').first();
	await first.focus();
	await page.keyboard.press('Space');
	await expect(first).toBeChecked();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(
		page.locator('#statement-CULT-1').getByRole('radio', { name: /^2 · Agreed or planned/ })
	).toBeChecked();
	await expect(page.getByText('1 of 7 answered in this domain')).toBeVisible();
});

test('export to JSON and import it back gives the same assessment; a corrupt file changes nothing', async ({
	page
}) => {
	const url = await startAssessment(page, 'Round Trip Health');
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('radio', { name: /^Complementary to the team/ }).check();
	await page.getByRole('button', { name: 'Start the assessment' }).click();
	await answerDomain(page, (_, i) =>
		i % 2 ? '4 · In place and reviewed with peer workers' : "Don't know"
	);
	await page.locator('#note-LEAD-2').fill('Sponsor: Dr Ngọc Anh — “champion”');
	await page.getByRole('button', { name: 'Results', exact: true }).click();

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Save as JSON file' }).click();
	const file = await (await download).path();
	const exported = JSON.parse(readFileSync(file, 'utf8'));
	expect(exported.schemaVersion).toBe(2);
	expect(exported.answers['LEAD-2'].note).toBe('Sponsor: Dr Ngọc Anh — “champion”');

	const csvDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Answers as CSV' }).click();
	const csv = readFileSync(await (await csvDownload).path(), 'utf8');
	expect(csv.split('\r\n')[0]).toBe(
		'domain,statement_id,statement,critical,status,level,answer,note'
	);
	expect(csv).toContain('Sponsor: Dr Ngọc Anh — “champion”');

	await page.goto('/');
	await page.locator('input[type=file]').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"schemaVersion":2,"id":"x","answers":{"__proto__":{"rating":4}}}')
	});
	await expect(
		page.getByText(/Import failed: The file contains a forbidden key "__proto__"/)
	).toBeVisible();
	await page.locator('input[type=file]').setInputFiles({
		name: 'truncated.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(exported).slice(0, 300))
	});
	await expect(page.getByText(/Import failed: This file is not valid JSON/)).toBeVisible();
	await page.locator('input[type=file]').setInputFiles({
		name: 'future.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ ...exported, schemaVersion: 9 }))
	});
	await expect(page.getByText(/newer version of the app \(format 9\)/)).toBeVisible();
	await expect(page.locator('.saved')).toHaveCount(1);

	await page.locator('input[type=file]').setInputFiles(file);
	await expect(page.getByText(/^Imported Round Trip Health/)).toBeVisible();
	await expect(page.locator('.saved')).toHaveCount(2);
	const stored = await page.evaluate(() =>
		Object.keys(localStorage)
			.filter((k) => k.startsWith('pwr.assessment.'))
			.map((k) => JSON.parse(localStorage.getItem(k)!))
	);
	const imported = stored.find((a: { id: string }) => a.id !== exported.id);
	expect({ ...imported, id: exported.id }).toEqual(exported);
	expect(url).toContain(exported.id);
	await page.screenshot({ path: 'artifacts/assessment-list.png', fullPage: true });
	await expectNoAxeViolations(page, 'landing with saved assessments');
});

test('corrupt storage is set aside with a message, can be downloaded, and the app still starts', async ({
	page
}) => {
	await page.goto('/');
	// Plant the damaged entry only after the first listing, so it is found on the reload.
	await expect(page.getByText('No assessments saved on this device yet.')).toBeVisible();
	await page.evaluate(() =>
		localStorage.setItem('pwr.assessment.damaged', '{"schemaVersion": 2, "answers": {')
	);
	await page.reload();
	await expect(
		page.getByRole('alert').filter({ hasText: 'could not be read and has been set aside' })
	).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download it' }).click();
	expect(readFileSync(await (await download).path(), 'utf8')).toBe(
		'{"schemaVersion": 2, "answers": {'
	);
	await page.getByRole('button', { name: 'Start a new assessment' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'About your organisation' })
	).toBeVisible();
});

test('rename, duplicate, delete with undo, and clear all data', async ({ page }) => {
	await startAssessment(page, 'List Clinic');
	await page.goto('/');
	await page.getByRole('button', { name: /^Rename/ }).click();
	await page.getByLabel('New name').fill('List Clinic – spring review');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(
		page.getByRole('heading', { level: 3, name: 'List Clinic – spring review' })
	).toBeVisible();
	await page.getByRole('button', { name: /^Duplicate/ }).click();
	await expect(
		page.getByRole('heading', { level: 3, name: 'Copy of List Clinic – spring review' })
	).toBeVisible();
	await page.getByRole('button', { name: /^Delete Copy of/ }).click();
	await expect(page.locator('.saved')).toHaveCount(1);
	await page.getByRole('button', { name: 'Undo delete' }).click();
	await expect(page.locator('.saved')).toHaveCount(2);
	await page.getByRole('button', { name: 'Clear all data on this device' }).click();
	await page.getByRole('button', { name: 'Yes, clear everything' }).click();
	await expect(page.getByText('No assessments saved on this device yet.')).toBeVisible();
	expect(
		await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pwr.')))
	).toEqual([]);
});
