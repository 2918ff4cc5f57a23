/**
 * The parts of Scorecraft's code and what each may import: the one description that
 * `scripts/architecture.js` checks every import in `src/` against (`npm run check`). Imports point
 * down the layers: routes → components / state → db / mail / import → engine, and server code is
 * reached only from endpoints and the command line, never from anything the browser loads.
 *
 * A file belongs to the first part with a pattern that matches its path (so tests come first, and
 * endpoints before the pages around them). A part may always import itself; `imports` names the
 * other parts it may import in any form, `types` those it may take only `import type` from (erased
 * before the code runs: the browser reads the server's answer shapes so, and never loads the
 * server). `packages` limits the npm packages and framework modules (`$app/…`, `$env/…`): `allow`
 * lists the only ones allowed, `deny` the ones refused; `node:*` means Node's built-in modules,
 * written `fs` or `node:fs`.
 */

/** What only runs on a server: never in code the browser loads. */
const SERVER_ONLY = [
	'node:*',
	'$env/static/private',
	'$env/dynamic/private',
	'@duckdb/node-api',
	'@electric-sql/pglite',
	'@segment/analytics-node',
	'better-auth',
	'busboy',
	'kysely',
	'mjml',
	'nodemailer',
	'pg',
	'sentiment'
];

/** Code the browser loads (and the server too, where it is shared). */
const browser = { deny: SERVER_ONLY };

/** @type {import('./scripts/architecture.js').Architecture} */
export default {
	// Generated (scripts/compile-messages.js): a part to import, not code of ours to check.
	ignore: ['src/lib/paraglide/**'],
	parts: [
		{
			// Tests and what only tests use may set up across every part.
			name: 'tests',
			files: [
				'tests/**',
				'src/**/*.test.ts',
				'src/**/testing.ts',
				'src/**/*fixture.ts',
				'src/**/*Harness.svelte'
			],
			imports: '*'
		},
		{
			// Server entry points: API endpoints, server load functions and the hooks.
			name: 'endpoints',
			files: [
				'src/routes/api/**',
				'src/routes/**/+server.ts',
				'src/routes/**/*.server.ts',
				'src/hooks.server.ts'
			],
			imports: [
				'server',
				'routes',
				'engine',
				'mail',
				'import',
				'i18n',
				'sync',
				'paraglide',
				'shared'
			]
		},
		{
			// Pages and their components: what the browser loads.
			name: 'routes',
			files: ['src/routes/**'],
			imports: [
				'components',
				'state',
				'db',
				'import',
				'mail',
				'i18n',
				'sync',
				'workers',
				'engine',
				'paraglide',
				'shared',
				'app'
			],
			types: ['server', 'endpoints'],
			packages: browser
		},
		{
			name: 'app',
			files: ['src/app.d.ts', 'src/app.html', 'src/app.css'],
			types: ['server']
		},
		{
			name: 'components',
			files: ['src/lib/components/**'],
			imports: ['state', 'db', 'mail', 'i18n', 'sync', 'engine', 'paraglide', 'shared'],
			types: ['server'],
			packages: browser
		},
		{
			name: 'state',
			files: ['src/lib/state/**'],
			imports: ['db', 'import', 'mail', 'i18n', 'sync', 'workers', 'engine', 'paraglide', 'shared'],
			types: ['server'],
			packages: browser
		},
		{
			name: 'db',
			files: ['src/lib/db/**'],
			imports: ['import', 'mail', 'sync', 'engine', 'shared'],
			packages: browser
		},
		{
			name: 'import',
			files: ['src/lib/import/**'],
			imports: ['engine', 'shared'],
			types: ['db'],
			packages: browser
		},
		{
			// Template rendering shared by the browser's preview and the server.
			name: 'mail',
			files: ['src/lib/mail/**'],
			imports: ['engine', 'templates', 'shared'],
			packages: browser
		},
		{
			name: 'i18n',
			files: ['src/lib/i18n/**'],
			imports: ['engine', 'paraglide'],
			packages: browser
		},
		{
			// The replication protocol both sides speak.
			name: 'sync',
			files: ['src/lib/sync/**'],
			imports: ['engine'],
			packages: browser
		},
		{
			name: 'workers',
			files: ['src/lib/workers/**'],
			packages: browser
		},
		{
			// Small pure helpers at the top of `src/lib`, for any part.
			name: 'shared',
			files: ['src/lib/csv-cell.ts'],
			packages: { allow: [] }
		},
		{
			name: 'server',
			files: ['src/lib/server/**'],
			imports: ['engine', 'mail', 'import', 'i18n', 'sync', 'paraglide', 'shared'],
			types: ['db']
		},
		{
			// The `engine` command-line tool: the engine and the server's mail path, on Node.
			name: 'cli',
			files: ['src/cli/**'],
			imports: ['server', 'engine', 'mail', 'import', 'shared']
		},
		{
			// The pure core: no framework, storage, DOM or Node module, nothing above it.
			name: 'engine',
			files: ['src/lib/engine/**'],
			imports: ['rules'],
			packages: { allow: ['zod'] }
		},
		{ name: 'paraglide', files: ['src/lib/paraglide/**'] },
		// Shipped scorecards and plays, and the templates' resources: data the code imports.
		{ name: 'rules', files: ['rules/**'] },
		{ name: 'templates', files: ['templates/**'] }
	],
	// Imports that break a boundary today, allowed until moved: the check fails once one is gone, so
	// the list only shrinks.
	exceptions: []
};
