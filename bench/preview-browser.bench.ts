/**
 * The scorecard builder's live preview in Chromium, end to end: the built app under its
 * production Content Security Policy, served as `npm start` serves it, signed in as the owner.
 * The team workspace is the sample with about 10,000 live accounts, its Scale scorecard applying
 * to every one; the builder opens Scale, and a seat-penetration threshold is edited one step at
 * a time, as typing or the arrow keys make edits. Each edit is timed on the page, from the input
 * event to the preview panel showing the preview of that edit (a MutationObserver on the panel's
 * `data-answers`), and to the next frame after it. Then a drag (ten edits, one per frame) and
 * a flood (ten at once) say how long the page takes to settle on the last one.
 *
 *   node --import tsx bench/preview-browser.bench.ts   (builds first; SKIP_BUILD=1 reuses build/)
 *
 * BENCH_BEFORE=folder measures another checkout first (see the end of this file): a before and after.
 * BENCH_EDITS=N sets the number of timed edits (60); BENCH_ACCOUNTS the sample's size (11,500,
 * of which about 10,100 have not churned); CHROMIUM_PATH the browser.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generateSample } from '../src/lib/engine/sample';
import { todayUtc } from '../src/lib/state/today';
import { CHROMIUM_FLAGS, setUpOwner, startAppServer } from '../tests/e2e/global-setup';
import { editAndTime } from '../tests/support/preview-edit';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 11_500);
const EDITS = Number(process.env.BENCH_EDITS ?? 60);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			stdio: 'inherit',
			env: { ...process.env, NODE_ENV: 'production' }
		});
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))
		);
	});
}

function summary(values: readonly number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
	const round = (n: number) => Math.round(n * 10) / 10;
	return { median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)!) };
}

function print(label: string, values: readonly number[]): void {
	const { median, p95, max } = summary(values);
	console.log(
		`${label.padEnd(44)} median ${median.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   max ${max.toFixed(1).padStart(6)} ms`
	);
}

/** Puts the big workspace on the server as the owner (a restore), for the browser to pull. */
async function publishWorkspace(baseURL: string, cookie: { name: string; value: string }) {
	const workspace = generateSample({ accounts: ACCOUNTS, weeks: 2, end: todayUtc() });
	const scale = workspace.scorecards.find((card) => card.id === 'scale')!;
	delete scale.applies_to;
	const response = await fetch(`${baseURL}/api/workspace`, {
		method: 'PUT',
		headers: {
			cookie: `${cookie.name}=${encodeURIComponent(cookie.value)}`,
			origin: baseURL,
			'content-type': 'application/json'
		},
		body: JSON.stringify(workspace)
	});
	if (!response.ok)
		throw new Error(`the workspace was refused (${response.status}): ${await response.text()}`);
}

/** Ten edits in a row, one per frame (a drag) or all at once; the time to settle on the last. */
function burst(page: Page, pace: 'frame' | 'flood') {
	return page.evaluate(async (pace) => {
		const panel = document.querySelector<HTMLElement>('.preview-panel')!;
		const input = document.activeElement as HTMLInputElement;
		const answersBefore = Number(panel.dataset.answers);
		for (let i = 1; i <= 10; i++) {
			input.value = String(0.5 + i * 0.03);
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await new Promise((resolve) =>
				pace === 'frame' ? requestAnimationFrame(resolve) : queueMicrotask(() => resolve(null))
			);
		}
		const last = performance.now();
		await new Promise<void>((resolve) => {
			const check = () =>
				panel.dataset.busy === 'false' ? resolve() : requestAnimationFrame(check);
			check();
		});
		return {
			settleAfterLastMs: Math.round(performance.now() - last),
			previewsShown: Number(panel.dataset.answers) - answersBefore
		};
	}, pace);
}

