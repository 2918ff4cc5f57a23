import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '$lib/i18n/format';
import { UnsubscribeKey } from '$lib/state/settings/unsubscribe-key.svelte';
import UnsubscribeKeyPanel from './UnsubscribeKeyPanel.svelte';

const MADE = '2027-01-04T09:00:00.000Z';
const ROTATED = '2027-02-01T10:30:00.000Z';

/** The server's two answers, and what the panel asked of it. */
function setup(rotation: { status: number; body: unknown }) {
	const asked: string[] = [];
	const fetchFn = (async (path: string, init?: RequestInit) => {
		asked.push(`${init?.method ?? 'GET'} ${path}`);
		const answer = path.endsWith('/rotate')
			? rotation
			: { status: 200, body: { created_at: MADE } };
		return new Response(JSON.stringify(answer.body), { status: answer.status });
	}) as typeof fetch;
	render(UnsubscribeKeyPanel, { key: new UnsubscribeKey(fetchFn) });
	return { user: userEvent.setup(), asked };
}

describe('Settings → Unsubscribe links', () => {
	it('says when the key was made, and rotates it on the server', async () => {
		const { user, asked } = setup({ status: 200, body: { created_at: ROTATED } });
		await screen.findByText(`The current key was made on ${formatDateTime(MADE)}.`);
		await user.click(screen.getByRole('button', { name: 'Rotate the key' }));
		await screen.findByText(`The current key was made on ${formatDateTime(ROTATED)}.`);
		expect(screen.getByRole('status')).toHaveTextContent(
			'Rotated: emails are signed with the new key from now on.'
		);
		expect(asked).toEqual(['GET /api/unsubscribe-keys', 'POST /api/unsubscribe-keys/rotate']);
	});

	it('says why when the server refuses, and keeps showing the key it has', async () => {
		const { user } = setup({ status: 403, body: { error: 'your role (ops) may not do this' } });
		await user.click(await screen.findByRole('button', { name: 'Rotate the key' }));
		expect(await screen.findByText(/^Not rotated: your role \(ops\)/)).toBeInTheDocument();
		expect(screen.getByText(`The current key was made on ${formatDateTime(MADE)}.`)).toBeVisible();
	});
});
