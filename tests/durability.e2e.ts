import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../chromium.config.js';
import {
	allStatements,
	choiceIn,
	decideAll,
	expect,
	expectSaved,
	rate,
	startAssessment,
	statements,
	test
} from './fixtures';

/** A real Chromium process with its own profile on disk, so it can be killed and started again. */
async function launchWithProfile(
	profile: string
): Promise<{ browser: Browser; process: ChildProcess }> {
	const child = spawn(
		chromiumLaunchOptions.executablePath,
		[
			...chromiumLaunchOptions.args,
			`--user-data-dir=${profile}`,
			'--remote-debugging-port=0',
			'about:blank'
		],
		{ detached: true, stdio: ['ignore', 'ignore', 'pipe'] }
	);
	const endpoint = await new Promise<string>((resolve, reject) => {
		let seen = '';
		child.stderr!.on('data', (chunk: Buffer) => {
			seen += chunk.toString();
			const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
			if (match) resolve(match[1]!);
		});
		child.on('exit', () => reject(new Error(`Chromium exited early: ${seen}`)));
	});
	return { browser: await chromium.connectOverCDP(endpoint), process: child };
}

/** Kills Chromium and every process it started, as a crash or a flat battery would. */
function killHard(child: ChildProcess) {
	process.kill(-child.pid!, 'SIGKILL');
	return new Promise((resolve) => child.once('exit', resolve));
}

test('killing the browser one second after an answer loses nothing that was answered', async ({
	baseURL
}) => {
	test.setTimeout(120_000);
	const profile = await mkdtemp(join(tmpdir(), 'pwr-profile-'));
	try {
		let { browser, process: chrome } = await launchWithProfile(profile);
		let page = await browser.contexts()[0]!.newPage();
		// A browser reached over CDP has no base URL, so addresses are written out in full.
		await page.goto(`${baseURL}/assessment/new`);
		await page.getByLabel('Organisation or service name').fill('Crash Ward');
		await page.getByLabel('Yes, BPD-specific').check();
		await expect(page).toHaveURL(/\/assessment\/[^/]+\/about$/);
		const id = new URL(page.url()).pathname.split('/')[2]!;
		await decideAll(page);
		await rate(statements(page).nth(0), '3 · In place');
		await expectSaved(page);
		await rate(statements(page).nth(1), '1 · Informal');
		await page
			.locator('#statement-LEAD-2')
			.getByRole('button', { name: /Add a note/ })
			.click();
		await page.getByLabel(/^Note/).fill('Typed just before the crash');
		await page.waitForTimeout(1000);
		await killHard(chrome);

		({ browser, process: chrome } = await launchWithProfile(profile));
		page = await browser.contexts()[0]!.newPage();
		await page.goto(`${baseURL}/assessment/${id}/leadership`);
		await expect(choiceIn(statements(page).nth(0), '3 · In place')).toBeChecked();
		await expect(choiceIn(statements(page).nth(1), '1 · Informal')).toBeChecked();
		await expect(page.getByLabel(/^Note/)).toHaveValue('Typed just before the crash');
		await browser.close();
		await killHard(chrome).catch(() => {});
	} finally {
		await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
	}
});

test('two tabs on one assessment keep every answer from both, and each shows the other\u2019s', async ({
	page,
	context
}) => {
	const id = await startAssessment(page, 'Two Tabs');
	await decideAll(page);
	const other = await context.newPage();
	await other.goto(`/assessment/${id}/leadership`);
	await expect(statements(other).first()).toBeVisible();
	// Both tabs answer before either has heard from the other.
	await Promise.all([
		rate(statements(page).nth(0), '4 · In place and reviewed'),
		rate(statements(other).nth(1), '2 · Agreed or planned')
	]);
	await rate(statements(other).nth(2), '1 · Informal');
	await expectSaved(page);
	await expectSaved(other);
	for (const tab of [page, other]) {
		await expect(choiceIn(statements(tab).nth(0), '4 · In place and reviewed')).toBeChecked();
		await expect(choiceIn(statements(tab).nth(1), '2 · Agreed or planned')).toBeChecked();
		await expect(choiceIn(statements(tab).nth(2), '1 · Informal')).toBeChecked();
	}
	await page.reload();
	await expect(choiceIn(statements(page).nth(2), '1 · Informal')).toBeChecked();
});

