import { jsPDF } from 'jspdf';
import { autoTable, type CellHookData } from 'jspdf-autotable';
import { cellTitle, type Block, type Cell, type ReportDocument, type Tone } from './document';

export interface PdfFonts {
	/** TrueType fonts as base64: the standard PDF fonts cannot show most text outside Western Latin. */
	regular: string;
	bold: string;
}

type Rgb = [number, number, number];
const PAGE = { width: 210, height: 297, margin: 16, footer: 10 };
const CONTENT = PAGE.width - 2 * PAGE.margin;
const INK: Rgb = [27, 36, 48];
const BRAND: Rgb = [11, 93, 122];
const MUTED: Rgb = [74, 85, 101];
const LINE: Rgb = [201, 211, 220];
const WASH: Rgb = [243, 247, 250];
const HIGHLIGHT: Rgb = [255, 246, 224];
const TONES: Record<Tone, { ink: Rgb; wash: Rgb }> = {
	ready: { ink: [26, 112, 56], wash: [232, 245, 236] },
	'not-ready': { ink: [176, 42, 26], wash: [252, 236, 233] },
	neutral: { ink: MUTED, wash: WASH }
};
/** Band colours, light to strong, distinguishable without colour by the value printed beside each bar. */
const BAND_COLOURS: Rgb[] = [
	[213, 94, 0],
	[230, 159, 0],
	[86, 180, 233],
	[0, 114, 178]
];
const FONT = 'DejaVuSans';
const PT = 0.3528;

/**
 * Characters the embedded font has no glyph for (emoji, mostly) would print as blanks or break
 * widths; replace them with a visible box instead of losing the surrounding text.
 */
export function pdfSafe(text: string): string {
	return (
		text
			// Only the emoji planes: ©, ®, ™, ★ and friends are Extended_Pictographic too, and the font has them.
			.replace(
				/[\u{1F000}-\u{1FAFF}](\uFE0F|\u200D[\u{1F000}-\u{1FAFF}\u2640\u2642\u2695\u2696\u2708\u2764])*/gu,
				'□'
			)
			.replace(/\u200B|\u200C|\u200D|\uFE0E|\uFE0F/g, '')
			.replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
			.replace(/\p{Cc}/gu, (c) => (c === '\n' ? '\n' : ' '))
	);
}

/** A pen that keeps its place on the page and starts a new page when the next thing will not fit. */
class Pen {
	y = PAGE.margin;
	constructor(readonly doc: jsPDF) {}

	get bottom() {
		return PAGE.height - PAGE.margin - PAGE.footer;
	}

	ensure(height: number) {
		if (this.y + height > this.bottom) this.newPage();
	}

	newPage() {
		this.doc.addPage();
		this.y = PAGE.margin;
	}

	lines(text: string, size: number, bold: boolean, width: number): string[] {
		this.doc.setFont(FONT, bold ? 'bold' : 'normal');
		this.doc.setFontSize(size);
		return this.doc.splitTextToSize(pdfSafe(text), width) as string[];
	}

	text(
		value: string,
		o: {
			size?: number;
			bold?: boolean;
			colour?: Rgb;
			indent?: number;
			gap?: number;
			width?: number;
		} = {}
	) {
		const size = o.size ?? 9.5;
		const indent = o.indent ?? 0;
		const lineHeight = size * PT * 1.35;
		const lines = this.lines(value, size, !!o.bold, (o.width ?? CONTENT) - indent);
		this.doc.setTextColor(...(o.colour ?? INK));
		for (const line of lines) {
			this.ensure(lineHeight);
			this.doc.text(line, PAGE.margin + indent, this.y + lineHeight * 0.78);
			this.y += lineHeight;
		}
		this.y += o.gap ?? 1.5;
	}
}

