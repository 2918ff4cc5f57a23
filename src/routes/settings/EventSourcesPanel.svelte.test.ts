import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '$lib/i18n/format';
import type { EventSource } from '$lib/server/store/event-sources';
import { EventSourcesSettings } from '$lib/state/settings/event-sources.svelte';
import EventSourcesPanel from './EventSourcesPanel.svelte';

const ORIGIN = 'https://scorecraft.example';
const MADE = '2027-01-04T09:00:00.000Z';
const USED = '2027-02-01T10:30:00.000Z';
const NOW = '2027-03-01T08:15:00.000Z';
const KEY = 'sc_new-key-shown-once-W9xz';

const BACKEND: EventSource = {
	id: '0b7a0a52-4b1e-4d55-9a57-2f7e3c1a9d10',
	name: 'Backend',
	key_hint: 'Qr7t',
	created_at: MADE,
	created_by_email: 'owner@acme.example',
	last_used_at: USED,
	revoked_at: null,
	events: 12345
};

/** A server that keeps its sources; `refuse` answers every creation with this instead. */
function setup(refuse?: { status: number; body: unknown }) {
	const asked: string[] = [];
	const bodies: unknown[] = [];
	let sources = [BACKEND];
	const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
	const fetchFn = (async (path: string, init?: RequestInit) => {
		const method = init?.method ?? 'GET';
		asked.push(`${method} ${path}`);
		if (method === 'GET') return answer(200, { sources });
		if (method === 'POST') {
			bodies.push(JSON.parse(String(init?.body)));
			if (refuse) return answer(refuse.status, refuse.body);
			const { name } = bodies.at(-1) as { name: string };
			const source = { ...BACKEND, id: 'new-id', name, key_hint: 'W9xz', created_at: NOW };
			Object.assign(source, { last_used_at: null, events: 0 });
			sources = [source, ...sources];
			return answer(201, { source, write_key: KEY });
		}
		const id = path.split('/').at(-1);
		const source = { ...sources.find((each) => each.id === id)!, revoked_at: NOW };
		sources = sources.map((each) => (each.id === id ? source : each));
		return answer(200, { source });
	}) as typeof fetch;
	render(EventSourcesPanel, { settings: new EventSourcesSettings(fetchFn), origin: ORIGIN });
	return { user: userEvent.setup(), asked, bodies };
}

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('Settings → Product events', () => {
	it('lists the sources and shows a new source’s write key once', async () => {
		const { user, asked, bodies } = setup();
		const panel = screen.getByRole('region', { name: 'Product events' });
		expect(panel).toHaveTextContent(`${ORIGIN}/api/v1/batch`);
		await screen.findByRole('rowheader', { name: 'Backend' });
		const backend = within(rowOf('Backend'));
		expect(backend.getByText('ending …Qr7t')).toBeVisible();
		expect(backend.getByText(formatDateTime(MADE))).toBeVisible();
		expect(backend.getByText('by owner@acme.example')).toBeVisible();
		expect(backend.getByText(formatDateTime(USED))).toBeVisible();
		expect(backend.getByText('12,345')).toBeVisible();

		await user.type(screen.getByLabelText('Source name'), '  Segment (production) ');
		await user.click(screen.getByRole('button', { name: 'Create a write key' }));
		const status = screen.getByRole('status');
		expect(await within(status).findByText(KEY)).toBeVisible();
		expect(status).toHaveTextContent('The write key of Segment (production):');
		expect(status).toHaveTextContent('Copy it now: it is not shown again.');
		expect(bodies).toEqual([{ name: 'Segment (production)' }]);
		expect(screen.getByLabelText('Source name')).toHaveValue('');
		expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
			'Segment (production)',
			'Backend'
		]);
		expect(within(rowOf('Segment (production)')).getByText('never')).toBeVisible();

		await user.click(within(status).getByRole('button', { name: 'Done' }));
		expect(screen.queryByText(KEY)).toBeNull();
		expect(status).not.toHaveTextContent('Copy it now');
		expect(asked).toEqual(['GET /api/event-sources', 'POST /api/event-sources']);
	});

	it('revokes a source only once the owner confirms', async () => {
		const { user, asked } = setup();
		await user.click(await screen.findByRole('button', { name: 'Revoke Backend' }));
		const dialog = await screen.findByRole('alertdialog', { name: 'Revoke Backend?' });
		expect(dialog).toHaveAccessibleDescription(/stop at once/);
		expect(asked).toEqual(['GET /api/event-sources']);

		await user.click(within(dialog).getByRole('button', { name: 'Revoke the key' }));
		expect(await screen.findByText(`Revoked on ${formatDateTime(NOW)}`)).toBeVisible();
		expect(rowOf('Backend')).toHaveAttribute('data-state', 'revoked');
		expect(screen.queryByRole('button', { name: 'Revoke Backend' })).toBeNull();
		expect(asked).toEqual(['GET /api/event-sources', `DELETE /api/event-sources/${BACKEND.id}`]);
	});

	it('says why a source was not created, and asks the server nothing for an empty name', async () => {
		const error = 'name: expected one line of 1 to 80 characters, e.g. "Segment (production)"';
		const { user, asked, bodies } = setup({ status: 400, body: { error } });
		const create = await screen.findByRole('button', { name: 'Create a write key' });
		await screen.findByRole('rowheader', { name: 'Backend' });

		await user.type(screen.getByLabelText('Source name'), '   ');
		await user.click(create);
		expect(screen.getByRole('status')).toHaveTextContent(
			'Not created: name the source first, e.g. “Segment (production)”.'
		);
		expect(screen.getByLabelText('Source name')).toHaveAttribute('aria-invalid', 'true');
		expect(asked).toEqual(['GET /api/event-sources']);

		await user.type(screen.getByLabelText('Source name'), 'Segment');
		await user.click(create);
		expect(await screen.findByText(`Not created: ${error}`)).toBeVisible();
		expect(bodies).toEqual([{ name: 'Segment' }]);
		expect(screen.getAllByRole('rowheader')).toHaveLength(1);
		expect(screen.queryByText(/^sc_/)).toBeNull();
	});
});
