import { displayTitle } from '$lib/assessment/create';
import type { QuestionBank } from '$lib/content/question-bank';
import type { Terms } from '$lib/content/terms';
import { longDate } from '$lib/format/dates';
import type { Assessment } from '$lib/model/assessment';
import { ratingLabel } from '$lib/scoring';
import type { Comparison } from '$lib/scoring/compare';
import type { Block, Section } from './document';

const scoreText = (n: number | null) => (n === null ? 'Too little evidence' : String(n));
const changeText = (n: number | null) => (n === null ? '–' : n > 0 ? `+${n}` : String(n));

/** What moved since an earlier assessment: one section, drawn on the compare page and in the PDF. */
export function comparisonSection(
	earlier: Assessment,
	comparison: Comparison,
	terms: Terms,
	bank: QuestionBank
): Section {
	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: `Compared with ${displayTitle(earlier)} (${longDate(earlier.updatedAt)}), when the stage was: ${comparison.stage.earlier}. Now: ${comparison.stage.now}.`
		}
	];
	if (comparison.blockersCleared.length)
		blocks.push({
			type: 'list',
			items: [
				{ title: 'Critical statements now in place', text: comparison.blockersCleared.join('; ') }
			]
		});
	if (comparison.blockersNew.length)
		blocks.push({
			type: 'list',
			items: [
				{ title: 'Critical statements no longer in place', text: comparison.blockersNew.join('; ') }
			]
		});
	blocks.push({
		type: 'table',
		caption: 'Scores by area, earlier and now',
		head: ['Area', 'Earlier', 'Now', 'Change'],
		rows: comparison.domains.map((d) => [
			d.name,
			scoreText(d.earlier),
			scoreText(d.now),
			changeText(d.change)
		]),
		widths: [52, 16, 16, 16]
	});
	blocks.push({
		type: 'heading',
		text: `Statements that moved (${comparison.moved.length})`,
		level: 2
	});
	blocks.push(
		comparison.moved.length
			? {
					type: 'table',
					caption: 'Statements whose answer changed',
					head: ['Statement', 'Earlier', 'Now', ''],
					rows: comparison.moved.map((m) => [
						{ title: m.title, text: m.text },
						ratingLabel(m.earlier, terms, bank.scale),
						ratingLabel(m.now, terms, bank.scale),
						m.direction === 'up' ? 'Up' : m.direction === 'down' ? 'Down' : 'Changed'
					]),
					widths: [52, 19, 19, 10]
				}
			: { type: 'paragraph', text: 'No answer changed.' }
	);
	if (comparison.reworded.length)
		blocks.push({
			type: 'paragraph',
			text: `${comparison.reworded.length} statement${comparison.reworded.length === 1 ? ' was' : 's were'} reworded between the two assessments, so ${comparison.reworded.length === 1 ? 'it is' : 'they are'} not compared: ${comparison.reworded.join('; ')}.`,
			style: 'muted'
		});
	return { id: 'comparison', title: 'What changed', part: 'main', newPage: true, blocks };
}

/** The series for one chart of both assessments' area scores. */
export function comparisonSeries(earlier: Assessment, comparison: Comparison) {
	return [
		{
			label: `Earlier (${longDate(earlier.updatedAt)})`,
			values: comparison.domains.map((d) => d.earlier)
		},
		{ label: 'Now', values: comparison.domains.map((d) => d.now) }
	];
}
