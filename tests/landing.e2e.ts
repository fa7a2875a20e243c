import { mkdirSync } from 'node:fs';
import { expect, expectNoAxeViolations, test } from './fixtures';

mkdirSync('artifacts', { recursive: true });

test('the landing page paints its content before scripts run, with no errors and no outside requests', async ({
	page,
	browser
}) => {
	const noScript = await browser.newContext({ javaScriptEnabled: false });
	const bare = await noScript.newPage();
	await bare.goto('/');
	await expect(bare.getByRole('heading', { level: 1 })).toHaveText(
		'Is your organisation ready to employ peer workers?'
	);
	await expect(bare.getByRole('button', { name: 'Start a new assessment' })).toBeVisible();
	await noScript.close();

	await page.goto('/');
	await expect(page.getByText('No assessments saved on this device yet.')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
	const csp = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(csp).toContain("script-src 'self' 'sha256-");
	expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
});

test('keyboard alone reaches the skip link and then "Start a new assessment"', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
	await page.keyboard.press('Enter');
	let reached = false;
	for (let i = 0; i < 10 && !reached; i++) {
		await page.keyboard.press('Tab');
		reached = await page
			.getByRole('button', { name: 'Start a new assessment' })
			.evaluate((el) => el === document.activeElement);
	}
	expect(reached).toBe(true);
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('heading', { level: 1, name: 'About your organisation' })
	).toBeVisible();
});

for (const path of ['/', '/about', '/scoring', '/workshop']) {
	test(`axe finds no violations on ${path}`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoAxeViolations(page, path);
	});
}

test('the evidence page lists the five sources and the coverage table', async ({ page }) => {
	await page.goto('/about');
	await expect(page.getByText('Barr KR, Townsend ML, Grenyer BFS.')).toBeVisible();
	await expect(page.getByText(/Licensed under CC BY 4.0/)).toBeVisible();
	await expect(page.getByText(/Not open access: paraphrased/)).toBeVisible();
	await expect(page.locator('ol.sources > li')).toHaveCount(5);
	await expect(page.getByRole('row', { name: /Barr R1/ })).toContainText('CULT-1 (critical)');
});

test('screenshots of the landing page on a laptop and a phone', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByText('No assessments saved on this device yet.')).toBeVisible();
	await page.screenshot({ path: 'artifacts/landing-1280x800.png' });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'artifacts/landing-390x844.png', fullPage: false });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth > window.innerWidth
	);
	expect(overflow, 'no sideways scrolling on a phone').toBe(false);
});
