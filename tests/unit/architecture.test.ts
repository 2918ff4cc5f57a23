// @vitest-environment node
/**
 * The architecture check (`scripts/architecture.js`) against `architecture.config.js`: an import
 * across a forbidden boundary is refused in every form it can be written in, the imports the
 * description allows pass, and the repository as it is keeps to it.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import architecture from '../../architecture.config.js';
import { ArchitectureCheck, ROOT, type Architecture } from '../../scripts/architecture.js';

const check = new ArchitectureCheck(ROOT, architecture);

/** The problems of one source, as `line: message`. */
function problems(file: string, text: string): string[] {
	return check.checkSource(text, file).map((problem) => `${problem.line}: ${problem.message}`);
}

const ENGINE = 'src/lib/engine/scoring/example.ts';

describe('an engine module reaching the browser store', () => {
	it.each([
		['import', `import { ScorecraftDatabase } from '$lib/db/database';`],
		['import of the barrel', `import { db } from '$lib/db';`],
		['import of the barrel with a slash', `import { db } from '$lib/db/';`],
		['relative import', `import { ScorecraftDatabase } from '../../db/database';`],
		['relative import of the barrel', `import { db } from '../../db';`],
		['relative import through its index', `import { db } from '../../db/index.ts';`],
		['relative import the long way round', `import { db } from '../../../lib/db';`],
		['import type', `import type { ScoreRow } from '$lib/db/types';`],
		// With verbatimModuleSyntax this stays `import {} from …` and loads the module.
		['import of types only', `import { type ScoreRow } from '$lib/db/types';`],
		['side-effect import', `import '$lib/db';`],
		['export from', `export { db } from '$lib/db';`],
		['export * from', `export * from '../../db/queries';`],
		['export type from', `export type { ScoreRow } from '../../db/types';`],
		['import()', `export const load = () => import('$lib/db');`],
		['import() of a template literal', 'export const load = () => import(`../../db`);'],
		['typeof import()', `export type Db = typeof import('$lib/db');`],
		['import = require()', `import database = require('$lib/db/database');`],
		['require()', `export const database = require('../../db/database');`],
		['a worker URL', `new Worker(new URL('../../db/index.ts', import.meta.url));`]
	])('%s is refused', (_, source) => {
		expect(problems(ENGINE, source)).toEqual([
			expect.stringMatching(/^1: engine may not import db /)
		]);
	});

	it('says where and in which form', () => {
		expect(problems(ENGINE, `import { addDays } from '../dates';\nimport('$lib/db');`)).toEqual([
			"2: engine may not import db (import() '$lib/db')"
		]);
	});
});

describe('the engine stays pure', () => {
	it.each([
		`import Dexie from 'dexie';`,
		`import { mount } from 'svelte';`,
		`import { writable } from 'svelte/store';`,
		`import { page } from '$app/state';`,
		`import { readFileSync } from 'node:fs';`,
		`import { readFileSync } from 'fs';`,
		`import nodemailer from 'nodemailer';`,
		`import { m } from '$lib/paraglide/messages.js';`,
		`import { t } from '$lib/i18n/messages';`,
		`import { todayUtc } from '$lib/state/today';`,
		`import { mailServer } from '../../server/mail/server';`,
		`import { TemplateSet } from '$lib/mail';`,
		`import { exampleWorkspace } from '../../../../tests/support/workspace';`,
		`import { conditionBuilder } from '../conditions/testing';`,
		// A computed path cannot be checked, so it is refused.
		`const load = (name: string) => import(name);`
	])('%s is refused', (source) => {
		expect(problems(ENGINE, source)).toHaveLength(1);
	});

	it.each([
		`import { addDays } from '../dates';`,
		`import { addDays } from '$lib/engine/dates';`,
		`import type { Workspace } from '$lib/engine';`,
		`export * from './weights';`,
		`import { z } from 'zod';`,
		`import scale from '../../../../rules/scale.json';`
	])('%s passes', (source) => {
		expect(problems(ENGINE, source)).toEqual([]);
	});
});

