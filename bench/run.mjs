// Performance benchmark: builds the app, serves it, drives headless Chromium, and checks budgets.
// Usage: npm run bench [-- --no-build] ; BENCH_RUNS=5 for more runs (default 3).
import { execSync, spawn } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync, deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.config.js';

const root = new URL('..', import.meta.url).pathname;
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = 4180;
const BASE = `http://localhost:${PORT}`;
const build = join(root, 'build');

if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: root, stdio: 'ignore' });

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
	cwd: root,
	stdio: 'ignore',
	detached: true
});
const stopServer = () => {
	try {
		process.kill(-server.pid);
	} catch {
		/* already gone */
	}
};
process.on('exit', stopServer);
for (let i = 0; i < 100; i++) {
	try {
		if ((await fetch(BASE)).ok) break;
	} catch {
		await new Promise((r) => setTimeout(r, 200));
	}
}

const browser = await chromium.launch(chromiumLaunchOptions);

const fileFor = (url) => {
	const path = decodeURIComponent(new URL(url).pathname);
	const file = join(build, path);
	return existsSync(file) && statSync(file).isFile() ? file : null;
};
const sizes = (urls, ext) => {
	let raw = 0;
	let gzip = 0;
	const files = [];
	for (const url of urls) {
		const file = fileFor(url);
		if (!file || !file.endsWith(ext)) continue;
		const bytes = readFileSync(file);
		raw += bytes.length;
		gzip += gzipSync(bytes, { level: 9 }).length;
		files.push(file);
	}
	return { raw, gzip, files };
};
const isChartOrPdf = (file) => {
	const text = readFileSync(file, 'utf8');
	return text.includes('jsPDF') || text.includes('radialLinear');
};
const resourceUrls = (page) =>
	page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));

function responseCode(workshopId, index, ids) {
	const roles = ['manager', 'clinician', 'peer-worker', 'consumer', 'carer'];
	const answers = Object.fromEntries(ids.map((id, i) => [id, { rating: (i + index) % 5 }]));
	const response = {
		format: 'pwr-workshop-response',
		version: 1,
		workshopId,
		responseId: `bench-${index}`,
		role: roles[index % roles.length],
		name: '',
		submittedAt: new Date(Date.UTC(2026, 10, 22, 10, index)).toISOString(),
		answers
	};
	return (
		'pwr1.' +
		deflateRawSync(Buffer.from(JSON.stringify(response)), { level: 9 }).toString('base64url')
	);
}

