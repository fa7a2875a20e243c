import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'uqr';
import { chromiumLaunchOptions } from '../chromium.config.js';
import {
	answerOnOwnDevice,
	decideAll,
	expect,
	expectNoAxeViolations,
	expectSaved,
	PHONE,
	pdfText,
	rateCultureAndFinish,
	test,
	workshopOpenForAnswers
} from './fixtures';

/**
 * A camera that shows one QR code: a short Y4M video for Chromium's fake capture device, drawn from
 * the code's own matrix (black modules on white, with a quiet zone).
 */
async function writeQrVideo(path: string, text: string) {
	const { data } = encode(text, { ecc: 'L', border: 4 });
	const size = data.length;
	const [width, height] = [640, 480];
	const scale = Math.floor(440 / size);
	const left = Math.floor((width - size * scale) / 2);
	const top = Math.floor((height - size * scale) / 2);
	const luma = Buffer.alloc(width * height, 235);
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++)
			if (data[y]![x])
				for (let dy = 0; dy < scale; dy++)
					luma.fill(
						16,
						(top + y * scale + dy) * width + left + x * scale,
						(top + y * scale + dy) * width + left + (x + 1) * scale
					);
	const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
	await writeFile(
		path,
		Buffer.concat([
			Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`),
			...Array(5).fill(frame)
		])
	);
}

test('a room of eight, two on phones: answers come back by camera, link, file and in turn; the lone peer worker is never shown by role; the room agrees and gets its report', async ({
	page,
	baseURL
}) => {
	test.setTimeout(300_000);
	const dir = await mkdtemp(join(tmpdir(), 'pwr-camera-'));
	const video = join(dir, 'qr.y4m');
	// The facilitator's laptop, with a camera that will show whatever QR code is held up to it.
	const laptop: Browser = await chromium.launch({
		...chromiumLaunchOptions,
		args: [
			...chromiumLaunchOptions.args,
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${video}`
		]
	});
	const desk = await laptop.newContext({
		baseURL,
		viewport: { width: 1280, height: 800 },
		permissions: ['camera']
	});
	const facilitator = await desk.newPage();
	const errors: string[] = [];
	facilitator.on('pageerror', (e) => errors.push(String(e)));
	try {
		await facilitator.goto('/workshop');
		await facilitator.getByLabel('Organisation or service name').fill('Harbour Team Day');
		await facilitator.getByRole('button', { name: 'Create the workshop' }).click();
		await expect(facilitator.getByRole('heading', { level: 1 })).toContainText('Harbour Team Day');
		const deskUrl = facilitator.url();
		// Until the wording is chosen, the desk says exactly what is missing; sections number 1 to 5.
		await expect(facilitator.getByText(/set up the profile and choose the wording/)).toBeVisible();
		await expect(facilitator.getByRole('heading', { level: 2 })).toHaveText([
			'1. Profile and decisions',
			'2. Invite participants',
			'3. Add returned answers',
			'4. Where people disagree',
			'5. Results and the workshop report'
		]);
		await facilitator.getByRole('link', { name: 'Set up profile and decisions' }).click();
		await facilitator.getByLabel('Yes, BPD-specific').check();
		await decideAll(facilitator);
		await expectSaved(facilitator);
		// Every step of the set-up leads back to the desk.
		await facilitator.getByRole('link', { name: '← Back to the workshop desk' }).click();
		await expect(facilitator).toHaveURL(deskUrl);
		await facilitator.getByRole('button', { name: 'They are ready: open the invitations' }).click();
		const inTurn = (await facilitator
			.getByRole('link', { name: 'Answer in turn on this device' })
			.getAttribute('href'))!;
		const invite = inTurn.replace('?in-turn=1', '');

		// Two on phones, one on a laptop: each on their own device.
		const phones: BrowserContext[] = [];
		const own = async (device: 'phone' | 'laptop', role: string, rating: string, name = '') => {
			const context = await page
				.context()
				.browser()!
				.newContext({ baseURL, ...(device === 'phone' ? PHONE : {}) });
			phones.push(context);
			const p = await context.newPage();
			await answerOnOwnDevice(p, invite, role, rating, name);
			return p;
		};
		const peer = await own('phone', 'Peer worker', '1');
		await expect(peer.getByRole('img', { name: /Your answers as a QR code/ })).toBeVisible();
		await expectNoAxeViolations(peer, 'participant QR hand-back (phone)');
		const clinician = await own('phone', 'Clinician / mental health professional', '4');
		const consumer = await own('laptop', 'Consumer / service user', '1', 'Ana ~ "the tilde"');

		// The peer worker's phone is held up to the laptop's camera.
		await peer.getByText('No camera? Send a link or a file instead').click();
		const peerLink = await peer.getByLabel('Your answers link').inputValue();
		// The QR code holds the answer code itself, the part of the link after "#answers=".
		const peerCode = peerLink.split('#answers=')[1]!;
		expect(peerCode).toMatch(/^PWR2~/);
		await writeQrVideo(video, peerCode);
		await facilitator.getByRole('button', { name: 'Scan answer codes with the camera' }).click();
		await expect(facilitator.getByText(/Added answers from a peer worker/)).toBeVisible({
			timeout: 20_000
		});
		await facilitator.getByRole('button', { name: 'Stop the camera' }).click();

		// The clinician sends the link; the consumer downloads a file and hands it over.
		await clinician.getByText('No camera? Send a link or a file instead').click();
		await facilitator
			.getByLabel('Or paste answer codes or links (one or many)')
			.fill(await clinician.getByLabel('Your answers link').inputValue());
		await facilitator.getByRole('button', { name: 'Add answers' }).click();
		await expect(facilitator.getByText(/Added answers from a clinician/)).toBeVisible();
		await consumer.getByText('No camera? Send a link or a file instead').click();
		const gettingFile = consumer.waitForEvent('download');
		await consumer.getByRole('button', { name: 'Download as a file' }).click();
		const file = join(dir, 'consumer.txt');
		await (await gettingFile).saveAs(file);
		await facilitator.locator('#answers-files').setInputFiles(file);
		await expect(
			facilitator.getByText(/Added answers from a consumer \/ service user \(Ana ~ "the tilde"\)/)
		).toBeVisible();

		// Five more answer in turn on the facilitator's laptop.
		const inTurnPage = await desk.newPage();
		await inTurnPage.goto(inTurn);
		for (const [role, rating] of [
			['Manager', '4'],
			['Carer', '1'],
			['Manager', '4'],
			['Manager', '3'],
			['Clinician / mental health professional', '4']
		] as const) {
			await inTurnPage.getByRole('radio', { name: role, exact: true }).check();
			await rateCultureAndFinish(inTurnPage, rating, 'Finish');
			await inTurnPage.getByRole('button', { name: 'Add my answers and hand over' }).click();
			await inTurnPage.getByRole('button', { name: 'Yes, add them and hand over' }).click();
			await expect(inTurnPage.getByRole('heading', { level: 1 })).toHaveText(
				'Thank you: your answers were added'
			);
			await inTurnPage
				.getByRole('button', { name: 'I am the next person: start answering' })
				.click();
		}
		await inTurnPage.close();

		await facilitator.reload();
		await expect(facilitator.getByText(/^8 participants/)).toBeVisible();
		await expect(
			facilitator.getByText(
				/Only one person in the role "Peer worker": their ratings are never shown by role/
			)
		).toBeVisible();
		const hotspots = facilitator.locator('section[aria-labelledby="hotspots"]');
		await expect(hotspots).toContainText('A recovery-oriented host team');
		await expect(hotspots).toContainText('People with lived experience');
		await expect(hotspots).not.toContainText(/Peer worker:|Carer:|Consumer[^,]*:/);

		// The projector: the statement, the spread and the groups that may be shown, nothing by lone role.
		await facilitator.getByRole('link', { name: 'Open the presenter view' }).click();
		await expect(facilitator.getByRole('heading', { level: 1 })).toBeVisible();
		const projector = facilitator.locator('main');
		await expect(projector).toContainText('People with lived experience');
		await expect(projector).not.toContainText(/Peer worker|Consumer \/ service user|Carer/);
		await facilitator.getByRole('button', { name: /^2 · / }).click();
		await expect(projector).toContainText('Agreed after discussion.');
		await expectNoAxeViolations(facilitator, 'presenter');

		await facilitator.goto(deskUrl);
		await facilitator
			.getByRole('button', { name: 'Fill the rest from the medians (marked "not discussed")' })
			.click();
		await expect(facilitator.getByText(/marked "not discussed"/).first()).toBeVisible();
		await facilitator.getByRole('link', { name: 'Open results and the action plan' }).click();
		const gettingPdf = facilitator.waitForEvent('download');
		await facilitator.getByRole('button', { name: 'Download the board paper (PDF)' }).click();
		const pdf = await gettingPdf;
		expect(pdf.suggestedFilename()).toMatch(
			/^harbour-team-day-workshop-report-\d{4}-\d{2}-\d{2}\.pdf$/
		);
		const text = pdfText(await pdf.path(), true).replace(/\s+/g, ' ');
		expect(text).toContain('8 participants');
		expect(text).toContain('People with lived experience');
		expect(text).not.toMatch(/Peer worker \d|Peer worker: \d/);
		expect(text).not.toContain('Ana');
		expect(errors).toEqual([]);
	} finally {
		await laptop.close();
	}
	expect(await readFile(video)).toBeTruthy();
});

