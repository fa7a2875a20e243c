import { describe, expect, it } from 'vitest';
import { bank } from '$lib/content';
import { compareContentVersions } from '$lib/content/version';
import { applyChange } from '$lib/model/changes';
import { createAssessment } from './create';
import { contentUpgrade, newerBankNotice } from './content-upgrade';

const ratedWith = (version: string) => {
	const assessment = createAssessment(version, new Date('2026-11-01T10:00:00Z'), 'a1');
	for (const id of bank.changes.flatMap((c) => c.rerate.map((r) => r.id)))
		assessment.answers[id] = { rating: 3 };
	return assessment;
};

describe('bringing a saved assessment up to this question bank', () => {
	it('orders versions number by number, and a version without numbers first', () => {
		expect(compareContentVersions('2026.12-1', '2027.01-1')).toBe(-1);
		expect(compareContentVersions('2026.12-10', '2026.12-9')).toBe(1);
		expect(compareContentVersions('2026.12-1', '2026.12-1')).toBe(0);
		expect(compareContentVersions('2026.12', '2026.12-1')).toBe(-1);
		expect(compareContentVersions('draft', '2026.11-1')).toBe(-1);
	});

	it('marks answers to re-worded statements for re-rating when the assessment is older', () => {
		const older = ratedWith(bank.changes[0]!.from);
		const upgrade = contentUpgrade(older, bank)!;
		expect(upgrade.rerate.length).toBeGreaterThan(0);
		applyChange(older, upgrade.change);
		expect(older.contentVersion).toBe(bank.version);
		expect(older.answers[upgrade.rerate[0]!]!.rating).toBeUndefined();
		expect(newerBankNotice(older, bank)).toBeNull();
	});

	it('never changes an assessment saved by a newer release, and says to reload', () => {
		const newer = ratedWith('2099.01-1');
		expect(contentUpgrade(newer, bank)).toBeNull();
		expect(newerBankNotice(newer, bank)).toMatch(/newer version of the app.*Reload the page/);
	});
});
