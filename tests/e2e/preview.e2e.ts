/**
 * The builder's live preview on a big store, in Chromium, on the production build: a workspace of
 * about 10,000 live accounts whose Scale scorecard applies to every one of them is imported through
 * the Data page; then a threshold is edited in the measure editor, one edit at a time and then in
 * bursts as a drag would make them, and after each the page must show the preview of that edit: as
 * many accounts moving band as the engine in Node finds on the same workspace. How long that takes
 * is a figure, not a test: `npm run bench:preview` prints it (bench/preview-browser.bench.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Scorecard, Workspace } from '$lib/engine';
import { generateSample } from '$lib/engine/sample';
import { PreviewModel } from '$lib/state/preview/preview';
import { todayUtc } from '$lib/state/today';
import { editAndTime } from '../support/preview-edit';
import { collectErrors, launchBrowser, type Browser } from './browser';

const baseURL = inject('baseURL');
/** About 12 % of the sample has churned by its end: 11,500 accounts leave about 10,100 live. */
const ACCOUNTS = 11_500;

let browser: Browser;

beforeEach(async () => {
	browser = await launchBrowser();
});

afterEach(async () => {
	await browser?.close();
});

async function scoresReady(page: Page): Promise<void> {
	await page.locator('header [role="status"][data-status="ready"]').waitFor({ timeout: 240_000 });
}

/** The sample, two weeks of it (the preview reads the latest snapshot), Scale applying to all. */
function bigWorkspace(today: string): Workspace {
	const workspace = generateSample({ accounts: ACCOUNTS, weeks: 2, end: today });
	const scale = workspace.scorecards.find((card) => card.id === 'scale')!;
	delete scale.applies_to;
	return workspace;
}

/** The Scale scorecard with its first seat-penetration threshold at `threshold`. */
function withThreshold(card: Scorecard, threshold: number): Scorecard {
	const copy = structuredClone(card);
	const scoring = copy.groups[0]!.measures[0]!.scoring;
	if (scoring.type !== 'steps') throw new Error('expected steps');
	scoring.steps[0]!.min = threshold;
	return copy;
}

describe('the live preview', () => {
	it('previews 10,000 matching accounts as each edit lands and coalesces bursts', async () => {
		const page = await browser.context.newPage();
		const errors = collectErrors(page);
		await page.goto(`${baseURL}/data`);
		await scoresReady(page);
		const today = todayUtc();
		const workspace = bigWorkspace(today);
		const folder = await mkdtemp(join(tmpdir(), 'scorecraft-preview-'));
		const file = join(folder, 'big-workspace.json');
		await writeFile(file, JSON.stringify(workspace));
		try {
			await page.getByLabel('Import a workspace file').setInputFiles(file);
			await page
				.getByRole('alertdialog')
				.getByRole('button', { name: 'Replace the workspace' })
				.click();
			await page
				.getByRole('status')
				.filter({ hasText: /^The workspace now holds the contents of/ })
				.first()
				.waitFor({ timeout: 180_000 });
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
		await scoresReady(page);

		// The engine in Node on the same data: how many accounts match, and move band per edit.
		const model = new PreviewModel(workspace, today);
		const published = workspace.scorecards.find((card) => card.id === 'scale')!;
		const expected = (threshold: number) => {
			const outcome = model.preview(withThreshold(published, threshold), published);
			if (!outcome.ok) throw new Error(JSON.stringify(outcome));
			return outcome.result;
		};
		const matching = expected(0.8).matching;
		expect(matching).toBeGreaterThanOrEqual(10_000);

		// The builder: the first preview reads the store and builds every account's facts.
		await page.goto(`${baseURL}/scorecards/scale`);
		await page
			.locator(`.preview-panel [data-matching="${matching}"]`)
			.waitFor({ timeout: 120_000 });
		await page.locator('.preview-panel[data-busy="false"]').waitFor();

		await page.getByRole('button', { name: /Edit Seat penetration/ }).click();
		const threshold = page.getByRole('spinbutton', { name: 'Threshold of step 1' });
		await threshold.focus();
		const moved = async () =>
			Number(await page.locator('.preview-panel .summary').getAttribute('data-moved'));

		// One edit at a time, as typing or the arrow keys make them: each one's own preview shows.
		for (const value of [0.75, 0.7, 0.65, 0.85, 0.9, 0.62, 0.78, 0.5, 0.95, 0.8]) {
			await editAndTime(page, String(value));
			expect(await moved()).toBe(expected(value).changes!.moved);
		}

		// Edits in a row, as dragging makes them: one per animation frame, then ten at once (each
		// flushed to the page before the next). The worker computes one preview at a time and keeps
		// only the latest waiting, so it settles on the last edit either way.
		const burst = (pace: 'frame' | 'flood') =>
			page.evaluate(async (pace) => {
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
				await new Promise<void>((resolve) => {
					const check = () =>
						panel.dataset.busy === 'false' ? resolve() : requestAnimationFrame(check);
					check();
				});
				return Number(panel.dataset.answers) - answersBefore;
			}, pace);
		await editAndTime(page, '0.5');
		await burst('frame');
		expect(await moved()).toBe(expected(0.8).changes!.moved);
		await editAndTime(page, '0.5');
		const flooded = await burst('flood');
		expect(await moved()).toBe(expected(0.8).changes!.moved);
		// Ten edits at once: the first computed, the others replaced by the latest while it ran.
		expect(flooded).toBeLessThanOrEqual(3);
		expect(errors).toEqual([]);
	}, 600_000);
});