test('a participant’s answers link opened on the facilitator’s laptop adds them to the workshop, and changed answers sent again replace them only when asked', async ({
	page,
	baseURL
}) => {
	test.setTimeout(180_000);
	const { deskUrl, invite } = await workshopOpenForAnswers(page, 'Return Link Ward');

	const phone = await page
		.context()
		.browser()!
		.newContext({ baseURL, ...PHONE });
	const participant = await phone.newPage();
	const answersLink = async () => {
		await participant.getByText('No camera? Send a link or a file instead').click();
		return participant.getByLabel('Your answers link').inputValue();
	};
	try {
		await answerOnOwnDevice(participant, invite, 'Manager', '2', 'Sam');
		// The link opened on the laptop that holds the workshop: one tap adds the answers there.
		await page.goto(await answersLink());
		await expect(page.getByText('Answers from a manager (Sam)')).toBeVisible();
		await page.getByRole('button', { name: 'Add them to the workshop' }).click();
		await expect(page).toHaveURL(deskUrl);
		await expect(page.getByText('Added answers from a manager (Sam).')).toBeVisible();
		await expect(page.getByText(/^1 participant/)).toBeVisible();

		// Sam goes back, rates one more statement and sends a new link.
		await participant.getByRole('button', { name: 'Back to my answers' }).click();
		await participant
			.locator('article.statement')
			.last()
			.getByRole('radio', { name: /^3/ })
			.first()
			.check();
		await participant.getByRole('button', { name: 'Finish and hand back' }).click();
		await page.goto(await answersLink());
		await page.getByRole('button', { name: 'Add them to the workshop' }).click();
		await expect(page).toHaveURL(deskUrl);
		await expect(page.getByText(/sent answers before, and these are different/)).toBeVisible();
		await page.getByRole('button', { name: 'Replace with the newer answers' }).click();
		await expect(
			page.getByText('Replaced the earlier answers from a manager (Sam) with the newer ones.')
		).toBeVisible();
		await page.reload();
		await expect(page.getByText(/^1 participant/)).toBeVisible();
		await expect(page.getByText(/not added|not saved|could not/i)).toHaveCount(0);

		// Removed by a slip of the finger, and put back.
		await page.getByText('Participants (only you see this list)').click();
		await page.getByRole('button', { name: 'Remove the answers from a manager (Sam)' }).click();
		await expect(page.getByText('Removed the answers from a manager (Sam).')).toBeVisible();
		await expect(page.getByText(/^0 participants/)).toBeVisible();
		const putBack = page.getByRole('button', { name: 'Put back the answers from a manager (Sam)' });
		await expect(putBack).toBeFocused();
		await putBack.click();
		await expect(page.getByText('Added answers from a manager (Sam).')).toBeVisible();
		await expect(page.getByText(/^1 participant/)).toBeVisible();
	} finally {
		await phone.close();
	}
});

