import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The message catalogue compiled into `src/lib/paraglide` before anything imports it, and again
 * when a catalogue file changes under the dev server. In a process of its own: the compiler is
 * done in seconds but would hold Vite's process open long after (`scripts/compile-messages.js`).
 */
function messageCatalogue(): Plugin {
	const compile = (...flags: string[]) =>
		execFileSync(process.execPath, ['scripts/compile-messages.js', ...flags], { stdio: 'inherit' });
	const isCatalogue = (file: string) =>
		file.startsWith(path.resolve('messages')) || file.startsWith(path.resolve('project.inlang'));
	return {
		name: 'scorecraft:message-catalogue',
		buildStart() {
			compile('--if-stale');
		},
		configureServer(server) {
			server.watcher.add(['messages', 'project.inlang']);
			server.watcher.on('change', (file) => {
				if (isCatalogue(file)) compile();
			});
		}
	};
}

export default defineConfig({
	plugins: [messageCatalogue(), sveltekit()],
	// Pre-bundled up front: otherwise the dev server reloads mid-request the first time a page
	// imports one of them.
	optimizeDeps: { include: ['dexie', 'papaparse', 'chart.js/auto', 'mjml-browser'] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					// Vitest's default on a 2-core machine is one worker (cores - 1): the unit and
					// component files wait on imports and I/O enough that two run faster.
					maxWorkers: 2,
					// The command line's tests start a Node process per case (a second or more each, several
					// with both cores busy).
					testTimeout: 90_000,
					// A server test opens its database first (PGlite: a few seconds, more with both cores busy).
					hookTimeout: 60_000,
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					// A PostgreSQL 15 server for the run: the store's tests run on it and on PGlite.
					globalSetup: ['tests/global/postgres.ts']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'components',
					maxWorkers: 2,
					// A few state tests answer through the server's endpoints, which open its database first.
					testTimeout: 30_000,
					hookTimeout: 60_000,
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts'],
					setupFiles: ['tests/support/jest-dom.ts', 'tests/support/layout.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					// After the others, one file at a time: each drives a browser and a server.
					sequence: { groupOrder: 1 },
					maxWorkers: 1,
					environment: 'node',
					include: ['tests/e2e/**/*.e2e.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000
				}
			}
		]
	}
});
