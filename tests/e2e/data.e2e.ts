/**
 * The Data page's journey on a real IndexedDB, the owner's: CSV files checked in the page, then
 * imported by the server into the team's workspace and received by this browser's replica (one
 * with bad rows, cancelled, writes nothing), a CRM's outcomes read through its own words and found
 * in the backtest with its AUC's interval, survey answers rolled into the accounts' figures, the
 * imported accounts listed and scored, the team's workspace exported from the server, emptied and
 * the file imported back (with a scorecard of manual measures), everything still there after a
 * reload, and a spreadsheet of manual measure values imported last.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { parseWorkspace, type Workspace } from '$lib/engine';
import { manualScorecard } from '../support/manual-scorecard';
import { fixture } from '../support/workspace';
import { collectErrors, launchBrowser, synced, type Browser } from './browser';

const baseURL = inject('baseURL');
let browser: Browser;

beforeEach(async () => {
	browser = await launchBrowser();
});

afterEach(async () => {
	await browser?.close();
});

/** Waits until the store has scores for its current data (the header says so). */
async function scoresReady(page: Page): Promise<void> {
	await page.locator('header [role="status"][data-status="ready"]').waitFor({ timeout: 90_000 });
}

/** A status line the page announces (the same words may also head the step, for focus). */
function status(page: Page, text: string | RegExp) {
	return page.getByRole('status').filter({ hasText: text }).first();
}

/** Imports one CSV fixture through the page and returns the result line. */
async function importCsv(
	page: Page,
	kind: 'Accounts' | 'Contacts' | 'Snapshots' | 'Survey answers' | 'Manual entries',
	file: string
): Promise<string> {
	const another = page.getByRole('button', { name: 'Import another file' });
	if (await another.isVisible()) await another.click();
	await page.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
	await page.getByLabel('CSV file').setInputFiles(fixture(`csv/${file}`));
	await page.getByRole('heading', { name: 'Columns' }).waitFor();
	await page.getByRole('button', { name: 'Check all rows' }).click();
	await page.getByRole('heading', { name: 'Problems' }).waitFor();
	await page.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
	const done = status(page, new RegExp(`^Imported ${file.replace('.', '\\.')}:`));
	await done.waitFor({ timeout: 60_000 });
	return (await done.textContent())!;
}

/** Opens the accounts list and waits until it counts `expected` accounts (or any, without one). */
async function accountCount(page: Page, expected?: number): Promise<number> {
	await page.goto(`${baseURL}/accounts`);
	await scoresReady(page);
	const count = page.locator('p.count[data-count]');
	const read = async () => Number(await count.getAttribute('data-count'));
	await count.waitFor();
	if (expected !== undefined) await expect.poll(read, { timeout: 30_000 }).toBe(expected);
	return read();
}

/** How many outcomes the Backtest page says it backtested, once it has. */
async function backtestedOutcomes(page: Page): Promise<number> {
	await page.goto(`${baseURL}/backtest`);
	const ran = page.getByText(/^Backtested [\d,]+ outcomes?/);
	await ran.waitFor({ timeout: 60_000 });
	await page.getByText(/^95 % interval \d\.\d\d–\d\.\d\d$/).waitFor();
	return Number((await ran.textContent())!.match(/[\d,]+/)![0].replaceAll(',', ''));
}