function drawCover(pen: Pen, b: Extract<Block, { type: 'cover' }>) {
	const { doc } = pen;
	const orgLines = pen.lines(b.organisation, 20, true, CONTENT);
	// Long names wrap: nothing typed is ever cut off the page.
	const detailLines = b.lines.flatMap((line) => pen.lines(line, 10.5, false, CONTENT));
	const band = 30 + orgLines.length * 8.5 + detailLines.length * 5.2;
	doc.setFillColor(...BRAND);
	doc.rect(0, 0, PAGE.width, band, 'F');
	doc.setTextColor(255, 255, 255);
	doc.setFont(FONT, 'normal');
	doc.setFontSize(10.5);
	doc.text(pdfSafe(b.kicker), PAGE.margin, 14);
	doc.setFont(FONT, 'bold');
	doc.setFontSize(20);
	let y = 24;
	for (const line of orgLines) {
		doc.text(line, PAGE.margin, y);
		y += 8.5;
	}
	doc.setFont(FONT, 'normal');
	doc.setFontSize(10.5);
	for (const line of detailLines) {
		doc.text(line, PAGE.margin, y);
		y += 5.2;
	}
	pen.y = band + 7;
	const tone = TONES[b.tone];
	const stageLines = pen.lines(b.stage, 15, true, CONTENT - 10);
	const boxHeight = 10 + stageLines.length * 6.5;
	doc.setFillColor(...tone.wash);
	doc.setDrawColor(...tone.ink);
	doc.setLineWidth(0.8);
	doc.roundedRect(PAGE.margin, pen.y, CONTENT, boxHeight, 2, 2, 'FD');
	doc.setTextColor(...MUTED);
	doc.setFont(FONT, 'normal');
	doc.setFontSize(9);
	doc.text(pdfSafe(b.stageLabel), PAGE.margin + 5, pen.y + 6);
	doc.setTextColor(...tone.ink);
	doc.setFont(FONT, 'bold');
	doc.setFontSize(15);
	stageLines.forEach((line, i) => doc.text(line, PAGE.margin + 5, pen.y + 12.5 + i * 6.5));
	pen.y += boxHeight + 4;
}

function drawBars(pen: Pen, b: Extract<Block, { type: 'bars' }>) {
	const { doc } = pen;
	const labelWidth = 62;
	// The value has a column of its own at the right, so text never sits on a bar or a gridline.
	const valueWidth = 28;
	const x0 = PAGE.margin + labelWidth + 2;
	const barWidth = CONTENT - labelWidth - 2 - valueWidth - 3;
	const xValue = x0 + barWidth + 3;
	const rowHeight = 7.4;
	// The chart is never split across pages: it is one picture.
	pen.ensure(5 + rowHeight * b.rows.length + 14);
	const xAt = (value: number) => x0 + (value / 100) * barWidth;
	const ticks = [0, ...b.bands.map((band) => band.min).filter((m) => m > 0), 100];
	doc.setFontSize(7.5);
	doc.setFont(FONT, 'normal');
	doc.setTextColor(...MUTED);
	for (const tick of ticks) doc.text(String(tick), xAt(tick), pen.y + 3, { align: 'center' });
	pen.y += 5;
	const gridTop = pen.y;
	const gridBottom = pen.y + rowHeight * b.rows.length;
	doc.setDrawColor(...LINE);
	doc.setLineWidth(0.2);
	for (const tick of ticks) doc.line(xAt(tick), gridTop, xAt(tick), gridBottom);
	for (const row of b.rows) {
		const labelLines = pen.lines(row.label, 8.5, false, labelWidth).slice(0, 2);
		doc.setFontSize(8.5);
		doc.setTextColor(...INK);
		labelLines.forEach((line, i) =>
			doc.text(line, PAGE.margin, pen.y + 3.4 + i * 3.4 - (labelLines.length - 1) * 1.7)
		);
		if (row.value === null) {
			// Where the bar would be, on a white ground, so the gridlines do not strike through it.
			const text = pdfSafe(row.text);
			doc.setFontSize(8);
			doc.setFillColor(255, 255, 255);
			doc.rect(x0 + 0.4, pen.y + 0.8, doc.getTextWidth(text) + 1.6, rowHeight - 2.6, 'F');
			doc.setTextColor(...MUTED);
			doc.text(text, x0 + 1, pen.y + 3.6);
		} else {
			const bandIndex = Math.max(
				0,
				b.bands.findLastIndex((band) => row.value! >= band.min)
			);
			doc.setFillColor(...BAND_COLOURS[bandIndex % BAND_COLOURS.length]!);
			doc.rect(x0, pen.y + 0.8, Math.max(0.6, (row.value / 100) * barWidth), rowHeight - 2.6, 'F');
			doc.setTextColor(...INK);
			doc.setFont(FONT, 'bold');
			doc.setFontSize(8.5);
			doc.text(pdfSafe(row.text), xValue, pen.y + 3.8);
			doc.setFont(FONT, 'normal');
		}
		pen.y += rowHeight;
	}
	pen.y += 2;
	// The legend names each band with its colour and lowest score.
	let x = PAGE.margin;
	doc.setFontSize(8);
	for (const [i, band] of b.bands.entries()) {
		const label = pdfSafe(`${band.label} (${band.min}+)`);
		doc.setFillColor(...BAND_COLOURS[i % BAND_COLOURS.length]!);
		doc.rect(x, pen.y + 0.6, 3, 3, 'F');
		doc.setTextColor(...INK);
		doc.text(label, x + 4.2, pen.y + 3.2);
		x += 4.2 + doc.getTextWidth(label) + 6;
	}
	pen.y += 6;
	pen.text(b.caption, { size: 8, colour: MUTED, gap: 2 });
}

