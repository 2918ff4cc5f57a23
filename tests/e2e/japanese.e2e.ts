/**
 * Scorecraft in Japanese, end to end in Chromium: on the sample told for a Japanese team
 * (株式会社…, yen, Japanese scorecards and plays), a browser whose language is Japanese opens every
 * page of the app, and every word the interface writes is Japanese. What the data says (account,
 * scorecard, play and template names, people) is the team's and stays as written; technical
 * tokens (CSV, AUC, SMTP…) are allowed. Each page is photographed at 1280 px
 * (`test-results/japanese/`). At the end the header's switch turns the app to English, and the
 * server remembers the choice for the person.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Workspace } from '$lib/engine';
import { PALETTE } from '$lib/engine/palette';
import { DEFAULT_SENDER_NAME, POSTAL_PLACEHOLDER } from '$lib/mail/sender';
import {
	collectErrors,
	freshTeamWorkspace,
	launchBrowser,
	synced,
	teamWorkspace,
	type Browser
} from './browser';
import { OWNER } from './global-setup';

const baseURL = inject('baseURL');
const JOURNEY_MS = 420_000;
const SHOTS = 'test-results/japanese';

/** Latin words that are the same in a Japanese interface: names of technologies, formats and keys. */
const TECHNICAL = new Set([
	'Scorecraft',
	'PostgreSQL',
	'PGlite',
	'IndexedDB',
	'DuckDB',
	'Liquid',
	'JSON-logic',
	'Segment',
	'RudderStack',
	'Webhook',
	'Basic',
	'Chromium',
	'Brier',
	'Platt',
	'Youden',
	'Reply-To',
	'From',
	'List-Unsubscribe',
	'Tab',
	'Enter',
	'Esc',
	'Shift',
	// The fields of a Segment event and of a ticket export, named in the CSV imports' help.
	'identify',
	'group',
	'track',
	'page',
	'screen',
	'event',
	'properties',
	'traits',
	'timestamp',
	'type',
	'id',
	'priority',
	'subject',
	'text',
	'body',
	'closed',
	'account'
]);

/**
 * Tokens a reader types or copies as they are, in any language: Liquid, addresses, paths, dotted
 * and snake_case names (`links.training`, `engagement_avg`).
 */
