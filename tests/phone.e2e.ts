import type { Locator, Page } from '@playwright/test';
import {
	rateCultureAndFinish,
	workshopOpenForAnswers,
	choiceIn,
	decideAll,
	expect,
	expectSaved,
	PHONE,
	nameFieldMovementWhileTyping,
	rate,
	startAssessment,
	statements,
	test,
	allStatements
} from './fixtures';

test.use(PHONE);

test('on a phone, each statement with all its level descriptions fits one screen under the sticky progress line, before and after it is answered', async ({
	page
}) => {
	test.setTimeout(180_000);
	const id = await startAssessment(page, 'Phone Ward');
	await decideAll(page);
	const progress = page.locator('.phone-progress');
	await expect(progress).toHaveText(/Step \d+ of \d+ · 0 of \d+\s+answered/);
	// The progress line stays at the top while the page scrolls, and counts answers as they are given.
	const third = statements(page).nth(2);
	await third.scrollIntoViewIfNeeded();
	await choiceIn(third, '3 · In place').tap();
	await expect(progress).toHaveText(/· 1 of \d+\s+answered/);
	const box = (await progress.boundingBox())!;
	expect(box.y).toBeLessThanOrEqual(1);
	await expect(progress).toBeInViewport();
	await expectSaved(page);

	let measured = 0;
	const slugs = await page.evaluate(() =>
		[...document.querySelectorAll('.progress-nav a')].map((a) =>
			a.getAttribute('href')!.split('/').pop()!
		)
	);
	for (const slug of slugs.filter((s) => !/^(about|decisions-|review|results)/.test(s))) {
		await page.goto(`/assessment/${id}/${slug}`);
		await expect(statements(page).first()).toBeVisible();
		const available = 844 - (await progress.boundingBox())!.height;
		for (const statement of await allStatements(page)) {
			const which = await statement.getAttribute('id');
			const height = async () => Math.round((await statement.boundingBox())!.height);
			expect(await height(), `${which} is too tall`).toBeLessThanOrEqual(available);
			// Answered, a statement to be rated with people with lived experience grows a check for it.
			await rate(statement, '3 · In place');
			expect(await height(), `${which} is too tall once answered`).toBeLessThanOrEqual(available);
			measured++;
		}
		await expectSaved(page);
	}
	expect(measured).toBeGreaterThan(70);
});

/**
 * Controls on the page smaller than 44 by 44 px. A radio or checkbox counts by its label (the label
 * is what is tapped); links inside running text are exempt (they are words in a sentence, and the
 * review's lines are checked on their own below).
 */
const smallTargets = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
			.filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
			.filter((el) => !el.matches('.skip-link, .visually-hidden, .visually-hidden *'))
			.filter((el) => !(el.matches('a') && el.closest('p, li, td, dd, figcaption')))
			.map((el) => {
				const target =
					el.matches('input[type="radio"], input[type="checkbox"]') && el.closest('label')
						? el.closest('label')!
						: el;
				const box = target.getBoundingClientRect();
				return {
					control: `${el.tagName.toLowerCase()} ${(el.textContent || el.getAttribute('aria-label') || el.id || (el as HTMLInputElement).name || '').trim().slice(0, 40)}`,
					width: Math.round(box.width),
					height: Math.round(box.height)
				};
			})
			.filter((t) => t.width > 1 && (t.width < 44 || t.height < 44))
	);

test('on a phone, every control is at least 44 by 44 px on every kind of page, and taps answer', async ({
	page
}) => {
	const id = await startAssessment(page, 'Tap Ward');
	expect(await smallTargets(page), 'About your organisation').toEqual([]);
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Decisions:/ })).toBeVisible();
	expect(await smallTargets(page), 'a decisions page').toEqual([]);
	await page.goto(`/assessment/${id}/leadership`);
	const first = statements(page).first();
	await choiceIn(first, '2 · Agreed or planned').tap();
	await expect(choiceIn(first, '2 · Agreed or planned')).toBeChecked();
	await expectSaved(page);
	expect(await smallTargets(page), 'an area of statements, answered').toEqual([]);
	for (const part of ['results', 'plan', 'report']) {
		await page.goto(`/assessment/${id}/${part}`);
		await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
		expect(await smallTargets(page), part).toEqual([]);
	}
});

