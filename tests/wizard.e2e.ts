import { readFile, writeFile } from 'node:fs/promises';
import {
	allStatements,
	answerArea,
	answerEverything,
	choiceIn,
	decideAll,
	expect,
	expectSaved,
	nameFieldMovementWhileTyping,
	rate,
	startAssessment,
	statements,
	test
} from './fixtures';

test('"Start a new assessment" is a real link and saves nothing until the first answer or name', async ({
	page
}) => {
	await page.goto('/');
	const start = page.getByRole('link', { name: 'Start a new assessment' });
	await expect(start).toHaveAttribute('href', '/assessment/new');
	await expect(page.getByRole('button', { name: /Clear all data/ })).toHaveCount(0);
	await start.click();
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'new');
	await expect(page.getByLabel('Yes, BPD-specific')).not.toBeChecked();
	await expect(page.getByLabel('No, general wording')).not.toBeChecked();
	await page.goto('/');
	await expect(page.getByText('No assessments saved on this device yet.')).toBeVisible();
});

test('while the first page is read, the assessment\u2019s code loads, so Start fetches no code', async ({
	page
}) => {
	await page.goto('/');
	// The page marks the moment the assessment's code, loaded while the browser was idle, is ready.
	await page.waitForFunction(
		() => performance.getEntriesByName('warm-up: the assessment, loaded').length === 1
	);
	const fetchedForStart: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script' || request.url().endsWith('.js'))
			fetchedForStart.push(request.url());
	});
	await page.getByRole('link', { name: 'Start a new assessment' }).click();
	await expect(page.getByLabel('Organisation or service name')).toBeVisible();
	expect(fetchedForStart).toEqual([]);
});

test('a first visit creates nothing on the device, and a saved copy opened there, or work saved in another tab, is listed at once', async ({
	page,
	browser,
	baseURL
}) => {
	await startAssessment(page, 'Carried Over Ward');
	await page.goto('/');
	const saving = page.waitForEvent('download');
	await page.getByRole('button', { name: /^Save a copy as a file/ }).click();
	const file = await (await saving).path();

	const newDevice = await browser.newContext({ baseURL });
	const visitor = await newDevice.newPage();
	await visitor.goto('/');
	await expect(visitor.getByText('No assessments saved on this device yet.')).toBeVisible();
	const databases = () =>
		visitor.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
	expect(await databases()).toEqual([]);
	await expect(visitor.getByRole('button', { name: /Clear all data/ })).toHaveCount(0);
	await visitor.locator('input[type=file]').setInputFiles(file);
	await expect(visitor.getByRole('heading', { level: 3, name: /Carried Over Ward/ })).toBeVisible();
	await expect(visitor.getByRole('link', { name: /^Continue/ })).toHaveCount(1);
	expect(await databases()).toEqual(['peer-work-readiness']);

	const anotherDevice = await browser.newContext({ baseURL });
	const home = await anotherDevice.newPage();
	await home.goto('/');
	await expect(home.getByText('No assessments saved on this device yet.')).toBeVisible();
	await startAssessment(await anotherDevice.newPage(), 'Started Elsewhere');
	await expect(home.getByRole('heading', { level: 3, name: /Started Elsewhere/ })).toBeVisible();
	await newDevice.close();
	await anotherDevice.close();
});

test('a tap on "Start" before the page\u2019s script has run still starts an assessment', async ({
	page
}) => {
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/entry/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/', { waitUntil: 'domcontentloaded' });
	// Nothing has hydrated: the link is still the prerendered one.
	await expect(page.getByRole('link', { name: 'Start a new assessment' })).toHaveAttribute(
		'href',
		'./assessment/new'
	);
	await page.getByRole('link', { name: 'Start a new assessment' }).click();
	release();
	await expect(
		page.getByRole('heading', { level: 1, name: 'About your organisation' })
	).toBeVisible();
});

