import type { AssessmentSession } from '$lib/assessment/session.svelte';
import { download } from '$lib/browser/download';
import { bank } from '$lib/content';
import { buildReport, type Report } from './build-report';
import { radarImage } from './charts';
import { drawReportPdf } from './draw-pdf';
import { workshopExtrasFor } from '$lib/workshop/report-extras';

async function fontBase64(path: string): Promise<string> {
	const bytes = new Uint8Array(await (await fetch(path)).arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

let fonts: Promise<[string, string]> | undefined;

/** Starts fetching the PDF fonts early (e.g. when the results page opens), so the click does not wait for them. */
export function preloadPdfFonts(): Promise<[string, string]> {
	fonts ??= Promise.all([
		fontBase64('/fonts/DejaVuSans.ttf'),
		fontBase64('/fonts/DejaVuSans-Bold.ttf')
	]);
	return fonts;
}

// Named phases, readable with performance.getEntriesByType('measure') (the benchmark and tests do).
const measure = (name: string, start: number) =>
	performance.measure(`pdf:${name}`, { start, end: performance.now() });

export async function savePdf(report: Report): Promise<string> {
	let t = performance.now();
	const [regularFont, boldFont] = await preloadPdfFonts();
	measure('fonts', t);
	t = performance.now();
	const radar = radarImage(report.chart.labels, report.chart.series);
	measure('chart', t);
	t = performance.now();
	const doc = drawReportPdf(report, { regularFont, boldFont, radarJpeg: radar });
	measure('draw', t);
	t = performance.now();
	const bytes = doc.output('arraybuffer');
	measure('output', t);
	download(report.fileName, bytes, 'application/pdf');
	return report.fileName;
}

export function savePlanPdf(session: AssessmentSession): Promise<string> {
	const assessment = session.assessment;
	return savePdf(
		buildReport(assessment, session.result, bank, new Date(), workshopExtrasFor(assessment))
	);
}