test('on a phone, every control on a workshop\u2019s pages is at least 44 by 44 px: the list, the desk, a participant\u2019s pages, the hand-back and the presenter view', async ({
	page
}) => {
	const { deskUrl, invite } = await workshopOpenForAnswers(page, 'Tap Workshop');
	expect(await smallTargets(page), 'the desk, invitations open').toEqual([]);
	await page.goto('/workshop');
	await expect(page.getByRole('link', { name: /Tap Workshop/ })).toBeVisible();
	expect(await smallTargets(page), 'the list of workshops').toEqual([]);
	// The workshop's name opens its desk: a link in a list item, which the sweep takes for words.
	const name = await page.getByRole('link', { name: /Tap Workshop/ }).boundingBox();
	expect(name!.height).toBeGreaterThanOrEqual(44);

	await page.goto(invite);
	await page.getByRole('radio', { name: 'Manager', exact: true }).tap();
	expect(await smallTargets(page), 'a participant\u2019s first page').toEqual([]);
	await page.getByRole('button', { name: 'Next', exact: true }).tap();
	await expect(page.getByText('Your role: Manager')).toBeVisible();
	expect(await smallTargets(page), 'a participant\u2019s later page').toEqual([]);
	await rateCultureAndFinish(page, '2', 'Finish and hand back');
	await page.getByText('No camera? Send a link or a file instead').tap();
	expect(await smallTargets(page), 'the hand-back').toEqual([]);

	await page.goto(await page.getByLabel('Your answers link').inputValue());
	expect(await smallTargets(page), 'the answers link, opened').toEqual([]);
	await page.getByRole('button', { name: 'Add them to the workshop' }).tap();
	await expect(page).toHaveURL(deskUrl);
	expect(await smallTargets(page), 'the desk with answers').toEqual([]);
	await page.getByRole('link', { name: 'Open the presenter view' }).tap();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await smallTargets(page), 'the presenter view').toEqual([]);
});

test('on a phone, the back gesture moves one step back, and a reload keeps the step', async ({
	page
}) => {
	const id = await startAssessment(page, 'History Ward');
	await decideAll(page);
	await expect(page).toHaveURL(`/assessment/${id}/leadership`);
	await choiceIn(statements(page).first(), '1 · Informal').tap();
	await page.getByRole('button', { name: 'Next', exact: true }).tap();
	await expect(page).toHaveURL(`/assessment/${id}/culture`);
	await page.getByRole('button', { name: 'Next', exact: true }).tap();
	await expect(page).toHaveURL(`/assessment/${id}/role`);
	await page.goBack();
	await expect(page).toHaveURL(`/assessment/${id}/culture`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Workplace culture, attitudes and stigma'
	);
	await page.goBack();
	await expect(page).toHaveURL(`/assessment/${id}/leadership`);
	// A reload keeps the place on the page, and Back returns to a step where it was left.
	await statements(page).nth(4).scrollIntoViewIfNeeded();
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Leadership, strategy and resourcing'
	);
	await expect(statements(page).nth(4)).toBeInViewport();
	await expect(choiceIn(statements(page).first(), '1 · Informal')).toBeChecked();
	// Back past the reload, to a step shown before it: that step of the same assessment, not the page
	// the entry was first made on (a new, blank assessment), where it was left (at its last button).
	await page.goBack();
	await expect(page).toHaveURL(`/assessment/${id}/decisions-support`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Decisions: support/);
	await expect(page.getByRole('button', { name: 'Start the assessment' })).toBeInViewport();
	await expect(page.getByRole('radio').first()).toBeChecked();
	await expect(page.getByText('History Ward').first()).toBeVisible();
});

test('on a phone, the keyboard reaches the step\u2019s statements before the step list drawn below them', async ({
	page
}) => {
	const id = await startAssessment(page, 'Keyboard Order Ward');
	await page.goto(`/assessment/${id}/leadership`);
	await expect(statements(page).first()).toBeVisible();
	const reached: string[] = [];
	for (let i = 0; i < 40 && reached.length < 2; i++) {
		await page.keyboard.press('Tab');
		const where = await page.evaluate(() =>
			document.activeElement?.closest('article.statement')
				? 'statement'
				: document.activeElement?.closest('nav[aria-label="Assessment steps"]')
					? 'step list'
					: null
		);
		if (where && !reached.includes(where)) reached.push(where);
	}
	expect(reached).toEqual(['statement', 'step list']);
});

