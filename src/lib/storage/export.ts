import type { Assessment } from '$lib/assessment/types';
import type { QuestionBank } from '$lib/content/question-bank';
import { ratingLabel, type ScoringResult } from '$lib/scoring';
import { resolveTerms } from '$lib/content/terms';

export function exportJson(assessment: Assessment): string {
	return JSON.stringify(assessment, null, 2);
}

/** A file-name-safe slug: letters and digits from any script, joined by hyphens. */
export function slug(text: string, fallback = 'organisation'): string {
	const s = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return s || fallback;
}

export function fileName(
	organisation: string,
	kind: string,
	extension: string,
	date = new Date()
): string {
	return `${slug(organisation)}-${kind}-${date.toISOString().slice(0, 10)}.${extension}`;
}

/** Quotes a CSV cell, and defuses cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
		'note'
	];
	const rows = result.domains.flatMap((d) =>
		d.statements.map((s) => [
			d.name,
			s.id,
			s.text,
			s.critical ? 'yes' : 'no',
			s.status,
			typeof s.rating === 'number' ? s.rating : '',
			s.status === 'switched-off'
				? 'Not asked (switched off by a decision)'
				: ratingLabel(s.rating, terms),
			s.note
		])
	);
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
