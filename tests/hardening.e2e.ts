import { execFileSync } from 'node:child_process';
import { answerDomain, completeAssessment, expect, startAssessment, test } from './fixtures';

const PAYLOAD = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">"'&`;

test('after one visit the app works offline: reload, complete an assessment and download the PDF', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	await page.goto('/');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	// Let the worker finish caching every build asset before the network goes.
	await expect
		.poll(() => page.evaluate(async () => (await caches.keys()).length))
		.toBeGreaterThan(0);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Is your organisation ready to employ peer workers?'
	);
	await startAssessment(page, 'Offline Ward');
	await page.reload(); // a non-prerendered route, offline
	await expect(page.getByLabel('Organisation or service name')).toHaveValue('Offline Ward');
	await completeAssessment(page, () => '3 · In place');
	await expect(
		page.getByRole('heading', { name: 'Readiness stage: Ready to recruit' })
	).toBeVisible();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF action plan' }).click();
	const text = execFileSync('pdftotext', [await (await downloading).path(), '-'], {
		encoding: 'utf8'
	});
	expect(text).toContain('Offline Ward');
	await context.setOffline(false);
});

test('every request during a whole assessment, PDF, import and workshop stays on this origin, under a strict CSP', async ({
	page,
	baseURL
}) => {
	test.setTimeout(180_000);
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	const cspHeaders: string[] = [];
	page.on('response', async (r) => {
		if (r.request().resourceType() === 'document')
			cspHeaders.push((await r.headerValue('content-security-policy')) ?? '');
	});
	await startAssessment(page, 'Request Audit');
	await completeAssessment(page, (_, i) =>
		i % 2 ? '2 · Agreed or planned' : '4 · In place and reviewed with peer workers'
	);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF action plan' }).click();
	await downloading;
	const saving = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Save as JSON file' }).click();
	const file = await (await saving).path();
	await page.goto('/');
	await page.locator('input[type=file]').setInputFiles(file);
	await expect(page.getByText(/^Imported Request Audit/)).toBeVisible();
	await page.goto('/workshop');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	const origin = new URL(baseURL!).origin;
	const foreign = requests.filter(
		(u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')
	);
	expect(foreign).toEqual([]);
	expect(requests.length).toBeGreaterThan(10);
	// Every document carries a CSP: as a header (SPA routes) or a meta tag (prerendered pages).
	await page.goto('/');
	const meta = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content', { timeout: 5000 });
	expect(cspHeaders.filter(Boolean).length, 'SPA routes send a CSP header').toBeGreaterThan(0);
	for (const policy of [...cspHeaders.filter(Boolean), meta ?? '']) {
		expect(policy).toContain("default-src 'self'");
		expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')*( 'nonce-[^']+')*;/);
		expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(policy).toContain("object-src 'none'");
	}
});

test('script and markup typed into every free-text field show as text in the page, the print view and the PDF, and never run', async ({
	page
}) => {
	test.setTimeout(180_000);
	await startAssessment(page, `Org ${PAYLOAD}`);
	await page.getByLabel('Your name or role').fill(`Assessor ${PAYLOAD}`);
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Start the assessment' }).click();
	await answerDomain(page, () => '1 · Informal');
	await page.locator('#note-LEAD-1').fill(`Note ${PAYLOAD}`);
	await page.getByRole('button', { name: 'Results', exact: true }).click();
	await page.getByRole('link', { name: /Open the full action plan/ }).click();
	await page.locator('li.item').first().getByLabel('Owner').fill(`Owner ${PAYLOAD}`);
	await page.getByLabel('Action', { exact: true }).last().fill(`Custom ${PAYLOAD}`);
	await page
		.getByLabel(/What to do/)
		.last()
		.fill(`Body ${PAYLOAD}`);
	await page.getByRole('button', { name: 'Add action' }).click();
	await expect(page.locator('li.item').last().locator('h2')).toHaveText(`Custom ${PAYLOAD}`);

	await page.getByRole('link', { name: 'Accessible report (print view)' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Org ${PAYLOAD}`);
	await expect(page.getByText(`Note ${PAYLOAD}`)).toBeVisible();
	await expect(page.getByText(`Custom ${PAYLOAD}`)).toBeVisible();
	expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
	expect(
		await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
	).toBeUndefined();
	await page.goBack();

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF action plan' }).click();
	// Table cells wrap long tokens, so compare with white space removed.
	const raw = execFileSync('pdftotext', ['-raw', await (await downloading).path(), '-'], {
		encoding: 'utf8'
	}).replace(/\s+/g, '');
	for (const label of ['Org', 'Assessor', 'Note', 'Owner', 'Custom', 'Body']) {
		expect(raw).toContain(`${label}${PAYLOAD}`.replace(/\s+/g, ''));
	}

	// The workshop participant's name is user text too.
	await page.goto('/workshop');
	await page.getByLabel('Organisation or service name').fill(`WS ${PAYLOAD}`);
	await page.getByRole('button', { name: 'Create the workshop' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Workshop: WS ${PAYLOAD}`);
	await page.getByRole('link', { name: 'Answer in turn on this device' }).click();
	await page.getByRole('radio', { name: 'Manager', exact: true }).check();
	await page.getByLabel(/Your name/).fill(`Name ${PAYLOAD}`);
	await page.getByRole('button', { name: 'Finish and get my answers link' }).click();
	await page.getByRole('button', { name: 'Add my answers to the workshop on this device' }).click();
	await page.getByRole('link', { name: 'Back to the workshop desk' }).click();
	await page.getByText('Participants (anonymous by role)').click();
	await expect(page.getByText(`Manager (Name ${PAYLOAD})`, { exact: false })).toBeVisible();
	expect(
		await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
	).toBeUndefined();
});