describe('the server is never loaded by the browser', () => {
	const page = (script: string, markup = '') =>
		`<script lang="ts">\n${script}\n</script>\n\n<h1>Accounts</h1>\n${markup}\n`;

	it.each([
		[
			'a page',
			'src/routes/accounts/+page.svelte',
			page(`import { readJson } from '$lib/server/api';`)
		],
		[
			'a page by a relative path',
			'src/routes/accounts/+page.svelte',
			page(`import { readJson } from '../../lib/server/api';`)
		],
		[
			"a page's module script",
			'src/routes/accounts/+page.svelte',
			`<script module>\n\timport { readJson } from '$lib/server/api';\n</script>\n`
		],
		[
			"a page's markup",
			'src/routes/accounts/+page.svelte',
			page('', `{#await import('$lib/server/api') then api}{api}{/await}`)
		],
		[
			'a universal load function',
			'src/routes/accounts/+page.ts',
			`import { readJson } from '$lib/server/api';`
		],
		[
			"an endpoint's helper",
			'src/lib/state/usage/catalogue.svelte.ts',
			`import { postChange } from '../../../routes/api/catalogue/change';`
		],
		['a component', 'src/lib/components/Example.svelte', page(`export * from '$lib/server';`)],
		['page state', 'src/lib/state/example.svelte.ts', `const api = await import('../server/api');`],
		[
			'the browser store',
			'src/lib/db/example.ts',
			`import { Store } from '$lib/server/store/store';`
		],
		[
			'a Node module in a component',
			'src/lib/components/Example.svelte',
			page(`import { readFileSync } from 'node:fs';`)
		],
		['a server package in page state', 'src/lib/state/example.ts', `import pg from 'pg';`]
	])('%s importing server code is refused', (_, file, source) => {
		expect(problems(file, source)).toHaveLength(1);
	});

	it('counts the lines of a .svelte file', () => {
		expect(
			problems('src/routes/+page.svelte', page(`import { readJson } from '$lib/server/api';`))
		).toEqual([
			"2: routes may not import server other than by `import type` (import '$lib/server/api')"
		]);
	});

	it.each([
		[
			'a page reading an answer shape',
			'src/routes/+layout.svelte',
			page(`import type { Caller } from '$lib/server/auth/access';`)
		],
		[
			'an endpoint',
			'src/routes/api/example/+server.ts',
			`import { readJson } from '$lib/server/api';`
		],
		[
			'a server load function',
			'src/routes/example/+page.server.ts',
			`import { readJson } from '../../lib/server/api';`
		],
		[
			"an endpoint's helper",
			'src/routes/api/example/helper.ts',
			`import { readJson } from '$lib/server/api';`
		],
		['the hooks', 'src/hooks.server.ts', `import { readJson } from '$lib/server/api';`],
		[
			'the command line',
			'src/cli/example.ts',
			`import { mailServer } from '../lib/server/mail/server';`
		],
		['a test', 'src/routes/accounts/example.test.ts', `import { readJson } from '$lib/server/api';`]
	])('%s may import it', (_, file, source) => {
		expect(problems(file, source)).toEqual([]);
	});

	it('a page imports its own folder, components, state and the store', () => {
		const script = [
			`import Badge from '$lib/components/BandBadge.svelte';`,
			`import { AccountPage } from '$lib/state/account-page.svelte';`,
			`import { db } from '$lib/db';`,
			`import Row from './AccountRow.svelte';`,
			`import type { PageProps } from './$types';`,
			`import { page } from '$app/state';`
		].join('\n');
		expect(problems('src/routes/accounts/+page.svelte', page(script))).toEqual([]);
	});
});

describe('imports point down the layers', () => {
	it.each([
		['the command line', 'src/cli/example.ts', `import { db } from '$lib/db';`, 'cli', 'db'],
		[
			'the server',
			'src/lib/server/example.ts',
			`import { today } from '../state/today';`,
			'server',
			'state'
		],
		[
			'the store',
			'src/lib/db/example.ts',
			`import Badge from '../components/BandBadge.svelte';`,
			'db',
			'components'
		],
		[
			'page state',
			'src/lib/state/example.ts',
			`import Page from '../../routes/+page.svelte';`,
			'state',
			'routes'
		],
		[
			'a component',
			'src/lib/components/Example.svelte',
			`<script>import { m } from '../../routes/words';</script>`,
			'components',
			'routes'
		],
		['the import', 'src/lib/import/example.ts', `import { db } from '../db';`, 'import', 'db'],
		['mail', 'src/lib/mail/example.ts', `import { t } from '$lib/i18n/messages';`, 'mail', 'i18n']
	])('%s may not reach up', (_, file, source, from, to) => {
		expect(problems(file, source)).toEqual([
			expect.stringContaining(`${from} may not import ${to}`)
		]);
	});
});

it('a file that belongs to no part is refused', () => {
	expect(problems('src/lib/newpart/thing.ts', '')).toEqual([
		'1: belongs to no part of architecture.config.js'
	]);
});

describe('a repository checked as a whole', () => {
	const tiny: Architecture = {
		ignore: ['src/generated/**'],
		parts: [
			{ name: 'core', files: ['src/core/**'] },
			{ name: 'app', files: ['src/app/**'], imports: ['core'] },
			{ name: 'generated', files: ['src/generated/**'] }
		],
		exceptions: [
			{ file: 'src/core/clock.ts', specifier: '../app/today', reason: 'to move' },
			{ file: 'src/core/gone.ts', specifier: '../app', reason: 'moved already' }
		]
	};
	const files: Record<string, string> = {
		'src/core/index.ts': `export * from './clock';`,
		'src/core/clock.ts': `import { today } from '../app/today';`,
		'src/core/score.ts': `import { today } from '../app';`,
		'src/app/index.ts': `import { clock } from '../core';`,
		'src/app/today.ts': `export const today = 1;`,
		'src/generated/out.ts': `import '../app';`
	};

	it('reports breaks, passes exceptions and reports those no longer needed', async () => {
		const root = await mkdtemp(join(tmpdir(), 'scorecraft-architecture-'));
		try {
			for (const [file, text] of Object.entries(files)) {
				await mkdir(dirname(join(root, file)), { recursive: true });
				await writeFile(join(root, file), text);
			}
			expect(new ArchitectureCheck(root, tiny).checkRepository()).toEqual({
				files: 5,
				problems: [
					{
						file: 'src/core/score.ts',
						line: 1,
						message: "core may not import app (import '../app')"
					},
					{
						file: 'src/core/gone.ts',
						line: 1,
						message: "no longer imports '../app': remove its exception from architecture.config.js"
					}
				]
			});
		} finally {
			await rm(root, { recursive: true, force: true });
		}
	});

	it('a description naming a part that does not exist is refused', () => {
		const parts = [{ name: 'core', files: ['src/**'], imports: ['kernel'] }];
		expect(() => new ArchitectureCheck(ROOT, { ...tiny, parts })).toThrow(
			/kernel, which is no part/
		);
	});
});

it('the repository keeps to architecture.config.js', () => {
	const { files, problems } = check.checkRepository();
	expect(files).toBeGreaterThan(500);
	expect(problems).toEqual([]);
});
