import type { AssessmentSession } from '$lib/assessment/session.svelte';
import { download } from '$lib/browser/download';
import { bank } from '$lib/content';
import { buildReport, type Report } from './build-report';
import { radarPng } from './charts';
import { drawReportPdf } from './draw-pdf';

async function fontBase64(path: string): Promise<string> {
	const bytes = new Uint8Array(await (await fetch(path)).arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

let fonts: Promise<[string, string]> | undefined;

export async function savePdf(report: Report): Promise<string> {
	fonts ??= Promise.all([fontBase64('/fonts/DejaVuSans.ttf'), fontBase64('/fonts/DejaVuSans-Bold.ttf')]);
	const [regularFont, boldFont] = await fonts;
	const doc = drawReportPdf(report, { regularFont, boldFont, radarPng: radarPng(report.chart.labels, report.chart.series) });
	download(report.fileName, doc.output('arraybuffer'), 'application/pdf');
	return report.fileName;
}

export function savePlanPdf(session: AssessmentSession): Promise<string> {
	return savePdf(buildReport(session.assessment, session.result, bank, new Date()));
}