test('an answer tapped in the moment the page is left is asked about, and is there when the page comes back', async ({
	page
}) => {
	const id = await startAssessment(page, 'Left At Once');
	await decideAll(page);
	await rate(statements(page).first(), '2 · Agreed or planned');
	await expectSaved(page);
	const asked: string[] = [];
	page.on('dialog', (dialog) => {
		asked.push(dialog.type());
		void dialog.accept();
	});
	// The tap and the reload in one task: the answer is still waiting for the paint that shows it.
	const reloaded = page.waitForEvent('load');
	await page.evaluate(() => {
		document
			.querySelectorAll<HTMLInputElement>('article.statement')[1]!
			.querySelector<HTMLInputElement>('input[type="radio"][value="3"]')!
			.click();
		location.reload();
	});
	await reloaded;
	expect(asked).toEqual(['beforeunload']);
	await expect(page).toHaveURL(new RegExp(`/assessment/${id}/leadership$`));
	await expect(choiceIn(statements(page).first(), '2 · Agreed or planned')).toBeChecked();
	await expect(choiceIn(statements(page).nth(1), '3 · In place')).toBeChecked();
});

/** Makes every write to the device's database fail from now on, in this page only (until it is reloaded). */
const breakWrites = (page: Page) =>
	page.evaluate(() => {
		const refuse = () => {
			throw new DOMException('Held back by the test', 'UnknownError');
		};
		IDBObjectStore.prototype.put = refuse;
		IDBObjectStore.prototype.add = refuse;
	});

/** Starts a new assessment and names it with every write refused: its first save fails. */
async function nameWithWritesBroken(page: Page, organisation: string) {
	page.on('dialog', (dialog) => void dialog.accept());
	await page.goto('/');
	await page.getByRole('link', { name: 'Start a new assessment' }).click();
	await expect(page.getByLabel('Organisation or service name')).toBeVisible();
	await breakWrites(page);
	await page.getByLabel('Organisation or service name').fill(organisation);
	await expect(page.getByTestId('save-status').first()).toHaveAttribute('data-state', 'error');
}

/**
 * Opens the page again: the changes left unsaved are saved, and it says so; then opens it once more,
 * so what follows reads the stored record alone.
 */
async function reopenToSaveWhatWasLeft(page: Page) {
	await page.reload();
	await expect(page.getByText(/had not finished saving\. They are saved now\./)).toBeVisible();
	await expectSaved(page);
	await page.reload();
}

test('changes whose saving was cut short when the page was left are saved when it is opened again, a new assessment\u2019s first name included, and never bring back a deleted one', async ({
	page
}) => {
	await nameWithWritesBroken(page, 'Cut Short Ward');
	await page.reload();
	await expect(page.getByLabel('Organisation or service name')).toHaveValue('Cut Short Ward');
	await expect(page.getByText(/had not finished saving\. They are saved now\./)).toBeVisible();
	await expectSaved(page);
	// Saved, it has its own address.
	await expect(page).toHaveURL(/\/assessment\/[^/]+\/about$/);

	await page.getByLabel('Yes, BPD-specific').check();
	await expectSaved(page);
	await decideAll(page);
	await rate(statements(page).first(), '2 · Agreed or planned');
	await expectSaved(page);
	await breakWrites(page);
	await rate(statements(page).nth(1), '3 · In place');
	await page
		.getByRole('button', { name: /^Add a note/ })
		.first()
		.click();
	await page.keyboard.type('Said at the team meeting');
	await expect(page.getByTestId('save-status').first()).toHaveAttribute('data-state', 'error');
	await reopenToSaveWhatWasLeft(page);
	await expect(choiceIn(statements(page).first(), '2 · Agreed or planned')).toBeChecked();
	await expect(choiceIn(statements(page).nth(1), '3 · In place')).toBeChecked();
	await expect(statements(page).first().getByRole('textbox')).toHaveValue(
		'Said at the team meeting'
	);
	await expect(page.getByText(/had not finished saving/)).toHaveCount(0);
	expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
	const address = page.url();

	// Left with a change unsaved, then deleted: its address does not bring it back.
	await breakWrites(page);
	await rate(statements(page).nth(2), '1 · Informal');
	await page.goto('/');
	const leftKeys = () =>
		page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pwr-left')));
	expect(await leftKeys()).toHaveLength(1);
	await page.getByRole('button', { name: /^Delete/ }).click();
	await expect(page.getByText(/^Deleted Cut Short Ward/)).toBeVisible();
	expect(await leftKeys()).toEqual([]);
	await page.goto(address);
	await expect(statements(page)).toHaveCount(0);
	await page.goto('/');
	await expect(page.getByText('No assessments saved on this device yet.')).toBeVisible();
});

