/**
 * Builds the app, serves the build with `node build` on a free local port, and hands its URL to
 * the end-to-end tests; the teardown stops the server. The tests drive what users get: the
 * production build under the production CSP, not the dev server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../support/ports';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		/** The owner the set-up page created: their session cookie and credentials. */
		owner: { email: string; password: string; cookie: { name: string; value: string } };
	}
}

export const OWNER = {
	name: 'Olivia Owner',
	email: 'olivia@team.example',
	password: 'owner-password-1234'
};

/** Creates the owner through the set-up page's form, as a first start does; returns the session cookie. */
export async function setUpOwner(baseURL: string): Promise<{ name: string; value: string }> {
	const response = await fetch(`${baseURL}/setup`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: baseURL
		},
		body: new URLSearchParams(OWNER)
	});
	const line = response.headers
		.getSetCookie()
		.find((c) => c.startsWith('scorecraft.session_token='));
	if (response.status !== 303 || !line)
		throw new Error(
			`the set-up page did not create the owner (${response.status}): ${await response.text()}`
		);
	const [pair] = line.split(';');
	const at = pair!.indexOf('=');
	return { name: pair!.slice(0, at), value: decodeURIComponent(pair!.slice(at + 1)) };
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium as every test and benchmark runs it: no sandbox (root), GPU or background traffic. */
export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Runs a command to its end; rejects with its output when it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code === 0) resolve();
			else
				reject(
					new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`)
				);
		});
	});
}

/** Polls until the server answers HTTP; fails early if it exits, and after `timeoutMs`. */
async function waitForHttp(
	url: string,
	server: ChildProcess,
	output: () => string,
	timeoutMs = 20_000
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (server.exitCode !== null || server.signalCode !== null) {
			throw new Error(
				`The app server exited before answering (${server.signalCode ?? `exit ${server.exitCode}`}):\n${output()}`
			);
		}
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
			await response.body?.cancel();
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`The app server did not answer at ${url} within ${timeoutMs} ms:\n${output()}`);
}

/** Kills the server's whole process group, and waits for it to be gone. */
async function stop(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return;
	const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
	const kill = (signal: NodeJS.Signals) => {
		try {
			process.kill(-server.pid!, signal);
		} catch {
			// Already gone.
		}
	};
	kill('SIGTERM');
	const timer = setTimeout(() => kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}

/**
 * Serves the build with `node server.js` (as `npm start` does) on a free local port, its server data (ledger, mailbox,
 * published workspace) in a fresh temporary folder; resolves once it answers.
 */
export async function startAppServer(
	env: NodeJS.ProcessEnv = {}
): Promise<{ baseURL: string; dataDir: string; pid: number; stop: () => Promise<void> }> {
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const dataDir = await mkdtemp(join(tmpdir(), 'scorecraft-server-'));
	let output = '';
	// Its own process group (detached), so the teardown can stop it and anything it started.
	const server = spawn(process.execPath, ['server.js'], {
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			PUBLIC_URL: baseURL,
			SCORECRAFT_DATA: dataDir,
			...env
		}
	});
	server.stdout!.on('data', (chunk) => (output += chunk));
	server.stderr!.on('data', (chunk) => (output += chunk));
	const stopAll = async () => {
		await stop(server);
		await rm(dataDir, { recursive: true, force: true });
	};
	try {
		await waitForHttp(baseURL, server, () => output);
	} catch (error) {
		await stopAll();
		throw error;
	}
	return { baseURL, dataDir, pid: server.pid!, stop: stopAll };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	// A missing browser is a broken machine, not a reason to skip: say how to fix it.
	if (!existsSync(chromiumPath)) {
		throw new Error(
			`Chromium not found at ${chromiumPath}. The end-to-end tests need it: on Debian/Ubuntu run ` +
				'`apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH)'
		);
	}

	// The production build users get: vitest sets NODE_ENV=test, which would build for development.
	await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		...process.env,
		NODE_ENV: 'production'
	});

	const server = await startAppServer();
	project.provide('baseURL', server.baseURL);
	project.provide('owner', { ...OWNER, cookie: await setUpOwner(server.baseURL) });
	return server.stop;
}