test('on a phone, a participant chooses their role once: later pages open on their first statement, and the role can still be changed; the ways back are full-size tap targets', async ({
	page,
	baseURL
}) => {
	const { invite } = await workshopOpenForAnswers(page, 'Riverside Community Mental Health');
	// The ways back are tap targets of 44 px, as in the assessment's pages.
	const height = async (name: string) =>
		(await page.getByRole('link', { name }).boundingBox())!.height;
	expect(await height('← All workshops')).toBeGreaterThanOrEqual(44);
	await page.getByRole('link', { name: 'Set up profile and decisions' }).click();
	expect(await height('← Back to the workshop desk')).toBeGreaterThanOrEqual(44);
	await page.getByRole('link', { name: '← Back to the workshop desk' }).click();
	await page.getByRole('link', { name: 'Presenter view' }).click();
	expect(await height('← Back to the desk')).toBeGreaterThanOrEqual(44);
	const phone = await page
		.context()
		.browser()!
		.newContext({ baseURL, ...PHONE });
	try {
		const participant = await phone.newPage();
		await participant.goto(invite);
		await participant.getByRole('radio', { name: 'Consumer / service user', exact: true }).tap();
		await participant.getByRole('button', { name: 'Next', exact: true }).tap();
		await expect(participant.getByText('Page 2 of 6', { exact: true })).toBeVisible();
		await expect(participant.getByRole('radio', { name: 'Carer', exact: true })).toHaveCount(0);
		await expect(participant.getByText('Your role: Consumer / service user')).toBeVisible();
		// The first statement and its first choice are on the first screen (they were below it).
		const firstChoice = participant.locator('article.statement').first().locator('label').first();
		const bottom = await firstChoice.evaluate((e) => e.getBoundingClientRect().bottom);
		expect(bottom).toBeLessThanOrEqual(844);
		await participant.getByRole('button', { name: 'Change your role' }).tap();
		await expect(participant.getByText('Page 1 of 6', { exact: true })).toBeVisible();
		await participant.getByRole('radio', { name: 'Carer', exact: true }).tap();
		await expect(participant.getByRole('radio', { name: 'Carer', exact: true })).toBeChecked();
	} finally {
		await phone.close();
	}
});

