// Walks the built app (served by scripts/serve.mjs) and saves a screenshot of every screen at a
// laptop and a phone size, so each can be looked at. Usage: node scripts/screens.mjs [outDir]
import { chromium, devices } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { chromiumLaunchOptions } from '../chromium.config.js';

const out = process.argv[2] ?? 'screenshots';
const base = process.env.BASE_URL ?? 'http://localhost:4173';
await mkdir(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);

const sizes = [
	{ name: 'laptop', options: { viewport: { width: 1280, height: 800 } } },
	{
		name: 'phone',
		options: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }
	}
];

for (const size of sizes) {
	const context = await browser.newContext({ ...size.options, baseURL: base });
	const page = await context.newPage();
	let n = 0;
	const shot = async (label, full = true) => {
		n++;
		await page.waitForTimeout(150);
		await page.screenshot({
			path: `${out}/${size.name}-${String(n).padStart(2, '0')}-${label}.png`,
			fullPage: full
		});
	};
	await page.goto('/');
	await shot('landing');
	await page.getByRole('link', { name: 'Start a new assessment' }).click();
	await page.getByLabel('Organisation or service name').waitFor();
	await shot('about-empty', false);
	await page.getByLabel('Organisation or service name').fill('Harbour Community Mental Health');
	await page.getByLabel(/Your name or role/).fill('Sam Lee, service manager');
	await page.getByLabel('Yes, BPD-specific').check();
	await shot('about');
	// Decision pages: take the first option of each decision.
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	for (let i = 0; i < 3; i++) {
		await page.locator('h1').first().waitFor();
		const groups = page.locator('fieldset');
		const count = await groups.count();
		for (let g = 0; g < count; g++) await groups.nth(g).getByRole('radio').first().check();
		await shot(`decisions-${i + 1}`);
		const start = page.getByRole('button', { name: 'Start the assessment' });
		if (await start.isVisible()) await start.click();
		else await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
	for (let d = 0; d < 10; d++) {
		await page.locator('article.statement').first().waitFor();
		const statements = page.locator('article.statement');
		const count = await statements.count();
		for (let i = 0; i < count; i++) {
			const level =
				d === 6 && i === 0 ? '1' : d === 4 && i === 1 ? "Don't know" : String(3 + ((i + d) % 2));
			await statements
				.nth(i)
				.getByRole('radio', { name: new RegExp(`^${level}`) })
				.first()
				.check();
		}
		if (d === 0 || d === 6) await shot(`domain-${d + 1}`, d === 0 ? false : true);
		await page
			.getByRole('button', { name: d === 9 ? 'Review answers' : 'Next', exact: true })
			.click();
	}
	await page.getByRole('button', { name: 'See results' }).waitFor();
	await shot('review');
	await page.getByRole('button', { name: 'See results' }).click();
	await page
		.getByRole('heading', { name: /Readiness stage|Results/ })
		.first()
		.waitFor();
	await shot('results');
	const id = new URL(page.url()).pathname.split('/')[2];
	for (const sub of ['plan', 'report', 'candidates']) {
		await page.goto(`/assessment/${id}/${sub}`);
		await page.locator('h1').first().waitFor();
		await page.waitForTimeout(400);
		await shot(sub);
	}
	for (const path of ['/about', '/scoring', '/workshop']) {
		await page.goto(path);
		await page.locator('h1').first().waitFor();
		await shot(path.slice(1));
	}
	await page.goto('/');
	await shot('landing-with-saved');
	await context.close();
}
await browser.close();
console.log(`Saved to ${out}/`);
