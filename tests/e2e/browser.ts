/**
 * Headless Chromium for the end-to-end tests, each run on a fresh, throw-away profile so no test
 * sees another's IndexedDB, cache or cookies.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { Workspace } from '$lib/engine';
import { CHROMIUM_FLAGS, chromiumPath } from './global-setup';

export interface Browser {
	context: BrowserContext;
	/** Closes the browser and deletes its profile. */
	close(): Promise<void>;
}

/**
 * Starts the shared server's team workspace over with the sample, as the owner: every journey
 * starts from the same workspace, whatever the journeys before it changed.
 */
export async function freshTeamWorkspace(
	baseURL = inject('baseURL'),
	/** `ja`: the sample told for a Japanese team. */
	language: 'en' | 'ja' = 'en'
): Promise<void> {
	const { cookie } = inject('owner');
	const response = await fetch(`${baseURL}/api/workspace/sample`, {
		method: 'POST',
		headers: {
			cookie: `${cookie.name}=${encodeURIComponent(cookie.value)}`,
			origin: baseURL,
			'content-type': 'application/json'
		},
		body: JSON.stringify({ language })
	});
	if (!response.ok)
		throw new Error(`the sample did not start over (${response.status}): ${await response.text()}`);
}

/**
 * The team workspace as the server holds it, as the owner would download it: what a journey's
 * expectations are computed from (the sample's generated story, with its event accounts' last day
 * as the usage rollup wrote it).
 */
export async function teamWorkspace(baseURL = inject('baseURL')): Promise<Workspace> {
	const { cookie } = inject('owner');
	const response = await fetch(`${baseURL}/api/workspace/export`, {
		headers: { cookie: `${cookie.name}=${encodeURIComponent(cookie.value)}` }
	});
	if (!response.ok) throw new Error(`no team workspace (${response.status})`);
	return (await response.json()) as Workspace;
}

/**
 * A browser on a fresh profile, signed in as the owner the global set-up created, on a team
 * workspace started over with the sample (pass `signedIn: false` for one that has to sign in, or
 * accept an invitation, itself, on a workspace as it is).
 */
export async function launchBrowser({
	signedIn = true,
	baseURL = inject('baseURL'),
	locale = 'en-US'
}: {
	signedIn?: boolean;
	baseURL?: string;
	/** The browser's language: what the pages show until someone chooses. */
	locale?: string;
} = {}): Promise<Browser> {
	if (signedIn) await freshTeamWorkspace(baseURL);
	const profile = await mkdtemp(join(tmpdir(), 'scorecraft-e2e-'));
	try {
		// Playwright refuses --user-data-dir in `args`: a persistent context takes the folder instead.
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: chromiumPath,
			headless: true,
			viewport: { width: 1280, height: 800 },
			locale,
			args: [`--lang=${locale}`, ...CHROMIUM_FLAGS]
		});
		if (signedIn) {
			const { cookie } = inject('owner');
			await context.addCookies([{ ...cookie, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
		}
		return {
			context,
			async close() {
				await context.close();
				await rm(profile, { recursive: true, force: true });
			}
		};
	} catch (error) {
		await rm(profile, { recursive: true, force: true });
		throw error;
	}
}

/**
 * Collects what a user would never see but a developer must: console errors (CSP violations
 * among them) and uncaught exceptions in the page.
 */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	return errors;
}

/** Waits until the page's replica has nothing left to send and holds the server's workspace. */
export async function synced(page: Page): Promise<void> {
	await page.locator('header [data-phase="live"][data-pending="0"]').waitFor({ timeout: 60_000 });
}
