import { jsPDF } from 'jspdf';
import { autoTable, type UserOptions } from 'jspdf-autotable';
import { reportRows, type Report } from './build-report';

export interface PdfAssets {
	/** TrueType fonts as base64: the standard PDF fonts cannot show most non-Latin text. */
	regularFont: string;
	boldFont: string;
	/** The radar chart as a JPEG data URL, or null where it cannot be drawn (e.g. in tests). */
	radarJpeg: string | null;
}

const PAGE = { width: 210, height: 297, margin: 18, footer: 12 };
const INK: [number, number, number] = [27, 36, 48];
const BRAND: [number, number, number] = [11, 93, 122];
const MUTED: [number, number, number] = [74, 85, 101];
const FONT = 'DejaVuSans';

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
			.replace(/\p{Cc}/gu, (c) => (c === '\n' ? '\n' : ' '))
	);
}

/** Draws a report model as an A4 PDF. Layout only: every word and number comes from the model. */
export function drawReportPdf(report: Report, assets: PdfAssets): jsPDF {
	const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
	doc.addFileToVFS('DejaVuSans.ttf', assets.regularFont);
	doc.addFont('DejaVuSans.ttf', FONT, 'normal');
	doc.addFileToVFS('DejaVuSans-Bold.ttf', assets.boldFont);
	doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
	doc.setFont(FONT, 'normal');
	doc.setTextColor(...INK);
	doc.setProperties({
		title: pdfSafe(`${report.title} – ${report.organisation}`),
		subject: 'Peer work readiness assessment',
		creator: 'Peer Work Readiness',
		author: pdfSafe(report.assessor || report.organisation)
	});

	const width = PAGE.width - 2 * PAGE.margin;
	const bottom = PAGE.height - PAGE.margin - PAGE.footer;
	let y = PAGE.margin;

	const ensure = (height: number) => {
		if (y + height > bottom) {
			doc.addPage();
			y = PAGE.margin;
		}
	};
	const text = (
		value: string,
		opts: {
			size?: number;
			bold?: boolean;
			colour?: [number, number, number];
			gap?: number;
			indent?: number;
		} = {}
	) => {
		const size = opts.size ?? 10;
		doc.setFont(FONT, opts.bold ? 'bold' : 'normal');
		doc.setFontSize(size);
		doc.setTextColor(...(opts.colour ?? INK));
		const lineHeight = size * 0.3528 * 1.35;
		const lines: string[] = doc.splitTextToSize(pdfSafe(value), width - (opts.indent ?? 0));
		for (const line of lines) {
			ensure(lineHeight);
			doc.text(line, PAGE.margin + (opts.indent ?? 0), y + lineHeight * 0.8);
			y += lineHeight;
		}
		y += opts.gap ?? 1.5;
	};
	const heading = (value: string, size = 15) => {
		ensure(18);
		y += 3;
		text(value, { size, bold: true, colour: BRAND, gap: 2.5 });
	};
	const newSection = (title: string) => {
		doc.addPage();
		y = PAGE.margin;
		heading(title, 17);
	};
	const table = (options: UserOptions) => {
		autoTable(doc, {
			startY: y,
			margin: {
				left: PAGE.margin,
				right: PAGE.margin,
				top: PAGE.margin,
				bottom: PAGE.margin + PAGE.footer
			},
			styles: {
				font: FONT,
				fontSize: 8.5,
				cellPadding: 1.8,
				overflow: 'linebreak',
				textColor: INK,
				lineColor: [201, 211, 220],
				lineWidth: 0.2
			},
			headStyles: { font: FONT, fontStyle: 'bold', fillColor: BRAND, textColor: [255, 255, 255] },
			rowPageBreak: 'auto',
			...options,
			head: options.head?.map((row) => (row as string[]).map(pdfSafe)),
			body: options.body?.map((row) =>
				(row as string[]).map((c) => (typeof c === 'string' ? pdfSafe(c) : c))
			)
		});
		y = (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 5;
	};

	// Cover
	doc.setFillColor(...BRAND);
	doc.rect(0, 0, PAGE.width, 70, 'F');
	doc.setTextColor(255, 255, 255);
	doc.setFont(FONT, 'bold');
	doc.setFontSize(24);
	doc.text(doc.splitTextToSize(pdfSafe(report.title), width), PAGE.margin, 32);
	doc.setFont(FONT, 'normal');
	doc.setFontSize(12);
	doc.text('Peer Work Readiness', PAGE.margin, 58);
	y = 85;
	text(report.organisation, { size: 20, bold: true, gap: 4 });
	text(report.assessmentTitle, { size: 11, colour: MUTED, gap: 6 });
	text(`Date: ${report.date}`, { size: 12 });
	if (report.assessor) text(`Assessed by: ${report.assessor}`, { size: 12 });
	y += 8;
	text('Readiness stage', { size: 11, colour: MUTED, gap: 1 });
	text(report.stage.label, { size: 22, bold: true, colour: BRAND, gap: 4 });
	text(report.stage.reasons[0] ?? '', { size: 11, gap: 4 });
	text(report.confidence, { size: 11, gap: 8 });
	text(report.guidance, { size: 9, colour: MUTED });

	// Summary
	newSection('Summary');
	text(`Stage: ${report.stage.label}`, { size: 12, bold: true, gap: 2 });
	for (const reason of report.stage.reasons) text(`•  ${reason}`, { indent: 2 });
	text(`Overall score: ${report.overall}. ${report.confidence}`, { gap: 3 });
	table({
		head: [report.domainTable.head],
		body: report.domainTable.rows,
		columnStyles: { 0: { cellWidth: 62 } }
	});
	if (assets.radarJpeg) {
		const caption = 8;
		if (bottom - y - caption < 80) {
			doc.addPage();
			y = PAGE.margin;
		}
		const drawSize = Math.min(120, bottom - y - caption);
		doc.addImage(
			assets.radarJpeg,
			'JPEG',
			PAGE.margin + (width - drawSize) / 2,
			y,
			drawSize,
			drawSize
		);
		y += drawSize + 2;
		text('Domain scores, 0 to 100. The same figures are in the table above.', {
			size: 8.5,
			colour: MUTED
		});
	}

	if (report.comparison) {
		const c = report.comparison;
		heading('What changed');
		text(
			`Compared with ${c.earlierTitle} (${c.earlierDate}), when the stage was: ${c.earlierStage}.`
		);
		table({
			head: [['Domain', 'Earlier', 'Now', 'Change']],
			body: reportRows.comparison(c)
		});
		if (c.moved.length) {
			table({
				head: [['Statement', 'Earlier', 'Now']],
				body: c.moved.map((m) => [`${m.id}: ${m.text}`, m.earlier, m.now]),
				columnStyles: { 0: { cellWidth: 110 } }
			});
		}
	}

	if (report.disagreement) {
		const d = report.disagreement;
		heading('Who took part, and where they disagreed');
		text(
			`Participants by role: ${d.participantsByRole.map((p) => `${p.role} ${p.count}`).join(', ')}. Participants are anonymous by role.`
		);
		if (d.hotspots.length) {
			table({
				head: [['Hotspot', 'Spread', 'Views by role (median)']],
				body: reportRows.hotspots(d),
				columnStyles: { 0: { cellWidth: 85 } }
			});
		}
	}

	// Blockers
	newSection(`Critical blockers (${report.blockers.length})`);
	if (report.blockers.length === 0)
		text('No critical blockers: every critical statement is in place.');
	for (const b of report.blockers) {
		ensure(25);
		text(`${b.id}: ${b.text}`, { bold: true, size: 10.5, gap: 1 });
		text(`Why it blocks: ${b.reason}`, { indent: 3, gap: 0.5 });
		text(`Why it matters: ${b.why}`, { indent: 3, gap: 0.5 });
		text(`What to do: ${b.actions.join('; ')}`, { indent: 3, gap: 4 });
	}

	// Plan
	newSection('Action plan');
	text('Ranked by priority. ★ marks the top three. Each action says why it was chosen.', {
		colour: MUTED,
		gap: 3
	});
	table({
		head: [['#', 'Action', 'Why chosen', 'Owner', 'Due', 'Status']],
		body: report.plan.map((p) => [
			p.top ? `${p.rank} ★` : p.rank,
			`${p.title}\n${p.text}\n(${p.timeframe})`,
			p.why,
			p.owner,
			p.due,
			p.status
		]),
		columnStyles: {
			0: { cellWidth: 10 },
			1: { cellWidth: 64 },
			2: { cellWidth: 41 },
			3: { cellWidth: 19 },
			4: { cellWidth: 22 },
			5: { cellWidth: 18 }
		},
		didParseCell: (data) => {
			if (data.section === 'body' && report.plan[data.row.index]?.top)
				data.cell.styles.fillColor = [255, 246, 224];
		}
	});

	// Detail
	newSection('Detail by domain');
	for (const d of report.domains) {
		heading(`${d.name}: ${d.score}`, 12);
		table({
			head: [['ID', 'Statement', 'Answer', 'Note']],
			body: reportRows.statements(d),
			columnStyles: { 0: { cellWidth: 18 }, 1: { cellWidth: 72 }, 2: { cellWidth: 30 } }
		});
	}

	newSection('Decisions recorded');
	text('Which option was chosen is not scored; decisions switch statements and tailor actions.', {
		colour: MUTED,
		gap: 3
	});
	table({
		head: [['Decision', 'Choice']],
		body: reportRows.decisions(report),
		columnStyles: { 0: { cellWidth: 100 } }
	});

	newSection('Sources');
	text('Barr, Townsend & Grenyer (2020), Table 3, quoted with attribution:', {
		bold: true,
		gap: 2
	});
	for (const r of report.sources.recommendations)
		text(`${r.id}. ${r.text}`, { indent: 3, gap: 1.5 });
	text(report.sources.attribution, { size: 8.5, colour: MUTED, gap: 4 });
	text("Kent's implementation factors (our paraphrase):", { bold: true, gap: 2 });
	for (const k of report.sources.kentFactors)
		text(`${k.name}: ${k.summary}`, { indent: 3, gap: 1.5 });
	y += 2;
	text('References', { bold: true, gap: 2 });
	for (const c of report.sources.citations) text(c, { indent: 3, size: 8.5, gap: 1.5 });
	y += 2;
	text(report.guidance, { size: 9, colour: MUTED });

	// Footer and page numbers, drawn last so the total is known.
	const pages = doc.getNumberOfPages();
	for (let i = 1; i <= pages; i++) {
		doc.setPage(i);
		doc.setFont(FONT, 'normal');
		doc.setFontSize(8);
		doc.setTextColor(...MUTED);
		const footer = doc.splitTextToSize(
			pdfSafe(`Peer Work Readiness · ${report.organisation} · ${report.date}`),
			width - 30
		)[0] as string;
		doc.text(footer, PAGE.margin, PAGE.height - PAGE.margin + 4);
		doc.text(`Page ${i} of ${pages}`, PAGE.width - PAGE.margin, PAGE.height - PAGE.margin + 4, {
			align: 'right'
		});
	}
	return doc;
}
