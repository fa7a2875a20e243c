// Writes src/lib/content/sources/passages.json from a full copy of the five source documents, so the
// content tests can run in a fresh clone without them. It is also the one check of the content against
// the full sources: it fails, naming the place, if a cited section or Barr's wording is not found there.
// Run it whenever the content cites a new section:
//   SEEDS_DIR=../shared/seeds node scripts/extract-passages.mjs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const seedsDir = resolve(root, process.env.SEEDS_DIR ?? '../shared/seeds');
const data = join(root, 'src/lib/content/data');
const read = (f) => JSON.parse(readFileSync(join(data, f), 'utf8'));
const normalise = (s) => s.replace(/\s+/g, ' ').trim();

const evidence = read('evidence.json');
const cited = new Map(evidence.seeds.map((s) => [s.id, new Set()]));
const cite = (sources) => sources.forEach((s) => cited.get(s.seed).add(s.section));
for (const f of readdirSync(join(data, 'domains')))
	for (const s of JSON.parse(readFileSync(join(data, 'domains', f), 'utf8')).statements)
		cite(s.sources);
for (const a of read('actions.json')) cite(a.sources);
for (const d of read('decisions.json').decisions) cite(d.sources);

const problems = [];
const seeds = {};
for (const seed of evidence.seeds) {
	const text = normalise(readFileSync(join(seedsDir, seed.file), 'utf8'));
	const lower = text.toLowerCase();
	const sections = [...cited.get(seed.id)].sort();
	for (const section of sections) {
		const [heading, item] = section.split('›').map((p) => p.trim());
		if (!lower.includes(heading.toLowerCase()))
			problems.push(`${seed.id}: heading "${heading}" not found`);
		const author = item?.split(/[ ,&]/)[0];
		if (author && !/^table$/i.test(author) && !lower.includes(author.toLowerCase()))
			problems.push(`${seed.id}: "${item}" not found`);
	}
	seeds[seed.id] = { file: seed.file, citation: seed.citation, licence: seed.licence, sections };
}
for (const r of evidence.recommendations)
	if (
		!normalise(readFileSync(join(seedsDir, evidence.seeds[0].file), 'utf8')).includes(
			normalise(r.text)
		)
	)
		problems.push(`Barr ${r.id} is not word for word in the seed`);
if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
writeFileSync(
	join(root, 'src/lib/content/sources/passages.json'),
	JSON.stringify(
		{
			note: 'Checked against the five source documents by scripts/extract-passages.mjs. Barr, Townsend & Grenyer (2020) Table 3 is quoted word for word under CC BY 4.0; for the other sources only the section names the content cites are kept, never their text.',
			table3: {
				attribution: evidence.recommendationsAttribution,
				source: `${evidence.seeds[0].file}, Table 3`,
				recommendations: evidence.recommendations.map((r) => ({ id: r.id, text: r.text }))
			},
			seeds
		},
		null,
		'\t'
	) + '\n'
);
console.log(
	`Wrote passages.json: ${Object.values(seeds).reduce((n, s) => n + s.sections.length, 0)} cited sections, all found.`
);
