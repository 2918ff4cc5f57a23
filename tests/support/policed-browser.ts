/**
 * Runs one TypeScript module in headless Chromium twice, on a page and in a dedicated worker, each
 * under the policy the app serves it (csp.js: the page's, then the workers' own, given by the same
 * function the app's server calls). The module exports `run(params)`, which returns what can be
 * posted; nothing of its work goes through the DevTools protocol, which lifts a page's eval ban
 * while it evaluates. For what must run where the app's own code runs: the scoring property test
 * and the browser's scoring benchmark.
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { addWorkerPolicy, PAGE_DIRECTIVES, policyText, WORKER_SCRIPTS } from '../../csp.js';
import { CHROMIUM_FLAGS } from '../e2e/global-setup';
import { freePort } from './ports';

export interface PolicedRun<T> {
	page: T;
	worker: T;
}

const WORKER_URL = `${WORKER_SCRIPTS}run.js`;

/** What runs the module: on the page it reads its parameters from the URL, runs, then starts the worker. */
const harness = (modulePath: string) => `
import { run } from ${JSON.stringify(modulePath)};
const settle = (work) => Promise.resolve().then(work).then((value) => ({ value }), (error) => ({ error: String(error?.stack ?? error) }));
if (typeof WorkerGlobalScope !== 'undefined') {
	self.onmessage = async (event) => postMessage(await settle(() => run(event.data)));
} else {
	const params = JSON.parse(decodeURIComponent(location.hash.slice(1)));
	setTimeout(async () => {
		const page = await settle(() => run(params));
		const worker = await new Promise((resolve) => {
			const w = new Worker(${JSON.stringify(WORKER_URL)}, { type: 'module' });
			w.onmessage = (event) => resolve(event.data);
			w.onerror = (event) => resolve({ error: 'the worker failed: ' + event.message });
			w.postMessage(params);
		});
		window.policedRun = { page, worker };
	});
}`;

async function serve(script: string): Promise<{ server: Server; url: string }> {
	const pagePolicy = policyText(PAGE_DIRECTIVES);
	const server = createServer((request, response) => {
		addWorkerPolicy(request, response);
		const path = request.url?.split('#')[0];
		if (path === '/') {
			response.writeHead(200, {
				'content-type': 'text/html; charset=utf-8',
				'content-security-policy': pagePolicy
			});
			response.end(
				'<!doctype html><meta charset="utf-8"><script type="module" src="/run.js"></script>'
			);
		} else if (path === '/run.js' || path === WORKER_URL) {
			response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
			response.end(script);
		} else {
			response.writeHead(404).end();
		}
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${port}/` };
}

/** Bundles `modulePath` for the browser and runs its `run(params)` on a page, then in a worker. */
export async function runPoliced<T>(
	modulePath: string,
	params: unknown,
	options: { chromiumPath?: string; timeoutMs?: number } = {}
): Promise<PolicedRun<T>> {
	const bundle = await build({
		stdin: { contents: harness(modulePath), resolveDir: process.cwd(), loader: 'js' },
		bundle: true,
		format: 'esm',
		platform: 'browser',
		target: 'es2022',
		write: false,
		logLevel: 'silent'
	});
	const { server, url } = await serve(bundle.outputFiles[0]!.text);
	const profile = await mkdtemp(join(tmpdir(), 'scorecraft-policed-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: [...CHROMIUM_FLAGS]
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${url}#${encodeURIComponent(JSON.stringify(params))}`);
		const handle = await page.waitForFunction(
			() => (window as unknown as { policedRun?: unknown }).policedRun,
			undefined,
			{ timeout: options.timeoutMs ?? 120_000, polling: 250 }
		);
		const settled = (await handle.jsonValue()) as PolicedRun<{ value?: T; error?: string }>;
		for (const where of ['page', 'worker'] as const)
			if (settled[where].error) throw new Error(`on the ${where}: ${settled[where].error}`);
		return { page: settled.page.value as T, worker: settled.worker.value as T };
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
		await new Promise((resolve) => server.close(resolve));
	}
}
