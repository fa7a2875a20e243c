import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Every test page records console errors and requests to any origin but the app's own, and fails on either. */
export const test = base.extend<{
	guarded: { consoleErrors: string[]; foreignRequests: string[] };
}>({
	guarded: [
		async ({ page, baseURL }, use) => {
			const consoleErrors: string[] = [];
			const foreignRequests: string[] = [];
			const origin = new URL(baseURL!).origin;
			page.on('console', (message) => {
				if (message.type() === 'error') consoleErrors.push(message.text());
			});
			page.on('pageerror', (error) => consoleErrors.push(String(error)));
			page.on('request', (request) => {
				const url = request.url();
				if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
					foreignRequests.push(url);
			});
			await use({ consoleErrors, foreignRequests });
			expect(consoleErrors, 'console errors').toEqual([]);
			expect(foreignRequests, 'requests to other origins').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

export async function expectNoAxeViolations(page: Page, label: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id}: ${v.help} (${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(' | ')})`
	);
	expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Starts a new assessment from the landing page and fills the profile. */
export async function startAssessment(
	page: Page,
	organisation = 'Harbour Community Mental Health'
) {
	await page.goto('/');
	await page.getByRole('button', { name: 'Start a new assessment' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'About your organisation' })
	).toBeVisible();
	await page.getByLabel('Organisation or service name').fill(organisation);
	await page.getByLabel('Your name or role').fill('Service manager');
	return page.url();
}

/** Rates every statement on the current domain page with the level chosen for it. */
export async function answerDomain(
	page: Page,
	choose: (statementId: string, index: number) => string
) {
	const statements = page.locator('article.statement');
	const count = await statements.count();
	for (let i = 0; i < count; i++) {
		const statement = statements.nth(i);
		const id = (await statement.getAttribute('id'))!.replace('statement-', '');
		await statement.getByRole('radio', { name: new RegExp(`^${escape(choose(id, i))}`) }).check();
	}
	return count;
}

function escape(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Answers every domain with `choose` and lands on the results page. */
export async function completeAssessment(
	page: Page,
	choose: (statementId: string, index: number) => string
) {
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Start the assessment' }).click();
	for (let domain = 0; domain < 10; domain++) {
		await answerDomain(page, choose);
		await page
			.getByRole('button', { name: domain === 9 ? 'Review answers' : 'Next', exact: true })
			.click();
	}
	await page.getByRole('button', { name: 'See results' }).click();
	await expect(page.getByRole('heading', { name: /^Readiness stage:/ })).toBeVisible();
}
