import type { QuestionBank } from '$lib/content/question-bank';
import { applyTerms, type Terms } from '$lib/content/terms';
import type { ScoringResult } from '$lib/scoring';
import type { Block } from './document';

/**
 * "What a peer worker can expect here", for recruitment packs. It says only what the organisation
 * has rated as in place: anything still being worked on is left out, never promised.
 */
export function candidatePage(
	organisation: string,
	result: ScoringResult,
	bank: QuestionBank,
	terms: Terms
): { title: string; blocks: Block[]; promises: number } {
	const page = bank.candidate;
	const inPlace = new Set(result.strengths.statementIds);
	const blocks: Block[] = [
		{ type: 'paragraph', text: applyTerms(page.intro, terms), style: 'muted' }
	];
	if (result.stage.id !== 'ready-to-recruit' && result.stage.id !== 'embedding')
		blocks.push({ type: 'paragraph', text: applyTerms(page.notReady, terms), style: 'lead' });
	let promises = 0;
	for (const section of page.sections) {
		const items = bank.statements
			.filter((s) => s.candidate?.section === section.id && inPlace.has(s.id))
			.map((s) => ({ title: applyTerms(s.candidate!.text, terms) }));
		promises += items.length;
		blocks.push({ type: 'heading', text: section.title, level: 2 });
		blocks.push(
			items.length
				? { type: 'list', items }
				: { type: 'paragraph', text: page.empty, style: 'muted' }
		);
	}
	return {
		title: `${applyTerms(page.title, terms)}: ${organisation || 'this organisation'}`,
		blocks,
		promises
	};
}
