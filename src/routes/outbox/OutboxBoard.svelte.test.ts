// Dexie's live queries watch the global IndexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { replaceWorkspace, runPlan } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import { planPlays, type Play, type Workspace } from '$lib/engine';
import { exampleWorkspace } from '../../../tests/support/workspace';
import OutboxBoard from './OutboxBoard.svelte';

const AS_OF = '2026-11-02';

const plays: Play[] = [
	{
		id: 'call',
		name: 'Call the sponsor',
		enabled: true,
		mode: 'approve',
		when: true,
		actions: [{ type: 'task', title: 'Call them', due_in_days: 3 }],
		cooldown_days: 30
	},
	{
		id: 'nurture',
		name: 'Nurture',
		enabled: true,
		mode: 'auto',
		when: true,
		actions: [{ type: 'tag', add: ['nurtured'] }],
		cooldown_days: 14
	}
];

afterEach(() => localStorage.clear());

async function setup() {
	const db = testDatabase('outbox-board');
	const workspace: Workspace = { ...exampleWorkspace(), plays };
	await replaceWorkspace(db, workspace);
	await runPlan(db, planPlays({ workspace, asOf: AS_OF }), {
		at: `${AS_OF}T08:00:00.000Z`,
		by: 'kim'
	});
	const fetchFn = vi.fn();
	const user = userEvent.setup();
	render(OutboxBoard, { db, fetchFn: fetchFn as unknown as typeof fetch });
	const table = await screen.findByRole('table', { name: 'Outbox entries, newest first' });
	return { db, user, table, fetchFn };
}

describe('OutboxBoard', () => {
	it('opens on the entries waiting for approval, with counts by status', async () => {
		const { table } = await setup();
		const counts = screen.getByRole('table', { name: 'Entries by status' });
		expect(within(counts).getByRole('row', { name: /Waiting for approval/ })).toHaveTextContent(
			'2'
		);
		expect(within(counts).getByRole('row', { name: /Done/ })).toHaveTextContent('2');
		expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('planned');
		const rows = within(table).getAllByRole('row').slice(1);
		expect(rows).toHaveLength(2);
		expect(rows.every((row) => row.textContent!.includes('Waiting for approval'))).toBe(true);
		expect(within(table).getByRole('link', { name: 'Acme Ltd' })).toHaveAttribute(
			'href',
			'/accounts/acme'
		);
	});

	it('approves the selected entry, says how many changed, and creates its task', async () => {
		const { db, user, table } = await setup();
		const approve = screen.getByRole('button', { name: 'Approve selected' });
		expect(approve).toBeDisabled();
		const acme = within(table).getByRole('row', { name: /Acme Ltd/ });
		await user.click(within(acme).getByRole('checkbox'));
		expect(screen.getByText('1 selected')).toBeInTheDocument();
		await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Lee');
		await user.click(approve);
		await waitFor(() =>
			expect(screen.getByRole('status')).toHaveTextContent(
				'Approved 1 entry (0 were not waiting and were left as they were).'
			)
		);
		const [task] = await db.tasks.toArray();
		expect(task).toMatchObject({ account_id: 'acme', title: 'Call them', status: 'open' });
		const entry = await db.outbox.get(task!.id);
		expect(entry).toMatchObject({ status: 'sent', decided_by: 'Lee' });
		// The waiting view now shows only Globex's entry.
		await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
		expect(within(table).getByRole('row', { name: /Globex/ })).toBeInTheDocument();
		expect(screen.getByText('Showing 1 of 1 entry.')).toBeInTheDocument();
	});

	it('selects every waiting entry shown and rejects them', async () => {
		const { db, user } = await setup();
		await user.click(screen.getByRole('checkbox', { name: 'Select every waiting entry shown' }));
		expect(screen.getByText('2 selected')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Reject selected' }));
		await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Rejected 2 entries'));
		expect(await db.outbox.where('status').equals('rejected').count()).toBe(2);
		expect(await db.tasks.count()).toBe(0);
		// Nothing waits any more: the waiting view is empty, the other statuses still listed.
		await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '');
		const table = screen.getByRole('table', { name: 'Outbox entries, newest first' });
		await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(5));
		// Only select-all, disabled (the rows re-render once the live query answers).
		await waitFor(() => expect(within(table).getAllByRole('checkbox')).toHaveLength(1));
		expect(
			screen.getByRole('checkbox', { name: 'Select every waiting entry shown' })
		).toBeDisabled();
	});
});
