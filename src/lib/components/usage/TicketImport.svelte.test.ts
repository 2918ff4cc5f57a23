import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TicketImportAnswer } from '$lib/server/tickets/types';
import { CsvUpload } from '$lib/state/usage/csv-upload.svelte';
import TicketImportPanel from './TicketImport.svelte';

const CSV = 'id,account_id,opened_at,text\nT-1,acme,2026-03-01T09:00:00Z,Broken\n';
const ANSWER: TicketImportAnswer = {
	source_id: '0b7a0a52-4b1e-4d55-9a57-2f7e3c1a9d10',
	rows: 1_204,
	added: 1_190,
	updated: 3,
	unchanged: 9,
	refused: 102,
	errors: [
		{ row: 3, reason: 'account_id is required' },
		{ row: 8, reason: 'closed_at is before opened_at' },
		...Array.from({ length: 98 }, (_, i) => ({ row: 20 + i, reason: 'id is required' }))
	],
	ignored_columns: ['assignee']
};

/** A server that answers every upload with `answer` (status 200 unless given). */
function setup(answer: unknown = ANSWER, status = 200, source: string | null = null) {
	const asked: { path: string; type: string | null; body: unknown }[] = [];
	const fetchFn = (async (path: string, init?: RequestInit) => {
		asked.push({
			path,
			type: new Headers(init?.headers).get('content-type'),
			body: init?.body
		});
		return new Response(JSON.stringify(answer), { status });
	}) as typeof fetch;
	render(TicketImportPanel, {
		importer: new CsvUpload<TicketImportAnswer>('/api/tickets/import', fetchFn, source)
	});
	const file = new File([CSV], 'tickets.csv', { type: 'text/csv' });
	return { user: userEvent.setup(), asked, file };
}

describe('TicketImport', () => {
	it('uploads the chosen file and shows what was added and updated, and the rows left out', async () => {
		const { user, asked, file } = setup();
		const panel = screen.getByRole('region', { name: 'Support tickets' });
		await user.upload(within(panel).getByLabelText('CSV file of tickets'), file);
		await user.click(screen.getByRole('button', { name: 'Upload tickets' }));

		const status = screen.getByRole('status');
		expect(
			await within(status).findByText('1,204 rows read: 1,190 added, 3 updated, 9 unchanged.')
		).toBeVisible();
		expect(status).toHaveAttribute('data-state', 'done');
		expect(status).toHaveTextContent('Columns left aside: assignee.');
		const refused = within(status).getByRole('list', {
			name: '102 rows were left out; fix them and upload the file again:'
		});
		const items = within(refused).getAllByRole('listitem');
		expect(items).toHaveLength(100);
		expect(items[0]).toHaveTextContent('Row 3: account_id is required');
		expect(items[1]).toHaveTextContent('Row 8: closed_at is before opened_at');
		expect(status).toHaveTextContent('…and 2 more rows.');
		expect(asked).toEqual([{ path: '/api/tickets/import', type: 'text/csv', body: file }]);
	});

	it('sends the source it was given, and says nothing was left out when nothing was', async () => {
		const source = '5d0c3c1e-8a3b-4d7e-9c6f-0a1b2c3d4e5f';
		const answer = { ...ANSWER, rows: 1, added: 1, updated: 0, unchanged: 0, refused: 0 };
		const { user, asked, file } = setup(
			{ ...answer, errors: [], ignored_columns: [] },
			200,
			source
		);
		await user.upload(screen.getByLabelText('CSV file of tickets'), file);
		await user.click(screen.getByRole('button', { name: 'Upload tickets' }));
		expect(await screen.findByText('1 row read: 1 added, 0 updated, 0 unchanged.')).toBeVisible();
		expect(screen.queryByRole('list')).toBeNull();
		expect(screen.queryByText(/left aside/)).toBeNull();
		expect(asked.map((each) => each.path)).toEqual([`/api/tickets/import?source=${source}`]);
	});

	it('says why the server refused the file, and asks nothing without a file', async () => {
		const error =
			'the heading has no column for opened_at or opened or created_at or created; its first row must name the columns, e.g. id,account_id,opened_at,first_response_at,closed_at,priority,subject,text';
		const { user, asked, file } = setup({ error }, 422);
		await user.click(screen.getByRole('button', { name: 'Upload tickets' }));
		expect(screen.getByRole('status')).toHaveTextContent('Not imported: choose a CSV file first.');
		expect(screen.getByLabelText('CSV file of tickets')).toHaveAttribute('aria-invalid', 'true');
		expect(asked).toEqual([]);

		await user.upload(screen.getByLabelText('CSV file of tickets'), file);
		expect(screen.getByRole('status')).not.toHaveTextContent('Not imported');
		await user.click(screen.getByRole('button', { name: 'Upload tickets' }));
		expect(await screen.findByText(`Not imported: ${error}`)).toBeVisible();
		expect(asked).toHaveLength(1);
	});
});
