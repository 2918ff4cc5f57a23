import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
					setupFiles: ['tests/support/jest-dom.ts']
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
