/**
 * The scorecard builder's journey on a first start: a new, empty scorecard for the Scale segment
 * built by dragging measures from the palette (with the mouse, and once with the keyboard alone),
 * weighed, banded and given its segment and priority; undo and redo with the keyboard; published;
 * then the dashboard and an account page score with it, as the engine in Node says they must.
 */
import { mkdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { churnedBy, scoreWorkspace, type Scorecard } from '$lib/engine';
import { formatScore } from '$lib/i18n/format';
import { openDuckDb } from '../../src/cli/sql/engines';
import { loadWorkspace } from '../../src/cli/sql/load';
import { collectErrors, launchBrowser, type Browser, teamWorkspace } from './browser';
import {
	dragWithMouse,
	measuresIn,
	previewCount,
	scoresReady,
	tableText,
	zone
} from './builder-page';

const baseURL = inject('baseURL');
/** A first start generates and scores the sample, and publishing scores it again. */
const JOURNEY_MS = 360_000;

let browser: Browser;

beforeEach(async () => {
	browser = await launchBrowser();
});

afterEach(async () => {
	await browser?.close();
});

describe('scorecard builder', () => {
	it(
		'builds the Scale scorecard from empty by drag and drop, publishes it, and the pages score with it',
		async () => {
			const page = await browser.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${baseURL}/scorecards`);
			const asOf = await scoresReady(page);
			await mkdir('test-results', { recursive: true });
			// The sample the team workspace holds, as the engine in Node has it.
			const workspace = await teamWorkspace();
			const churned = churnedBy(workspace.outcomes, asOf);
			const liveScale = workspace.accounts.filter(
				(account) => account.segment === 'scale' && !churned.has(account.id)
			).length;

			// The list shows the shipped scorecards in the order they are tried.
			const list = page.getByRole('table', { name: 'Scorecards in the order they are tried' });
			expect((await tableText(list)).map((row) => row[1])).toEqual([
				'Scale segment',
				'Enterprise (DREAM)',
				'Mid-market (three dimensions)'
			]);

			// A new, empty scorecard.
			await page.getByLabel('Name', { exact: true }).fill('Scale (built)');
			await page.getByLabel('Start from').selectOption('empty');
			await page.getByRole('button', { name: 'Create and edit' }).click();
			await page.waitForURL(`${baseURL}/scorecards/scale_built`);
			await page.getByRole('heading', { level: 1, name: 'Scale (built)' }).waitFor();
			await page.getByText('New, not published yet').waitFor();

			// Two groups, half each.
			await page.getByLabel('Name of group 1').fill('Deployment');
			await page.getByRole('button', { name: 'Add group' }).click();
			await page.getByLabel('Name of group 2').fill('Adoption');
			for (const group of ['Deployment', 'Adoption']) {
				const weight = page.getByRole('spinbutton', { name: `Weight of ${group}` });
				await weight.fill('50');
				await weight.press('Tab');
			}
			await page
				.getByText('Shares of the overall score: Deployment 50 % · Adoption 50 %')
				.waitFor();

			// Seat penetration into Deployment, with the mouse.
			const seats = page.locator('[data-palette="seat_penetration"]');
			await dragWithMouse(
				page,
				seats,
				zone(page, 'Deployment'),
				zone(page, 'Deployment').locator('[data-measure="seat_penetration"]')
			);
			await expect.poll(() => measuresIn(page, 'Deployment')).toEqual(['seat_penetration']);
			// The palette keeps its measure for another drag (once the dropped copy has landed).
			await expect.poll(() => seats.count()).toBe(1);

			// Active days into Adoption, with the keyboard alone: Enter picks it up, Tab carries it
			// from group to group, Enter drops it; a screen reader hears each step.
			const activeDays = page.locator('[data-palette="active_days"]');
			await activeDays.focus();
			await page.keyboard.press('Enter');
			const alert = page.locator('#dnd-action-aria-alert');
			await expect
				.poll(() => alert.textContent())
				.toContain('Picked up Active days in the last 30');
			for (let tab = 0; tab < 4; tab++) {
				if ((await measuresIn(page, 'Adoption')).includes('active_days')) break;
				await page.keyboard.press('Tab');
			}
			await page.keyboard.press('Enter');
			await expect
				.poll(() => alert.textContent())
				.toBe('Active days in the last 30 dropped in Measures of Adoption, place 1 of 1');
			await expect.poll(() => measuresIn(page, 'Adoption')).toEqual(['active_days']);
			expect(await measuresIn(page, 'Deployment')).toEqual(['seat_penetration']);

			// A measure moved between groups with the mouse, then Ctrl+Z puts it back, and
			// Ctrl+Shift+Z does it again, and Ctrl+Z undoes it for good.
			await dragWithMouse(
				page,
				zone(page, 'Adoption').locator('[data-measure="active_days"]'),
				zone(page, 'Deployment'),
				zone(page, 'Deployment').locator('[data-measure="active_days"]')
			);
			await expect.poll(() => measuresIn(page, 'Adoption')).toEqual([]);
			await page.locator('body').click({ position: { x: 5, y: 300 } });
			await page.keyboard.press('Control+z');
			await expect.poll(() => measuresIn(page, 'Adoption')).toEqual(['active_days']);
			expect(await measuresIn(page, 'Deployment')).toEqual(['seat_penetration']);
			await page.keyboard.press('Control+Shift+z');
			await expect.poll(() => measuresIn(page, 'Adoption')).toEqual([]);
			await page.keyboard.press('Control+z');
			await expect.poll(() => measuresIn(page, 'Adoption')).toEqual(['active_days']);

			// The measure editor beside the groups shows the measure selected.
			await page.getByRole('button', { name: 'Edit Seat penetration' }).click();
			await page.locator('aside').getByText('Seat penetration').first().waitFor();
			await page.screenshot({ path: 'test-results/builder-compose.png', fullPage: true });

			// The Scale segment, tried before the shipped Scale scorecard.
			await page.getByRole('tab', { name: 'Segment and priority' }).click();
			const priority = page.getByLabel('Priority', { exact: true });
			await priority.fill('0');
			await priority.press('Tab');
			await page
				.getByLabel('JSON-logic', { exact: true })
				.fill('{"==": [{"var": "segment"}, "scale"]}');
			await page
				.getByText(/Tried in this order: Scale \(built\) → Scale segment → Enterprise/)
				.waitFor();
			// The preview now scores the Scale segment's live accounts with the draft.
			await page
				.locator(`.preview-panel [data-matching="${liveScale}"]`)
				.waitFor({ timeout: 30_000 });
			await page.screenshot({ path: 'test-results/builder-segment.png', fullPage: true });

			// A threshold: Yellow from 65 rather than 60. The live preview beside the builder follows:
			// fewer of the matching accounts are Yellow.
			await page.getByRole('tab', { name: 'Bands' }).click();
			const yellowBefore = await previewCount(page, 'Yellow');
			const yellow = page.getByLabel('Threshold of Yellow');
			await yellow.fill('65');
			await yellow.press('Tab');
			await page.locator('tr[data-band="Orange"]').getByText('40 to under 65').waitFor();
			await expect
				.poll(() => previewCount(page, 'Yellow'), { timeout: 30_000 })
				.toBeLessThan(yellowBefore);
			await page.screenshot({ path: 'test-results/builder-bands.png', fullPage: true });

			// Every edit went to the draft; publishing makes it the version that scores.
			await page.getByText('Draft saved').waitFor();
			await page.getByRole('button', { name: 'Publish' }).click();
			await page.getByText('Published version 1: it scores the accounts from now on.').waitFor();
			await page.getByText('Published · version 1').waitFor();

			await page.getByRole('tab', { name: 'History' }).click();
			const version = page.locator('li[data-version="1"]');
			await version.getByText(/published by olivia@team\.example on/).waitFor();
			await version.getByText('First version.').waitFor();

			// The scorecard as published, read from its JSON view.
			await page.getByRole('tab', { name: 'JSON' }).click();
			const built = JSON.parse(await page.getByLabel('Scorecard JSON').inputValue()) as Scorecard;
			expect(built).toMatchObject({
				id: 'scale_built',
				status: 'published',
				version: 1,
				priority: 0,
				applies_to: { '==': [{ var: 'segment' }, 'scale'] }
			});
			expect(built.groups.map((g) => [g.name, g.weight, g.measures.map((m) => m.id)])).toEqual([
				['Deployment', 50, ['seat_penetration']],
				['Adoption', 50, ['active_days']]
			]);
			expect(built.bands?.find((band) => band.name === 'Yellow')?.min).toBe(65);
			// JSON pasted in is checked like an imported workspace: nothing applied, every problem
			// named by its path.
			const broken = structuredClone(built);
			broken.groups[0]!.weight = -1;
			await page.getByLabel('Scorecard JSON').fill(JSON.stringify(broken, null, 2));
			await page.getByRole('button', { name: 'Apply the edited JSON' }).click();
			await page.getByText('Not applied: the JSON has problems to fix (1).').waitFor();
			await page.getByText('groups[0].weight: Expected 0 or more.').waitFor();
			await page.screenshot({ path: 'test-results/builder-json.png', fullPage: true });
			await page.getByRole('button', { name: 'Show the current scorecard' }).click();
			await page.getByText('No changes since publishing').waitFor();

			// The scorecard as SQL, as a data team would copy it: run on DuckDB over the team's data,
			// it scores every Scale account as the engine does.
			await page.getByLabel('Dialect').selectOption('DuckDB');
			await page.getByRole('button', { name: 'Show as SQL' }).click();
			const sql = await page.getByLabel('Scorecard SQL').inputValue();
			await page.getByRole('button', { name: 'Copy the SQL' }).waitFor();
			await page.screenshot({ path: 'test-results/builder-sql.png', fullPage: true });
			const duckdb = await openDuckDb();
			try {
				await loadWorkspace(duckdb, workspace);
				const rows = new Map((await duckdb.query(sql)).map((row) => [row.account_id, row]));
				const engine = scoreWorkspace({ ...workspace, scorecards: [built] }, asOf);
				expect(engine.filter((score) => score.scorecard_id === 'scale_built').length).toBe(
					workspace.accounts.filter((account) => account.segment === 'scale').length
				);
				for (const score of engine) {
					const row = rows.get(score.account_id)!;
					expect(row.scorecard_id ?? null).toBe(score.scorecard_id);
					if (score.overall === null) expect(row.overall).toBeNull();
					else expect(row.overall as number).toBeCloseTo(score.overall, 9);
				}
			} finally {
				await duckdb.close();
			}

			// What the engine says the pages must show now.
			const before = scoreWorkspace(workspace, asOf);
			const scorecards = [...workspace.scorecards, built];
			const after = scoreWorkspace({ ...workspace, scorecards }, asOf);
			const segmentOf = new Map(workspace.accounts.map((a) => [a.id, a.segment]));
			for (const score of after)
				expect(score.scorecard_id === 'scale_built').toBe(
					segmentOf.get(score.account_id) === 'scale'
				);
			const byBand = (scores: typeof after) => {
				const counts: Record<string, number> = {};
				for (const score of scores.filter((s) => !churned.has(s.account_id)))
					counts[score.band ?? 'Unscored'] = (counts[score.band ?? 'Unscored'] ?? 0) + 1;
				return counts;
			};
			// The new threshold moves accounts: the dashboard can tell the two scorecards apart.
			expect(byBand(after)).not.toEqual(byBand(before));

			// The dashboard scores with it (the worker recomputes after publishing).
			await page.getByRole('link', { name: 'Dashboard' }).click();
			const bands = page.getByRole('table', { name: 'Accounts by health band' });
			await expect
				.poll(
					async () =>
						Object.fromEntries(
							(await tableText(bands)).map((cells) => [
								cells[0],
								Number(cells[1]!.replaceAll(',', ''))
							])
						),
					{ timeout: 90_000 }
				)
				.toEqual(byBand(after));
			await page.screenshot({ path: 'test-results/builder-dashboard.png', fullPage: true });

			// An account of the Scale segment whose band the new threshold changed.
			const index = after.findIndex(
				(score, i) =>
					score.scorecard_id === 'scale_built' &&
					!churned.has(score.account_id) &&
					score.band !== before[i]!.band
			);
			expect(index).toBeGreaterThanOrEqual(0);
			const moved = after[index]!;
			await page.goto(`${baseURL}/accounts/${moved.account_id}`);
			await page.locator('dd', { hasText: 'Scale (built)' }).waitFor({ timeout: 60_000 });
			expect(await page.locator('[data-overall]').getAttribute('data-overall')).toBe(
				String(moved.overall)
			);
			await page.locator('.score').getByText(moved.band!, { exact: true }).waitFor();
			await page
				.locator('.score')
				.getByText(formatScore(moved.overall!), { exact: true })
				.waitFor();
			await page.screenshot({ path: 'test-results/builder-account.png', fullPage: true });

			// The list now tries the new scorecard first.
			await page.goto(`${baseURL}/scorecards`);
			await list.waitFor();
			expect((await tableText(list)).map((row) => row[1])).toEqual([
				'Scale (built)',
				'Scale segment',
				'Enterprise (DREAM)',
				'Mid-market (three dimensions)'
			]);

			// A second version: Adoption weighs more. The builder says what publishing will change,
			// the history keeps both versions with who (the name is remembered) and what changed,
			// and version 1 can come back as version 3.
			await list.getByRole('link', { name: 'Scale (built)' }).click();
			await page.getByRole('heading', { level: 1, name: 'Scale (built)' }).waitFor();
			const adoptionWeight = page.getByRole('spinbutton', { name: 'Weight of Adoption' });
			await adoptionWeight.fill('70');
			await adoptionWeight.press('Tab');
			await page.getByText('Draft saved').waitFor();
			await page.getByText('Draft of version 1').waitFor();
			await page.getByText('Changes not published yet (1)').click();
			await page.getByText('Adoption weight 50 → 70').waitFor();
			await page.getByRole('button', { name: 'Publish' }).click();
			await page.getByText('Published version 2: it scores the accounts from now on.').waitFor();
			await page.getByRole('tab', { name: 'History' }).click();
			const second = page.locator('li[data-version="2"]');
			await second.getByText('Adoption weight 50 → 70').waitFor();
			await second.getByText(/published by olivia@team\.example on/).waitFor();
			await page.getByRole('button', { name: 'Roll back to version 1' }).click();
			await page.getByText('Version 1 is published again as version 3.').waitFor();
			await page.locator('li[data-version="3"]').getByText('Adoption weight 70 → 50').waitFor();
			await page.screenshot({ path: 'test-results/builder-history.png', fullPage: true });
			await page.getByRole('tab', { name: 'Measures' }).click();
			expect(await adoptionWeight.inputValue()).toBe('50');
			expect(errors).toEqual([]);
		},
		JOURNEY_MS
	);
});
