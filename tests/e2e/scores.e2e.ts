/**
 * The journeys of the score pages on a first start: the team's workspace (the sample the set-up
 * page generated on the server) pulled into a real, empty IndexedDB and scored in a worker, then
 * the dashboard, the accounts list and an account page read from it. The same engine in Node, on the same sample and date, says what they must show.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
	churnedBy,
	explainChange,
	scorePortfolio,
	scoreWorkspace,
	type Workspace
} from '$lib/engine';
import { addDays } from '$lib/engine/dates';
import { probabilityFits, probabilityFor } from '$lib/engine/backtest/probabilities';
import { formatPercent, formatScore } from '$lib/i18n/format';
import { collectErrors, launchBrowser, type Browser, teamWorkspace } from './browser';

const baseURL = inject('baseURL');
/** A first start generates, writes and scores the sample: give a busy machine time for it. */
const FIRST_START_TEST_MS = 120_000;
const HEALTH_BANDS = ['Red', 'Orange', 'Yellow', 'Green'];

let browser: Browser;
/** Figures measured along the way, written to test-results/ for the record. */
const timings: Record<string, number> = {};

// One fresh profile for the file: the first test meets an empty IndexedDB and watches the sample
// load as on a first visit; the others read the store it left (a first start costs half a minute).
beforeAll(async () => {
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await mkdir('test-results', { recursive: true });
	await writeFile('test-results/score-timings.json', `${JSON.stringify(timings, null, '\t')}\n`);
	console.log('score pages timings (ms):', timings);
});

/** Waits for the store to have scores (the header says "Scores as of …") and returns their date. */
async function scoresReady(page: Page): Promise<string> {
	const status = page.locator('header [role="status"][data-status="ready"]');
	await status.waitFor({ timeout: 60_000 });
	return (await status.getAttribute('data-as-of'))!;
}

/** The sample the team workspace holds, and the engine's view of it. */
async function expectedPortfolio(asOf: string) {
	const workspace = await teamWorkspace();
	const churned = churnedBy(workspace.outcomes, asOf);
	const scores = scoreWorkspace(workspace, asOf);
	const live = scores.filter((score) => !churned.has(score.account_id));
	const account = (id: string) => workspace.accounts.find((candidate) => candidate.id === id)!;
	return { workspace, churned, scores, live, account };
}

/** The text of every body cell of a table, row by row (row header first). */
function tableText(table: Locator): Promise<string[][]> {
	return table.evaluate((element: HTMLTableElement) =>
		[...element.tBodies]
			.flatMap((body) => [...body.rows])
			.filter((row) => !row.hasAttribute('aria-hidden'))
			.map((row) => [...row.cells].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()))
	);
}

/** Every chart's canvas: its drawn size, and whether anything at all was painted on it. */
function canvases(page: Page) {
	return page.locator('canvas').evaluateAll((elements) =>
		(elements as HTMLCanvasElement[]).map((canvas) => {
			const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
			let painted = 0;
			for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
			return { width: canvas.width, height: canvas.height, painted };
		})
	);
}

const count = (text: string) => Number(text.replaceAll(',', ''));

