/** The journey of the first pages: the sample portfolio, scored in the browser, listed and counted. */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { churnedBy, scoreWorkspace } from '$lib/engine';
import { generateSample } from '$lib/engine/sample';
import { formatScore } from '$lib/i18n/format';
import { collectErrors, launchBrowser, type Browser } from './browser';

const baseURL = inject('baseURL');
const HEALTH_BANDS = ['Red', 'Orange', 'Yellow', 'Green'];

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
});

/** The text of every body cell of a table, row by row (row header first). */
function tableText(table: import('playwright-core').Locator): Promise<string[][]> {
	return table.evaluate((element: HTMLTableElement) =>
		[...element.tBodies[0]!.rows].map((row) =>
			[...row.cells].map((cell) => cell.textContent!.trim())
		)
	);
}

describe('scores', () => {
	it('lists the sample accounts lowest first, and the dashboard counts every account once', async () => {
		const page = await browser.context.newPage();
		const errors = collectErrors(page);

		const response = await page.goto(`${baseURL}/accounts`);
		// The policy under which "no console errors" means the engine ran without eval.
		expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

		const summary = page.getByText(/^Showing 1–100 of [\d,]+ accounts$/);
		await summary.waitFor({ timeout: 30_000 });
		const total = Number(
			(await summary.textContent())!.match(/of ([\d,]+) accounts/)![1]!.replaceAll(',', '')
		);
		expect(total).toBeGreaterThanOrEqual(1_000);

		const table = page.getByRole('table', { name: 'Account health scores' });
		const columns = await table.locator('thead th').allTextContents();
		const col = (name: string) =>
			columns.findIndex((text) => text.replace(/[▲▼]/g, '').trim() === name);
		const [score, band] = [col('Score'), col('Band')];
		expect(
			await table
				.getByRole('columnheader', { name: 'Score', exact: true })
				.getAttribute('aria-sort')
		).toBe('ascending');

		const firstPage = await tableText(table);
		expect(firstPage).toHaveLength(100);
		const scores = firstPage.map((row) => Number(row[score]));
		expect(scores.every((value) => Number.isInteger(value) && value >= 0 && value <= 100)).toBe(
			true
		);
		expect(scores).toEqual([...scores].sort((a, b) => a - b));
		expect(firstPage.every((row) => HEALTH_BANDS.includes(row[band]!))).toBe(true);

		await mkdir('test-results', { recursive: true });
		await page.screenshot({ path: 'test-results/accounts.png' });

		// The same engine in Node, on the same sample and date, says what the page must show.
		const asOf = (await page.locator('[data-as-of]').getAttribute('data-as-of'))!;
		const workspace = generateSample({ seed: 1, end: asOf });
		// Accounts that churned before the as-of date are history, not the portfolio.
		const churned = churnedBy(workspace.outcomes, asOf);
		expect(churned.size).toBeGreaterThan(0);
		const expected = scoreWorkspace(workspace, asOf).filter(
			(result) => !churned.has(result.account_id)
		);
		expect(total).toBe(workspace.accounts.length - churned.size);
		await page.getByText(`${churned.size} accounts that churned earlier are not shown`).waitFor();

		const nameCount = new Map<string, number>();
		for (const account of workspace.accounts)
			nameCount.set(account.name, (nameCount.get(account.name) ?? 0) + 1);
		const knownScore = expected.find((result) => {
			const account = workspace.accounts.find((candidate) => candidate.id === result.account_id)!;
			return nameCount.get(account.name) === 1 && result.overall !== null && result.overall > 50;
		})!;
		const known = workspace.accounts.find((account) => account.id === knownScore.account_id)!;

		await page.getByLabel('Filter by name').fill(known.name);
		await page.getByText(/^Showing 1–\d+ of \d+ accounts matching/).waitFor();
		const row = table
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: known.name, exact: true }) });
		const cells = await row.locator('th, td').allTextContents();
		expect(cells[score]!.trim()).toBe(formatScore(knownScore.overall!));
		expect(cells[band]!.trim()).toBe(knownScore.band);

		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Dashboard' })
			.click();
		await page.waitForURL(`${baseURL}/`);
		expect(
			await page
				.getByRole('navigation', { name: 'Main' })
				.getByRole('link', { name: 'Dashboard' })
				.getAttribute('aria-current')
		).toBe('page');

		const bands = page.getByRole('table', { name: 'Accounts by health band' });
		await bands.waitFor();
		const counts = await bands
			.locator('tbody td[data-count]')
			.evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-count'))));
		const footer = Number(await bands.locator('tfoot td[data-count]').getAttribute('data-count'));
		expect(counts.reduce((sum, count) => sum + count, 0)).toBe(total);
		expect(footer).toBe(total);

		const shown = Object.fromEntries(
			(await tableText(bands)).map((cells) => [cells[0], Number(cells[1]!.replaceAll(',', ''))])
		);
		const byBand: Record<string, number> = {};
		for (const result of expected) {
			const label = result.band ?? 'Unscored';
			byBand[label] = (byBand[label] ?? 0) + 1;
		}
		for (const [label, count] of Object.entries(byBand)) expect(shown[label], label).toBe(count);

		await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
		expect(errors).toEqual([]);
	});
});
