import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import {
	completeAssessment,
	expect,
	expectNoAxeViolations,
	startAssessment,
	test
} from './fixtures';

const ORG = 'Riverside Ōtautahi Peer Service';

test('results lead to an editable plan, an accessible print view and a checked PDF', async ({
	page
}) => {
	test.setTimeout(180_000);
	await startAssessment(page, ORG);
	await completeAssessment(page, (id, i) => {
		if (id === 'GOV-1' || id === 'CULT-1') return '0 · Not in place';
		if (id === 'ROLE-1') return "Don't know";
		return ['3 · In place', '2 · Agreed or planned', '4 · In place and reviewed with peer workers'][
			i % 3
		]!;
	});
	const stage = (
		await page.getByRole('heading', { name: /^Readiness stage:/ }).innerText()
	).replace('Readiness stage: ', '');
	expect(stage).toBe('Preparing: not ready to recruit yet');
	const blockers = await page.locator('.blockers h3').allInnerTexts();
	expect(blockers.map((b) => b.split(':')[0])).toEqual([
		'CULT-1',
		'CULT-2',
		'ROLE-1',
		'GOV-1',
		'GOV-2'
	]);
	expect(
		await page
			.locator('.radar canvas')
			.evaluate((c: HTMLCanvasElement) => c.getBoundingClientRect().width)
	).toBeGreaterThan(250);

	// The action plan: set owner, due date and status, edit text, reorder, remove, add; all survives a reload.
	await page.getByRole('link', { name: /Open the full action plan/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Action plan/ })).toBeVisible();
	await expectNoAxeViolations(page, 'action plan');
	const top = page.locator('li.item').filter({ hasText: 'Top 3' });
	await expect(top).toHaveCount(3);
	const topTitles = await top.locator('h2').allInnerTexts();
	const first = page.locator('li.item').first();
	await first.getByLabel('Owner').fill('Director of nursing');
	await first.getByLabel('Due date').fill('2027-03-31');
	await first.getByLabel('Status').selectOption('in-progress');
	await page
		.locator('li.item')
		.nth(1)
		.getByRole('button', { name: /^Move up/ })
		.click();
	await expect(page.locator('li.item').first().locator('h2')).toHaveText(topTitles[1]!);
	await page
		.getByLabel('Action', { exact: true })
		.last()
		.fill('Brief the union reps before advertising');
	await page.getByRole('button', { name: 'Add action' }).click();
	await expect(page.locator('li.item').last().locator('h2')).toHaveText(
		'Brief the union reps before advertising'
	);
	await page.reload();
	await expect(page.locator('li.item').first().locator('h2')).toHaveText(topTitles[1]!);
	await expect(page.locator('li.item').nth(1).getByLabel('Owner')).toHaveValue(
		'Director of nursing'
	);
	await expect(page.locator('li.item').nth(1).getByLabel('Status')).toHaveValue('in-progress');
	await expect(page.locator('li.item').last().locator('h2')).toHaveText(
		'Brief the union reps before advertising'
	);
	await page.screenshot({ path: 'artifacts/action-plan.png' });

	// The accessible HTML twin of the PDF.
	await page.getByRole('link', { name: 'Accessible report (print view)' }).click();
	await expect(page.getByRole('heading', { level: 1, name: ORG })).toBeVisible();
	await expect(page.getByRole('heading', { name: `Readiness stage: ${stage}` })).toBeVisible();
	await expect(page.locator('img.radar')).toBeVisible();
	await expectNoAxeViolations(page, 'print view');
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: 'artifacts/print-view.png' });
	await page.emulateMedia({ media: 'screen' });
	await page.goBack();

	// The PDF, timed from click to file.
	const started = Date.now();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF action plan' }).click();
	const download = await downloading;
	const path = await download.path();
	const ms = Date.now() - started;
	const today = new Date().toISOString().slice(0, 10);
	expect(download.suggestedFilename()).toBe(
		`riverside-otautahi-peer-service-readiness-plan-${today}.pdf`
	);
	const bytes = readFileSync(path);
	expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

	const pages = Number(
		/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]
	);
	expect(pages).toBeGreaterThanOrEqual(8);
	const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(
		/\s+/g,
		' '
	);
	expect(text).toContain(ORG);
	expect(text).toContain(stage);
	for (const id of ['CULT-1', 'CULT-2', 'ROLE-1', 'GOV-1', 'GOV-2'])
		expect(text).toContain(`${id}:`);
	for (const title of topTitles) expect(text).toContain(title.replace(/\s+/g, ' ').slice(0, 40));
	const raw = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(
		/\s+/g,
		' '
	);
	expect(raw).toContain('Director of nursing');
	expect(raw).toContain('2027-03-31');
	expect(raw).toContain('© Springer');
	expect(raw).toContain('Brief the union reps before advertising');
	expect(text).toContain('Evaluate an organization');
	expect(text).toMatch(/Page 1 of \d+/);
	expect(text).toContain('not validated norms');

	mkdirSync('artifacts/pdf', { recursive: true });
	for (const f of readdirSync('artifacts/pdf')) rmSync(`artifacts/pdf/${f}`);
	writeFileSync('artifacts/pdf/plan.pdf', bytes);
	execFileSync('pdftoppm', ['-r', '60', '-png', path, 'artifacts/pdf/page']);
	const phases = await page.evaluate(() =>
		Object.fromEntries(
			performance
				.getEntriesByType('measure')
				.filter((m) => m.name.startsWith('pdf:'))
				.map((m) => [m.name, Math.round(m.duration)])
		)
	);
	writeFileSync(
		'artifacts/pdf-timing.json',
		JSON.stringify({ ms, bytes: bytes.length, pages, phases })
	);
	console.log(JSON.stringify(phases));
	console.log(`PDF: ${pages} pages, ${bytes.length} bytes, ${ms} ms from click to file`);
});
