import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

/** Every test page records console errors and requests to any origin but the app's own, and fails on either. */
export const test = base.extend<{
	guarded: { consoleErrors: string[]; foreignRequests: string[]; allow: (pattern: RegExp) => void };
}>({
	guarded: [
		async ({ page, baseURL }, use) => {
			const consoleErrors: string[] = [];
			const foreignRequests: string[] = [];
			const allowed: RegExp[] = [];
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
			await use({ consoleErrors, foreignRequests, allow: (pattern) => void allowed.push(pattern) });
			expect(
				consoleErrors.filter((e) => !allowed.some((p) => p.test(e))),
				'console errors'
			).toEqual([]);
			expect(foreignRequests, 'requests to other origins').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

export const PHONE = {
	viewport: { width: 390, height: 844 },
	hasTouch: true,
	isMobile: true,
	deviceScaleFactor: 2
};

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

/** Waits until the page says every change is committed to this device's storage. */
export async function expectSaved(page: Page) {
	await expect(page.getByTestId('save-status').first()).toHaveAttribute('data-state', 'saved');
}

/** Starts a new assessment from the landing page and fills the profile. Returns the assessment's id. */
export async function startAssessment(
	page: Page,
	organisation = 'Harbour Community Mental Health'
) {
	await page.goto('/');
	await page.getByRole('link', { name: 'Start a new assessment' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'About your organisation' })
	).toBeVisible();
	await page.getByLabel('Organisation or service name').fill(organisation);
	await expect(page).toHaveURL(/\/assessment\/[^/]+\/about$/);
	await page.getByLabel(/Your name or role/).fill('Sam Lee, service manager');
	await page.getByLabel('Yes, BPD-specific').check();
	await page.getByRole('radio', { name: /Consumer peer workers only/ }).check();
	await expectSaved(page);
	return new URL(page.url()).pathname.split('/')[2]!;
}

/**
 * Types a long organisation name into a new assessment, key by key, and says how far the name field
 * moved meanwhile (the first key press saves the assessment and names it in the top bar).
 */
export async function nameFieldMovementWhileTyping(page: Page): Promise<number> {
	await page.goto('/');
	await page.getByRole('link', { name: 'Start a new assessment' }).click();
	const field = page.getByLabel('Organisation or service name');
	const top = () => field.evaluate((e) => e.getBoundingClientRect().top);
	const before = await top();
	await field.pressSequentially('Harbour Community Mental Health and Wellbeing Service', {
		delay: 10
	});
	await expectSaved(page);
	return Math.abs((await top()) - before);
}

/** Makes every decision on the decision pages (the first option of each) and arrives at the first area. */
export async function decideAll(page: Page) {
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	for (;;) {
		await expect(page.getByRole('heading', { level: 1, name: /^Decisions:/ })).toBeVisible();
		// Decisions only: a statement may be drawn out of sight on these pages meanwhile (and removed).
		for (const group of await page.locator('main fieldset.decision').all())
			await group.getByRole('radio').first().check();
		const start = page.getByRole('button', { name: 'Start the assessment' });
		if (await start.isVisible()) {
			await start.click();
			return;
		}
		await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
}

/** The statements on the current page. */
export const statements = (page: Page) => page.locator('article.statement');

/**
 * Every statement on the current area page. A step moved on to draws its first screen first and
 * the rest just after (the page is `aria-busy` meanwhile), so this waits for the whole step.
 */
export async function allStatements(page: Page) {
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	return statements(page).all();
}

/** Rates every statement on the current area page with the choice `choose` names (the start of its label). */
export async function answerArea(
	page: Page,
	choose: (statementId: string, index: number) => string,
	options: { withLivedExperience?: boolean } = {}
) {
	const all = await allStatements(page);
	for (const [i, statement] of all.entries()) {
		const id = (await statement.getAttribute('id'))!.replace('statement-', '');
		await rate(statement, choose(id, i));
		const lived = statement.getByRole('checkbox', {
			name: /made with, or checked by, people with lived experience/i
		});
		if (options.withLivedExperience && (await lived.count())) await lived.check();
	}
	return all.length;
}

export const choiceIn = (statement: Locator, label: string) =>
	statement.getByRole('radio', {
		name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
	});

/**
 * Rates a statement with the choice `label` names, and waits until the answer is taken. The radio
 * shows as chosen at once; the answer is taken (saved, counted, highlighted) just after that paint,
 * so "Saved" read before then still describes the state before the answer.
 */
export async function rate(statement: Locator, label: string) {
	await choiceIn(statement, label).check();
	await expect(statement.locator('label.chosen')).toContainText(label);
}

/** Answers every area with `choose` and lands on the results. */
export async function answerEverything(
	page: Page,
	choose: (statementId: string, index: number) => string,
	options: { withLivedExperience?: boolean } = {}
) {
	for (;;) {
		await expect(statements(page).first()).toBeVisible();
		await answerArea(page, choose, options);
		const review = page.getByRole('button', { name: 'Review answers', exact: true });
		if (await review.isVisible()) {
			await review.click();
			break;
		}
		await page.getByRole('button', { name: 'Next', exact: true }).click();
	}
	await page.getByRole('button', { name: 'See results' }).click();
	await expect(page.getByRole('heading', { name: /^Readiness stage:/ })).toBeVisible();
	// The button pressed is gone from the results: the focus is on the step's heading, not lost.
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	await expectSaved(page);
}

/** The text of a downloaded PDF, laid out as it reads. */
export function pdfText(path: string, raw = false): string {
	return execFileSync('pdftotext', [...(raw ? ['-raw'] : ['-layout']), path, '-'], {
		encoding: 'utf8'
	});
}

export function pdfPages(path: string): number {
	const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
	return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

/** Statement and action codes: never shown to people before the appendix. */
export const STATEMENT_CODE =
	/\b(?:A-)?(?:LEAD|CULT|ROLE|GOV|HR|TRAIN|SUPP|TEAM|ACCESS|EVAL)-\d+\b/;

/** One participant on their own device: choose a role, rate one statement where it appears, finish. */
export async function answerOnOwnDevice(
	page: Page,
	invite: string,
	role: string,
	rating: string,
	name = ''
) {
	await page.goto(invite);
	await page.getByRole('radio', { name: role, exact: true }).check();
	if (name) await page.getByLabel(/Your name/).fill(name);
	await rateCultureAndFinish(page, rating, 'Finish and hand back');
}

export async function rateCultureAndFinish(page: Page, rating: string, finish: string) {
	for (;;) {
		const statement = page
			.locator('article.statement')
			.filter({ hasText: /own goals and a good life|recovery-oriented way/ });
		if (await statement.count())
			await statement
				.getByRole('radio', { name: new RegExp(`^${rating}`) })
				.first()
				.check();
		const next = page.getByRole('button', { name: 'Next', exact: true });
		if (await next.isVisible()) await next.click();
		else break;
	}
	await page.getByRole('button', { name: finish }).click();
}

/** A workshop created from the workshop page the browser is on. Leaves the page on its desk; returns its address. */
export async function createWorkshop(page: Page, name: string) {
	await page.getByLabel('Organisation or service name').fill(name);
	await page.getByRole('button', { name: 'Create the workshop' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	return page.url();
}

/**
 * A new workshop's set-up (BPD-specific, every decision made), then its invitations opened. Leaves
 * the page on the desk; returns the link that answers in turn on this device.
 */
export async function openInvitations(page: Page, deskUrl: string) {
	await page.getByRole('link', { name: 'Set up profile and decisions' }).click();
	await page.getByLabel('Yes, BPD-specific').check();
	await decideAll(page);
	await expectSaved(page);
	await page.goto(deskUrl);
	await page.getByRole('button', { name: 'They are ready: open the invitations' }).click();
	return (await page
		.getByRole('link', { name: 'Answer in turn on this device' })
		.getAttribute('href'))!;
}

/**
 * A workshop created on the facilitator's laptop, set up and with its invitations open. Leaves the
 * page on the desk.
 */
export async function workshopOpenForAnswers(page: Page, name: string) {
	await page.goto('/workshop');
	const deskUrl = await createWorkshop(page, name);
	const invite = (await openInvitations(page, deskUrl)).replace('?in-turn=1', '');
	return { deskUrl, invite };
}