/** Builds (unless SKIP_BUILD) and serves the checkout in the working folder, and times its preview. */
async function measure(label: string) {
	console.log(`${label}:`);
	if (!process.env.SKIP_BUILD)
		await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
	const server = await startAppServer();
	const profile = await mkdtemp(join(tmpdir(), 'scorecraft-preview-bench-'));
	try {
		const base = server.baseURL;
		const cookie = await setUpOwner(base);
		await publishWorkspace(base, cookie);

		const context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			viewport: { width: 1280, height: 800 },
			args: CHROMIUM_FLAGS
		});
		try {
			// tsx names the functions handed to `page.evaluate` with a helper the page lacks.
			await context.addInitScript('globalThis.__name = (f) => f;');
			await context.addCookies([{ ...cookie, url: base, httpOnly: true, sameSite: 'Lax' }]);
			const page = context.pages()[0] ?? (await context.newPage());
			const errors: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error') errors.push(message.text());
			});
			page.on('pageerror', (error) => errors.push(error.message));

			// The replica pulls the workspace and scores it before the builder opens on it.
			await page.goto(`${base}/scorecards`);
			await page
				.locator('header [data-phase="live"][data-pending="0"]')
				.waitFor({ timeout: 300_000 });
			await page
				.locator('header [role="status"][data-status="ready"]')
				.waitFor({ timeout: 300_000 });
			await page.locator('a[href$="/scorecards/scale"]').first().waitFor({ timeout: 300_000 });
			await page.goto(`${base}/scorecards/scale`);
			const opened = performance.now();
			const matching = page.locator('.preview-panel [data-matching]');
			await matching.waitFor({ timeout: 120_000 }).catch(async (error: Error) => {
				const said = await page.locator('main').innerText();
				throw new Error(`${error.message}\nthe page says: ${said}\n${errors.join('\n')}`);
			});
			await page.locator('.preview-panel[data-busy="false"]').waitFor();
			const firstMs = performance.now() - opened;
			console.log(
				`Scorecraft preview in Chromium ${context.browser()?.version() ?? ''}: ${await matching.getAttribute('data-matching')} accounts matching, first preview ${Math.round(firstMs)} ms after the scores were ready`
			);

			await page.getByRole('button', { name: /Edit Seat penetration/ }).click();
			await page.getByRole('spinbutton', { name: 'Threshold of step 1' }).focus();
			await page.evaluate(() => {
				const tasks: number[] = [];
				(window as unknown as { longTasks: number[] }).longTasks = tasks;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries()) tasks.push(entry.duration);
				}).observe({ type: 'longtask' });
			});

			// A few edits first: the worker's caches and the page's code warm up as a user's would.
			for (const value of ['0.79', '0.81', '0.8']) await editAndTime(page, value);

			// BENCH_PROFILE=file.cpuprofile: the page's main thread profiled over the timed edits.
			const profiler = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
			await profiler?.send('Profiler.enable');
			await profiler?.send('Profiler.start');
			const toDom: number[] = [];
			const toFrame: number[] = [];
			const roundTrip: number[] = [];
			const worker: number[] = [];
			/** Edits whose preview had to read the store again (its data version had moved). */
			const reloads: number[] = [];
			for (let i = 0; i < EDITS; i++) {
				// Up and down between 0.50 and 0.95, as a hand on the arrow keys would.
				const step = i % 90 < 45 ? i % 45 : 45 - (i % 45);
				const timing = await editAndTime(page, (0.5 + step / 100).toFixed(2));
				toDom.push(timing.toDom);
				toFrame.push(timing.toFrame);
				if (Number.isFinite(timing.roundTrip)) roundTrip.push(timing.roundTrip);
				if (Number.isFinite(timing.worker)) worker.push(timing.worker);
				if (timing.load > 0) reloads.push(timing.load);
			}
			if (profiler) {
				const { profile } = await profiler.send('Profiler.stop');
				await writeFile(process.env.BENCH_PROFILE!, JSON.stringify(profile));
			}
			const dragged = await burst(page, 'frame');
			await editAndTime(page, '0.5');
			const flooded = await burst(page, 'flood');
			const longTasks = await page.evaluate(
				() => (window as unknown as { longTasks: number[] }).longTasks
			);

			console.log(`${EDITS} threshold edits, one at a time:`);
			print('  edit → preview on the page (DOM)', toDom);
			print('  edit → next frame', toFrame);
			if (roundTrip.length > 0) print('  request → answer, as the page saw it', roundTrip);
			if (worker.length > 0) print("  the worker's own computation", worker);
			if (reloads.length > 0)
				console.log(
					`  ${reloads.length} of them read the store again first (${reloads.map(Math.round).join(', ')} ms)`
				);
			console.log(
				`  ten edits one per frame: settled ${dragged.settleAfterLastMs} ms after the last (${dragged.previewsShown} previews shown)`
			);
			console.log(
				`  ten edits at once: settled ${flooded.settleAfterLastMs} ms after the last (${flooded.previewsShown} previews shown)`
			);
			console.log(
				`  longest task on the page's thread while editing: ${Math.round(Math.max(0, ...longTasks))} ms`
			);
			const figures = {
				editToDom: summary(toDom),
				editToFrame: summary(toFrame),
				roundTrip: roundTrip.length > 0 ? summary(roundTrip) : null,
				worker: worker.length > 0 ? summary(worker) : null,
				dragged,
				flooded
			};
			console.log(JSON.stringify(figures));
			if (errors.length > 0) console.log(`errors on the page:\n${errors.join('\n')}`);
			return figures;
		} finally {
			await context.close();
		}
	} finally {
		await server.stop();
		await rm(profile, { recursive: true, force: true });
	}
}

// BENCH_BEFORE=folder: another checkout of the app (say `git worktree add <folder> <commit>`,
// with node_modules) measured first in the same way, then this one, for a before and after.
const beforeFolder = process.env.BENCH_BEFORE;
let before: Awaited<ReturnType<typeof measure>> | null = null;
if (beforeFolder) {
	const here = process.cwd();
	process.chdir(beforeFolder);
	try {
		before = await measure(`before (${beforeFolder})`);
	} finally {
		process.chdir(here);
	}
}
const after = await measure(before ? 'after (this checkout)' : 'this checkout');
if (before)
	console.log(
		`edit → preview on the page: median ${before.editToDom.median} → ${after.editToDom.median} ms, p95 ${before.editToDom.p95} → ${after.editToDom.p95} ms`
	);
