import type { AssessmentSession } from '$lib/assessment/session.svelte';
import { bank } from '$lib/content';
import { buildReport, type ReportInput } from './board-paper';
import type { ReportDocument } from './document';

/** The one place a report is assembled for an open assessment, with any extra section a page adds. */
export function reportFor(
	session: AssessmentSession,
	extras: Pick<ReportInput, 'comparison' | 'workshop'> = {},
	now = new Date()
): ReportDocument {
	return buildReport({
		assessment: session.assessment,
		result: session.result,
		rows: session.plan.rows,
		terms: session.terms,
		bank,
		generatedAt: now,
		...extras
	});
}
