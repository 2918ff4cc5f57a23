/**
 * The Backtest journey on a first start: the sample loaded into a fresh IndexedDB, the backtest
 * run in its worker, the threshold moved, a suggestion saved to a draft and found in the builder.
 * The same engine in Node, on the same sample and date, says what the page must show.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { backtestWorkspace, confusionAt, discoverScorecard } from '$lib/engine/backtest';
import { DATABASE_NAME } from '$lib/db';
import { formatBrier, formatRatio } from '../../src/routes/backtest/figures';
import { collectErrors, launchBrowser, type Browser, teamWorkspace } from './browser';

const baseURL = inject('baseURL');
/** A first start generates, writes and scores the sample, then backtests it. */
const JOURNEY_MS = 180_000;

let browser: Browser;

beforeEach(async () => {
	browser = await launchBrowser();
});

afterEach(async () => {
	await browser?.close();
});

/** The matrix's four cells as the page shows them. */
async function matrix(page: Page): Promise<Record<string, number>> {
	const cells = await page
		.locator('table.matrix td[data-cell]')
		.evaluateAll((tds) =>
			tds.map((td) => [td.getAttribute('data-cell')!, Number(td.textContent!.replaceAll(',', ''))])
		);
	return Object.fromEntries(cells);
}

/** The drafts in the browser's IndexedDB, read directly: what the builder will open. */
function storedDrafts(page: Page) {
	return page.evaluate(
		(name) =>
			new Promise<
				{
					scorecard_id: string;
					origin?: string;
					scorecard: { status?: string; groups: { id: string; weight?: number }[] };
				}[]
			>((resolve, reject) => {
				const request = indexedDB.open(name);
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const read = request.result
						.transaction('scorecardDrafts')
						.objectStore('scorecardDrafts')
						.getAll();
					read.onsuccess = () => resolve(read.result);
					read.onerror = () => reject(read.error);
				};
			}),
		DATABASE_NAME
	);
}

