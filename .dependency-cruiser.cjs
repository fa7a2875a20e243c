/**
 * The layers of src/lib, lowest first. A module may import from its own layer or any layer below,
 * never above: the data's shapes sit at the bottom and know nothing of the features built on them.
 * Routes (the top) only wire $lib together.
 */
const LAYERS = [
	['model'],
	['content', 'format', 'browser'],
	['scoring', 'flow'],
	['storage'],
	['assessment'],
	['workshop'],
	['report'],
	['components'],
	['routes']
];

const pathOf = (folder) => (folder === 'routes' ? '^src/routes/' : `^src/lib/${folder}/`);

const upward = LAYERS.flatMap((layer, level) =>
	layer.map((folder) => {
		const above = LAYERS.slice(level + 1).flat();
		return {
			name: `${folder}-imports-upward`,
			comment: `${folder} (layer ${level}) may not import from a layer above it: ${above.join(', ')}.`,
			severity: 'error',
			from: { path: pathOf(folder), pathNot: '\\.spec\\.ts$' },
			to: { path: above.length ? `(${above.map(pathOf).join('|')})` : '^$' }
		};
	})
);

module.exports = {
	forbidden: [
		...upward.filter((rule) => rule.to.path !== '^$'),
		{
			name: 'test-helpers-stay-in-tests',
			comment: 'src/lib/testing holds test factories; shipped code never imports them.',
			severity: 'error',
			from: { path: '^src/', pathNot: ['\\.spec\\.ts$', '^src/lib/testing/'] },
			to: { path: '^src/lib/testing/' }
		},
		{
			name: 'imports-resolve',
			comment:
				'Every import must resolve, or the layer rules would pass without looking. SvelteKit virtual modules are the exception.',
			severity: 'error',
			from: {},
			to: { couldNotResolve: true, pathNot: '^\\$(app|env|service-worker)(/|$)|^\\./\\$types$' }
		},
		{
			name: 'no-circular',
			severity: 'error',
			from: {},
			to: { circular: true }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '(^\\.svelte-kit/|node_modules)' },
		tsConfig: { fileName: 'tsconfig.json' },
		webpackConfig: { fileName: 'depcruise.webpack.mjs' },
		tsPreCompilationDeps: true,
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types', 'svelte'],
			extensions: ['.ts', '.js', '.svelte', '.json']
		}
	}
};
