import type { Assessment } from '$lib/model/assessment';

/** A save file: the assessment exactly as stored, readable by the import on any later version. */
export function exportJson(assessment: Assessment): string {
	return JSON.stringify(assessment, null, 2);
}