describe('backtest page', () => {
	it(
		'backtests the sample, moves the threshold, saves suggestions to a draft the builder opens',
		async () => {
			const page = await browser.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${baseURL}/backtest`);
			const status = page.locator('header [role="status"][data-status="ready"]');
			await status.waitFor({ timeout: 90_000 });
			await page.locator('[data-run="done"]').waitFor({ timeout: 90_000 });

			// The engine's view of the sample the server holds: the page opens on the first scorecard at 90 days.
			const report = backtestWorkspace(await teamWorkspace());
			const scale = report.results.find((r) => r.scorecardId === 'scale' && r.horizon === 90)!;
			await expect
				.poll(() => page.locator('dl.summary').getAttribute('data-auc'))
				.toBe(String(scale.auc));
			await page.getByText(formatRatio(scale.auc), { exact: true }).first().waitFor();
			const { low, high } = scale.aucInterval!;
			await page
				.getByText(`95 % interval ${formatRatio(low)}–${formatRatio(high)}`, { exact: true })
				.waitFor();

			// At the Red/Orange boundary, then ten points higher with the keyboard.
			const overall = scale.points.map((point) => point.overall);
			const churned = scale.points.map((point) => point.churned);
			expect(await matrix(page)).toEqual(confusionAt(overall, churned, 40));
			const thumb = page.getByRole('slider', { name: 'Threshold' });
			await thumb.focus();
			for (let i = 0; i < 10; i++) await thumb.press('ArrowRight');
			await page.locator('table.matrix[data-threshold="50"]').waitFor();
			const at50 = confusionAt(overall, churned, 50);
			expect(at50).not.toEqual(confusionAt(overall, churned, 40));
			expect(await matrix(page)).toEqual(at50);
			expect(await page.getByText('Flagged (below 50)').count()).toBe(1);

			// A scorecard and horizon whose weights the backtest would change.
			const target = report.results.find((r) => r.weights.ok && r.weights.changed)!;
			expect(target, 'a weights suggestion that changes something').toBeDefined();
			if (!target.weights.ok) return;
			await page.getByLabel('Scorecard', { exact: true }).selectOption(target.scorecardId);
			await page.getByLabel(`${target.horizon} days`).check();
			await page.locator(`dl.summary[data-auc="${target.auc}"]`).waitFor({ timeout: 10_000 });
			await page.getByRole('button', { name: 'Apply to draft' }).click();
			const saved = page.locator(`[role="status"][data-draft="${target.scorecardId}"]`);
			await saved.getByText(/proposed weights are in the draft/).waitFor();
			const groupIds = target.weights.groups.map((group) => group.id).join(' ');
			await saved.locator(`[data-groups="${groupIds}"]`).waitFor();
			for (const group of target.weights.groups)
				await saved.getByText(`${group.name} ${group.weight}%`, { exact: false }).waitFor();
			const drafts = await storedDrafts(page);
			const draft = drafts.find((d) => d.scorecard_id === target.scorecardId)!;
			expect(draft.origin).toBe('backtest');
			expect(draft.scorecard.status).toBe('draft');
			expect(draft.scorecard.groups.map((group) => group.weight)).toEqual(
				target.weights.groups.map((group) => group.weight)
			);

			// The best unmeasured fact, added to the same draft as a group of its own.
			const fact = target.unmeasured[0]!;
			await page.getByRole('button', { name: `Add ${fact.fact} to the draft` }).click();
			await saved.getByText(`“${fact.fact}” is in the draft`).waitFor();
			await saved.locator(`[data-groups="${groupIds} ${fact.measure.id}"]`).waitFor();

			await mkdir('test-results', { recursive: true });
			await page.screenshot({ path: 'test-results/backtest.png', fullPage: true });

			// The builder opens the draft.
			await saved.getByRole('link', { name: /Open the draft in the builder/ }).click();
			await page.waitForURL(`${baseURL}/scorecards/${target.scorecardId}`);
			await page.locator('[data-status="draft"]').waitFor({ timeout: 30_000 });
			expect(errors).toEqual([]);
		},
		JOURNEY_MS
	);
	it(
		'calibrates a scorecard, discovers a better one and opens it as a draft in the builder',
		async () => {
			const page = await browser.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${baseURL}/backtest`);
			await page.locator('[data-run="done"]').waitFor({ timeout: 150_000 });
			const workspace = await teamWorkspace();
			await page.getByLabel('Scorecard', { exact: true }).selectOption('scale');
			await page.getByLabel('90 days').check();

			// The calibration the engine fits on the same split, beside the benchmark to beat.
			const expected = backtestWorkspace(workspace, {
				horizons: [90],
				calibration: true
			}).results.find((result) => result.scorecardId === 'scale')!.calibration!;
			expect(expected.ok).toBe(true);
			if (!expected.ok) return;
			await page.locator('[data-calibration="done"]').waitFor({ timeout: 60_000 });
			const figures = page.getByRole('table', {
				name: 'Brier score and AUC on the held-out outcomes'
			});
			const row = (name: string) => figures.getByRole('row', { name: new RegExp(`^${name}`) });
			await row('This scorecard, calibrated').getByText(formatBrier(expected.brier)).waitFor();
			await row('Baseline: logistic regression')
				.getByText(formatBrier(expected.baseline.ok ? expected.baseline.brier : null))
				.waitFor();

			// Expansion as the target: the same page, worded for it, with its own figures.
			await page.getByRole('radio', { name: 'Expansion' }).check();
			await page.getByRole('heading', { name: 'Expansion by band' }).waitFor({ timeout: 60_000 });
			const expansion = backtestWorkspace(workspace, {
				horizons: [90],
				target: 'expansion'
			}).results.find((result) => result.scorecardId === 'scale')!;
			await page.locator(`dl.summary[data-auc="${expansion.auc}"]`).waitFor({ timeout: 60_000 });
			expect(await page.getByRole('heading', { name: 'Churn by band' }).count()).toBe(0);
			await page.screenshot({ path: 'test-results/backtest-expansion.png', fullPage: true });
			await page.getByRole('radio', { name: 'Churn' }).check();
			await page.getByRole('heading', { name: 'Churn by band' }).waitFor({ timeout: 60_000 });

			// Discovery: its path as the engine takes it, and the result saved as a new draft.
			const discovery = discoverScorecard(workspace, { scorecardId: 'scale', horizon: 90 });
			expect(discovery.ok).toBe(true);
			if (!discovery.ok) return;
			expect(discovery.heldOut.after!).toBeGreaterThan(discovery.heldOut.before!);
			await page.getByRole('button', { name: 'Discover measures' }).click();
			const steps = page.getByRole('table', { name: 'The steps of the discovery' });
			await steps.waitFor({ timeout: 120_000 });
			expect(await steps.locator('tbody tr').count()).toBe(discovery.steps.length);
			await page.getByRole('button', { name: 'Open as draft in the builder' }).click();
			await page.getByRole('link', { name: /Open the draft in the builder/ }).click();
			await page.waitForURL(`${baseURL}/scorecards/${discovery.scorecard.id}`);
			await page.locator('[data-status="draft"]').waitFor({ timeout: 30_000 });
			await mkdir('test-results', { recursive: true });
			await page.screenshot({ path: 'test-results/discovered-draft.png', fullPage: true });
			expect(errors).toEqual([]);
		},
		JOURNEY_MS
	);
});
