import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import {
	completeAssessment,
	expect,
	expectNoAxeViolations,
	startAssessment,
	test
} from './fixtures';

test('a re-assessment months later is compared with the earlier one: what moved, both in one chart, and in the PDF', async ({
	page
}, testInfo) => {
	test.setTimeout(180_000);
	await startAssessment(page, 'Second Look Service');
	await completeAssessment(page, (id) =>
		id === 'GOV-1' ? '1 · Informal' : '2 · Agreed or planned'
	);
	await expect(page.getByRole('heading', { name: /Readiness stage: Not yet ready/ })).toBeVisible();
	const saving = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Save as JSON file' }).click();
	const earlier = JSON.parse(readFileSync(await (await saving).path(), 'utf8'));

	// The same organisation a few months later: the duty-of-care code is now in place, most else improved.
	const later = structuredClone(earlier);
	later.id = 'later-assessment';
	later.updatedAt = '2027-03-01T10:00:00.000Z';
	for (const [id, answer] of Object.entries(later.answers) as [string, { rating?: number }][])
		answer.rating = id === 'EVAL-1' ? 1 : 3;
	const laterFile = testInfo.outputPath('later.json');
	writeFileSync(laterFile, JSON.stringify(later));
	await page.goto('/');
	await page.locator('input[type=file]').setInputFiles(laterFile);
	await expect(page.getByText(/^Imported Second Look Service/)).toBeVisible();

	await page.goto('/assessment/later-assessment/compare');
	await page.getByLabel('Earlier assessment on this device').selectOption({ index: 1 });
	await expect(
		page.getByRole('heading', { name: 'Stage: Not yet ready to recruit → Ready to recruit' })
	).toBeVisible();
	await expect(page.getByText(/Critical blockers cleared: .*GOV-1/)).toBeVisible();
	const govRow = page.getByRole('row', { name: /Ethics, duty of care and confidentiality/ });
	await expect(govRow).toContainText('+');
	const moved = (id: string) =>
		page.locator('li').filter({ has: page.locator('strong', { hasText: new RegExp(`^${id}$`) }) });
	await expect(moved('GOV-1')).toContainText('▲ 1 – Informal → 3 – In place');
	await expect(moved('EVAL-1')).toContainText('▼ 2 – Agreed or planned → 1 – Informal');
	await expect(page.locator('.radar canvas')).toBeVisible();
	await expectNoAxeViolations(page, 'compare');

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF with "what changed"' }).click();
	const text = execFileSync('pdftotext', ['-raw', await (await downloading).path(), '-'], {
		encoding: 'utf8'
	}).replace(/\s+/g, ' ');
	expect(text).toContain('What changed');
	expect(text).toContain('when the stage was: Not yet ready to recruit');
	expect(text).toMatch(/GOV-1: A written duty-of-care.*1 – Informal 3 – In place/);
});
