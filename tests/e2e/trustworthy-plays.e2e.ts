/**
 * Trustworthy plays, as a CS team meets them on a first start: a Scale scorecard built by drag and
 * drop, whose preview counts only the accounts it would really score given the priorities (none,
 * until it replaces the shipped Scale card); publishing it with its Adoption group under another id
 * names the plays it would silently stop, and with the id they read, it publishes. Then a play made
 * with the visual builder is dry-run on a sample, one recipient's email is opened and read, and
 * that play alone is run. No page on the way scrolls sideways at 1280 px.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { DATABASE_NAME } from '$lib/db';
import { churnedBy } from '$lib/engine';
import { collectErrors, launchBrowser, type Browser, teamWorkspace } from './browser';
import { dragWithMouse, measuresIn, scoresReady, tableText, zone } from './builder-page';

const baseURL = inject('baseURL');
const JOURNEY_MS = 420_000;
const PLAY_NAME = 'Scale: training for low adoption';
const PLAY_ID = 'scale_training_for_low_adoption';

let browser: Browser;

beforeEach(async () => {
	browser = await launchBrowser();
});

afterEach(async () => {
	await browser?.close();
});

/** The page is no wider than the window: nothing scrolls sideways (the window is 1280 px). */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth
	}));
	expect(innerWidth, where).toBe(1280);
	expect(scrollWidth, `${where} is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
}

/** The outbox's entries per play, read from the app's IndexedDB. */
function outboxByPlay(page: Page): Promise<Record<string, number>> {
	return page.evaluate(
		(name) =>
			new Promise<Record<string, number>>((resolve, reject) => {
				const request = indexedDB.open(name);
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const all = request.result.transaction('outbox').objectStore('outbox').getAll();
					all.onerror = () => reject(all.error);
					all.onsuccess = () => {
						const counts: Record<string, number> = {};
						for (const entry of all.result as { play_id: string }[])
							counts[entry.play_id] = (counts[entry.play_id] ?? 0) + 1;
						resolve(counts);
					};
				};
			}),
		DATABASE_NAME
	);
}

describe('trustworthy plays', () => {
	it(
		'builds a Scale scorecard whose preview follows priority, is warned of the plays it would stop, publishes it with the id they read, then dry-runs a new play, reads one email and runs that play alone',
		async () => {
			const page = await browser.context.newPage();
			const errors = collectErrors(page);
			await mkdir('test-results', { recursive: true });
			await page.goto(`${baseURL}/scorecards`);
			const asOf = await scoresReady(page);
			const sample = await teamWorkspace();
			const churned = churnedBy(sample.outcomes, asOf);
			const liveScale = sample.accounts.filter(
				(account) => account.segment === 'scale' && !churned.has(account.id)
			).length;
			await expectNoSidewaysScroll(page, 'the Scorecards list');

			// A new, empty scorecard: Deployment and Adoption, by drag and drop.
			await page.getByLabel('Name', { exact: true }).fill('Scale (two dimensions)');
			await page.getByLabel('Start from').selectOption('empty');
			await page.getByRole('button', { name: 'Create and edit' }).click();
			await page.waitForURL(`${baseURL}/scorecards/scale_two_dimensions`);
			await page.getByLabel('Name of group 1').fill('Deployment');
			// Ids come from names: the group is readable in the plays that read it.
			await expect.poll(() => page.getByLabel('Id of group 1').inputValue()).toBe('deployment');
			await page.getByRole('button', { name: 'Add group' }).click();
			await page.getByLabel('Name of group 2').fill('Product usage');
			await expect.poll(() => page.getByLabel('Id of group 2').inputValue()).toBe('product_usage');
			await dragWithMouse(
				page,
				page.locator('[data-palette="seat_penetration"]'),
				zone(page, 'Deployment'),
				zone(page, 'Deployment').locator('[data-measure="seat_penetration"]')
			);
			await dragWithMouse(
				page,
				page.locator('[data-palette="active_days"]'),
				zone(page, 'Product usage'),
				zone(page, 'Product usage').locator('[data-measure="active_days"]')
			);
			await expect.poll(() => measuresIn(page, 'Deployment')).toEqual(['seat_penetration']);
			await expect.poll(() => measuresIn(page, 'Product usage')).toEqual(['active_days']);
			await expectNoSidewaysScroll(page, 'the builder');

			// For the Scale segment, at the default priority: the shipped Scale card comes first, and
			// the preview says so instead of showing bands for accounts it will never score.
			await page.getByRole('tab', { name: 'Segment and priority' }).click();
			await page
				.getByLabel('JSON-logic', { exact: true })
				.fill('{"==": [{"var": "segment"}, "scale"]}');
			const counts = page.locator('.preview-panel p.matching');
			await page
				.locator(
					`.preview-panel p.matching[data-matching="${liveScale}"][data-scored="0"][data-lost="${liveScale}"]`
				)
				.waitFor({ timeout: 60_000 });
			expect(await counts.textContent()).toContain(
				`Scores 0 of the ${liveScale.toLocaleString('en')} accounts it applies to`
			);
			expect(await counts.textContent()).toContain('Scale segment');
			await page.screenshot({ path: 'test-results/trust-priority.png', fullPage: true });

			// Replace the shipped Scale card: this one takes its priority and scores every account.
			const overlap = page.getByRole('region', { name: 'Another scorecard covers this segment' });
			await overlap.getByRole('button', { name: 'Replace Scale segment' }).click();
			await page
				.locator(`.preview-panel p.matching[data-scored="${liveScale}"][data-lost="0"]`)
				.waitFor({ timeout: 60_000 });

			// Publishing with the usage group under its own id would stop the plays that read
			// score.groups.adoption for every Scale account: the builder lists them and asks.
			await page.getByText('Draft saved').waitFor();
			await page.getByRole('button', { name: 'Publish' }).click();
			const warning = page.getByRole('alertdialog', { name: /^Publishing would stop \d+ plays?/ });
			await warning.waitFor({ timeout: 60_000 });
			const adoptionReaders = warning.locator('li[data-path="score.groups.adoption"]');
			expect(await adoptionReaders.count()).toBeGreaterThan(0);
			expect(await adoptionReaders.first().textContent()).toMatch(
				/reads Adoption \(score\.groups\.adoption\): [\d,]+ of [\d,]+ accounts it reaches would no longer have it/
			);
			await warning
				.getByRole('link', { name: 'Scale: invite low-adoption accounts to a live training' })
				.waitFor();
			await page.screenshot({ path: 'test-results/trust-publish-warning.png' });
			await warning.getByRole('button', { name: 'Go back' }).click();
			await warning.waitFor({ state: 'hidden' });
			await page.getByText('New, not published yet').waitFor();

			// Give the group the id the plays read, and publish: nothing to warn about.
			await page.getByRole('tab', { name: 'Measures' }).click();
			const id = page.getByLabel('Id of group 2');
			await id.fill('adoption');
			await id.press('Enter');
			await expect.poll(() => id.inputValue()).toBe('adoption');
			await page.getByText('Draft saved').waitFor();
			await page.getByRole('button', { name: 'Publish' }).click();
			await page.getByText('Published version 1: it scores the accounts from now on.').waitFor({
				timeout: 60_000
			});
			await page.getByText('Scale segment now comes after it (priority 2).').waitFor();
			expect(await page.getByRole('alertdialog').count()).toBe(0);

			// The list tries it first, and marks the shipped Scale card as scoring no account.
			await page.getByRole('link', { name: 'Scorecards', exact: true }).click();
			const list = page.getByRole('table', { name: 'Scorecards in the order they are tried' });
			await expect
				.poll(async () => (await tableText(list)).map((row) => row[1]), { timeout: 90_000 })
				.toEqual([
					'Scale (two dimensions)',
					'Scale segment',
					'Enterprise (DREAM)',
					'Mid-market (three dimensions)'
				]);
			await list
				.getByText(/Scores no account: Scale \(two dimensions\) comes first/)
				.waitFor({ timeout: 90_000 });
			await expectNoSidewaysScroll(page, 'the Scorecards list after publishing');

			// A play made with the visual builder: Scale accounts with Adoption under 50 get the
			// training invitation.
			await page.getByRole('link', { name: 'Plays', exact: true }).click();
			await page.getByRole('button', { name: 'New play' }).click();
			await page.waitForURL(`${baseURL}/plays/new_play`);
			await page.getByLabel('Name', { exact: true }).fill(PLAY_NAME);
			expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe(PLAY_ID);
			await page.getByLabel('scale', { exact: true }).check();
			const condition = page.getByRole('group', { name: 'Condition 1' });
			const field = condition.getByRole('combobox', { name: 'Field' });
			// The field picker searches as one types (it is a combobox, not a text box).
			await field.click();
			await page.keyboard.press('Control+a');
			await page.keyboard.type('adoption');
			await page
				.getByRole('option', { name: /^Score · Adoption/ })
				.first()
				.click();
			await condition
				.getByRole('combobox', { name: 'Operator' })
				.selectOption({ label: 'is less than (<)' });
			await condition.getByRole('textbox', { name: 'Compared with' }).fill('50');
			await page.getByRole('combobox', { name: 'Add an action' }).selectOption('email');
			await page.getByRole('button', { name: 'Add an action' }).click();
			const email = page.getByRole('group', { name: 'Action 2: Email' });
			const template = email.getByRole('combobox', { name: 'Template' });
			await template.selectOption({ value: 'training-invitation' });
			await email.getByRole('link', { name: 'Edit template training-invitation' }).waitFor();
			await page.getByRole('button', { name: 'Remove action 1' }).click();
			// The JSON the visual builder wrote.
			expect(JSON.parse(await page.getByLabel('JSON-logic', { exact: true }).inputValue())).toEqual(
				{ '<': [{ var: 'score.groups.adoption' }, 50] }
			);
			await page.getByRole('button', { name: 'Save', exact: true }).click();
			await page.getByText('Saved.').waitFor();
			await page.waitForURL(`${baseURL}/plays/${PLAY_ID}`);
			await expectNoSidewaysScroll(page, 'the play editor');

			// Its dry run on a random sample: every reason shows a real Adoption score, never "none".
			await page.getByLabel('A random sample').check();
			await page.getByLabel('Sample size').fill('200');
			await page.getByLabel('As of').fill(asOf);
			await page.getByRole('button', { name: 'Dry run', exact: true }).click();
			await page
				.getByText(/entr(y|ies) for [\d,]+ of the 200 accounts looked at/)
				.waitFor({ timeout: 60_000 });
			const reasons = await page.locator('table.plan td.reason').allTextContents();
			expect(reasons.length).toBeGreaterThan(0);
			for (const reason of reasons)
				expect(reason).toMatch(
					/^score\.groups\.adoption < 50 \(score\.groups\.adoption = [\d.]+\)$/
				);
			await expectNoSidewaysScroll(page, 'the dry run');

			// One recipient's email, as they would get it: subject, HTML and text.
			await page
				.getByRole('button', { name: /^View the email to / })
				.first()
				.click();
			const dialog = page.getByRole('dialog', { name: /^Email to / });
			await dialog.waitFor();
			const subject = dialog.getByTestId('preview-subject');
			await expect
				.poll(() => subject.textContent(), { timeout: 60_000 })
				.toMatch(/^Subject: .+: a free training session for your team$/);
			const accountName = (await subject.textContent())!
				.replace(/^Subject: /, '')
				.replace(/: a free training session for your team$/, '');
			const html = dialog.locator('iframe').contentFrame();
			await html.getByText('A live training for your team').waitFor({ timeout: 30_000 });
			expect(await html.locator('body').textContent()).toContain(accountName);
			expect(await html.getByRole('link', { name: 'Unsubscribe from these emails' }).count()).toBe(
				1
			);
			await page.screenshot({ path: 'test-results/trust-email-preview.png' });
			await dialog.getByRole('tab', { name: 'Text' }).click();
			expect(await dialog.getByRole('tabpanel').textContent()).toContain(accountName);
			await page.keyboard.press('Escape');
			await dialog.waitFor({ state: 'hidden' });

			// Run this play only: the confirmation and the result show the same figures, per play,
			// and the outbox holds this play's entries and no other's.
			expect(await outboxByPlay(page)).toEqual({});
			await page.getByRole('button', { name: 'Run this play now' }).click();
			const planned = page.getByRole('table', {
				name: 'What this run will do, per play (nothing is written yet)'
			});
			await planned.waitFor({ timeout: 60_000 });
			const plannedRows = await tableText(planned);
			expect(plannedRows.map((row) => row[0])).toEqual([PLAY_NAME]);
			await page.getByRole('button', { name: 'Run it' }).click();
			const done = page.getByRole('table', { name: 'What the run did, per play' });
			await done.waitFor({ timeout: 60_000 });
			expect((await tableText(done)).slice(0, 1)).toEqual(plannedRows.slice(0, 1));
			const written = await outboxByPlay(page);
			expect(Object.keys(written)).toEqual([PLAY_ID]);
			expect(written[PLAY_ID]).toBeGreaterThan(0);
			await page.screenshot({ path: 'test-results/trust-run-one.png', fullPage: true });
			await expectNoSidewaysScroll(page, 'the play editor after its run');
			expect(errors).toEqual([]);
		},
		JOURNEY_MS
	);
});