test('the name field stays put while a long name is typed: the first save and the name in the top bar move nothing', async ({
	page
}) => {
	expect(await nameFieldMovementWhileTyping(page)).toBe(0);
});

test('on a phone, each line of the review is one tap target at least 44 px tall, tags and all', async ({
	page
}) => {
	await startAssessment(page, 'Review Ward');
	await decideAll(page);
	await page.getByRole('link', { name: 'Review what is left' }).tap();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review your answers');
	const lines = await page.evaluate(() =>
		[...document.querySelectorAll('main li:has(> a)')].map((li) => {
			li.scrollIntoView({ block: 'center' });
			const box = li.getBoundingClientRect();
			// The line's left edge (where its tags are) and its foot both belong to its link.
			const points = [
				[box.left + 2, box.top + box.height / 2],
				[box.left + box.width / 2, box.bottom - 2]
			];
			return {
				height: box.height,
				reached: points.every(
					([x, y]) => document.elementFromPoint(x!, y!)?.closest('a') === li.querySelector('a')
				)
			};
		})
	);
	expect(lines.length).toBeGreaterThan(10);
	expect(lines.filter((l) => l.height < 44 || !l.reached)).toEqual([]);
	const line = page.locator('main li:has(> a)').last();
	const href = await line.getByRole('link').getAttribute('href');
	await line.tap({ position: { x: 4, y: 10 } });
	await expect(page).toHaveURL(href!);
});

test('on a phone, the offer to restore a removed action covers nothing: the page makes room below its foot, and the keyboard\u2019s control stays clear of it', async ({
	page
}) => {
	const id = await startAssessment(page, 'Plan Ward');
	await page.goto(`/assessment/${id}/plan`);
	const cards = page.locator('li.item');
	await expect(cards.nth(2)).toBeVisible();
	await cards
		.first()
		.getByRole('button', { name: /^Remove/ })
		.tap();
	const notice = page.locator('.removed-notice');
	await expect(notice.getByRole('button', { name: 'Restore it' })).toBeInViewport();
	/** What of an element shows under the offer (its name), or null when none of it does. */
	const underNotice = async (element: Locator) =>
		notice.evaluate(
			(box, target) => {
				const a = target.getBoundingClientRect();
				const b = box.getBoundingClientRect();
				return a.bottom > b.top && a.top < b.bottom
					? (target.getAttribute('aria-label') ?? target.textContent)
					: null;
			},
			await element.elementHandle()
		);
	// The page's last words, scrolled as far as the page goes.
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	const lastWords = page.getByText('Everything you enter stays in this browser');
	await expect(lastWords).toBeInViewport();
	await expect.poll(() => underNotice(lastWords)).toBeNull();
	// A control the keyboard moves to, lying where the offer covers the screen (80 px above its foot),
	// is scrolled clear of it: Tab from the control before it, focused where it is.
	const edit = cards.nth(1).getByRole('button', { name: /^Edit text/ });
	await edit.evaluate((button) => {
		window.scrollTo(0, button.getBoundingClientRect().top + scrollY - (innerHeight - 80));
		const controls = [
			...document.querySelectorAll<HTMLElement>('button:not([disabled]), input, select, summary')
		];
		controls[controls.indexOf(button as HTMLElement) - 1]!.focus({ preventScroll: true });
	});
	expect(await underNotice(edit)).not.toBeNull();
	await page.keyboard.press('Tab');
	await expect(edit).toBeFocused();
	expect(await underNotice(edit)).toBeNull();
	// Once the action is restored, the room goes with the offer.
	await notice.getByRole('button', { name: 'Restore it' }).tap();
	await expect(notice).toBeHidden();
	expect(
		await page.evaluate(() =>
			document.documentElement.style.getPropertyValue('--pinned-message-height')
		)
	).toBe('');
});
