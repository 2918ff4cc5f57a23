/**
 * The team journey, on a server of its own, each person in a browser of their own working in one
 * workspace: the owner is set up on the first start (with the sample), invites an ops person, a
 * CSM and a leader (each accepts, the link read from the Mailbox); the ops person runs the plays
 * but cannot publish a scorecard; the owner gives an account to the CSM, whose header tells her
 * of its tasks; she completes one from her own queue and the ops person's Tasks page shows it; the
 * leader publishes and the CSM's Accounts page shows the new scores, without a reload; the owner,
 * who had started a draft from the same version, sees the conflict and chooses; ops's band
 * playbooks give the accounts that changed band their response tasks, counted on the dashboard;
 * the owner gives the CSM a manager; the owner reads
 * the deliveries, rotates the unsubscribe key, and the audit log shows who did what.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser, type Browser } from './browser';
import { exampleWorkspace } from '../support/workspace';
import { startAppServer } from './global-setup';

let server: Awaited<ReturnType<typeof startAppServer>>;
const browsers: Browser[] = [];
/** How long a change took to reach another person's page, printed for the record. */
const timings: Record<string, number> = {};

beforeAll(async () => {
	// Four people's browsers load the team's workspace at once: a smaller sample keeps it quick.
	server = await startAppServer({ SCORECRAFT_SAMPLE_ACCOUNTS: '300' });
});

afterAll(async () => {
	for (const browser of browsers) await browser.close();
	await server?.stop();
});

async function newPage(): Promise<Page> {
	const browser = await launchBrowser({ signedIn: false, baseURL: server.baseURL });
	browsers.push(browser);
	return browser.context.newPage();
}

/** Who did what, as the audit log's page lists it: [who, action] of each row. */
function auditRows(owner: Page): Promise<string[][]> {
	return owner
		.locator('table tbody tr')
		.evaluateAll((rows) =>
			rows.map((row) =>
				[1, 2].map((cell) => (row as HTMLTableRowElement).cells[cell]!.textContent!.trim())
			)
		);
}

/** The invitation link the Mailbox holds for `email` (the owner reads it; nobody else may). */
async function invitationLink(owner: Page, email: string): Promise<string> {
	return owner.evaluate(async (to) => {
		const { messages } = await (await fetch('/api/mailbox')).json();
		const message = messages.find((m: { to: string }) => m.to === to);
		const full = await (await fetch(`/api/mailbox/${message.id}`)).json();
		return (full.text as string).match(/https?:\/\/\S+\/invite\/[\w-]+/)![0];
	}, email);
}

async function invite(owner: Page, email: string, role: string): Promise<void> {
	const send = owner.getByRole('button', { name: 'Send the invitation' });
	const form = owner.locator('form', { has: send });
	await form.locator('input[name="email"]').fill(email);
	await form.locator('select[name="role"]').selectOption(role);
	await send.click();
	await owner.getByText(`Invitation for ${email} stored in the Mailbox`).waitFor();
}

async function accept(link: string, name: string): Promise<Page> {
	const page = await newPage();
	await page.goto(link);
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('Password').fill(`${name.toLowerCase()}-password-123`);
	await page.getByRole('button', { name: 'Join' }).click();
	await page.waitForURL((url) => url.pathname === '/');
	return page;
}