describe('score pages', () => {
	it(
		'shows the sample portfolio on the dashboard at the first start',
		async () => {
			const page = await browser.context.newPage();
			const errors = collectErrors(page);

			const response = await page.goto(baseURL);
			// The policy under which "no console errors" means the engine ran without eval.
			expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
			// The header says what happens while the replica loads the team's workspace (the sample the
			// set-up page asked for) from the server.
			await page.locator('header [data-phase]').first().waitFor();

			const asOf = await scoresReady(page);
			const bands = page.getByRole('table', { name: 'Accounts by health band' });
			await bands.waitFor();
			timings.firstStartToDashboard = await page.evaluate(() => performance.now());
			const status = page.locator('header [role="status"]');
			timings.workerStart = Number(await status.getAttribute('data-start-ms'));
			await page.locator('header [data-phase="live"]').waitFor();

			const { workspace, churned, live } = await expectedPortfolio(asOf);
			expect(churned.size).toBeGreaterThan(0);
			const total = workspace.accounts.length - churned.size;
			await page.getByText(`${churned.size} accounts that churned earlier are not shown`).waitFor();
			expect(Number(await page.locator('[data-accounts]').getAttribute('data-accounts'))).toBe(
				total
			);

			// The band counts add up to the live accounts, and each is the engine's.
			const counts = await bands
				.locator('tbody td[data-count]')
				.evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-count'))));
			expect(counts.reduce((sum, value) => sum + value, 0)).toBe(total);
			expect(Number(await bands.locator('tfoot td[data-count]').getAttribute('data-count'))).toBe(
				total
			);
			const shown = Object.fromEntries(
				(await tableText(bands)).map((cells) => [cells[0], count(cells[1]!)])
			);
			const byBand: Record<string, number> = {};
			for (const result of live) {
				const label = result.band ?? 'Unscored';
				byBand[label] = (byBand[label] ?? 0) + 1;
			}
			for (const [label, value] of Object.entries(byBand)) expect(shown[label], label).toBe(value);

			// Both charts drew something, at a real size.
			const drawn = await canvases(page);
			expect(drawn).toHaveLength(2);
			for (const canvas of drawn) {
				expect(canvas.width).toBeGreaterThan(100);
				expect(canvas.height).toBeGreaterThan(100);
				expect(canvas.painted).toBeGreaterThan(500);
			}

			// The lists below the charts, each account linked to its page.
			const rising = page.getByRole('table', { name: 'Rising' });
			expect(await rising.locator('tbody tr').count()).toBe(5);
			expect(await page.getByRole('table', { name: 'Falling' }).locator('tbody tr').count()).toBe(
				5
			);
			const atRisk = page.getByRole('table', { name: /Red or Orange band renewing soon/ });
			const risky = await tableText(atRisk);
			expect(risky.length).toBeGreaterThan(0);
			for (const row of risky) expect(['Red', 'Orange']).toContain(row[2]);
			const portfolio = scorePortfolio(workspace, asOf);
			const flagged = portfolio.changes.filter(
				(change, i) => change.anomaly && !churned.has(portfolio.scores[i]!.account_id)
			).length;
			const drops = await tableText(page.getByRole('table', { name: /fell 20 points or more/ }));
			expect(drops.length).toBe(Math.min(10, flagged));

			// The filters apply to everything below them.
			await page.getByLabel('Segment').selectOption('enterprise');
			const enterprise = live.filter(
				(score) =>
					workspace.accounts.find((a) => a.id === score.account_id)!.segment === 'enterprise'
			).length;
			await page.locator(`[data-accounts="${enterprise}"]`).waitFor();
			const scoped = await bands
				.locator('tbody td[data-count]')
				.evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-count'))));
			expect(scoped.reduce((sum, value) => sum + value, 0)).toBe(enterprise);
			await page.getByLabel('Segment').selectOption('');

			await mkdir('test-results', { recursive: true });
			await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
			expect(errors).toEqual([]);
		},
		FIRST_START_TEST_MS
	);

	it(
		'lists the accounts in a virtualised table that sorts and links to each account',
		async () => {
			const page = await browser.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${baseURL}/accounts`);
			const asOf = await scoresReady(page);
			const { workspace, churned, live, account } = await expectedPortfolio(asOf);
			const total = workspace.accounts.length - churned.size;

			const table = page.getByRole('table', { name: 'Account health scores' });
			await table.locator('tbody tr[aria-rowindex]').first().waitFor();
			expect(Number(await table.getAttribute('aria-rowcount'))).toBe(total + 1);
			await page.getByText(`${total.toLocaleString('en')} accounts`, { exact: true }).waitFor();
			const columns = (await table.locator('thead th').allTextContents()).map((text) =>
				text.replace(/[▲▼]/g, '').trim()
			);
			const [score, band, change] = ['Score', 'Band', 'Change (30 days)'].map((name) =>
				columns.indexOf(name)
			) as [number, number, number];

			// Only the rows in view are in the document, lowest score first.
			const first = await tableText(table);
			expect(first.length).toBeGreaterThan(10);
			expect(first.length).toBeLessThan(80);
			const scores = first.map((row) => Number(row[score]));
			expect(scores).toEqual([...scores].sort((a, b) => a - b));
			expect(first.every((row) => HEALTH_BANDS.includes(row[band]!))).toBe(true);
			const lowest = Math.min(...live.filter((s) => s.overall !== null).map((s) => s.overall!));
			expect(scores[0]).toBe(Number(formatScore(lowest)));

			// Scrolling renders rows further down, in their places.
			await page.getByTestId('accounts-viewport').evaluate((viewport) => {
				viewport.scrollTop = 1000 * 33;
			});
			await page.waitForFunction(
				() =>
					Number(document.querySelector('table[data-first-row]')?.getAttribute('data-first-row')) >
					900
			);
			const indexes = await table
				.locator('tbody tr[aria-rowindex]')
				.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))));
			expect(indexes.length).toBeLessThan(80);
			expect(indexes[0]).toBeGreaterThan(900);

			// Sorting by score, highest first, then by change, biggest fall first.
			const sortBy = async (name: string) => {
				const started = await page.evaluate(() => performance.now());
				await table.getByRole('columnheader', { name, exact: true }).getByRole('button').click();
				return started;
			};
			await sortBy('Score');
			await page
				.getByRole('columnheader', { name: 'Score', exact: true })
				.and(page.locator('[aria-sort="descending"]'))
				.waitFor();
			const highest = (await tableText(table)).map((row) => Number(row[score]));
			expect(highest).toEqual([...highest].sort((a, b) => b - a));
			const top = Math.max(...live.filter((s) => s.overall !== null).map((s) => s.overall!));
			expect(highest[0]).toBe(Number(formatScore(top)));

			await sortBy('Change (30 days)');
			await page.locator('th[aria-sort="ascending"]', { hasText: 'Change' }).waitFor();
			const changes = (await tableText(table))
				.map((row) => row[change]!)
				.filter((text) => text !== '—')
				.map(Number);
			// Sorted by the exact change; each shown change (of the rounded scores) is within 1 of it.
			for (let i = 1; i < changes.length; i++)
				expect(changes[i]!).toBeGreaterThanOrEqual(changes[i - 1]! - 1);
			expect(changes[0]).toBeLessThan(0);

			await page.screenshot({ path: 'test-results/accounts.png' });

			// Search finds an account by name; its score and band are the engine's.
			const nameCount = new Map<string, number>();
			for (const a of workspace.accounts) nameCount.set(a.name, (nameCount.get(a.name) ?? 0) + 1);
			const known = live.find(
				(s) =>
					nameCount.get(account(s.account_id).name) === 1 && s.overall !== null && s.overall > 50
			)!;
			await page.getByLabel('Search by name').fill(account(known.account_id).name);
			await page.getByText(/^1 of [\d,]+ accounts$/).waitFor();
			const [found] = await tableText(table);
			expect(found![0]).toBe(account(known.account_id).name);
			expect(found![score]).toBe(formatScore(known.overall!));
			expect(found![band]).toBe(known.band);

			await table.getByRole('link', { name: account(known.account_id).name }).click();
			await page.waitForURL(`${baseURL}/accounts/${known.account_id}`);
			await page.getByRole('heading', { level: 1, name: account(known.account_id).name }).waitFor();
			expect(errors).toEqual([]);
		},
		FIRST_START_TEST_MS
	);

	it(
		'explains an account: breakdown, group trend, why the score moved, facts and people',
		async () => {
			const page = await browser.context.newPage();
			const errors = collectErrors(page);
			await page.goto(baseURL);
			const asOf = await scoresReady(page);
			const { workspace, churned, scores, account } = await expectedPortfolio(asOf);

			// An enterprise account with a measure missing today and a score that moved over 30 days.
			const before = scoreWorkspace(workspace, addDays(asOf, -30));
			const index = scores.findIndex(
				(score, i) =>
					score.scorecard_id === 'enterprise-dream' &&
					score.missing.length > 0 &&
					score.overall !== null &&
					before[i]!.overall !== null &&
					Math.abs(score.overall - before[i]!.overall!) >= 3 &&
					!churned.has(score.account_id)
			);
			expect(index).toBeGreaterThanOrEqual(0);
			const expected = scores[index]!;
			const { name } = account(expected.account_id);

			await page.goto(`${baseURL}/accounts/${expected.account_id}`);
			await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 60_000 });
			// Its probability of churn, from its scorecard calibrated on the outcomes up to the date.
			const fits = probabilityFits({
				...workspace,
				outcomes: workspace.outcomes.filter((outcome) => outcome.date <= asOf)
			});
			expect(fits['enterprise-dream']!.ok).toBe(true);
			const probability = probabilityFor(fits['enterprise-dream'], expected.overall)!;
			await page
				.getByText(`${formatPercent(probability.p)} likely to churn in the next 90 days`)
				.waitFor();
			expect(await page.locator('[data-overall]').getAttribute('data-overall')).toBe(
				String(expected.overall)
			);

			// The breakdown: every group of the scorecard, the missing measures marked "No data".
			const breakdown = page.getByRole('table', { name: /adds up to the overall score/ });
			const card = workspace.scorecards.find((c) => c.id === expected.scorecard_id)!;
			const groupRows = await breakdown
				.locator('tbody tr.group th')
				.evaluateAll((cells) => cells.map((cell) => cell.textContent!.trim()));
			expect(groupRows).toEqual(card.groups.map((group) => group.name));
			for (const id of expected.missing) {
				await expect
					.poll(() => breakdown.locator(`tr[data-measure="${id}"]`).textContent())
					.toContain('No data');
			}
			const overallRow = await breakdown.locator('tfoot tr').textContent();
			expect(overallRow).toContain(formatScore(expected.overall!));

			// The group trend chart drew.
			const [trend] = await canvases(page);
			expect(trend!.width).toBeGreaterThan(100);
			expect(trend!.painted).toBeGreaterThan(500);

			// Why it moved over the default 30 days: the engine's moves on the same account.
			const one: Workspace = {
				...workspace,
				accounts: [account(expected.account_id)],
				contacts: workspace.contacts.filter((c) => c.account_id === expected.account_id),
				snapshots: workspace.snapshots.filter((s) => s.account_id === expected.account_id),
				outcomes: []
			};
			const [then] = scoreWorkspace(one, addDays(asOf, -30));
			const [now] = scoreWorkspace(one, asOf);
			const moves = explainChange(then!, now!);
			expect(moves.length).toBeGreaterThan(0);
			const moved = page.getByRole('table', { name: /moved the score between/ });
			const rows = await tableText(moved);
			expect(rows).toHaveLength(moves.length);
			const measureName = (id: string) =>
				card.groups.flatMap((group) => group.measures).find((measure) => measure.id === id)!.name;
			expect(rows[0]![0]).toContain(measureName(moves[0]!.measure_id));
			await page
				.getByText(`Overall ${formatScore(then!.overall!)} → ${formatScore(now!.overall!)}`)
				.waitFor();

			// Another pair of dates explains another change.
			await page.getByLabel('From').fill(addDays(asOf, -180));
			const [longAgo] = scoreWorkspace(one, addDays(asOf, -180));
			await page
				.getByText(`Overall ${formatScore(longAgo!.overall!)} → ${formatScore(now!.overall!)}`)
				.waitFor();

			// The facts the scorecard read, and the people.
			await page.getByRole('heading', { name: 'Latest facts' }).waitFor();
			expect(await page.locator('dl dt', { hasText: /^segment$/ }).count()).toBe(1);
			const contacts = await tableText(page.getByRole('table', { name: /contacts/ }));
			expect(contacts).toHaveLength(one.contacts.length);

			await page.getByLabel('From').fill(addDays(asOf, -30));
			await page.screenshot({ path: 'test-results/account.png', fullPage: true });

			// An id nobody has: a plain message, not a crash.
			await page.goto(`${baseURL}/accounts/no-such-account`);
			await page.getByText('No account with id “no-such-account”.', { exact: false }).waitFor();
			expect(errors).toEqual([]);
		},
		FIRST_START_TEST_MS
	);
});
