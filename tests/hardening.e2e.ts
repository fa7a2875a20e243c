import {
	answerArea,
	answerEverything,
	decideAll,
	expect,
	expectSaved,
	pdfText,
	startAssessment,
	statements,
	test
} from './fixtures';

const PAYLOAD = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">"'&`;
const pwned = (page: import('@playwright/test').Page) =>
	page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

test('after one visit the app works offline: reload, answer a whole assessment and download the PDF', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	await page.goto('/');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
	await expect
		.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 })
		.toBe(true);
	// The worker finishes caching every build file before the network goes.
	await expect
		.poll(
			() =>
				page.evaluate(async () =>
					(
						await Promise.all(
							(await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).length)
						)
					).reduce((a, b) => a + b, 0)
				),
			{ timeout: 20_000 }
		)
		.toBeGreaterThan(20);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Is your organisation ready to employ peer workers?'
	);
	const id = await startAssessment(page, 'Offline Ward');
	await page.reload();
	await expect(page.getByLabel('Organisation or service name')).toHaveValue('Offline Ward');
	await decideAll(page);
	await answerEverything(page, () => '3 · In place', { withLivedExperience: true });
	await expect(
		page.getByRole('heading', { name: 'Readiness stage: Ready to recruit' })
	).toBeVisible();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the board paper (PDF)' }).click();
	expect(pdfText(await (await downloading).path())).toContain('Offline Ward');
	await page.goto(`/assessment/${id}/plan`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Action plan');
	await context.setOffline(false);
});

test('every page carries a strict content security policy, and nothing is requested from another origin', async ({
	page
}) => {
	const documents: string[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'document') documents.push(r.url());
	});
	const id = await startAssessment(page, 'Policy Ward');
	for (const path of [
		'/',
		`/assessment/${id}/about`,
		`/assessment/${id}/plan`,
		'/workshop',
		'/about',
		'/scoring',
		'/workshop/respond'
	]) {
		await page.goto(path);
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(policy, path).toContain("default-src 'self'");
		expect(policy, path).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(policy, path).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(policy, path).toContain("object-src 'none'");
		expect(policy, path).toContain("connect-src 'self'");
	}
	expect(documents.length).toBeGreaterThan(5);
});

test('the app refuses to be framed by another site, and sends its safety headers', async ({
	page,
	baseURL,
	browser
}) => {
	const response = await page.goto('/');
	const headers = response!.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('no-referrer');
	// Another origin (127.0.0.1 is not localhost) tries to put the app in a frame.
	const other = await browser.newPage();
	await other.setContent(`<iframe src="${baseURL}/" width="600" height="400"></iframe>`, {
		waitUntil: 'load'
	});
	await other.waitForTimeout(500);
	const framed = other.frames().find((f) => f.url().startsWith(baseURL!));
	const heading = framed
		? await framed
				.locator('h1')
				.count()
				.catch(() => 0)
		: 0;
	expect(heading).toBe(0);
	await other.close();
});

test('script and markup typed into free-text fields show as text on the page, in the print view and in the PDF, and never run', async ({
	page
}) => {
	test.setTimeout(180_000);
	const id = await startAssessment(page, `Org ${PAYLOAD}`);
	await page.getByLabel(/Your name or role/).fill(`Assessor ${PAYLOAD}`);
	await decideAll(page);
	await answerArea(page, () => '1 · Informal');
	await statements(page)
		.first()
		.getByRole('button', { name: /Add a note/ })
		.click();
	await statements(page).first().getByRole('textbox').fill(`Note ${PAYLOAD}`);
	await expectSaved(page);
	await page.goto(`/assessment/${id}/plan`);
	await page.locator('li.item').first().getByLabel('Owner').fill(`Owner ${PAYLOAD}`);
	await page.getByLabel('Action', { exact: true }).fill(`Custom ${PAYLOAD}`);
	await page
		.getByLabel(/What to do/)
		.last()
		.fill(`Body ${PAYLOAD}`);
	await page.getByRole('button', { name: 'Add action' }).click();
	await expect(page.getByRole('heading', { level: 3, name: `Custom ${PAYLOAD}` })).toBeVisible();
	await expectSaved(page);

	await page.goto(`/assessment/${id}/report`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Org ${PAYLOAD}`);
	await expect(page.getByText(`Custom ${PAYLOAD}`).first()).toBeVisible();
	expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
	expect(await pwned(page)).toBeUndefined();

	await page.goto(`/assessment/${id}/results`);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the board paper (PDF)' }).click();
	const raw = pdfText(await (await downloading).path(), true).replace(/\s+/g, '');
	for (const label of ['Org', 'Assessor', 'Note', 'Owner', 'Custom', 'Body'])
		expect(raw).toContain(`${label}${PAYLOAD}`.replace(/\s+/g, ''));
	expect(await pwned(page)).toBeUndefined();
});
