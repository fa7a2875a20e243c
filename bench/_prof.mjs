import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../chromium.config.js';
const b = await chromium.launch(chromiumLaunchOptions);
const c = await b.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
const p = await c.newPage();
const cdp = await c.newCDPSession(p);
await p.goto('http://localhost:4173/assessment/new');
await p.locator('#org-name').fill('P');
await p.click('.step-buttons button.primary');
for (let i = 0; i < 3; i++) {
	await p.locator('h1', { hasText: 'Decisions' }).waitFor();
	await p.click('.step-buttons button.primary');
}
await p.locator('article.statement').first().waitFor();
await p.waitForTimeout(500);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 6; i++) {
	await p.evaluate(
		(i) =>
			document.querySelectorAll('article.statement')[i].querySelector('input[value="3"]').click(),
		i
	);
	await p.waitForTimeout(400);
}
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const ch of n.children ?? []) parent.set(ch, n.id);
const incl = new Map();
const self = new Map();
profile.samples.forEach((id, i) => {
	const dt = (profile.timeDeltas[i] ?? 0) / 1000;
	const n = byId.get(id);
	const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
	self.set(k, (self.get(k) ?? 0) + dt);
	const seen = new Set();
	let cur = id;
	while (cur !== undefined) {
		const nn = byId.get(cur);
		const kk = `${nn.callFrame.functionName || '(anon)'} ${nn.callFrame.url.split('/').pop()}:${nn.callFrame.lineNumber}`;
		if (!seen.has(kk)) {
			incl.set(kk, (incl.get(kk) ?? 0) + dt);
			seen.add(kk);
		}
		cur = parent.get(cur);
	}
});
console.log('== self');
[...self.entries()]
	.filter(([k]) => !/^\((idle|program|root)\)/.test(k))
	.sort((a, b) => b[1] - a[1])
	.slice(0, 15)
	.forEach(([k, v]) => console.log(v.toFixed(1).padStart(7), k));
console.log('== inclusive');
[...incl.entries()]
	.filter(([k]) => !/^\((idle|program|root)\)/.test(k))
	.sort((a, b) => b[1] - a[1])
	.slice(0, 40)
	.forEach(([k, v]) => console.log(v.toFixed(1).padStart(7), k));
await b.close();
