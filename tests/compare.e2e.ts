import {
	answerArea,
	decideAll,
	expect,
	expectSaved,
	pdfText,
	rate,
	startAssessment,
	statements,
	test
} from './fixtures';

test('a re-assessment is compared with the earlier one: the stage, what moved, a chart, and the board paper with "what changed"', async ({
	page
}) => {
	test.setTimeout(180_000);
	const id = await startAssessment(page, 'Harbour');
	await decideAll(page);
	await answerArea(page, () => '1 · Informal');
	await expectSaved(page);
	await page.goto('/');
	await page.getByRole('button', { name: /^Rename/ }).click();
	await page.getByLabel('New name').fill('Harbour, June');
	await page.getByRole('button', { name: 'Save name' }).click();
	await page.getByRole('button', { name: /^Duplicate/ }).click();
	await expect(page.getByText(/^Made a copy/)).toBeVisible();
	const ids = await page
		.getByRole('link', { name: /^Continue/ })
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/').pop()!));
	expect(ids).toHaveLength(2);
	const copyId = ids.find((x) => x !== id)!;
	await page.goto(`/assessment/${copyId}/leadership`);
	await rate(statements(page).first(), '4 · In place and reviewed');
	await rate(statements(page).nth(1), '3 · In place');
	await expectSaved(page);

	await page.goto(`/assessment/${copyId}/compare`);
	const earlier = page.getByLabel('Earlier assessment on this device');
	await expect(earlier.locator('option')).toHaveCount(2);
	const label = (await earlier.locator('option').allTextContents()).find((t) =>
		t.startsWith('Harbour, June (')
	)!;
	await earlier.selectOption({ label });
	await expect(page.getByRole('heading', { name: /^Stage: / })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Statements that moved \(2\)/ })).toBeVisible();
	await expect(page.locator('main')).toContainText('Managers understand the peer worker role');
	await expect(page.locator('canvas, figure').first()).toBeVisible();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the board paper with "what changed"' }).click();
	const text = pdfText(await (await downloading).path()).replace(/\s+/g, ' ');
	expect(text).toContain('Statements that moved (2)');
	expect(text).toContain('Harbour, June');
});
