import { download } from '$lib/browser/download';
import type { Block, ReportDocument } from './document';
import { drawReportPdf, type PdfFonts } from './draw-pdf';

/**
 * What the always-available (latin) fonts can print. A report with any other character (Greek,
 * Cyrillic, many symbols) loads the wide set; if that cannot be fetched (offline), the latin set
 * prints it with a box for each missing character, and says so.
 */
const LATIN_RANGES: [number, number][] = [
	[0x20, 0x7e],
	[0xa0, 0x24f],
	[0x259, 0x259],
	[0x2b0, 0x2ff],
	[0x300, 0x36f],
	[0x1e00, 0x1eff],
	[0x2000, 0x206f],
	[0x20a0, 0x20cf],
	[0x2100, 0x2122],
	[0x2190, 0x2193],
	[0x2212, 0x2212],
	[0x25a0, 0x25a1],
	[0xfb00, 0xfb06],
	[0xfffd, 0xfffd]
];
const inLatinSet = (codePoint: number) =>
	LATIN_RANGES.some(([low, high]) => codePoint >= low && codePoint <= high);

export function needsWideFonts(
	report: ReportDocument | { title: string; blocks: Block[] }
): boolean {
	for (const char of JSON.stringify(report)) if (!inLatinSet(char.codePointAt(0)!)) return true;
	return false;
}

async function fontBase64(path: string): Promise<string> {
	const response = await fetch(path);
	if (!response.ok) throw new Error(`${path}: ${response.status}`);
	const bytes = new Uint8Array(await response.arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

const fontSets = new Map<'latin' | 'wide', Promise<PdfFonts>>();

/** Fetches a font set once per page (early, when the results open, so the click does not wait). */
export function loadPdfFonts(set: 'latin' | 'wide' = 'latin'): Promise<PdfFonts> {
	let fonts = fontSets.get(set);
	if (!fonts) {
		fonts = Promise.all([
			fontBase64(`/fonts/DejaVuSans-${set}.ttf`),
			fontBase64(`/fonts/DejaVuSans-Bold-${set}.ttf`)
		]).then(([regular, bold]) => ({ regular, bold }));
		fonts.catch(() => fontSets.delete(set));
		fontSets.set(set, fonts);
	}
	return fonts;
}

// Named phases, readable with performance.getEntriesByType('measure') (the benchmark and tests do).
const measure = (name: string, start: number) =>
	performance.measure(`pdf:${name}`, { start, end: performance.now() });

/** Draws a report as a PDF and saves it. Returns the file name and any note about characters it could not print. */
export async function savePdf(report: ReportDocument): Promise<{ fileName: string; note: string }> {
	let t = performance.now();
	let note = '';
	let fonts: PdfFonts;
	if (needsWideFonts(report)) {
		try {
			fonts = await loadPdfFonts('wide');
		} catch {
			fonts = await loadPdfFonts('latin');
			note =
				'Some characters could not be printed while offline and show as boxes; make the PDF again when online.';
		}
	} else fonts = await loadPdfFonts('latin');
	measure('fonts', t);
	t = performance.now();
	const doc = drawReportPdf(report, fonts);
	measure('draw', t);
	t = performance.now();
	const bytes = doc.output('arraybuffer');
	measure('output', t);
	download(report.fileName, bytes, 'application/pdf');
	return { fileName: report.fileName, note };
}
