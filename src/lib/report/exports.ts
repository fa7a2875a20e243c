import type { EventAttributes } from 'ics';
import type { PlanRow } from '$lib/assessment/plan-rows';
import type { QuestionBank } from '$lib/content/question-bank';
import { resolveTerms } from '$lib/content/terms';
import type { Assessment } from '$lib/model/assessment';
import { ratingLabel, type ScoringResult } from '$lib/scoring';

/** Quotes a CSV cell, and defuses cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The answers as a spreadsheet. It starts with a byte-order mark so Excel reads accents and other scripts correctly. */
export function answersCsv(
	assessment: Assessment,
	result: ScoringResult,
	bank: QuestionBank
): string {
	const terms = resolveTerms(assessment.profile, bank.terminology);
	const header = [
		'domain',
		'statement_id',
		'statement',
		'critical',
		'status',
		'level',
		'answer',
		'with_lived_experience',
		'note'
	];
	const rows = result.domains.flatMap((d) =>
		d.statements.map((s) => [
			d.name,
			s.id,
			s.text,
			s.critical ? 'yes' : 'no',
			s.issue === 'rerate' ? 'needs re-rating' : s.status,
			typeof s.rating === 'number' ? s.rating : '',
			s.status === 'switched-off'
				? 'Not asked (switched off by a decision)'
				: ratingLabel(s.rating, terms, bank.scale),
			s.needsLivedExperience ? (s.withLivedExperience ? 'yes' : 'no') : '',
			s.note
		])
	);
	return (
		'\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
	);
}

const dateArray = (iso: string): [number, number, number] => {
	const [y, m, d] = iso.split('-').map(Number);
	return [y!, m!, d!];
};

/**
 * The plan's due dates as calendar events (one all-day event per dated action, and the planned
 * re-assessment), built with the `ics` library, which is passed in so it loads only when asked for.
 */
export function planCalendar(
	ics: Pick<typeof import('ics'), 'createEvents'>,
	assessment: Assessment,
	rows: PlanRow[],
	organisation: string
): { ok: true; text: string; events: number } | { ok: false; message: string } {
	const events: EventAttributes[] = rows
		.filter((r) => r.due && r.status !== 'done')
		.map((r) => ({
			uid: `${assessment.id}-${r.key}@peer-work-readiness`,
			productId: 'peer-work-readiness',
			calName: `Peer work readiness – ${organisation}`,
			title: r.title,
			description: [r.text, r.why, r.owner ? `Owner: ${r.owner}` : ''].filter(Boolean).join('\n\n'),
			start: dateArray(r.due),
			duration: { days: 1 },
			status: 'CONFIRMED'
		}));
	if (assessment.reassessOn)
		events.push({
			uid: `${assessment.id}-reassess@peer-work-readiness`,
			productId: 'peer-work-readiness',
			calName: `Peer work readiness – ${organisation}`,
			title: `Re-assess peer work readiness – ${organisation}`,
			description: 'Re-assess with the app, then compare with this assessment to see what moved.',
			start: dateArray(assessment.reassessOn),
			duration: { days: 1 },
			status: 'CONFIRMED'
		});
	if (events.length === 0)
		return {
			ok: false,
			message: 'No open action has a due date yet. Set due dates in the plan first.'
		};
	const { error, value } = ics.createEvents(events);
	if (error || !value)
		return {
			ok: false,
			message: `The calendar file could not be made (${error?.message ?? 'unknown error'}).`
		};
	return { ok: true, text: value, events: events.length };
}
