import type { QuestionBank } from '$lib/content/question-bank';
import type { Assessment } from '$lib/model/assessment';
import type { AssessmentChange } from '$lib/model/changes';
import { compareContentVersions } from '$lib/content/version';

/**
 * Said when an assessment was saved by a newer release of the app than this one (an old copy still
 * cached in this browser): its answers are kept exactly as they are, never "upgraded" backwards.
 */
export function newerBankNotice(
	assessment: Pick<Assessment, 'contentVersion'>,
	bank: Pick<QuestionBank, 'version'>
): string | null {
	return compareContentVersions(assessment.contentVersion, bank.version) > 0
		? `This assessment was saved by a newer version of the app (question bank ${assessment.contentVersion}; this page has ${bank.version}). Reload the page to update the app. Until then, its answers are kept as they are, and statements this version does not have are left out of the results shown here.`
		: null;
}

/**
 * What bringing an assessment up to the current question bank changes: the statements whose
 * meaning changed since it was rated (their ratings become "earlier", to re-rate) and a notice
 * naming what was re-worded and what was removed. Null when it is already current, or newer than
 * this page's bank (see newerBankNotice).
 */
export function contentUpgrade(
	assessment: Pick<Assessment, 'contentVersion' | 'answers'>,
	bank: Pick<QuestionBank, 'version' | 'changes' | 'statementById'>
): { change: AssessmentChange; notice: string; rerate: string[]; removed: string[] } | null {
	if (assessment.contentVersion === bank.version || newerBankNotice(assessment, bank) !== null)
		return null;
	const start = bank.changes.findIndex((c) => c.from === assessment.contentVersion);
	// An unknown version is treated as the oldest: every revision since applies.
	const since = bank.changes.slice(start < 0 ? 0 : start);
	const rated = (id: string) => assessment.answers[id]?.rating !== undefined;
	const rerate = [...new Set(since.flatMap((c) => c.rerate.map((r) => r.id)))].filter(rated);
	const removed = [...new Set(since.flatMap((c) => c.removed.map((r) => r.id)))].filter(
		(id) => assessment.answers[id] !== undefined && !bank.statementById.has(id)
	);
	const parts = [
		`The question bank was revised (version ${bank.version}). ${since.at(-1)?.summary ?? ''}`.trim()
	];
	if (rerate.length)
		parts.push(
			`${rerate.length} of your answers ${rerate.length === 1 ? 'is' : 'are'} to statements whose meaning changed; ${rerate.length === 1 ? 'it is' : 'they are'} marked "please re-rate", with your earlier answer shown beside ${rerate.length === 1 ? 'it' : 'them'}.`
		);
	if (removed.length)
		parts.push(
			`${removed.length} answer${removed.length === 1 ? ' is' : 's are'} to statements that were removed; ${removed.length === 1 ? 'it is' : 'they are'} kept in your save file and listed on the review page.`
		);
	return {
		change: { type: 'content-version', contentVersion: bank.version, rerate },
		notice: parts.join(' '),
		rerate,
		removed
	};
}

/**
 * Answers to statements no version of the bank has had: not answers at all. Kept, they would count
 * on the list and against the answer limit while appearing nowhere. (Statements a revision removed
 * are known, and kept as the upgrade notice says.)
 */
export function unknownAnswerIds(
	assessment: Pick<Assessment, 'answers'>,
	bank: Pick<QuestionBank, 'changes' | 'statementById'>
): string[] {
	const removed = new Set(bank.changes.flatMap((c) => c.removed.map((r) => r.id)));
	return Object.keys(assessment.answers).filter(
		(id) => !bank.statementById.has(id) && !removed.has(id)
	);
}
