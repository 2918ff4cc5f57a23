/**
 * `npm run bench:start`: the first start, to a scored dashboard, in Chromium. The built app
 * under its production Content Security Policy, served as `npm start` serves it with the sample
 * workspace its set-up page asks for, the owner signed in as the end-to-end tests' set-up does, and
 * a fresh browser profile: nothing in IndexedDB. Prints when each phase ended, from the start of
 * the navigation: the page's first paint, the replica holding the team's workspace (every page of
 * the sync's first load written), the scores computed, the dashboard showing them. Then a second
 * visit of the same profile. Several runs (RUNS=N, 3 by default); figures only, nothing asserted.
 *
 *   npm run bench:start          (builds first; SKIP_BUILD=1 to reuse build/)
 *
 * The figures before the replica's write was changed are in `bench/baseline.json`, measured on
 * this machine; it prints them next to today's.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, setUpOwner, startAppServer } from '../tests/e2e/global-setup';

const RUNS = Number(process.env.RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function run(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))
		);
	});
}

/** Milliseconds since the navigation started, once `locator` shows. */
async function when(locator: Locator): Promise<number> {
	await locator.first().waitFor({ timeout: 120_000 });
	return locator.page().evaluate(() => performance.now());
}

interface Visit {
	paintMs: number;
	replicaMs: number;
	scoredMs: number;
	dashboardMs: number;
	/** The refresh worker's own figure for its start (scoring included). */
	workerMs: number;
}

async function visit(page: Page, base: string): Promise<Visit> {
	await page.goto(base, { waitUntil: 'commit' });
	const replicaMs = await when(page.locator('header [data-phase="live"]'));
	const scoredMs = await when(page.locator('header [role="status"][data-status="ready"]'));
	const dashboardMs = await when(
		page.getByRole('table', { name: 'Accounts by health band' }).locator('tfoot td[data-count]')
	);
	const paintMs = await page.evaluate(
		() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
	);
	const workerMs = Number(
		await page.locator('header [role="status"]').first().getAttribute('data-start-ms')
	);
	return { paintMs, replicaMs, scoredMs, dashboardMs, workerMs };
}

const line = (name: string, ms: number[], before?: string) =>
	`  ${name.padEnd(44)} ${ms.map(seconds).join(', ')}${before ? `   (before: ${before})` : ''}`;

async function main(): Promise<void> {
	if (!process.env.SKIP_BUILD) await run('npx', ['vite', 'build', '--logLevel', 'warn']);
	const baseline = JSON.parse(
		await readFile(new URL('./baseline.json', import.meta.url), 'utf8')
	) as { measured: string; start: Record<string, string> };
	const firsts: Visit[] = [];
	const seconds_: Visit[] = [];
	for (let i = 0; i < RUNS; i++) {
		const folder = await mkdtemp(join(tmpdir(), 'scorecraft-start-bench-'));
		// A new server each run: its store holds the sample again, and nothing else.
		const server = await startAppServer();
		try {
			const cookie = await setUpOwner(server.baseURL);
			const context = await chromium.launchPersistentContext(join(folder, 'profile'), {
				executablePath: CHROMIUM,
				headless: true,
				args: CHROMIUM_FLAGS
			});
			try {
				await context.addCookies([
					{ ...cookie, url: server.baseURL, httpOnly: true, sameSite: 'Lax' }
				]);
				const page = context.pages()[0] ?? (await context.newPage());
				if (i === 0) console.log(`Chromium ${context.browser()?.version() ?? ''}`);
				firsts.push(await visit(page, server.baseURL));
				const again = await context.newPage();
				await page.close();
				seconds_.push(await visit(again, server.baseURL));
			} finally {
				await context.close();
			}
		} finally {
			await server.stop();
			await rm(folder, { recursive: true, force: true });
		}
	}
	const before = baseline.start;
	console.log(`first start, fresh profile (${RUNS} runs; from the navigation's start):`);
	console.log(
		line(
			'first paint',
			firsts.map((v) => v.paintMs)
		)
	);
	console.log(
		line(
			'replica holds the workspace (sync live)',
			firsts.map((v) => v.replicaMs),
			before.replica
		)
	);
	console.log(
		line(
			'scores computed (status ready)',
			firsts.map((v) => v.scoredMs),
			before.scored
		)
	);
	console.log(
		line(
			'dashboard shows the scores',
			firsts.map((v) => v.dashboardMs),
			before.dashboard
		)
	);
	console.log(
		line(
			"  the refresh worker's start",
			firsts.map((v) => v.workerMs)
		)
	);
	console.log('second visit, same profile:');
	console.log(
		line(
			'dashboard shows the scores',
			seconds_.map((v) => v.dashboardMs),
			before.secondVisit
		)
	);
	console.log(`before: ${baseline.measured}`);
}

await main();