function drawTable(pen: Pen, b: Extract<Block, { type: 'table' }>) {
	const { doc } = pen;
	const total = b.widths.reduce((a, w) => a + w, 0);
	const widths = b.widths.map((w) => (w / total) * CONTENT);
	const fontSize = 8.3;
	const padding = 1.6;
	const titleLineCount = new Map<string, number>();
	const keyOf = (row: number, column: number) => `${row}:${column}`;
	autoTable(doc, {
		startY: pen.y,
		margin: {
			left: PAGE.margin,
			right: PAGE.margin,
			top: PAGE.margin,
			bottom: PAGE.margin + PAGE.footer
		},
		head: [b.head.map(pdfSafe)],
		body: b.rows.map((row) => row.map((c) => pdfSafe(cellTitle(c)))),
		showHead: 'everyPage',
		rowPageBreak: 'avoid',
		styles: {
			font: FONT,
			fontSize,
			cellPadding: padding,
			overflow: 'linebreak',
			textColor: INK,
			lineColor: LINE,
			lineWidth: 0.2,
			valign: 'top'
		},
		headStyles: { font: FONT, fontStyle: 'bold', fillColor: BRAND, textColor: [255, 255, 255] },
		columnStyles: Object.fromEntries(widths.map((w, i) => [i, { cellWidth: w }])),
		didParseCell: (data: CellHookData) => {
			if (data.section !== 'body') return;
			const cell: Cell | undefined = b.rows[data.row.index]?.[data.column.index];
			if (b.highlight?.includes(data.row.index)) data.cell.styles.fillColor = HIGHLIGHT;
			if (cell === undefined || typeof cell === 'string') return;
			// A title in bold with its text under it: measured here so rows never split mid-cell.
			const inner = widths[data.column.index]! - 2 * padding;
			const title = pen.lines(cell.title, fontSize, true, inner);
			const text = pen.lines(cell.text, fontSize, false, inner);
			titleLineCount.set(keyOf(data.row.index, data.column.index), title.length);
			data.cell.text = [...title, ...text];
		},
		willDrawCell: (data: CellHookData) => {
			if (data.section === 'body' && titleLineCount.has(keyOf(data.row.index, data.column.index))) {
				(data.cell as unknown as { __lines: string[] }).__lines = data.cell.text;
				data.cell.text = [];
			}
		},
		didDrawCell: (data: CellHookData) => {
			const count = titleLineCount.get(keyOf(data.row.index, data.column.index));
			if (data.section !== 'body' || count === undefined) return;
			const lines = (data.cell as unknown as { __lines: string[] }).__lines ?? [];
			const lineHeight = fontSize * PT * 1.15;
			let y = data.cell.y + padding + lineHeight * 0.8;
			lines.forEach((line, i) => {
				doc.setFont(FONT, i < count ? 'bold' : 'normal');
				doc.setFontSize(fontSize);
				doc.setTextColor(...(i < count ? INK : MUTED));
				doc.text(line, data.cell.x + padding, y);
				y += lineHeight;
			});
		}
	});
	pen.y = (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 4;
}

function drawBlock(pen: Pen, block: Block) {
	const { doc } = pen;
	switch (block.type) {
		case 'cover':
			return drawCover(pen, block);
		case 'heading':
			// Keep a heading with what follows it.
			pen.ensure(block.level === 2 ? 24 : 18);
			pen.y += block.level === 2 ? 3 : 2;
			return pen.text(block.text, {
				size: block.level === 2 ? 12.5 : 10.5,
				bold: true,
				colour: BRAND,
				gap: 1.8
			});
		case 'paragraph':
			return pen.text(block.text, {
				size: block.style === 'lead' ? 10.5 : block.style === 'muted' ? 8.3 : 9.5,
				colour: block.style === 'muted' ? MUTED : INK,
				gap: 2.2
			});
		case 'stage': {
			const tone = TONES[block.tone];
			pen.ensure(16);
			pen.text(block.label, { size: 12, bold: true, colour: tone.ink, gap: 1 });
			for (const reason of block.reasons) pen.text(`•  ${reason}`, { indent: 2, gap: 0.8 });
			pen.y += 2;
			return;
		}
		case 'messages':
			block.items.forEach((item, i) => {
				const lines = pen.lines(item, 10, false, CONTENT - 12);
				const height = lines.length * 10 * PT * 1.35 + 4;
				pen.ensure(height);
				doc.setFillColor(...WASH);
				doc.rect(PAGE.margin, pen.y, CONTENT, height, 'F');
				doc.setFillColor(...BRAND);
				doc.rect(PAGE.margin, pen.y, 1.2, height, 'F');
				doc.setTextColor(...BRAND);
				doc.setFont(FONT, 'bold');
				doc.setFontSize(12);
				doc.text(String(i + 1), PAGE.margin + 4, pen.y + 6);
				doc.setTextColor(...INK);
				doc.setFont(FONT, 'normal');
				doc.setFontSize(10);
				lines.forEach((line, j) =>
					doc.text(line, PAGE.margin + 11, pen.y + 5.6 + j * 10 * PT * 1.35)
				);
				pen.y += height + 1.8;
			});
			pen.y += 1;
			return;
		case 'list':
			for (const item of block.items) {
				pen.ensure(9);
				const startY = pen.y;
				pen.text(item.title, { bold: !!item.text, indent: 4, gap: item.text ? 0.3 : 1.2 });
				doc.setTextColor(...BRAND);
				doc.setFontSize(9.5);
				doc.text('•', PAGE.margin + 0.5, startY + 9.5 * PT * 1.05);
				if (item.text) pen.text(item.text, { indent: 4, colour: MUTED, size: 8.8, gap: 1.6 });
			}
			pen.y += 1;
			return;
		case 'bars':
			return drawBars(pen, block);
		case 'table':
			return drawTable(pen, block);
		case 'quotes':
			for (const q of block.items) {
				pen.ensure(10);
				const startY = pen.y;
				pen.text(`${q.cite}. ${q.text}`, { indent: 4, size: 9, gap: 1.6 });
				doc.setFillColor(...LINE);
				doc.rect(PAGE.margin, startY, 1, pen.y - startY - 1.6, 'F');
			}
			return;
		case 'definitions':
			for (const d of block.items) {
				pen.ensure(10);
				pen.text(d.term, { bold: true, gap: 0.3 });
				pen.text(d.text, { indent: 3, size: 8.8, gap: 1.8 });
			}
			return;
	}
}

/** Draws a report document as an A4 PDF. Layout only: every word comes from the document. */
export function drawReportPdf(report: ReportDocument, fonts: PdfFonts): jsPDF {
	const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
	doc.addFileToVFS('DejaVuSans.ttf', fonts.regular);
	doc.addFont('DejaVuSans.ttf', FONT, 'normal');
	doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold);
	doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
	doc.setFont(FONT, 'normal');
	doc.setProperties({
		title: pdfSafe(report.title),
		subject: pdfSafe(report.subject),
		creator: 'Peer Work Readiness',
		author: pdfSafe(report.author)
	});
	const pen = new Pen(doc);
	report.sections.forEach((section, i) => {
		if (i > 0 && section.newPage) pen.newPage();
		if (section.part !== 'summary') {
			pen.ensure(30);
			pen.text(section.title, { size: 16, bold: true, colour: BRAND, gap: 3 });
		}
		for (const block of section.blocks) drawBlock(pen, block);
	});
	const pages = doc.getNumberOfPages();
	for (let i = 1; i <= pages; i++) {
		doc.setPage(i);
		doc.setFont(FONT, 'normal');
		doc.setFontSize(7.5);
		doc.setTextColor(...MUTED);
		const footerLines = doc.splitTextToSize(pdfSafe(report.footer), CONTENT - 30) as string[];
		const footer =
			footerLines.length > 1 ? `${footerLines[0]!.replace(/\s+\S*$/, '')} …` : footerLines[0]!;
		doc.text(footer, PAGE.margin, PAGE.height - PAGE.margin + 3);
		doc.text(
			report.pageLabel.replace('{page}', String(i)).replace('{pages}', String(pages)),
			PAGE.width - PAGE.margin,
			PAGE.height - PAGE.margin + 3,
			{
				align: 'right'
			}
		);
	}
	return doc;
}
