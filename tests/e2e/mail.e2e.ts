/**
 * The email journey on a first start, against its own server (its own ledger and mailbox): edit
 * a template and preview it for an account, run the plays (Scale nurture emails go out through
 * the server into the local sink), read a message in the Mailbox as the customer would, click its
 * unsubscribe link, and see that contact suppressed in the next dry run.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, type Browser } from './browser';
import { startAppServer } from './global-setup';

const JOURNEY_MS = 300_000;
const EDIT = 'Coffee is on us.';

let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
	[server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
}, 60_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('email', () => {
	it(
		'edits and previews a template, sends the Scale plays into the Mailbox, and an unsubscribe link suppresses the contact in the next dry run',
		async () => {
			const { baseURL } = server;
			await mkdir('test-results', { recursive: true });
			const page = await browser.context.newPage();
			const errors = collectErrors(page);
			await page.goto(`${baseURL}/templates`);
			const status = page.locator('header [role="status"][data-status="ready"]');
			await status.waitFor({ timeout: 120_000 });
			const asOf = (await status.getAttribute('data-as-of'))!;

			// Edit the training invitation; the preview follows, for the account chosen.
			await page.getByRole('link', { name: 'training-invitation' }).click();
			const source = page.getByLabel('MJML source');
			await source.waitFor();
			const preview = page.frameLocator('iframe[title="Preview"]');
			await preview.getByText('A live training for your team').waitFor({ timeout: 30_000 });
			const original = await source.inputValue();
			expect(original).toContain('It is free,');
			await source.fill(original.replace('It is free,', `${EDIT} It is free,`));
			await preview.getByText(EDIT, { exact: false }).waitFor({ timeout: 30_000 });
			const account = page.getByLabel('Account');
			// Options read "Name · segment".
			const chosen = (await account.locator('option').nth(1).textContent())!
				.split(' · ')[0]!
				.trim();
			await account.selectOption({ index: 1 });
			await preview.getByText(`Your team at ${chosen}`, { exact: false }).waitFor();
			await page
				.getByRole('button', { name: 'Desktop' })
				.or(page.getByLabel('Mobile'))
				.first()
				.waitFor();
			await page.screenshot({ path: 'test-results/template-editor.png', fullPage: true });
			await page.getByRole('button', { name: 'Save' }).click();
			await page.getByText(/saved/i).first().waitFor();

			// Run the plays: the run writes the outbox, then the emails go out through the server.
			await page.getByRole('link', { name: 'Plays', exact: true }).click();
			await page.getByRole('button', { name: 'Plan the run' }).click();
			await page.getByRole('button', { name: 'Run them' }).click({ timeout: 60_000 });
			const sent = page.getByText(/Emails: [\d,]+ sent, 0 failed/);
			await sent.waitFor({ timeout: 180_000 }).catch(async (error) => {
				await page.screenshot({ path: 'test-results/mail-run-failed.png', fullPage: true });
				throw error;
			});
			const sentCount = Number(
				(await sent.textContent())!.match(/Emails: ([\d,]+) sent/)![1]!.replace(/,/g, '')
			);
			expect(sentCount).toBeGreaterThan(0);

			// The Mailbox shows them as the customer gets them: the edited training invitation.
			await page.getByRole('link', { name: 'Mailbox', exact: true }).click();
			await page
				.getByRole('searchbox')
				.or(page.getByLabel(/search/i))
				.first()
				.fill('a free training session');
			const message = page
				.getByRole('button', { name: /a free training session/ })
				.or(page.getByRole('link', { name: /a free training session/ }))
				.first();
			await message.click();
			const html = page.frameLocator('iframe[title]').first();
			await html.getByText(EDIT, { exact: false }).waitFor({ timeout: 30_000 });
			// The account the message went to, as the body names it.
			const body = (await html.locator('body').textContent())!;
			const subject = body.match(/Your team at (.+?) has only started/)![1]!.trim();
			await page.screenshot({ path: 'test-results/mailbox.png', fullPage: true });

			// One click on the unsubscribe link: a page on the app's server confirms, and records it.
			const [confirm] = await Promise.all([
				page.waitForEvent('popup'),
				html.getByRole('link', { name: 'Unsubscribe from these emails' }).click()
			]);
			const recipient = (await confirm.locator('body').textContent())!.match(
				/[\w.+-]+@[\w.-]+/
			)![0];
			await confirm.getByRole('button', { name: 'Unsubscribe' }).click();
			await confirm.getByText(/You are unsubscribed/).waitFor();
			await confirm.screenshot({ path: 'test-results/unsubscribed.png' });
			await confirm.close();

			// The next dry run for that account suppresses the contact, as unsubscribed.
			await page.getByRole('link', { name: 'Plays', exact: true }).click();
			await page.getByLabel('Accounts I pick').check();
			await page.getByLabel('Find an account').fill(subject);
			await page.getByRole('button', { name: `Add ${subject}` }).click();
			await page.getByLabel('As of').fill(asOf);
			await page.getByRole('button', { name: 'Dry run', exact: true }).click();
			const row = page.locator('table.plan tbody tr', { hasText: recipient }).first();
			await row.waitFor({ timeout: 60_000 });
			await expect
				.poll(() => row.locator('td.status').textContent())
				.toContain('Suppressed: unsubscribed');
			await page.screenshot({ path: 'test-results/dry-run-unsubscribed.png', fullPage: true });
			expect(errors).toEqual([]);
		},
		JOURNEY_MS
	);
});