describe('a team', () => {
	it('sets up its owner, invites ops, a CSM and a leader; ops runs plays but cannot publish a scorecard, the leader does; the owner reads the deliveries and rotates the unsubscribe key; the audit log shows it', async () => {
		await mkdir('test-results', { recursive: true });
		// The first start: the set-up page creates the owner.
		const owner = await newPage();
		const errors = collectErrors(owner);
		await owner.goto(server.baseURL);
		await owner.waitForURL((url) => url.pathname === '/setup');
		await owner.getByLabel('Your name').fill('Olivia Owner');
		await owner.getByLabel('Email', { exact: true }).fill('olivia@team.example');
		await owner.getByLabel('Password').fill('owner-password-1234');
		await owner.getByRole('button', { name: 'Create the owner and start' }).click();
		await owner.waitForURL((url) => url.pathname === '/');
		await owner.getByRole('link', { name: 'People', exact: true }).click();

		await invite(owner, 'oscar@team.example', 'ops');
		await invite(owner, 'cara@team.example', 'csm');
		await invite(owner, 'lea@team.example', 'leader');
		await owner.screenshot({ path: 'test-results/people.png', fullPage: true });

		const ops = await accept(await invitationLink(owner, 'oscar@team.example'), 'Oscar');
		const csm = await accept(await invitationLink(owner, 'cara@team.example'), 'Cara');
		const leader = await accept(await invitationLink(owner, 'lea@team.example'), 'Lea');

		// The CSM reads; the team and the audit log are the owner's.
		await csm.getByRole('link', { name: 'Accounts', exact: true }).waitFor();
		for (const owners of ['People', 'Deliveries', 'Audit log'])
			expect(await csm.getByRole('link', { name: owners, exact: true }).count(), owners).toBe(0);
		expect((await csm.goto(`${server.baseURL}/audit`))!.status()).toBe(403);
		expect((await csm.goto(`${server.baseURL}/deliveries`))!.status()).toBe(403);
		// And the invitations in the Mailbox are the owner's to read.
		const seen = await csm.evaluate(async () => (await (await fetch('/api/mailbox')).json()).count);
		expect(seen).toBe(0);

		// Ops runs the plays: the outbox is written, the emails go out through the server.
		await ops.getByRole('link', { name: 'Plays', exact: true }).click();
		// This browser loads the team's workspace (the sample) from the server first.
		await ops.getByRole('button', { name: 'Run all plays' }).click({ timeout: 180_000 });
		await ops.getByRole('button', { name: 'Run them' }).click({ timeout: 60_000 });
		// The delivery's end, whichever it is, so that a failure says why.
		const delivered = ops.getByText(/^Emails: [\d,]+ sent|^Emails could not be sent/);
		await delivered.waitFor({ timeout: 180_000 });
		expect(await delivered.textContent()).toMatch(/^Emails: [\d,]+ sent, 0 failed/);

		// The owner gives an account with an open task to the CSM: its tasks go with it, and the
		// CSM's header says so without a reload. She completes one from her own queue; the ops
		// person's Tasks page shows it done, no reload.
		await ops.getByRole('link', { name: 'Tasks', exact: true }).click();
		await ops.getByLabel('Show done tasks').check();
		// (The CSM's page is the refusal of /deliveries, with no menu: go to the app by its address.)
		await csm.goto(server.baseURL);
		const account = ops.locator('table.tasks tbody tr[data-status="open"] td.account a').first();
		await account.waitFor();
		const accountName = (await account.textContent())!.trim();
		await owner.goto(`${server.baseURL}${await account.getAttribute('href')}`);
		await owner.getByRole('button', { name: 'Reassign' }).click({ timeout: 60_000 });
		await owner.getByLabel(`CSM of ${accountName}`).fill('cara@team.example');
		await owner.getByRole('button', { name: 'Give it to them' }).click();
		await owner
			.getByText(/^Now cara@team\.example’s account; [1-9]\d* open tasks? moved with it\.$/)
			.waitFor();
		const reassignedAt = Date.now();
		const notice = csm.locator('header a.new-tasks');
		await notice.waitFor({ timeout: 60_000 });
		timings.accountToCsm = Date.now() - reassignedAt;
		expect(await notice.textContent()).toMatch(/^\s*[1-9]\d* new tasks? for you\s*$/);
		await notice.click();
		await csm
			.getByRole('combobox', { name: 'Assignee' })
			.filter({ has: csm.locator('option:checked', { hasText: 'My tasks (cara@team.example)' }) })
			.waitFor();
		const task = csm.locator('table.tasks tbody tr[data-status="open"]', { hasText: accountName });
		await task.first().waitFor();
		// Seen on the Tasks page: the header has nothing new for her any more.
		await notice.waitFor({ state: 'detached' });
		await csm.screenshot({ path: 'test-results/my-tasks.png', fullPage: true });
		const title = (await task.first().locator('th').first().textContent())!.trim();
		await task.first().getByRole('button', { name: 'Complete' }).click();
		await csm.getByText(`“${title}” completed.`).waitFor();
		const completedAt = Date.now();
		await ops
			.locator('table.tasks tbody tr[data-status="done"]', { hasText: accountName })
			.first()
			.waitFor({ timeout: 30_000 });
		timings.taskToOps = Date.now() - completedAt;

		// Ops sets the band playbooks (the framework's); the server's first check tasks the accounts
		// that entered their band in the last week.
		await ops.getByRole('link', { name: 'Settings', exact: true }).click();
		await ops.getByRole('button', { name: 'Use the framework’s playbooks' }).click();
		await ops.getByRole('button', { name: 'Save playbooks' }).click();
		await ops.getByText('Saved: the whole team’s workspace has them.').waitFor();
		const checkNow = async () => {
			await ops.getByRole('button', { name: 'Check now' }).click();
			const checked = ops.getByText(/^Checked: \d+ response tasks? created/);
			await checked.waitFor({ timeout: 60_000 });
			const count = Number((await checked.textContent())!.match(/(\d+) response/)![1]);
			return count;
		};
		const firstResponses = await checkNow();

		// Ops cannot publish a scorecard: the builder has no Publish button, and the server refuses.
		await ops.getByRole('link', { name: 'Scorecards', exact: true }).click();
		await ops.getByRole('link', { name: /Scale/ }).first().click();
		await ops.getByText('Leaders publish scorecards').waitFor();
		expect(await ops.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
		const refused = await ops.evaluate(async (workspace) => {
			const response = await fetch('/api/workspace', { method: 'PUT', body: workspace });
			return { status: response.status, error: (await response.json()).error as string };
		}, JSON.stringify(exampleWorkspace()));
		expect(refused).toEqual({
			status: 403,
			error: 'changing scorecards takes the leader role (yours: ops)'
		});

		// The owner starts a draft of Scale from the published version (Deployment weighs more)...
		const weightOf = (page: Page, group: string) =>
			page.getByRole('spinbutton', { name: `Weight of ${group}` });
		await owner.getByRole('link', { name: 'Scorecards', exact: true }).click();
		await owner.getByRole('link', { name: /Scale/ }).first().click();
		await weightOf(owner, 'Deployment').fill('80');
		await weightOf(owner, 'Deployment').press('Tab');
		await owner.getByText('Draft saved').waitFor();

		// ...while the CSM has the Accounts page open.
		await csm.getByRole('link', { name: 'Accounts', exact: true }).click();
		const csmTable = csm.getByTestId('accounts-viewport').locator('tbody');
		await csmTable.locator('td.score').first().waitFor();
		const before = await csmTable.innerText();

		// The leader publishes from the same version: Adoption weighs more. The CSM's Accounts
		// page shows the new scores without a reload.
		await leader.getByRole('link', { name: 'Scorecards', exact: true }).click();
		await leader.getByRole('link', { name: /Scale/ }).first().click();
		await weightOf(leader, 'Adoption').fill('70');
		await weightOf(leader, 'Adoption').press('Tab');
		await leader.getByText('Draft saved').waitFor();
		await leader.getByRole('button', { name: 'Publish', exact: true }).click();
		await leader
			.getByText(/^Published version \d+: it scores the accounts from now on\.$/)
			.waitFor();
		const publishedAt = Date.now();
		await csm.waitForFunction(
			(previous) =>
				document.querySelector<HTMLElement>('[data-testid="accounts-viewport"] tbody')
					?.innerText !== previous &&
				document.querySelector('header [data-status="ready"]') !== null,
			before,
			{ timeout: 60_000 }
		);
		timings.publishToCsmScores = Date.now() - publishedAt;
		expect(await csmTable.innerText()).not.toBe(before);

		// The owner publishes their draft: someone published since it started, so nothing is
		// written until the owner has seen both and chosen.
		await owner.getByRole('button', { name: 'Publish', exact: true }).click();
		const stale = owner.getByRole('alert').filter({ hasText: 'Someone published this scorecard' });
		await stale.waitFor({ timeout: 30_000 });
		await stale.getByText('lea@team.example').first().waitFor();
		await owner.screenshot({ path: 'test-results/conflict.png', fullPage: true });
		await stale.getByRole('button', { name: /^Publish mine as version \d+$/ }).click();
		await owner
			.getByText(/^Published version \d+: it scores the accounts from now on\.$/)
			.waitFor();
		// The scorecard changed: the accounts that crossed into a band with a playbook get their
		// response task, and the dashboard counts them per person.
		await ops.getByRole('link', { name: 'Settings', exact: true }).click();
		const responses = await checkNow();
		expect(responses).toBeGreaterThan(0);
		timings.slaResponses = firstResponses + responses;
		await ops.getByRole('link', { name: 'Dashboard', exact: true }).click();
		const compliance = ops.getByRole('region', { name: 'Band playbooks: responses on time' });
		await compliance.locator('tbody tr').first().waitFor({ timeout: 60_000 });
		// Every task of both checks reaches this browser's replica, then the table.
		const openCount = () =>
			compliance
				.locator('tbody tr td:nth-child(4)')
				.evaluateAll((cells) => cells.reduce((sum, cell) => sum + Number(cell.textContent), 0));
		await expect
			.poll(openCount, { timeout: 60_000, interval: 500 })
			.toBe(firstResponses + responses);
		await compliance.screenshot({ path: 'test-results/sla-compliance.png' });

		// The owner makes Lea the CSM's manager: Cara's overdue responses escalate to her.
		await owner.getByRole('link', { name: 'People', exact: true }).click();
		const managerOfCara = owner.getByRole('combobox', { name: 'Manager of Cara' });
		await managerOfCara.selectOption({ label: 'Lea' });
		await owner.getByRole('button', { name: 'Set the manager of Cara' }).click();
		await owner.reload();
		expect(await managerOfCara.locator('option:checked').textContent()).toBe('Lea');

		// The unsubscribe key is the owner's: the leader's Settings have no such section.
		await leader.getByRole('link', { name: 'Settings', exact: true }).click();
		await leader.getByRole('heading', { name: 'Server: email and scheduled runs' }).waitFor();
		expect(await leader.getByRole('heading', { name: 'Unsubscribe links' }).count()).toBe(0);

		// The owner's deliveries: ops's emails sent, nothing failed.
		await owner.getByRole('link', { name: 'Deliveries', exact: true }).click();
		await owner.getByText('Nothing failed or was interrupted.').waitFor();
		const sent = owner.getByRole('table', { name: 'Recently sent messages' });
		expect(await sent.locator('tbody tr[data-state="sent"]').count()).toBeGreaterThan(0);
		await owner.screenshot({ path: 'test-results/deliveries.png', fullPage: true });

		// And rotates the unsubscribe key in Settings.
		await owner.getByRole('link', { name: 'Settings', exact: true }).click();
		await owner.getByText(/^The current key was made on /).waitFor();
		await owner.getByRole('button', { name: 'Rotate the key' }).click();
		await owner.getByText('Rotated: emails are signed with the new key from now on.').waitFor();

		// The audit log: the set-up, the invitations, the sign-ups, ops's changes and sends, the
		// CSM's task, the leader's and the owner's publishes, the owner's rotation.
		await owner.getByRole('link', { name: 'Audit log', exact: true }).click();
		await owner.locator('table').getByText('lea@team.example').first().waitFor();
		const rows = await auditRows(owner);
		for (const [who, action] of [
			['olivia@team.example', 'setup'],
			['olivia@team.example', 'invite'],
			['oscar@team.example', 'invite.accept'],
			['oscar@team.example', 'change'],
			['oscar@team.example', 'send'],
			['cara@team.example', 'change'],
			['lea@team.example', 'publish'],
			['olivia@team.example', 'publish'],
			['olivia@team.example', 'manager.change'],
			['olivia@team.example', 'settings.unsubscribe_key']
		])
			expect(rows, `${who} ${action}`).toContainEqual([who, action]);
		await owner.screenshot({ path: 'test-results/audit.png', fullPage: true });
		expect(errors).toEqual([]);
		console.log('team workspace timings (ms):', timings);
	}, 420_000);
});