test('a new assessment whose first save failed, its tab then closed, is offered on the first page and saved from there', async ({
	page,
	context
}) => {
	const tab = await context.newPage();
	await nameWithWritesBroken(tab, 'Closed Tab Ward');
	const closed = tab.waitForEvent('close');
	await tab.close({ runBeforeUnload: true });
	await closed;

	await page.goto('/');
	await expect(page.getByText(/^Not saved yet: Closed Tab Ward/)).toBeVisible();
	await page.getByRole('button', { name: 'Save it on this device' }).click();
	await expect(page.getByRole('heading', { level: 3, name: /Closed Tab Ward/ })).toBeVisible();
	await expect(page.getByText(/^Not saved yet/)).toHaveCount(0);
	await page.getByRole('link', { name: /^Continue/ }).click();
	await expect(page.getByLabel('Organisation or service name')).toHaveValue('Closed Tab Ward');
});

test('a change cut short as one tab went is saved even though another tab answered meanwhile, and never over that tab\u2019s later answer to the same statement', async ({
	page,
	context
}) => {
	page.on('dialog', (dialog) => void dialog.accept());
	await startAssessment(page, 'Two Tabs Ward');
	await decideAll(page);
	await rate(statements(page).first(), '2 · Agreed or planned');
	await expectSaved(page);
	const other = await context.newPage();
	await other.goto(page.url());
	await expect(statements(other).first()).toBeVisible();

	await breakWrites(page);
	await rate(statements(page).nth(1), '3 · In place');
	await rate(statements(page).nth(2), '1 · Informal');
	await expect(page.getByTestId('save-status').first()).toHaveAttribute('data-state', 'error');
	await page.goto('/');
	expect(
		await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pwr-left')))
	).toHaveLength(1);

	// After the first tab went: an answer to another statement, and a later one to the same.
	await rate(statements(other).nth(3), '4 · In place and reviewed');
	await rate(statements(other).nth(2), '4 · In place and reviewed');
	await expectSaved(other);
	await reopenToSaveWhatWasLeft(other);
	await expect(choiceIn(statements(other).first(), '2 · Agreed or planned')).toBeChecked();
	await expect(choiceIn(statements(other).nth(1), '3 · In place')).toBeChecked();
	await expect(choiceIn(statements(other).nth(2), '4 · In place and reviewed')).toBeChecked();
	await expect(choiceIn(statements(other).nth(3), '4 · In place and reviewed')).toBeChecked();
});

test('an assessment deleted in another tab stays deleted: this tab says so and offers a copy of its work', async ({
	page,
	context
}) => {
	const id = await startAssessment(page, 'Deleted Elsewhere');
	await decideAll(page);
	const other = await context.newPage();
	await other.goto('/');
	await other.getByRole('button', { name: /^Delete/ }).click();
	await expect(other.getByText(/^Deleted Deleted Elsewhere/)).toBeVisible();
	await rate(statements(page).first(), '3 · In place');
	await expect(page.getByTestId('save-status')).toContainText('deleted in another tab or window');
	await expect(choiceIn(statements(page).first(), '3 · In place')).toBeChecked();
	const saving = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download a copy' }).click();
	const copy = JSON.parse(await readFile(await (await saving).path(), 'utf8'));
	expect(copy.answers['LEAD-1'].rating).toBe(3);
	await other.reload();
	await expect(other.getByText('No assessments saved on this device yet.')).toBeVisible();
	expect(id).toBeTruthy();
});