const TOKENS = [
	/`[^`]*`/g,
	/\{\{[^}]*\}\}/g,
	/\b[\w.+-]+@[\w-]+(\.[\w-]+)*/g,
	/\bhttps?:\/\/\S*/g,
	/(^|\s)\/[\w/.[\]-]+/g,
	/\b\w+(\.\w+)+\b/g,
	/\b\w*_\w*\b/g,
	/\b[a-z]+[A-Z]\w*\b/g
];

/** Every string in `value`, and every key: what the data says, in its own words. */
function stringsOf(value: unknown, into: Set<string>): Set<string> {
	if (typeof value === 'string') into.add(value);
	else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
	else if (value && typeof value === 'object')
		for (const [key, inner] of Object.entries(value)) {
			into.add(key);
			stringsOf(inner, into);
		}
	return into;
}

/** The team's data as the server holds it: the workspace, the feature catalogue, the sources. */
async function dataStrings(workspace: Workspace, page: Page): Promise<string[]> {
	const found = stringsOf(workspace, new Set([OWNER.name, OWNER.email]));
	for (const path of ['/api/catalogue', '/api/event-sources'])
		stringsOf(await page.evaluate(async (url) => (await fetch(url)).json(), path), found);
	// The shipped templates are the team's to edit: the English ones are listed as they are written.
	for (const file of readdirSync('templates'))
		if (file.endsWith('.mjml')) found.add(readFileSync(`templates/${file}`, 'utf8'));
	// The metrics a palette measure needs are named by their ids, the data's own names.
	for (const entry of PALETTE) for (const metric of entry.needs ?? []) found.add(metric);
	// The server's defaults for a sender nobody named yet: one name for every recipient's language.
	found.add(DEFAULT_SENDER_NAME).add(POSTAL_PLACEHOLDER);
	return [...found];
}

interface Seen {
	text: string;
	where: string;
}

/**
 * Every text of the page a reader sees, and every label a screen reader says, outside what is
 * marked as not to be translated (`translate="no"`), written in another language (`lang`), or
 * code.
 */
function visibleTexts(page: Page): Promise<Seen[]> {
	return page.evaluate(() => {
		const SKIP =
			'script, style, code, pre, kbd, samp, textarea, [translate="no"], [lang]:not([lang="ja"]):not(html)';
		const describe = (element: Element) =>
			`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
				element.className && typeof element.className === 'string'
					? `.${element.className.trim().split(/\s+/).join('.')}`
					: ''
			}`;
		const seen: { text: string; where: string }[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const element = node.parentElement;
			const text = node.textContent?.trim();
			if (!element || !text || element.closest(SKIP)) continue;
			if (!element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions))
				continue;
			seen.push({ text, where: describe(element) });
		}
		for (const element of document.querySelectorAll(
			'[aria-label], [title], [placeholder], img[alt]'
		)) {
			if (element.closest(SKIP)) continue;
			if (!element.checkVisibility()) continue;
			for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
				const text = element.getAttribute(name)?.trim();
				if (text) seen.push({ text, where: `${describe(element)}[${name}]` });
			}
		}
		return seen;
	});
}

/** The runs of Latin words in a text that are neither the data's, nor technical, nor tokens. */
function englishIn(text: string, data: readonly string[]): string[] {
	if (data.includes(text)) return [];
	// A token ends a run of words: "Getting {{ account.name }} started" is two.
	const words = TOKENS.reduce((left, token) => left.replace(token, ' | '), text);
	const runs = words.match(/[A-Za-z][A-Za-z0-9'’.-]*(?:\s+[A-Za-z][A-Za-z0-9'’.-]*)*/g) ?? [];
	return runs.filter((run) => {
		const each = run.split(/\s+/).map((word) => word.replace(/[.:]$/, ''));
		// Acronyms (CSV, AUC, ARR, CSM, SMTP) and one-letter marks read the same in Japanese.
		if (each.every((word) => word.length < 2 || /^[A-Z0-9.-]+s?$/.test(word))) return false;
		if (each.every((word) => TECHNICAL.has(word) || /^[A-Z0-9.-]+s?$/.test(word))) return false;
		return !data.some((value) => value.includes(run));
	});
}

let browser: Browser;
let workspace: Workspace;

beforeAll(async () => {
	browser = await launchBrowser({ locale: 'ja-JP' });
	await freshTeamWorkspace(baseURL, 'ja');
	workspace = await teamWorkspace();
	await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	// The journeys after this one share the server: they start from the English sample.
	await freshTeamWorkspace();
});

describe('Scorecraft in Japanese', () => {
	it(
		'shows every page in Japanese to a Japanese browser, then in English once the person switches, remembered',
		async () => {
			const page = await browser.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${baseURL}/settings`);
			const data = await dataStrings(workspace, page);
			const account = workspace.accounts[0]!;
			const pages: [name: string, path: string][] = [
				['dashboard', '/'],
				['accounts', '/accounts'],
				['account', `/accounts/${encodeURIComponent(account.id)}`],
				['scorecards', '/scorecards'],
				['builder', `/scorecards/${workspace.scorecards[0]!.id}`],
				['plays', '/plays'],
				['play', `/plays/${workspace.plays[0]!.id}`],
				['templates', '/templates'],
				['template', '/templates/training-invitation.ja'],
				['outbox', '/outbox'],
				['tasks', '/tasks'],
				['mailbox', '/mailbox'],
				['backtest', '/backtest'],
				['data', '/data'],
				['usage', '/usage'],
				['settings', '/settings'],
				['people', '/people'],
				['deliveries', '/deliveries'],
				['audit', '/audit'],
				['sync', '/sync']
			];

			const leftInEnglish: string[] = [];
			for (const [name, path] of pages) {
				await page.goto(`${baseURL}${path}`);
				if (name === 'dashboard') await synced(page);
				// The scored pages, once scored: their tables are what a reader reads.
				if (name === 'dashboard' || name === 'accounts')
					await page.locator('main table').first().waitFor({ timeout: 60_000 });
				// The backtest once run: its panels hold most of its words.
				if (name === 'backtest')
					await page.locator('[data-run="done"]').waitFor({ timeout: 90_000 });
				await page.locator('main h1').first().waitFor();
				await page.waitForLoadState('networkidle');
				// The pages read the replica and score in a worker: give them a moment to settle.
				await page.waitForTimeout(1_500);
				expect(await page.locator('html').getAttribute('lang')).toBe('ja');
				await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
				for (const { text, where } of await visibleTexts(page))
					for (const run of englishIn(text, data))
						leftInEnglish.push(`${name} ${where}: “${run}” in “${text.slice(0, 120)}”`);
			}

			// A broken workspace file is refused with its problems in Japanese, each at its path.
			await page.goto(`${baseURL}/data`);
			const broken = structuredClone(workspace);
			broken.snapshots[0] = { ...broken.snapshots[0]!, date: '2026-02-30' };
			await page.locator('input[type="file"][accept^=".json"]').setInputFiles({
				name: 'broken.json',
				mimeType: 'application/json',
				buffer: Buffer.from(JSON.stringify(broken))
			});
			const problems = page.getByRole('table', { name: 'broken.jsonの問題' });
			await problems.getByText('存在しない日付です：「2026-02-30」').waitFor();
			for (const { text, where } of await visibleTexts(page))
				for (const run of englishIn(text, data))
					leftInEnglish.push(`data (broken file) ${where}: “${run}” in “${text.slice(0, 120)}”`);

			// The workspace's currency, set in Settings, is what every page shows ARR in.
			await page.goto(`${baseURL}/settings`);
			const currency = page.getByRole('combobox', { name: '通貨', exact: true });
			expect(await currency.inputValue()).toBe('JPY');
			await currency.selectOption('USD');
			await page.getByRole('button', { name: '通貨を保存' }).click();
			await page.getByText('保存しました。金額は米ドルで表示されます。').waitFor();
			await page.goto(`${baseURL}/`);
			await page.locator('main table').first().waitFor({ timeout: 60_000 });
			await expect.poll(() => page.locator('main').innerText()).toMatch(/\$\d/);
			expect(await page.locator('main').innerText()).not.toMatch(/￥/);

			// The owner invites a colleague in Japanese: the invitation is written in the owner's
			// language, and the colleague's invitation page and the sign-in page, opened in a
			// Japanese browser that is not signed in, are Japanese too.
			await page.goto(`${baseURL}/people`);
			const invite = page.locator('form', { has: page.locator('input[name="email"]') });
			await invite.locator('input[name="email"]').fill('kenta@team.example');
			await invite.locator('select[name="role"]').selectOption('ops');
			await invite.getByRole('button', { name: '招待を送信' }).click();
			await page.getByText(/kenta@team\.exampleへの招待をメールボックスに保存しました/).waitFor();
			const invitation = await page.evaluate(async () => {
				const { messages } = await (await fetch('/api/mailbox')).json();
				const message = messages.find((m: { to: string }) => m.to === 'kenta@team.example');
				return (await (await fetch(`/api/mailbox/${message.id}`)).json()) as {
					subject: string;
					text: string;
				};
			});
			expect(invitation.subject).toBe(
				`${OWNER.name}さんから Scorecraft にオペレーションとして招待されました`
			);
			const link = invitation.text.match(/https?:\/\/\S+\/invite\/[\w-]+/)![0];
			const stranger = await launchBrowser({ signedIn: false, locale: 'ja-JP' });
			try {
				const anonymous = await stranger.context.newPage();
				for (const [name, path] of [
					['invite', new URL(link).pathname],
					['signin', '/signin']
				] as const) {
					await anonymous.goto(`${baseURL}${path}`);
					await anonymous.locator('main h1').first().waitFor();
					expect(await anonymous.locator('html').getAttribute('lang')).toBe('ja');
					await anonymous.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
					for (const { text, where } of await visibleTexts(anonymous))
						for (const run of englishIn(text, data))
							leftInEnglish.push(`${name} ${where}: “${run}” in “${text.slice(0, 120)}”`);
				}
			} finally {
				await stranger.close();
			}
			expect([...new Set(leftInEnglish)]).toEqual([]);

			// The person switches to English in the header: the page changes at once, and the server
			// remembers it for every browser they sign in from.
			await page.goto(`${baseURL}/settings`);
			await page.getByRole('combobox', { name: '言語' }).first().selectOption('en');
			await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
			// Another browser of theirs, Japanese too, shows their choice.
			const other = await launchBrowser({ locale: 'ja-JP' });
			try {
				const elsewhere = await other.context.newPage();
				await elsewhere.goto(`${baseURL}/settings`);
				await elsewhere.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
				expect(await elsewhere.locator('html').getAttribute('lang')).toBe('en');
			} finally {
				await other.close();
			}
			expect(errors).toEqual([]);
		},
		JOURNEY_MS
	);
});
