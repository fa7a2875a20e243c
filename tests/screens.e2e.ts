import type { Page } from '@playwright/test';
import {
	answerEverything,
	createWorkshop,
	decideAll,
	expect,
	expectNoAxeViolations,
	openInvitations,
	PHONE,
	startAssessment,
	test
} from './fixtures';

/**
 * Every screen, at a laptop and a phone size: axe finds nothing, nothing scrolls sideways, and a
 * screenshot is kept in test-results/screens for a person to look at.
 */
const SIZES = [
	{ name: 'laptop', use: { viewport: { width: 1280, height: 800 } } },
	{ name: 'phone', use: PHONE },
	// A projector at 1280x720 with the browser zoomed to 150%.
	{ name: 'projector', use: { viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 } }
] as const;

for (const size of SIZES) {
	test.describe(`every screen at ${size.name} size`, () => {
		test.use(size.use);

		async function check(page: Page, label: string) {
			await expect(page.locator('h1').first()).toBeVisible();
			// A step moved on to draws its first screen first, and charts are drawn as they come near
			// the screen: the whole page is checked, as a reader scrolling down it would see it.
			await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
			await page.evaluate(async () => {
				const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
				for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
					window.scrollTo(0, y);
					await frame();
					await frame();
				}
				window.scrollTo(0, 0);
			});
			await expectNoAxeViolations(page, `${label} (${size.name})`);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
			await page.screenshot({
				path: `test-results/screens/${size.name}-${label}.png`,
				fullPage: true
			});
		}

		test('the assessment, its results, plan, report and pages around it', async ({
			page,
			guarded
		}) => {
			test.skip(size.name === 'projector', 'The projector size is for the workshop screens.');
			// SvelteKit logs the 404 it renders for an unknown address.
			guarded.allow(/Not found: \/no-such-page/);
			test.setTimeout(360_000);
			await page.goto('/');
			await check(page, '01-landing');
			await page.getByRole('link', { name: 'Start a new assessment' }).click();
			await check(page, '02-about-new');
			const id = await startAssessment(page, 'Screens Ward');
			await page.getByRole('button', { name: 'Next', exact: true }).click();
			await check(page, '03-decisions-model');
			await page.goto(`/assessment/${id}/decisions-posts`);
			await check(page, '04-decisions-posts');
			await page.goto(`/assessment/${id}/decisions-support`);
			await check(page, '05-decisions-support');
			await page.goto(`/assessment/${id}/about`);
			await decideAll(page);
			await check(page, '06-area');
			await answerEverything(
				page,
				(_, i) =>
					['3 · In place', '2 · Agreed or planned', "Don't know", '4 · In place and reviewed'][
						i % 4
					]!
			);
			await check(page, '08-results');
			await page.goto(`/assessment/${id}/review`);
			await check(page, '07-review');
			await page.goto(`/assessment/${id}/plan`);
			await check(page, '09-plan-cards');
			await page.getByRole('radio', { name: 'Compact table' }).check();
			const region = page.getByRole('region', { name: /: actions$/ }).first();
			await region.focus();
			await expect(region).toBeFocused();
			await check(page, '10-plan-table');
			await page.goto(`/assessment/${id}/report`);
			await check(page, '11-report');
			await page.goto(`/assessment/${id}/candidates`);
			await check(page, '12-candidates');
			await page.goto('/');
			await page.getByRole('button', { name: /^Duplicate/ }).click();
			await expect(page.getByText(/^Made a copy/)).toBeVisible();
			await page.goto(`/assessment/${id}/compare`);
			await page.getByRole('combobox').first().selectOption({ index: 1 });
			await check(page, '13-compare');
			await page.goto('/about');
			await check(page, '14-evidence');
			await page.goto('/scoring');
			await check(page, '15-scoring');
			await page.goto('/no-such-page');
			await check(page, '16-not-found');
			await page.goto('/');
			await check(page, '17-landing-with-saved');
		});

		test('the workshop: set-up, the desk, a participant, the presenter and the return page', async ({
			page
		}) => {
			test.setTimeout(180_000);
			await page.goto('/workshop');
			await check(page, '20-workshop');
			const desk = await createWorkshop(page, 'Screens Workshop');
			await check(page, '21-desk-set-up');
			const respond = await openInvitations(page, desk);
			await check(page, '22-desk-invite');
			await page.goto('/workshop');
			await page.goto(respond);
			await check(page, '23-participant-role');
			await page.getByRole('radio', { name: 'Consumer / service user' }).check();
			await check(page, '24-participant-form');
			await page.goto('/workshop');
			await page
				.getByRole('link', { name: /Screens Workshop/ })
				.first()
				.click();
			await page.getByRole('link', { name: 'Presenter view' }).click();
			await check(page, '25-presenter');
			await page.goto('/workshop/return');
			await check(page, '26-return');
		});
	});
}