test('deleting a workshop from the list asks first, with the focus on "Keep it"; keeping it returns the focus to Delete', async ({
	page
}) => {
	await page.goto('/workshop');
	await page.getByLabel('Organisation or service name').fill('Delete Me Ward');
	await page.getByRole('button', { name: 'Create the workshop' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Delete Me Ward');

	// Its agreed ratings, listed with the saved assessments, ask too, and "Keep it" gives the focus back.
	await page.goto('/');
	const removeRatings = page.getByRole('button', { name: /^Delete Delete Me Ward/ });
	await removeRatings.click();
	await expect(page.getByRole('alert')).toContainText(
		'also deletes the workshop and its 0 participant responses'
	);
	await page.getByRole('button', { name: 'Keep it' }).click();
	await expect(removeRatings).toBeFocused();

	await page.goto('/workshop');
	const remove = page.getByRole('button', { name: /^Delete Delete Me Ward/ });
	await remove.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert')).toHaveText('Delete this workshop and its agreed ratings?');
	await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(remove).toBeFocused();
	await page.keyboard.press('Enter');
	await page.getByRole('button', { name: 'Delete it' }).click();
	await expect(page.getByRole('link', { name: /Delete Me Ward/ })).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('link', { name: /Delete Me Ward/ })).toHaveCount(0);
});
