import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EMPTY_SENDER, parseSender, resolveSender, smtpRefusal } from '$lib/mail/sender';
import { MailApi } from '$lib/state/mail/api';
import { SenderSettings } from '$lib/state/mail/sender-settings.svelte';
import SenderPanel from './SenderPanel.svelte';

/** A server sending through SMTP with `MAIL_FROM` unset, keeping what it is given. */
function fakeServer() {
	let identity = { ...EMPTY_SENDER };
	const puts: unknown[] = [];
	const status = () => {
		const effective = resolveSender(identity, { publicUrl: 'https://cs.acme-vendor.example' });
		return {
			identity,
			mail_from: null,
			public_url: 'https://cs.acme-vendor.example',
			effective,
			operator: effective.address,
			transport: 'smtp',
			refusal: smtpRefusal(effective)
		};
	};
	const fetcher = (async (_input: RequestInfo | URL, init?: RequestInit) => {
		if (init?.method === 'PUT') {
			const body = JSON.parse(String(init.body));
			puts.push(body);
			const checked = parseSender(body);
			if (!checked.ok) return Response.json({ errors: checked.errors }, { status: 422 });
			identity = checked.value;
		}
		return Response.json(status());
	}) as typeof fetch;
	return { api: new MailApi(fetcher), puts };
}

/** Types a value as a user pasting it (quicker than key by key, the same events for the form). */
async function fill(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
	const input = screen.getByLabelText(label);
	await user.clear(input);
	await user.click(input);
	await user.paste(value);
	return input;
}

function setup() {
	const server = fakeServer();
	const sender = new SenderSettings(server.api, 'http://127.0.0.1:3000');
	render(SenderPanel, { sender });
	return { user: userEvent.setup(), ...server };
}

describe('Settings → Sender', { timeout: 20_000 }, () => {
	it('says sending through SMTP waits for the From and the postal address', async () => {
		setup();
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Sending through SMTP is refused until you set: the From address and the postal address.'
		);
		expect(screen.getByLabelText('From address')).toHaveAccessibleDescription(
			/Required before sending through SMTP/
		);
		expect(screen.getByLabelText('Public URL')).toHaveAccessibleDescription(
			/Empty: https:\/\/cs\.acme-vendor\.example/
		);
	});

	it('refuses a javascript: link by field before asking the server, then saves the identity', async () => {
		const { user, puts } = setup();
		await screen.findByLabelText('Training link');
		const training = await fill(user, 'Training link', 'javascript:alert(1)');
		await fill(user, 'From address', 'cs@acme-vendor.example');
		await user.click(screen.getByRole('button', { name: 'Save sender' }));
		expect(screen.getByRole('status')).toHaveTextContent('Not saved: 1 field needs fixing.');
		expect(training).toHaveAttribute('aria-invalid', 'true');
		expect(training).toHaveAccessibleDescription(
			/javascript: links are refused: enter a web address starting with https:\/\/ or http:\/\//
		);
		expect(training).toHaveFocus();
		expect(puts).toEqual([]);

		await fill(user, 'Training link', 'https://acme-vendor.example/training');
		await fill(user, 'From name', 'Acme Customer Success');
		await fill(user, 'Reply-To address', 'team@acme-vendor.example');
		await fill(user, 'Postal address', 'Acme Vendor Inc. · 1 Main Street · Springfield');
		await user.click(screen.getByRole('button', { name: 'Save sender' }));
		await waitFor(() =>
			expect(screen.getByRole('status')).toHaveTextContent(
				'Saved: the server sends as this sender from now on.'
			)
		);
		expect(training).not.toHaveAttribute('aria-invalid');
		expect(puts).toHaveLength(1);
		expect(screen.queryByRole('alert')).toBeNull();
		expect(
			screen.getByText('Messages go out from "Acme Customer Success" <cs@acme-vendor.example>.')
		).toBeVisible();
		const preview = screen.getByRole('heading', { name: 'What messages carry' })
			.nextElementSibling as HTMLElement;
		expect(within(preview).getByTestId('sender-footer')).toHaveTextContent(
			'Acme Customer Success · Acme Vendor Inc. · 1 Main Street · Springfield'
		);
		expect(within(preview).getByText('team@acme-vendor.example')).toBeVisible();
	});
});