test('when the browser clears the site\u2019s data under an open assessment, the page says so, asks before a reload, and saves it all again on request', async ({
	page
}) => {
	const id = await startAssessment(page, 'Cleared Under It');
	await decideAll(page);
	await rate(statements(page).first(), '2 · Agreed or planned');
	await expectSaved(page);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.clearDataForOrigin', {
		origin: new URL(page.url()).origin,
		storageTypes: 'all'
	});
	await expect(page.getByTestId('save-status')).toContainText('was cleared');
	await rate(statements(page).nth(1), '3 · In place');

	// Leaving now would lose the work on screen: the browser asks first (and here, the answer is stay).
	const asked = new Promise<string>((resolve) =>
		page.once('dialog', (dialog) => {
			resolve(dialog.type());
			void dialog.dismiss();
		})
	);
	await page.getByRole('heading', { level: 1 }).click();
	void page.reload().catch(() => {});
	expect(await asked).toBe('beforeunload');
	await expect(choiceIn(statements(page).nth(1), '3 · In place')).toBeChecked();

	await page.getByRole('button', { name: 'Save it on this device again' }).click();
	await expectSaved(page);
	await page.reload();
	await expect(page).toHaveURL(new RegExp(`/assessment/${id}/leadership$`));
	await expect(choiceIn(statements(page).first(), '2 · Agreed or planned')).toBeChecked();
	await expect(choiceIn(statements(page).nth(1), '3 · In place')).toBeChecked();
});

test.describe('a full disk', () => {
	// The offline cache would count against the small quota below; this test is about saving answers.
	test.use({ serviceWorkers: 'block' });

	test('when the device\u2019s storage is full, answers stay on screen, the page says what to do, and they are saved once there is room', async ({
		page,
		baseURL,
		browser
	}) => {
		// Chromium fixes an origin's quota when its storage is first opened, so the small quota is set
		// before the first visit: enough to start an assessment, not enough for three long notes. What
		// an assessment with one answer takes depends on the Chromium build (Debian's 156.0.8078.114
		// counts 72 KB of database pages from the first write, which a fixed 40 KB quota refused), so
		// it is measured first, in a browser context of its own.
		const room = await storageUsedByOneAnswer(browser, baseURL!);
		const cdp = await page.context().newCDPSession(page);
		const origin = new URL(baseURL!).origin;
		await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: room + 10_000 });
		const id = await startAssessment(page, 'Full Disk');
		await decideAll(page);
		await rate(statements(page).first(), '2 · Agreed or planned');
		await expectSaved(page);
		const note = (n: number) =>
			`Evidence ${n} from the staff survey: ${'what people said, in their words. '.repeat(140)}`.slice(
				0,
				5000
			);
		for (const [i, statement] of (await allStatements(page)).slice(0, 3).entries()) {
			await statement.getByRole('button', { name: /Add a note/ }).click();
			await statement.getByRole('textbox').fill(note(i));
		}
		const status = page.getByTestId('save-status');
		await expect(status).toHaveAttribute('data-state', 'error');
		await expect(status).toContainText('storage for the app is full');
		await expect(status.getByRole('button', { name: 'Download a copy' })).toBeVisible();
		// Far down the page, the message is still in sight, and the last button is not hidden under it.
		const next = page.getByRole('button', { name: 'Next', exact: true });
		await next.scrollIntoViewIfNeeded();
		await expect(status.getByText(/storage for the app is full/)).toBeInViewport();
		await expect(status).toContainText('Not saved on this device');
		await next.click({ trial: true });
		await expect(choiceIn(statements(page).first(), '2 · Agreed or planned')).toBeChecked();
		await expect(statements(page).nth(2).getByRole('textbox')).toHaveValue(note(2));

		// A try while the disk is still full is met with an answer, not with nothing.
		const problem = status.getByText(/storage for the app is full/);
		const before = await problem.textContent();
		await page.getByRole('button', { name: 'Try saving again' }).click();
		await expect(problem).toContainText(/Tried again at \d\d:\d\d: still not saved/);
		await expect(problem).not.toHaveText(before ?? '');

		await cdp.send('Storage.overrideQuotaForOrigin', { origin });
		await statements(page).nth(2).getByRole('textbox').focus();
		await page.getByRole('button', { name: 'Try saving again' }).focus();
		await page.keyboard.press('Enter');
		await expectSaved(page);
		// The button went with the message: the keyboard is back where the person was.
		await expect(statements(page).nth(2).getByRole('textbox')).toBeFocused();
		await page.goto(`/assessment/${id}/leadership`);
		await expect(choiceIn(statements(page).first(), '2 · Agreed or planned')).toBeChecked();
		for (let i = 0; i < 3; i++)
			await expect(statements(page).nth(i).getByRole('textbox')).toHaveValue(note(i));
	});
});