describe('the Data page', () => {
	it('imports CSVs, refuses bad rows, exports and re-imports the workspace, and keeps it all after a reload', async () => {
		const page = await browser.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${baseURL}/data`);
		await scoresReady(page);
		const before = await accountCount(page);
		expect(before).toBeGreaterThan(1_000);

		await page.goto(`${baseURL}/data`);
		expect(await importCsv(page, 'Accounts', 'accounts.csv')).toMatch(
			/10 accounts added, 0 updated/
		);
		expect(await importCsv(page, 'Snapshots', 'snapshots-wide.csv')).toMatch(/12 snapshots added/);

		// A CRM's outcomes: its words read as outcomes, one the person maps, bad rows named.
		const outcomesBefore = await backtestedOutcomes(page);
		await page.goto(`${baseURL}/data`);
		await page.getByRole('radio', { name: /^Outcomes/ }).check();
		await page.getByLabel('CSV file').setInputFiles(fixture('csv/outcomes-crm.csv'));
		const words = page.getByRole('table', { name: /words of the outcome column/ });
		await words.waitFor();
		expect(await page.getByLabel('What Closed Lost means').inputValue()).toBe('churned');
		expect(await page.getByLabel('What Upsell means').inputValue()).toBe('expanded');
		expect(await page.getByLabel('What Won-ish means').inputValue()).toBe('');
		await page.getByLabel('What Won-ish means').selectOption('renewed');
		await page.screenshot({ path: 'test-results/outcome-words.png', fullPage: true });
		await page.getByRole('button', { name: 'Check all rows' }).click();
		const refused = page.getByRole('table', { name: /Rows with problems/ });
		await refused.waitFor();
		const refusedRows = await refused
			.locator('tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()))
			);
		expect(refusedRows.map((cells) => cells.slice(0, 2))).toEqual([
			['5', 'Account ID'],
			['6', 'Close Date'],
			['8', 'Close Date']
		]);
		expect(refusedRows[2]![3]).toMatch(/Dated after today/);
		await page.getByRole('button', { name: /^Import 4 rows$/ }).click();
		await status(page, /^Imported outcomes-crm\.csv: 4 outcomes added/).waitFor({
			timeout: 60_000
		});
		// The backtest reads them with the others.
		await expect.poll(() => backtestedOutcomes(page), { timeout: 60_000 }).toBe(outcomesBefore + 4);
		await page.goto(`${baseURL}/data`);

		// A survey tool's answers, for the people just imported: rolled into Acme's figures.
		expect(await importCsv(page, 'Contacts', 'contacts.csv')).toMatch(/contacts? added/);
		expect(await importCsv(page, 'Survey answers', 'survey-answers.csv')).toMatch(
			/: [1-9]\d* days of accounts’ survey figures added/
		);

		// A file with bad rows: each problem names its row and column, and only clean rows can go in.
		await page.getByRole('button', { name: 'Import another file' }).click();
		await page.getByRole('radio', { name: /^Snapshots/ }).check();
		await page.getByLabel('CSV file').setInputFiles(fixture('csv/snapshots-bad-rows.csv'));
		await page.getByRole('button', { name: 'Check all rows' }).click();
		const problems = page.getByRole('table', { name: /Rows with problems/ });
		await problems.waitFor();
		const rows = await problems
			.locator('tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()))
			);
		expect(rows.find((cells) => cells[0] === '3')?.[1]).toBe('date');
		expect(rows.find((cells) => cells[0] === '4')?.[1]).toBe('seats_active');
		expect(rows.find((cells) => cells[0] === '5')?.slice(1, 3)).toEqual(['account_id', 'nobody']);
		expect(rows.find((cells) => cells[0] === '5')?.[3]).toMatch(/No account has this id/);
		expect(rows.find((cells) => cells[0] === '7')?.[3]).toMatch(/Row 2 has the same key/);
		await page.getByRole('button', { name: 'Cancel' }).first().click();
		await status(page, 'Import cancelled. Nothing was written.').waitFor();

		// The imported accounts are listed, scored by their segment's scorecard, and have their page.
		await scoresReady(page);
		await accountCount(page, before + 10);
		await page.goto(`${baseURL}/accounts/acme`);
		await page.getByRole('heading', { name: 'Acme Ltd' }).waitFor();
		const breakdown = page.getByRole('table', { name: /adds up to the overall score/ });
		await breakdown.waitFor();
		// Seats from the accounts file, active seats from the snapshots file: the Scale scorecard's
		// seat penetration has both (acme's last row: 18 of 20 seats, so 95 points).
		const seats = breakdown.getByRole('row').filter({ hasText: 'Seat penetration' });
		expect(await seats.textContent()).toMatch(/0\.9\s*95/);

		// Export (the imports are on the server already), empty the workspace, import the file back.
		await page.goto(`${baseURL}/data`);
		await scoresReady(page);
		await synced(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^scorecraft-workspace-\d{4}-\d{2}-\d{2}\.json$/);
		const exportedPath = await download.path();
		const exported = JSON.parse(await readFile(exportedPath, 'utf8')) as Workspace;
		expect(parseWorkspace(exported).ok).toBe(true);
		expect(exported.accounts.find((account) => account.id === 'acme')).toMatchObject({
			name: 'Acme Ltd',
			arr: 12000
		});
		expect(
			exported.snapshots.filter((snapshot) => snapshot.account_id === 'acme').length
		).toBeGreaterThan(0);

		await page.getByRole('button', { name: 'Empty the workspace' }).click();
		await page
			.getByRole('alertdialog')
			.getByRole('button', { name: 'Empty the workspace' })
			.click();
		await status(page, 'The team’s workspace is empty.').waitFor({ timeout: 60_000 });
		await accountCount(page, 0);

		await page.goto(`${baseURL}/data`);
		// Restored with a scorecard of manual measures (the shipped ones have none), to import into.
		const restoredWorkspace = {
			...exported,
			scorecards: [...exported.scorecards, manualScorecard()]
		};
		const restoredPath = resolve('test-results', 'workspace-with-manual-measures.json');
		await writeFile(restoredPath, JSON.stringify(restoredWorkspace));
		await page.getByLabel('Import a workspace file').setInputFiles(restoredPath);
		const dialog = page.getByRole('alertdialog');
		await dialog.waitFor();
		expect(await dialog.textContent()).toContain(exported.accounts.length.toLocaleString('en-US'));
		const restoreStarted = Date.now();
		await dialog.getByRole('button', { name: 'Replace the workspace' }).click();
		// The server checks and writes ~100,000 records, then this browser loads them anew.
		await status(page, /^The workspace now holds the contents of/).waitFor({ timeout: 150_000 });
		const restored = Date.now() - restoreStarted;

		// Exported, replaced, exported again: the same data.
		await scoresReady(page);
		console.log('restore timings (ms):', { restored, scored: Date.now() - restoreStarted });
		const [again] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export' }).click()
		]);
		expect(JSON.parse(await readFile(await again.path(), 'utf8'))).toEqual(restoredWorkspace);

		// Real IndexedDB: a reload finds it all.
		await page.reload();
		await accountCount(page, before + 10);
		await page.goto(`${baseURL}/accounts/acme`);
		await page.getByRole('heading', { name: 'Acme Ltd' }).waitFor();
		await page.screenshot({ path: 'test-results/imported-account.png', fullPage: true });

		// A spreadsheet of manual measure values: each on its measure's scale, the others refused.
		await page.goto(`${baseURL}/data`);
		expect(await importCsv(page, 'Manual entries', 'manual-entries.csv')).toMatch(
			/: 3 entries added, 0 updated/
		);

		// The journeys after this one share the server: they get the workspace as exported.
		await page.getByLabel('Import a workspace file').setInputFiles(exportedPath);
		await page
			.getByRole('alertdialog')
			.getByRole('button', { name: 'Replace the workspace' })
			.click();
		await status(page, /^The workspace now holds the contents of/).waitFor({ timeout: 150_000 });
		await scoresReady(page);
		expect(errors).toEqual([]);
	}, 420_000);
});
