/**
 * The layers of src/lib, and the one direction imports may take (checked by `npm test`):
 *
 *   domain → db → queries → claims → coordinator → upload → filters → text → state → export
 *     → components → figures → routes
 *
 * `domain` is what the numbers mean (months, fiscal years, vocabulary, definitions, CBP's file
 * layouts, the manifest, period maths); `db` is the database seam (the `sql` tag, DuckDB clients,
 * ingest); `claims` reads a claim sentence and checks it with the queries; `filters` is the filter
 * state and its URL form; `text` says a filter and its coverage in words; `state` is the page's
 * data and view; `figures` holds one folder per figure (its statement, load, finding and
 * component) and the registry. `charts` is pure chart maths and marks, and may use only `domain`
 * and `format`. A layer imports only the layers before it; routes only wire (no statements or
 * database access of their own); nothing imports in a cycle.
 */
const lib = '^src/lib/';
const layers = [
	'domain',
	'db',
	'queries',
	'claims',
	'coordinator',
	'upload',
	'filters',
	'text',
	'state',
	'export',
	'components',
	'figures'
];

/** Each layer may not import any layer after it. */
const upward = layers.map((layer, i) => ({
	name: `${layer}-imports-upward`,
	comment: `${layer}/ imports only ${['format', ...layers.slice(0, i)].join(', ')}`,
	severity: 'error',
	from: { path: `${lib}${layer}/` },
	to: {
		path: `${lib}(${[...layers.slice(i + 1), ...(i < layers.indexOf('export') ? ['charts'] : []), 'server'].join('|')})/`
	}
}));

module.exports = {
	forbidden: [
		...upward,
		{
			name: 'charts-are-pure',
			comment: 'charts/ is chart maths and marks: it imports only domain/ and format',
			severity: 'error',
			from: { path: `${lib}charts/` },
			to: {
				path: `${lib}(${layers.filter((l) => l !== 'domain').join('|')}|server)/`
			}
		},
		{
			name: 'figure-rows-run-in-node',
			comment:
				"a figure's statement, load, rows and finding run in Node too (build-time results, tests): no component, download or DOM code",
			severity: 'error',
			from: { path: `${lib}figures/.+(?<!registry)\\.ts$` },
			to: { path: `(${lib}(export|components|charts)/|\\.svelte$)` }
		},
		{
			name: 'format-is-a-leaf',
			severity: 'error',
			from: { path: `${lib}format\\.ts$` },
			to: { path: lib }
		},
		{
			name: 'routes-only-wire',
			comment: 'routes run no statement and touch no database: they wire state and components',
			severity: 'error',
			from: { path: '^src/routes/' },
			to: { path: `${lib}(queries|db)/` }
		},
		{
			name: 'resolvable',
			comment: 'every import of our own code resolves, so the rules above see it',
			severity: 'error',
			from: {},
			to: { couldNotResolve: true, path: '^(\\$lib|\\.)' }
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
		exclude: { path: '^(node_modules|build|\\.svelte-kit)/' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		webpackConfig: { fileName: '.dependency-cruiser.webpack.mjs' },
		enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte'] }
	}
};