/** The storage an assessment with one answer takes, measured in a fresh browser context. */
async function storageUsedByOneAnswer(browser: Browser, baseURL: string): Promise<number> {
	const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		await startAssessment(page, 'Full Disk');
		await decideAll(page);
		await rate(statements(page).first(), '2 · Agreed or planned');
		await expectSaved(page);
		const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
		expect(used).toBeGreaterThan(0);
		return used;
	} finally {
		await context.close();
	}
}

async function putRecord(page: Page, store: string, key: string, value: unknown) {
	await page.evaluate(
		({ store, key, value }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('peer-work-readiness');
				open.onsuccess = () => {
					const tx = open.result.transaction(store, 'readwrite');
					tx.objectStore(store).put(value, key);
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
				open.onerror = () => reject(open.error);
			}),
		{ store, key, value }
	);
}

test('the first releases\u2019 localStorage saves move to the database on the next visit, and the old keys go only after', async ({
	page
}) => {
	// A file of the same origin that runs no app code, so the keys are in place before the app looks.
	await page.goto('/favicon.svg');
	await page.evaluate(() => {
		localStorage.setItem(
			'pwr.assessment.old-1',
			JSON.stringify({
				schemaVersion: 1,
				id: 'old-1',
				contentVersion: '2025.1',
				createdAt: '2025-03-01T09:00:00.000Z',
				updatedAt: '2025-03-02T09:00:00.000Z',
				profile: {
					organisationName: 'Old Release Ward',
					assessor: '',
					serviceType: '',
					settings: [],
					consumerTerm: 'consumer',
					peerTerm: 'peer-worker'
				},
				decisions: {},
				answers: { 'GOV-1': 3, 'ROLE-1': 'dk' },
				notes: { 'GOV-1': 'kept note' }
			})
		);
		localStorage.setItem('pwr.assessment.broken', '{not json');
		localStorage.setItem('someone-else', 'left alone');
	});
	await page.goto('/');
	await expect(page.getByText(/moved to this browser's more durable storage/)).toBeVisible();
	await expect(page.getByRole('heading', { name: /Old Release Ward/ })).toBeVisible();
	const keptAside = page.getByRole('listitem').filter({ hasText: /^Kept aside/ });
	await expect(keptAside).toHaveCount(1);
	const saving = page.waitForEvent('download');
	await keptAside.getByRole('button', { name: 'Download it' }).click();
	expect(await readFile(await (await saving).path(), 'utf8')).toBe('{not json');
	expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(['someone-else']);
});

test('a record saved by a newer version of the app is left as it is, and the page says to reload', async ({
	page
}) => {
	await startAssessment(page, 'Current Ward');
	await page.goto('/');
	const newer = { schemaVersion: 42, id: 'from-the-future', title: 'Future', extra: true };
	await putRecord(page, 'assessments', 'from-the-future', newer);
	await page.reload();
	await expect(page.getByText(/newer version of the app/).first()).toBeVisible();
	await expect(page.getByRole('heading', { name: /Current Ward/ })).toBeVisible();
	const stored = await page.evaluate(
		() =>
			new Promise((resolve) => {
				const open = indexedDB.open('peer-work-readiness');
				open.onsuccess = () => {
					const get = open.result
						.transaction('assessments')
						.objectStore('assessments')
						.get('from-the-future');
					get.onsuccess = () => resolve(get.result);
				};
			})
	);
	expect(stored).toEqual(newer);
});