async function oneRun(throttle) {
	const context = await browser.newContext({
		serviceWorkers: 'block',
		viewport: { width: 1280, height: 800 },
		acceptDownloads: true
	});
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
	await page.addInitScript(() => {
		window.__longtasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				window.__longtasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	});
	const m = {};

	// First page
	await page.goto(BASE + '/', { waitUntil: 'load' });
	await page.getByRole('button', { name: 'Start a new assessment' }).waitFor();
	await page.waitForTimeout(300);
	const firstUrls = [BASE + '/', ...(await resourceUrls(page))];
	const js = sizes(firstUrls, '.js');
	const css = sizes(firstUrls, '.css');
	m.firstPageJsRawKB = js.raw / 1024;
	m.firstPageJsGzipKB = js.gzip / 1024;
	m.firstPageCssRawKB = css.raw / 1024;
	m.firstPageCssGzipKB = css.gzip / 1024;
	m.firstPageLoadsChartOrPdf = js.files.filter(isChartOrPdf).length;
	m.firstContentfulPaintMs = await page.evaluate(
		() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
	);

	// A new assessment, reloaded at its first domain: navigation to first answerable statement
	await page.getByRole('button', { name: 'Start a new assessment' }).click();
	await page.getByRole('heading', { level: 1, name: 'About your organisation' }).waitFor();
	const url = page.url();
	await page.evaluate(() => {
		const key = Object.keys(localStorage).find((k) => k.startsWith('pwr.assessment.'));
		const a = JSON.parse(localStorage.getItem(key));
		a.position = { step: 'domain', index: 0 };
		localStorage.setItem(key, JSON.stringify(a));
	});
	await page.goto(url, { waitUntil: 'commit' });
	await page.waitForFunction(
		() => !!document.querySelector('article.statement input[type=radio]'),
		null,
		{ polling: 'raf' }
	);
	m.firstAnswerableMs = await page.evaluate(() => performance.now());

	// Answer every statement through the UI
	const answerStart = await page.evaluate(() => performance.now());
	const wall = Date.now();
	let answered = 0;
	const ids = [];
	for (let d = 0; d < 10; d++) {
		const radios = page.locator('article.statement');
		const count = await radios.count();
		for (let i = 0; i < count; i++) {
			const s = radios.nth(i);
			ids.push((await s.getAttribute('id')).replace('statement-', ''));
			await s
				.locator('input[type=radio]')
				.nth(i % 2 ? 3 : 4)
				.check();
			answered++;
		}
		await page
			.getByRole('button', { name: d === 9 ? 'Review answers' : 'Next', exact: true })
			.click();
		await page.locator('#step-heading').waitFor();
	}
	m.answerAllMs = Date.now() - wall;
	m.statementsAnswered = answered;
	m.longestTaskWhileAnsweringMs = await page.evaluate(
		(since) =>
			Math.max(0, ...window.__longtasks.filter((t) => t.start >= since).map((t) => t.duration)),
		answerStart
	);

	// Results: what the results page adds
	const before = new Set(await resourceUrls(page));
	await page.getByRole('button', { name: 'See results' }).click();
	await page.locator('.radar canvas').waitFor();
	await page.waitForTimeout(200);
	const resultsUrls = (await resourceUrls(page)).filter((u) => !before.has(u));
	const resultsJs = sizes(resultsUrls, '.js');
	m.resultsAddedJsGzipKB = resultsJs.gzip / 1024;
	m.resultsAddedJsRawKB = resultsJs.raw / 1024;

	// PDF
	const beforePdf = new Set(await resourceUrls(page));
	const t0 = Date.now();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download PDF action plan' }).click();
	const download = await downloading;
	m.pdfMs = Date.now() - t0;
	m.pdfKB = statSync(await download.path()).size / 1024;
	const pdfUrls = (await resourceUrls(page)).filter((u) => !beforePdf.has(u));
	m.pdfAddedJsGzipKB = sizes(pdfUrls, '.js').gzip / 1024;
	m.pdfAddedFontsKB = sizes(pdfUrls, '.ttf').raw / 1024;

	// Workshop: merge 50 participants
	await page.goto(BASE + '/workshop');
	await page.getByLabel('Organisation or service name').fill('Bench');
	await page.getByRole('button', { name: 'Create the workshop' }).click();
	await page.getByRole('heading', { level: 1, name: 'Workshop: Bench' }).waitFor();
	const workshopId = page.url().split('/').pop();
	const codes = Array.from({ length: 50 }, (_, i) => responseCode(workshopId, i, ids)).join('\n');
	await page.getByLabel('Paste one or more answer links').fill(codes);
	const mergeSince = await page.evaluate(() => performance.now());
	const t1 = Date.now();
	await page.getByRole('button', { name: 'Add answers' }).click();
	await page.getByText(/^50 participants/).waitFor();
	m.merge50Ms = Date.now() - t1;
	m.longestTaskMerging50Ms = await page.evaluate(
		(since) =>
			Math.max(0, ...window.__longtasks.filter((t) => t.start >= since).map((t) => t.duration)),
		mergeSince
	);

	await context.close();
	return m;
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const results = {};
for (const throttle of [1, 4]) {
	const runs = [];
	for (let i = 0; i < RUNS; i++) runs.push(await oneRun(throttle));
	results[throttle] = Object.fromEntries(
		Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))])
	);
}
await browser.close();
stopServer();

const rows = [
	['firstPageJsRawKB', 'First page JavaScript (raw, KB)'],
	['firstPageJsGzipKB'],
	['firstPageCssRawKB', 'First page CSS (raw, KB)'],
	['firstPageCssGzipKB', 'First page CSS (gzip, KB)'],
	['firstPageLoadsChartOrPdf'],
	['firstContentfulPaintMs'],
	['firstAnswerableMs'],
	['answerAllMs', 'Answer every statement through the UI (ms, Playwright-driven)'],
	['statementsAnswered', 'Statements answered'],
	['longestTaskWhileAnsweringMs'],
	['resultsAddedJsGzipKB', 'Results page adds JavaScript (gzip, KB)'],
	['pdfAddedJsGzipKB', 'PDF adds JavaScript (gzip, KB)'],
	['pdfAddedFontsKB', 'PDF adds fonts (KB)'],
	['pdfMs'],
	['pdfKB', 'PDF size (KB)'],
	['merge50Ms'],
	['longestTaskMerging50Ms', 'Longest task while merging 50 (ms)']
];
const fmt = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
let failed = 0;
const lines = [
	`Median of ${RUNS} runs each; budgets apply to the unthrottled run.`,
	'',
	'| metric | median | median at 4x CPU throttling | budget | result |',
	'| --- | --- | --- | --- | --- |'
];
for (const [key, label] of rows) {
	const budget = budgets[key];
	const value = results[1][key];
	const ok = budget ? value <= budget.max : true;
	if (!ok) failed++;
	lines.push(
		`| ${label ?? budget?.label ?? key} | ${fmt(value)} | ${fmt(results[4][key])} | ${budget ? `≤ ${budget.max}` : '–'} | ${budget ? (ok ? 'ok' : 'OVER BUDGET') : ''} |`
	);
}
const table = lines.join('\n');
console.log(table);
writeFileSync(
	join(root, 'bench/last-results.md'),
	`Taken ${new Date().toISOString()} on ${process.platform} (${(await import('node:os')).cpus().length} cores).\n\n${table}\n`
);
if (failed) {
	console.error(`\n${failed} budget(s) broken.`);
	process.exit(1);
}
