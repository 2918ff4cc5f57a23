/**
 * The email part of the plays journey: edit and preview a template before the run, then read what
 * the run sent in the Mailbox, unsubscribe from a message, and find that contact suppressed.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const EDIT = 'Coffee is on us.';

/**
 * Edits the training invitation: the preview follows the source and the chosen account; saved,
 * and a test sent to the operator. Gives the account chosen in the editor.
 */
export async function editTrainingInvitation(page: Page): Promise<string> {
	await page.getByRole('link', { name: 'Templates', exact: true }).click();
	await page.getByRole('link', { name: 'training-invitation', exact: true }).click();
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
	const chosen = (await account.locator('option').nth(1).textContent())!.split(' · ')[0]!.trim();
	await account.selectOption({ index: 1 });
	await preview.getByText(`Your team at ${chosen}`, { exact: false }).waitFor();
	await page.getByLabel('Mobile').check();
	await page.screenshot({ path: 'test-results/template-editor.png', fullPage: true });
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByText(/saved/i).first().waitFor();
	return chosen;
}

/**
 * Sends a test of the training invitation, rendered for the editor's second account, to the
 * operator only (here the default, MAIL_FROM's address); gives that account's name. After the run:
 * the Mailbox lists its newest 500 messages, and a run may send more than that.
 */
export async function sendTrainingInvitationTest(page: Page): Promise<string> {
	await page.getByRole('link', { name: 'Templates', exact: true }).click();
	await page.getByRole('link', { name: 'training-invitation', exact: true }).click();
	const preview = page.frameLocator('iframe[title="Preview"]');
	await preview.getByText(EDIT, { exact: false }).waitFor({ timeout: 30_000 });
	const account = page.getByLabel('Account');
	const chosen = (await account.locator('option').nth(1).textContent())!.split(' · ')[0]!.trim();
	await account.selectOption({ index: 1 });
	await preview.getByText(`Your team at ${chosen}`, { exact: false }).waitFor();
	await page.getByRole('button', { name: 'Send a test to me' }).click();
	await page.getByText('Sent to scorecraft@localhost', { exact: false }).waitFor();
	return chosen;
}

/** After a run: the count of emails the server sent, as the run panel says it. */
export async function emailsSent(page: Page): Promise<number> {
	const sent = page.getByText(/Emails: [\d,]+ sent, 0 failed/);
	await sent.waitFor({ timeout: 180_000 });
	return Number((await sent.textContent())!.match(/Emails: ([\d,]+) sent/)![1]!.replace(/,/g, ''));
}

/**
 * Opens an edited training invitation in the Mailbox, checks the test send is there too, and
 * clicks the message's unsubscribe link; gives the account and the address that unsubscribed.
 */
export async function unsubscribeFromMailbox(
	page: Page,
	testedFor: string
): Promise<{ account: string; recipient: string }> {
	await page.getByRole('link', { name: 'Mailbox', exact: true }).click();
	const search = page.getByLabel('Search by recipient or subject');
	await search.fill('[Test]');
	// The test send, rendered for the account chosen in the editor.
	await page.getByText(`[Test] ${testedFor}: a free training session`).first().waitFor();
	await search.fill('a free training session');
	await page
		.getByRole('button', { name: /^(?!\[Test\]).*a free training session/ })
		.first()
		.click();
	const html = page.frameLocator('iframe[title]').first();
	await html.getByText(EDIT, { exact: false }).waitFor({ timeout: 30_000 });
	const body = (await html.locator('body').textContent())!;
	const account = body.match(/Your team at (.+?) has only started/)![1]!.trim();
	await page.screenshot({ path: 'test-results/mailbox.png', fullPage: true });

	// One click on the unsubscribe link: a page on the app's server asks, and records it.
	const [confirm] = await Promise.all([
		page.waitForEvent('popup'),
		html.getByRole('link', { name: 'Unsubscribe from these emails' }).click()
	]);
	const recipient = (await confirm.locator('body').textContent())!.match(/[\w.+-]+@[\w.-]+/)![0];
	await confirm.getByRole('button', { name: 'Unsubscribe' }).click();
	await confirm.getByText(/You are unsubscribed/).waitFor();
	await confirm.screenshot({ path: 'test-results/unsubscribed.png' });
	await confirm.close();
	return { account, recipient };
}

/** A dry run of the enabled plays on one account: the contact is suppressed as unsubscribed. */
export async function expectSuppressedInDryRun(
	page: Page,
	asOf: string,
	{ account, recipient }: { account: string; recipient: string }
): Promise<void> {
	await page.getByRole('link', { name: 'Plays', exact: true }).click();
	await page.getByLabel('Accounts I pick').check();
	await page.getByLabel('Find an account').fill(account);
	await page.getByRole('button', { name: `Add ${account}` }).click();
	await page.getByLabel('As of').fill(asOf);
	await page.getByRole('button', { name: 'Dry run', exact: true }).click();
	const row = page.locator('table.plan tbody tr', { hasText: recipient }).first();
	await row.waitFor({ timeout: 60_000 });
	await expect
		.poll(() => row.locator('td.status').textContent())
		.toContain('Suppressed: unsubscribed');
	await page.screenshot({ path: 'test-results/dry-run-unsubscribed.png', fullPage: true });
}
