/**
 * The report as a document of blocks. Every word and number is in the model; the PDF and the
 * HTML view only draw blocks, so the two can never say different things.
 */
export type Tone = 'ready' | 'not-ready' | 'neutral';

/** A table cell: plain text, or a title with smaller text under it. */
export type Cell = string | { title: string; text: string };

export type Block =
	| {
			type: 'cover';
			kicker: string;
			organisation: string;
			lines: string[];
			stageLabel: string;
			stage: string;
			tone: Tone;
	  }
	| { type: 'heading'; text: string; level: 2 | 3 }
	| { type: 'paragraph'; text: string; style?: 'lead' | 'muted' }
	| { type: 'stage'; label: string; reasons: string[]; tone: Tone }
	| { type: 'messages'; items: string[] }
	| { type: 'list'; items: { title: string; text?: string }[] }
	| {
			type: 'bars';
			caption: string;
			scaleLabel: string;
			rows: { label: string; value: number | null; band: string | null; text: string }[];
			/** Band names with their lowest score, for the legend. */
			bands: { label: string; min: number }[];
	  }
	| {
			type: 'table';
			caption: string;
			head: string[];
			rows: Cell[][];
			/** Relative column widths (they are scaled to the page). */
			widths: number[];
			/** Rows to highlight (for example the next three steps). */
			highlight?: number[];
	  }
	| { type: 'quotes'; items: { text: string; cite: string }[] }
	| { type: 'definitions'; items: { term: string; text: string }[] };

export interface Section {
	id: string;
	title: string;
	/** The summary comes first; the appendix holds detail for those who want it. */
	part: 'summary' | 'main' | 'appendix';
	/** Starts on a new page in the PDF. */
	newPage: boolean;
	blocks: Block[];
}

export interface ReportDocument {
	fileName: string;
	title: string;
	subject: string;
	author: string;
	/** Printed at the foot of every page. */
	footer: string;
	/** "Page {page} of {pages}" */
	pageLabel: string;
	sections: Section[];
}

export const cellTitle = (c: Cell) => (typeof c === 'string' ? c : c.title);
export const cellText = (c: Cell) => (typeof c === 'string' ? c : `${c.title}\n${c.text}`);
