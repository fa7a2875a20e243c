// Serves build/ as a plain static host would: files as they are, 200.html for any other path, and
// the headers listed in build/_headers. The end-to-end tests and the benchmark run against this, so
// they test the artefact that is deployed, not a development server.
// Usage: node scripts/serve.mjs [port] [--no-headers]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const root = join(new URL('..', import.meta.url).pathname, 'build');
const port = Number(process.argv[2] ?? 4173);
const withHeaders = !process.argv.includes('--no-headers');
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.ttf': 'font/ttf',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

/** The _headers file: a path pattern, then indented "Name: value" lines. */
async function headerRules() {
	if (!withHeaders) return [];
	const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
	const rules = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
		else {
			const at = line.indexOf(':');
			rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
		}
	}
	return rules;
}
const matches = (pattern, path) =>
	new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);

const rules = await headerRules();

async function fileFor(path) {
	const clean = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
	for (const candidate of [clean, `${clean}.html`, join(clean, 'index.html')]) {
		const full = join(root, candidate);
		if (!full.startsWith(root)) continue;
		const info = await stat(full).catch(() => null);
		if (info?.isFile()) return full;
	}
	return join(root, '200.html');
}

createServer(async (req, res) => {
	try {
		const path = new URL(req.url, 'http://x').pathname;
		const file = await fileFor(path);
		const body = await readFile(file);
		res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
		for (const rule of rules)
			if (matches(rule.pattern, path))
				for (const [name, value] of rule.headers) res.setHeader(name, value);
		res.end(body);
	} catch {
		res.statusCode = 400;
		res.end('Bad request');
	}
}).listen(port, () =>
	console.log(`Serving build/ on http://localhost:${port}${withHeaders ? ' with _headers' : ''}`)
);
