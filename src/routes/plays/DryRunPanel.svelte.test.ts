import { EMPTY_SENDER } from '$lib/mail/sender';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { planPlays, type Play, type Workspace } from '$lib/engine';
import type { MjmlRenderer } from '$lib/mail';
import type { PlanClient } from '$lib/state/plays/client';
import { DryRun } from '$lib/state/plays/dry-run.svelte';
import { EmailPreviewer } from '$lib/state/plays/email-preview.svelte';
import type { PlanResult } from '$lib/state/plays/protocol';
import { exampleWorkspace } from '../../../tests/support/workspace';
import DryRunPanel from './DryRunPanel.svelte';

const AS_OF = '2026-11-02';

const invite: Play = {
	id: 'invite',
	name: 'Training invitation',
	enabled: true,
	mode: 'auto',
	when: true,
	actions: [{ type: 'email', template: 'training-invitation', to: 'contacts' }],
	cooldown_days: 30
};
const engaged: Play = {
	...invite,
	id: 'engaged',
	name: 'Engaged accounts',
	when: { '<': [{ var: 'score.groups.engagement' }, 50] }
};

/** The example workspace; Globex's only contact has unsubscribed. */
function workspace(): Workspace {
	const ws = exampleWorkspace();
	ws.plays = [invite, engaged];
	ws.contacts = ws.contacts.map((contact) =>
		contact.id === 'c2' ? { ...contact, unsubscribed_at: '2026-10-01T00:00:00Z' } : contact
	);
	return ws;
}

/** The dry run as the worker would answer it, and a previewer over the same workspace. */
async function setup() {
	const ws = workspace();
	const plan = planPlays({ workspace: ws, asOf: AS_OF, plays: ['invite', 'engaged'] });
	const result: PlanResult = {
		plan,
		playIds: ['invite', 'engaged'],
		accountNames: { acme: 'Acme Ltd', globex: 'Globex' },
		playNames: { invite: invite.name, engaged: engaged.name },
		scorecardNames: { scale: 'Scale segment' },
		accountsConsidered: 2,
		ms: 3
	};
	const client = { plan: async () => result } as unknown as PlanClient;
	const run = new DryRun(() => client);
	await run.run();
	// MJML is large and slow in jsdom: the fake gives the Liquid-rendered source back as the HTML.
	const rendered: string[] = [];
	const renderer: MjmlRenderer = async (source) => {
		rendered.push(source);
		return { html: `<html><body>${source}</body></html>`, errors: [] };
	};
	const previewer = new EmailPreviewer({
		account: async (id) => {
			const account = ws.accounts.find((each) => each.id === id);
			return account ? { account, workspace: ws } : null;
		},
		templates: async () => [],
		renderer: async () => renderer,
		origin: () => 'http://localhost:5173',
		sender: async () => ({
			identity: { ...EMPTY_SENDER, from_name: 'Acme CS', postal_address: '9 Real Road, Lisbon' },
			mail_from: 'cs@vendor.example',
			public_url: null
		})
	});
	const user = userEvent.setup();
	render(DryRunPanel, { run, accounts: ws.accounts, previewer });
	return { user, rendered };
}

describe('the dry run', { timeout: 30_000 }, () => {
	it('opens the email a recipient would get: subject, HTML in a sandbox, and text', async () => {
		const { user, rendered } = await setup();
		const open = screen.getByRole('button', { name: 'View the email to Ana Ops' });
		await user.click(open);
		const dialog = await screen.findByRole('dialog', {
			name: 'Email to Ana Ops <ana@acme.example>'
		});
		expect(dialog).toHaveTextContent(
			'Training invitation · Acme Ltd · template training-invitation'
		);
		expect(dialog).toHaveTextContent('Planned: this is the email this recipient would get.');
		const subject = await within(dialog).findByTestId('preview-subject');
		expect(subject).toHaveTextContent('Subject: Acme Ltd: a free training session for your team');
		// Rendered with this account and contact, and the server's sender identity in the footer.
		// One message, one MJML compile: no shape is worked out for a single message.
		expect(rendered).toHaveLength(1);
		expect(rendered[0]).toContain('Hi Ana,');
		expect(rendered[0]).toContain('9 Real Road, Lisbon');
		const frame = dialog.querySelector('iframe')!;
		expect(frame.getAttribute('sandbox')).not.toContain('allow-scripts');
		expect(frame.getAttribute('srcdoc')).toContain('Hi Ana,');
		expect(
			within(dialog).getByRole('link', { name: 'Edit the template training-invitation' })
		).toHaveAttribute('href', '/templates/training-invitation');

		await user.click(within(dialog).getByRole('tab', { name: 'Text' }));
		expect(within(dialog).getByRole('tabpanel')).toHaveTextContent('Hi Ana,');

		await user.keyboard('{Escape}');
		await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
		expect(open).toHaveFocus();
	});

	it('says in words why a suppressed email would not be sent, and still shows it', async () => {
		const { user } = await setup();
		await user.click(screen.getByRole('button', { name: 'View the email to Bo Chen' }));
		const dialog = await screen.findByRole('dialog', {
			name: 'Email to Bo Chen <bo@globex.example>'
		});
		expect(within(dialog).getByTestId('preview-suppressed')).toHaveTextContent(
			'Will not be sent. Suppressed: unsubscribed.'
		);
		expect(await within(dialog).findByTestId('preview-subject')).toHaveTextContent('Globex');
	});

	it('says which play cannot fire for which accounts, instead of planning nothing quietly', async () => {
		await setup();
		const warning = screen.getByRole('region', {
			name: 'Plays that cannot fire for some of these accounts'
		});
		expect(warning).toHaveTextContent(
			'Engaged accounts cannot fire for 2 accounts: their scorecard (Scale segment) has no group engagement (score.groups.engagement).'
		);
		expect(screen.getByRole('status')).toHaveTextContent(
			'2 entries for 2 of the 2 accounts looked at'
		);
	});
});
