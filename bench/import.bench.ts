/**
 * The CSV import of 100,000 snapshot rows, end to end in Chromium: the built app under its
 * production Content Security Policy, a fresh browser profile, the Data page driven as a user
 * would by the owner (choose the file → mapping → check every row → import: the server writes the
 * rows, then this browser's replica receives them). Prints the time of each step,
 * as the page measured it, and the longest task the page's main thread ran while the worker
 * checked the rows (how responsive the page stayed). Not part of `npm test`.
 *
 *   node --import tsx bench/import.bench.ts          (builds first; SKIP_BUILD=1 to reuse build/)
 *
 * BENCH_ROWS=N changes the row count; CHROMIUM_PATH the browser. The figures before the replica's
 * write was changed are in `bench/baseline.json`, measured on this machine; it prints them too.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { wideSnapshots } from '../tests/fixtures/csv/wide-snapshots';
import { CHROMIUM_FLAGS, setUpOwner, startAppServer } from '../tests/e2e/global-setup';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ACCOUNTS = 2_000;
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

/**
 * Waits until the app's store has started (the sample loaded on a first start) and its scores are
 * current, as the header's status says, so that its work does not run into the import's figures.
 */
async function storeReady(page: Page): Promise<void> {
	const status = page.locator('.store-status');
	const hasStatus = await status
		.waitFor({ state: 'attached', timeout: 5_000 })
		.then(() => true)
		.catch(() => false);
	if (hasStatus)
		await page.locator('.store-status[data-status="ready"]').waitFor({ timeout: 300_000 });
}

/** The long tasks the page's main thread ran since the last call: how many, and the longest. */
async function takeLongTasks(page: Page): Promise<{ count: number; longestMs: number }> {
	return page.evaluate(() => {
		const holder = window as unknown as { longTasks: number[] };
		const tasks = holder.longTasks.splice(0);
		return { count: tasks.length, longestMs: Math.round(Math.max(0, ...tasks)) };
	});
}

/** Imports one file through the Data page; returns the page's own timings, in milliseconds. */
async function importFile(page: Page, kind: 'Accounts' | 'Snapshots', path: string) {
	const panel = page.locator('.csv-import');
	await page.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
	const chosen = performance.now();
	await page.locator('#csv-file').setInputFiles(path);
	await panel.and(page.locator('[data-step="mapping"]')).waitFor({ timeout: 60_000 });
	const mapped = performance.now();
	// Long tasks on the page's own thread: while the worker checks the rows, then while they are written.
	await page.evaluate(() => {
		const tasks: number[] = [];
		(window as unknown as { longTasks: number[] }).longTasks = tasks;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) tasks.push(entry.duration);
		}).observe({ type: 'longtask' });
	});
	await page.getByRole('button', { name: 'Check all rows' }).click();
	await panel.and(page.locator('[data-step="review"]')).waitFor({ timeout: 120_000 });
	const checkTasks = await takeLongTasks(page);
	await page.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
	const timings = panel.locator('[data-write-ms]');
	await timings.waitFor({ timeout: 300_000 }).catch(async (error: Error) => {
		throw new Error(`${error.message}\nthe panel says: ${await panel.innerText()}`);
	});
	const writeTasks = await takeLongTasks(page);
	await panel.locator('[data-refresh-ms]').waitFor({ timeout: 300_000 });
	const refreshTasks = await takeLongTasks(page);
	const result = {
		inspectMs: mapped - chosen,
		checkMs: Number(await timings.getAttribute('data-check-ms')),
		serverMs: Number(await timings.getAttribute('data-server-ms')),
		writeMs: Number(await timings.getAttribute('data-write-ms')),
		refreshMs: Number(await timings.getAttribute('data-refresh-ms')),
		refresh: await timings.getAttribute('data-refresh'),
		checkTasks,
		writeTasks,
		refreshTasks,
		status: await panel.getByRole('status').first().textContent()
	};
	await page.getByRole('button', { name: 'Import another file' }).click();
	return result;
}

async function main(): Promise<void> {
	if (!process.env.SKIP_BUILD) await run('npx', ['vite', 'build', '--logLevel', 'warn']);
	const baseline = JSON.parse(
		await readFile(new URL('./baseline.json', import.meta.url), 'utf8')
	) as { measured: string; import: Record<string, string> };
	const before = (name: string) => `   (before: ${baseline.import[name]})`;
	const folder = await mkdtemp(join(tmpdir(), 'scorecraft-import-bench-'));
	// `npm start`'s server on its own data folder, its owner created as the set-up page does.
	const server = await startAppServer();
	try {
		const base = server.baseURL;
		const cookie = await setUpOwner(base);

		const { csv, accountIds, rows } = wideSnapshots(ROWS, ACCOUNTS);
		const accountsPath = join(folder, 'accounts.csv');
		const snapshotsPath = join(folder, 'snapshots.csv');
		await writeFile(
			accountsPath,
			[
				'id,name,segment,arr',
				...accountIds.map((id, i) => `${id},Account ${i},scale,${12_000 + i}`)
			].join('\n')
		);
		await writeFile(snapshotsPath, csv);

		const context = await chromium.launchPersistentContext(join(folder, 'profile'), {
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_FLAGS
		});
		try {
			await context.addCookies([{ ...cookie, url: base, httpOnly: true, sameSite: 'Lax' }]);
			const page = context.pages()[0] ?? (await context.newPage());
			const errors: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error') errors.push(message.text());
			});
			page.on('pageerror', (error) => errors.push(error.message));
			await page.goto(`${base}/data`);
			await storeReady(page);
			await page.getByText(/The store holds/).waitFor();
			console.log(
				`Chromium ${context.browser()?.version() ?? ''}; ${await page.getByTestId('store-counts').textContent()}`
			);

			const accounts = await importFile(page, 'Accounts', accountsPath);
			await storeReady(page);
			console.log(`accounts (${ACCOUNTS.toLocaleString('en')} rows): ${accounts.status}`);

			const size = (Buffer.byteLength(csv) / 1e6).toFixed(1);
			const result = await importFile(page, 'Snapshots', snapshotsPath);
			console.log(`snapshots: ${rows.toLocaleString('en')} rows, ${size} MB`);
			console.log(`  ${result.status}`);
			console.log(`  first look (heading, 10 rows, mapping): ${seconds(result.inspectMs)}`);
			console.log(`  parse + check in the worker:            ${seconds(result.checkMs)}`);
			console.log(
				`  upload, server's check and commit:      ${seconds(result.serverMs)}${before('server')}`
			);
			console.log(
				`  … and this browser's replica holding it: ${seconds(result.writeMs)}${before('replica')}`
			);
			console.log(
				`  import total (first look + check + write): ${seconds(result.inspectMs + result.checkMs + result.writeMs)}${before('total')}`
			);
			console.log(
				`  score refresh afterwards (on the page):  ${seconds(result.refreshMs)} (${result.refresh})${before('refresh')}`
			);
			console.log(
				`  page's main thread: during the check ${result.checkTasks.count} long tasks (longest ${result.checkTasks.longestMs} ms), during the write ${result.writeTasks.count} (longest ${result.writeTasks.longestMs} ms), during the refresh ${result.refreshTasks.count} (longest ${result.refreshTasks.longestMs} ms)`
			);
			await storeReady(page);
			console.log(`  ${await page.getByTestId('store-counts').textContent()}`);
			if (errors.length) console.log(`page errors:\n  ${errors.join('\n  ')}`);
			console.log(`before: ${baseline.measured}`);
		} finally {
			await context.close();
		}
	} finally {
		await server.stop();
		await rm(folder, { recursive: true, force: true });
	}
}

await main();
