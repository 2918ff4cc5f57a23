/**
 * The plays journey on a first start: a play for Scale accounts with low Adoption made in the
 * editor, dry-run on a random sample (the reasons read as the engine in Node gives them); a
 * template edited and previewed; the plays run for real and their emails sent through the server
 * into the Mailbox; part of the outbox approved, the tasks found in the queue; run again: nothing
 * added. Then a customer unsubscribes from a message, and the next dry run suppresses them.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { DATABASE_NAME } from '$lib/db';
import { planPlays, type Logic, type Play } from '$lib/engine';
import { chooseAccounts } from '$lib/state/plays/handler';
import { collectErrors, launchBrowser, type Browser, teamWorkspace } from './browser';
import {
	editTrainingInvitation,
	sendTrainingInvitationTest,
	emailsSent,
	expectSuppressedInDryRun,
	unsubscribeFromMailbox
} from './mail-steps';

const baseURL = inject('baseURL');
const JOURNEY_MS = 360_000;
const WHEN: Logic = {
	and: [
		{ '==': [{ var: 'account.segment' }, 'scale'] },
		{ '<': [{ var: 'score.groups.adoption' }, 40] }
	]
};
const TITLE = 'Book a training call: Adoption is low';
const PLAY_ID = 'scale_training_call_for_low_adoption';

let browser: Browser;

beforeEach(async () => {
	browser = await launchBrowser();
});

afterEach(async () => {
	await browser?.close();
});

/** How many records a table of the app's IndexedDB holds, read directly. */
function countIn(page: Page, table: string): Promise<number> {
	return page.evaluate(
		([name, store]) =>
			new Promise<number>((resolve, reject) => {
				const request = indexedDB.open(name!);
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const count = request.result.transaction(store!).objectStore(store!).count();
					count.onsuccess = () => resolve(count.result);
					count.onerror = () => reject(count.error);
				};
			}),
		[DATABASE_NAME, table]
	);
}

