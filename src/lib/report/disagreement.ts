import type { QuestionBank } from '$lib/content/question-bank';
import { applyTerms, type Terms } from '$lib/content/terms';
import type { Assessment } from '$lib/model/assessment';
import {
	formatLevel,
	groupLabel,
	participantsSummary,
	type WorkshopPicture
} from '$lib/workshop/aggregate';
import type { Block, Section } from './document';

/**
 * Who took part and where they disagreed, for the workshop report. Views appear only for groups
 * of three or more people, so no lone participant's ratings can be read off the page.
 */
export function disagreementSection(
	picture: WorkshopPicture,
	consensus: Assessment,
	terms: Terms,
	bank: QuestionBank
): Section {
	const agreed = Object.values(consensus.answers).filter((a) => a.rating !== undefined);
	const fromMedian = agreed.filter((a) => a.agreement === 'from-median').length;
	const discussed = agreed.filter((a) => a.agreement === 'discussed').length;
	const blocks: Block[] = [
		{ type: 'paragraph', text: participantsSummary(picture) },
		{
			type: 'paragraph',
			text:
				picture.breakdown === 'by-role'
					? 'Views are shown by role: every role had three or more people.'
					: picture.breakdown === 'lived-experience-vs-staff'
						? 'Some roles had fewer than three people, so views are shown only as people with lived experience against staff.'
						: 'Too few people in each group to show views by group; only the whole room is shown.',
			style: 'muted'
		},
		{
			type: 'paragraph',
			text: `${agreed.length} rating${agreed.length === 1 ? ' was' : 's were'} agreed: ${discussed} after discussion, ${fromMedian} taken from the median without discussion (marked "not discussed").`
		}
	];
	if (picture.hotspots.length) {
		blocks.push({ type: 'heading', text: 'Where people disagreed most', level: 2 });
		blocks.push({
			type: 'table',
			caption: 'Hotspots: widest gap between groups, then widest spread',
			head: [
				'Statement',
				'Range (median)',
				picture.groups.length ? 'Views by group (median, n)' : 'Ratings'
			],
			rows: picture.hotspots.map((h) => {
				const s = bank.statementById.get(h.id)!;
				return [
					{ title: applyTerms(s.title, terms), text: applyTerms(s.text, terms) },
					`${formatLevel(h.min)} to ${formatLevel(h.max)} (${formatLevel(h.median)})`,
					picture.groups.length
						? h.byGroup
								.map((g) => `${groupLabel(picture, g.group)}: ${formatLevel(g.median)} (n=${g.n})`)
								.join('\n')
						: h.levels.map((n, level) => `${level}: ${n}`).join(' · ')
				];
			}),
			widths: [56, 16, 28]
		});
	} else
		blocks.push({
			type: 'paragraph',
			text: 'No statement had a gap or spread of two levels or more.'
		});
	return {
		id: 'workshop',
		title: 'Who took part, and where they disagreed',
		part: 'main',
		newPage: true,
		blocks
	};
}
