import type { AssessmentSession } from '$lib/assessment/session.svelte';
import { bank } from '$lib/content';
import type { WorkshopDesk } from '$lib/workshop/desk.svelte';
import { openDesk } from '$lib/workshop/open';
import { buildReport, type ReportInput } from './board-paper';
import { disagreementSection } from './disagreement';
import type { ReportDocument } from './document';

export type ReportExtras = Pick<ReportInput, 'comparison' | 'workshop'>;

/** The workshop's part of its report: who took part and where they disagreed. */
export function workshopExtras(desk: WorkshopDesk): ReportExtras {
	const { session, picture } = desk;
	return {
		workshop: {
			section: disagreementSection(picture, session.assessment, session.terms, bank),
			participants: picture.participants
		}
	};
}

/** What a report for this assessment adds wherever it is made: a workshop consensus always carries its workshop. */
export async function extrasFor(session: AssessmentSession): Promise<ReportExtras> {
	const workshopId = session.assessment.workshopId;
	if (!workshopId) return {};
	const opened = await openDesk(workshopId);
	return opened.ok ? workshopExtras(opened.desk) : {};
}

/** The one place a report is assembled for an open assessment, with any extra section a page adds. */
export function reportFor(
	session: AssessmentSession,
	extras: ReportExtras = {},
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