describe('plays', () => {
	it(
		'makes a play and dry-runs it, edits a template, runs the plays and sends their emails, approves part of the outbox, runs again for nothing, and an unsubscribe suppresses the contact',
		async () => {
			const page = await browser.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${baseURL}/plays`);
			const status = page.locator('header [role="status"][data-status="ready"]');
			await status.waitFor({ timeout: 120_000 });
			const asOf = (await status.getAttribute('data-as-of'))!;
			// The shipped plays come with the sample.
			await page
				.getByRole('link', { name: 'Scale: content nurture for Yellow accounts' })
				.waitFor();

			// A new play, made in the editor.
			await page.getByRole('button', { name: 'New play' }).click();
			await page.waitForURL(`${baseURL}/plays/new_play`);
			await page.getByLabel('Name').fill('Scale: training call for low adoption');
			// Its id follows its name until it is saved with runs: readable in the outbox and URLs.
			expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe(PLAY_ID);
			await page.getByLabel('Enabled (runs with the others)').check();
			await page.getByLabel('scale', { exact: true }).check();
			await page.getByLabel('JSON-logic').fill(JSON.stringify(WHEN));
			// The condition builder reads the JSON back into its visual form.
			await page.getByText('Shown in the visual form.').waitFor();
			await page.screenshot({ path: 'test-results/play-editor.png', fullPage: true });
			await page.getByLabel('Title').fill('');
			await page.getByRole('button', { name: 'Save' }).click();
			// A task without a title is refused, and the editor says where.
			await page.getByText('Not saved: 1 problem to fix.').waitFor();
			await page
				.getByRole('alert')
				.filter({ hasText: 'actions[0].title' })
				.or(page.getByRole('alert').filter({ hasText: /expected|title/ }))
				.first()
				.waitFor();
			await page.getByLabel('Title').fill(TITLE);
			await page.getByRole('button', { name: 'Save' }).click();
			await page.getByText('Saved.').waitFor();
			await page.waitForURL(`${baseURL}/plays/${PLAY_ID}`);

			// The dry run on a random sample of 50, as of the scores' date: what the engine says.
			await page.getByLabel('As of').fill(asOf);
			await page.getByLabel('Sample size').fill('50');
			await page.getByRole('button', { name: 'Dry run', exact: true }).click();
			await page
				.getByText(/entries for \d+ of the 50 accounts looked at/)
				.waitFor({ timeout: 60_000 });
			const play: Play = {
				id: PLAY_ID,
				name: 'Scale: training call for low adoption',
				enabled: true,
				mode: 'approve',
				audience: { segments: ['scale'] },
				when: WHEN,
				actions: [{ type: 'task', title: TITLE, assignee: 'csm', due_in_days: 3 }],
				cooldown_days: 30
			};
			// The team workspace holds the play as saved; the engine is given it as written here.
			const sample = await teamWorkspace();
			sample.plays = [...sample.plays.filter((saved) => saved.id !== PLAY_ID), play];
			const accounts = chooseAccounts(sample, { kind: 'random', size: 50, seed: 1 });
			const expected = planPlays({ workspace: sample, asOf, plays: [PLAY_ID], accounts });
			expect(expected.entries.length).toBeGreaterThan(0);
			const rows = page.locator('table.plan tbody tr');
			await expect.poll(() => rows.count()).toBe(Math.min(50, expected.entries.length));
			for (const entry of expected.entries.slice(0, 5)) {
				const row = page.locator(`table.plan tr[data-key="${entry.key}"]`);
				expect(await row.locator('td.reason').textContent()).toBe(entry.reason);
				expect(entry.reason).toMatch(
					/score\.groups\.adoption < 40 \(score\.groups\.adoption = [\d.]+\)/
				);
			}
			// A dry run writes nothing.
			expect(await countIn(page, 'outbox')).toBe(0);
			await mkdir('test-results', { recursive: true });
			await page.screenshot({ path: 'test-results/plays-dry-run.png', fullPage: true });

			// A template edited and previewed before the run: the emails carry the edit.
			await editTrainingInvitation(page);

			// Run every enabled play for real: the outbox is written, then the emails go out.
			await page.getByRole('link', { name: 'Plays', exact: true }).click();
			await page.getByRole('button', { name: 'Run all plays' }).click();
			await page
				.getByText(/actions planned for .* Write them to the outbox\?/)
				.waitFor({ timeout: 60_000 });
			await page.getByRole('button', { name: 'Run them' }).click();
			const done = page.getByText(/^Added [\d,]+ entries to the outbox \(0 were already there/);
			await done.waitFor({ timeout: 60_000 }).catch(async (error) => {
				await page.screenshot({ path: 'test-results/plays-failed.png', fullPage: true });
				throw error;
			});
			const written = await countIn(page, 'outbox');
			expect(written).toBeGreaterThan(0);
			expect(await emailsSent(page)).toBeGreaterThan(0);

			// The outbox opens on what waits for approval; approve two of the new play's entries.
			await page.getByRole('link', { name: 'Open the outbox' }).click();
			await page.getByRole('combobox', { name: /^Play/ }).selectOption(PLAY_ID);
			const waiting = page.locator('table.outbox tbody tr[data-status="planned"]');
			const mine = await waiting.count();
			expect(mine).toBeGreaterThanOrEqual(2);
			await waiting.nth(0).getByRole('checkbox').check();
			await waiting.nth(1).getByRole('checkbox').check();
			await page.getByRole('button', { name: 'Approve selected' }).click();
			await page.getByText('Approved 2 entries (0 were not waiting').waitFor();
			await page.screenshot({ path: 'test-results/outbox.png', fullPage: true });

			// The two tasks are in the CSMs' queue.
			await page.getByRole('link', { name: 'Tasks', exact: true }).click();
			await page.locator('table.tasks').waitFor();
			await expect.poll(() => page.getByRole('rowheader', { name: TITLE }).count()).toBe(2);
			await page.screenshot({ path: 'test-results/tasks.png', fullPage: true });

			// A second run the same day adds nothing.
			await page.getByRole('link', { name: 'Plays', exact: true }).click();
			await page.getByRole('button', { name: 'Run all plays' }).click();
			await page.getByRole('button', { name: 'Run them' }).click();
			await page.getByText(/^Added 0 entries to the outbox/).waitFor({ timeout: 60_000 });
			expect(await countIn(page, 'outbox')).toBe(written);
			expect(await countIn(page, 'tasks')).toBeGreaterThanOrEqual(2);

			// The Mailbox holds what the customers got; one unsubscribes, and is suppressed from then on.
			const testedFor = await sendTrainingInvitationTest(page);
			const unsubscribed = await unsubscribeFromMailbox(page, testedFor);
			await expectSuppressedInDryRun(page, asOf, unsubscribed);
			expect(errors).toEqual([]);
		},
		JOURNEY_MS
	);
});