test('once the landing page is left, its saved list stops re-reading the device on every answer', async ({
	page
}) => {
	// Counts whole-store reads (the saved list's way of reading the device), from the first script on.
	await page.addInitScript(() => {
		const w = window as unknown as { wholeStoreReads: number };
		w.wholeStoreReads = 0;
		const getAll = IDBObjectStore.prototype.getAll;
		IDBObjectStore.prototype.getAll = function (...args) {
			w.wholeStoreReads++;
			return getAll.apply(this, args);
		};
	});
	const reads = () =>
		page.evaluate(() => (window as unknown as { wholeStoreReads: number }).wholeStoreReads);
	// With something saved, the landing page reads the device to list it (with nothing, it reads nothing).
	await startAssessment(page, 'Listed Ward');
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 3, name: /Listed Ward/ })).toBeVisible();
	expect(await reads()).toBeGreaterThan(0);
	await startAssessment(page);
	await decideAll(page);
	const before = await reads();
	for (const statement of (await allStatements(page)).slice(0, 4))
		await rate(statement, '3 · In place');
	await expectSaved(page);
	expect(await reads()).toBe(before);
});

test('a manager answers a whole assessment: every step has its own address, Back moves one step, and a reload keeps the step and every answer', async ({
	page
}) => {
	test.setTimeout(180_000);
	const id = await startAssessment(page);
	await decideAll(page);
	await expect(page).toHaveURL(new RegExp(`/assessment/${id}/leadership$`));
	await answerArea(page, (_, i) => (i === 0 ? '2 · Agreed or planned' : '3 · In place'));
	await page
		.locator('#statement-LEAD-1')
		.getByRole('button', { name: /Add a note/ })
		.click();
	await page.getByLabel(/^Note/).fill('Briefing booked for 12 January');
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/assessment/${id}/culture$`));
	await rate(statements(page).first(), '1 · Informal');
	await expectSaved(page);

	await page.goBack();
	await expect(page).toHaveURL(/\/leadership$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Leadership, strategy and resourcing'
	);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Leadership, strategy and resourcing'
	);
	await expect(choiceIn(page.locator('#statement-LEAD-1'), '2 · Agreed or planned')).toBeChecked();
	await expect(page.getByLabel(/^Note/)).toHaveValue('Briefing booked for 12 January');
	await page.goForward();
	await expect(page).toHaveURL(/\/culture$/);
	await expect(choiceIn(statements(page).first(), '1 · Informal')).toBeChecked();

	// The landing page offers to continue where the manager left off.
	await page.goto('/');
	await page.getByRole('link', { name: /^Continue/ }).click();
	await expect(page).toHaveURL(/\/culture$/);

	await answerEverything(page, () => '3 · In place', { withLivedExperience: true });
	await expect(page).toHaveURL(new RegExp(`/assessment/${id}/results$`));
	await expect(page.getByRole('heading', { name: /^Readiness stage:/ })).toContainText('Preparing');
	await expect(page.getByText(/managers understand the peer worker role/i).first()).toBeVisible();

	// The radar, far down the page, is drawn when it nears the screen; printed straight away, before
	// anyone scrolls to it, it is drawn whole as the print starts, not grown in after it.
	const inkOnRadar = await page.locator('.radar canvas').evaluate((canvas: HTMLCanvasElement) => {
		const inked = () => {
			const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
			let count = 0;
			for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha]) count++;
			return count;
		};
		const before = inked();
		window.dispatchEvent(new Event('beforeprint'));
		return { before, forPrint: inked() };
	});
	expect(inkOnRadar.before).toBe(0);
	expect(inkOnRadar.forPrint).toBeGreaterThan(5000);
});

test('the app\u2019s Back button is the browser\u2019s Back: one step back, history does not grow, and the browser\u2019s Back then goes on back', async ({
	page
}) => {
	const id = await startAssessment(page, 'Back Button Ward');
	await decideAll(page);
	await expect(page).toHaveURL(`/assessment/${id}/leadership`);
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page).toHaveURL(`/assessment/${id}/culture`);
	const entries = await page.evaluate(() => history.length);
	await page.getByRole('button', { name: 'Back', exact: true }).click();
	await expect(page).toHaveURL(`/assessment/${id}/leadership`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Leadership, strategy and resourcing'
	);
	expect(await page.evaluate(() => history.length)).toBe(entries);
	// Forward returns to the step just left; Back from there, twice, goes back through the decisions.
	await page.goForward();
	await expect(page).toHaveURL(`/assessment/${id}/culture`);
	await page.getByRole('button', { name: 'Back', exact: true }).click();
	await expect(page).toHaveURL(`/assessment/${id}/leadership`);
	await page.goBack();
	await expect(page).toHaveURL(`/assessment/${id}/decisions-support`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Decisions: support/);
	// After a reload too (the page's state is gone, the entry still knows the step before it).
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Decisions: support/);
	await page.getByRole('button', { name: 'Back', exact: true }).click();
	await expect(page).toHaveURL(`/assessment/${id}/decisions-posts`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Decisions: the posts/);
	await page.goBack();
	await expect(page).toHaveURL(`/assessment/${id}/decisions-model`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Decisions: the model/);
});

test('after a reload, Back and then Forward show the step the address names', async ({ page }) => {
	const id = await startAssessment(page, 'Reload Ward');
	const heading = page.getByRole('heading', { level: 1 });
	const next = page.getByRole('button', { name: 'Next', exact: true });
	await next.click();
	await expect(page).toHaveURL(`/assessment/${id}/decisions-model`);
	await next.click();
	await expect(page).toHaveURL(`/assessment/${id}/decisions-posts`);
	await page.reload();
	await expect(heading).toHaveText('Decisions: the posts');
	await page.goBack();
	await expect(page).toHaveURL(`/assessment/${id}/decisions-model`);
	await expect(heading).toHaveText('Decisions: the model');
	await page.goForward();
	await expect(page).toHaveURL(`/assessment/${id}/decisions-posts`);
	await expect(heading).toHaveText('Decisions: the posts');
	await page.goBack();
	await page.goBack();
	await expect(page).toHaveURL(`/assessment/${id}/about`);
	await expect(heading).toHaveText('About your organisation');
	await page.goForward();
	await page.goForward();
	await expect(page).toHaveURL(`/assessment/${id}/decisions-posts`);
	await expect(heading).toHaveText('Decisions: the posts');
});

test('the review lists unanswered and "don\u2019t know" statements and jumps to each one', async ({
	page
}) => {
	const id = await startAssessment(page, 'Review Ward');
	await decideAll(page);
	await rate(statements(page).nth(1), "Don't know");
	await expectSaved(page);
	await page.goto(`/assessment/${id}/review`);
	await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeVisible();
	const dontKnow = page.getByRole('listitem').filter({ hasText: "Don't know" });
	await expect(dontKnow).toHaveCount(1);
	await dontKnow.getByRole('link').click();
	await expect(page).toHaveURL(/\/leadership#statement-/);
	// Focus lands on the answer to look at again, so a keyboard or screen-reader user is there too.
	await expect(choiceIn(statements(page).nth(1), "Don't know")).toBeFocused();
	await rate(statements(page).nth(1), '1 · Informal');
	await expectSaved(page);
	// Back returns to the review where it was left, at the line followed, not at its top.
	const unansweredInEthics = page
		.getByRole('listitem')
		.filter({ hasText: /unanswered/i })
		.filter({ has: page.locator('a[href*="/ethics#"]') })
		.first();
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review your answers');
	await unansweredInEthics.getByRole('link').scrollIntoViewIfNeeded();
	const left = await page.evaluate(() => scrollY);
	expect(left).toBeGreaterThan(500);
	await unansweredInEthics.getByRole('link').click();
	await expect(page).toHaveURL(/\/ethics#statement-/);
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review your answers');
	await expect(unansweredInEthics.getByRole('link')).toBeInViewport();
	expect(Math.abs((await page.evaluate(() => scrollY)) - left)).toBeLessThan(5);
});

test('the review lists the decisions not made yet, each linked to the page that asks it, where it is marked "to decide"', async ({
	page
}) => {
	const id = await startAssessment(page, 'Undecided Ward');
	await page.goto(`/assessment/${id}/review`);
	const open = page.getByRole('region', { name: /decisions are not made yet/ });
	await expect(open).toBeVisible();
	const first = open.getByRole('link').first();
	const question = (await first.textContent())!;
	await first.click();
	await expect(page).toHaveURL(new RegExp(`/assessment/${id}/decisions-`));
	const asked = page.getByRole('group', { name: question });
	await expect(asked).toBeVisible();
	await expect(asked.locator('legend .open-mark')).toHaveText('To decide');
	await asked.getByRole('radio').first().check();
	await expect(asked.locator('legend .open-mark')).toHaveCount(0);
});

test('the keyboard alone starts an assessment, rates with arrow keys and moves between steps', async ({
	page
}) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
	let found = false;
	for (let i = 0; i < 12 && !found; i++) {
		await page.keyboard.press('Tab');
		found = await page
			.getByRole('link', { name: 'Start a new assessment' })
			.evaluate((el) => el === document.activeElement);
	}
	expect(found).toBe(true);
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Organisation or service name')).toBeVisible();
	await page.getByLabel('Organisation or service name').focus();
	await page.keyboard.type('Keyboard Team');
	await decideAll(page);
	const first = statements(page).first();
	await choiceIn(first, '0 · Not in place').focus();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(choiceIn(first, '2 · Agreed or planned')).toBeChecked();
	await expectSaved(page);
	await page.getByRole('button', { name: 'Next', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Workplace culture, attitudes and stigma'
	);
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a save file exported and imported again gives the same assessment; a damaged file is refused and changes nothing', async ({
	page
}, testInfo) => {
	await startAssessment(page, 'Export Ward "North" – Équipe');
	await decideAll(page);
	await answerArea(page, () => '4 · In place and reviewed');
	await expectSaved(page);
	await page.goto('/');
	const saving = page.waitForEvent('download');
	await page.getByRole('button', { name: /^Save a copy as a file/ }).click();
	const download = await saving;
	expect(download.suggestedFilename()).toMatch(
		/^export-ward-north-equipe-assessment-\d{4}-\d{2}-\d{2}\.json$/
	);
	const text = await readFile(await download.path(), 'utf8');
	expect(JSON.parse(text).lastExportedAt).toBeTruthy();
	// The list counts it as a backup, as "Save a copy" inside the assessment does.
	await expect(page.getByText(/no copy saved as a file yet/)).toHaveCount(0);
	await expect(page.getByText(/copy saved /)).toBeVisible();
	const damaged = testInfo.outputPath('damaged.json');
	await writeFile(damaged, text.replace('"schemaVersion": 3', '"schemaVersion": "three"'));
	await page.locator('input[type=file]').setInputFiles(damaged);
	await expect(page.getByText(/^Import failed: /)).toBeVisible();
	await expect(page.getByRole('heading', { level: 3 })).toHaveCount(1);

	await page.locator('input[type=file]').setInputFiles(await download.path());
	await expect(
		page.getByText(/already on this device, so this was added as a separate copy/)
	).toBeVisible();
	await expect(page.getByRole('link', { name: /^Continue/ })).toHaveCount(2);
	const copy = page.getByRole('listitem').filter({ hasText: 'Export Ward' }).first();
	await copy.getByRole('link', { name: /^Continue/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goto(page.url().replace(/\/[^/]+$/, '/leadership'));
	for (const statement of await allStatements(page))
		await expect(choiceIn(statement, '4 · In place and reviewed')).toBeChecked();
});

test('rename, duplicate, delete with undo, and clear all data from the device', async ({
	page
}) => {
	await startAssessment(page, 'Library Ward');
	await page.goto('/');
	const item = page.getByRole('listitem').filter({ hasText: 'Library Ward' });
	await item.getByRole('button', { name: /^Rename/ }).click();
	await page.getByLabel('New name').fill('Library Ward, first look');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByText(/^Renamed to Library Ward, first look/)).toBeVisible();
	await page.getByRole('button', { name: /^Duplicate/ }).click();
	await expect(page.getByText(/^Made a copy/)).toBeVisible();
	await expect(page.getByRole('link', { name: /^Continue/ })).toHaveCount(2);
	await page
		.getByRole('button', { name: /^Delete/ })
		.first()
		.click();
	await expect(page.getByRole('link', { name: /^Continue/ })).toHaveCount(1);
	await expect(page.getByText(/^Deleted /)).toBeVisible();
	await page.getByRole('button', { name: 'Undo delete' }).click();
	await expect(page.getByText(/^Restored /)).toBeVisible();
	await expect(page.getByRole('link', { name: /^Continue/ })).toHaveCount(2);
	await page.getByRole('button', { name: 'Clear all data on this device' }).click();
	await page.getByRole('button', { name: 'Yes, clear everything' }).click();
	await expect(
		page.getByText('All data from this app has been removed from this device.')
	).toBeVisible();
	await expect(page.getByText('No assessments saved on this device yet.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Clear all data on this device' })).toHaveCount(0);
});

test('the name field stays put while a long name is typed: the first save and the name in the top bar move nothing', async ({
	page
}) => {
	expect(await nameFieldMovementWhileTyping(page)).toBe(0);
});

test('a new assessment moved on from before it is named keeps one address: a reload or Back opens the same one, and nothing is saved until it is answered', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Start a new assessment' }).click();
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page).toHaveURL(/\/assessment\/[^/]+\/decisions-[a-z]+$/);
	const id = new URL(page.url()).pathname.split('/')[2]!;
	// Not saved yet, and its address still opens it.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Decisions:/);
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'new');
	await page.locator('main fieldset.decision').first().getByRole('radio').first().check();
	await expectSaved(page);
	await page.goBack();
	await expect(page).toHaveURL(`/assessment/${id}/about`);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('About your organisation');
	await page.getByLabel('Organisation or service name').fill('One Address Ward');
	await expectSaved(page);
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(
		page.locator('main fieldset.decision').first().getByRole('radio').first()
	).toBeChecked();
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 3 })).toHaveCount(1);
	await expect(page.getByRole('heading', { level: 3 })).toContainText('One Address Ward');
});

test('a step moved on to shows its first screen at once and the rest straight after, nothing left out; one gone back to is shown whole', async ({
	page
}) => {
	await startAssessment(page);
	// How many statements and decisions the page holds at each frame, from here on.
	await page.evaluate(() => {
		const w = window as unknown as { frames: [number, number][] };
		w.frames = [];
		const record = () => {
			w.frames.push([
				document.querySelectorAll('article.statement').length,
				document.querySelectorAll('fieldset.decision').length
			]);
			requestAnimationFrame(record);
		};
		requestAnimationFrame(record);
	});
	const frames = async () => {
		const all = await page.evaluate(() => {
			const w = window as unknown as { frames: [number, number][] };
			return w.frames.splice(0);
		});
		return all;
	};
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Decisions:/ })).toBeFocused();
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	const decisions = await page.locator('fieldset.decision').count();
	expect(decisions).toBeGreaterThan(2);
	let seen = (await frames()).map(([, d]) => d).filter((d) => d > 0);
	expect(seen[0]).toBe(2);
	expect(seen.at(-1)).toBe(decisions);

	await decideAll(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	const area = page.url();
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	const drawn = await statements(page).count();
	expect(drawn).toBeGreaterThan(2);
	seen = (await frames()).map(([s]) => s).filter((s) => s > 0);
	expect(seen[0]).toBe(2);
	expect(seen.at(-1)).toBe(drawn);

	// Back to it from the next area: all of it in the first frame, so the browser can put the
	// person back where they were.
	await page.getByRole('button', { name: 'Next', exact: true }).click();
	await expect(page).not.toHaveURL(area);
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	await frames();
	await page.goBack();
	await expect(page).toHaveURL(area);
	await expect(statements(page)).toHaveCount(drawn);
	seen = (await frames()).map(([s]) => s).filter((s) => s > 0);
	expect(seen[0]).toBe(drawn);

	// A reload draws the same statements: none was left out.
	await page.reload();
	await expect(statements(page)).toHaveCount(drawn);
});

test('a double-click on Next moves one step and answers nothing on the step it opens', async ({
	page
}) => {
	await startAssessment(page);
	await decideAll(page);
	for (let step = 0; step < 3; step++) {
		const heading = page.getByRole('heading', { level: 1 });
		const before = await heading.textContent();
		const next = page.getByRole('button', { name: 'Next', exact: true });
		await next.scrollIntoViewIfNeeded();
		await next.dblclick();
		await expect(heading).not.toHaveText(before!);
		await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
		await expect(page.locator('article.statement input[type="radio"]:checked')).toHaveCount(0);
		await expect(heading).toBeFocused();
	}
	await page.reload();
	await expect(page.locator('article.statement input[type="radio"]:checked')).toHaveCount(0);
});
