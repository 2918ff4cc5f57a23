// Dexie's live queries watch the global IndexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { replaceWorkspace } from '$lib/db';
import { applyPage } from '$lib/db/sync';
import { testDatabase } from '$lib/db/testing';
import type { Task } from '$lib/engine';
import { formatDate } from '$lib/i18n/format';
import { exampleWorkspace } from '../../../tests/support/workspace';
import TaskBoard from './TaskBoard.svelte';

const TODAY = '2026-11-24';

const task = (id: string, fields: Partial<Task>): Task => ({
	id,
	account_id: 'acme',
	play_id: 'call',
	title: id,
	assignee: 'kim@vendor.example',
	due_date: TODAY,
	status: 'open',
	created_at: '2026-11-20T08:00:00.000Z',
	...fields
});

async function setup(me: string | null = null) {
	const db = testDatabase('task-board');
	await replaceWorkspace(db, exampleWorkspace());
	await db.tasks.bulkAdd([
		task('Call Acme', { due_date: '2026-11-20' }),
		task('Plan the renewal', {
			account_id: 'globex',
			due_date: '2026-12-01',
			assignee: 'lee@vendor.example'
		}),
		task('Send the deck', { due_date: '2026-11-25' }),
		task('Old one', { status: 'done', completed_at: '2026-11-21T10:00:00.000Z' }),
		task('Later', { status: 'snoozed', snoozed_until: '2026-12-10' })
	]);
	const user = userEvent.setup();
	render(TaskBoard, { db, today: TODAY, me });
	const table = await screen.findByRole('table', { name: 'Open tasks by due date' });
	const titles = () =>
		within(table)
			.queryAllByRole('rowheader')
			.map((cell) => cell.textContent!.trim());
	return { db, user, table, titles };
}

describe('TaskBoard', () => {
	it('lists open tasks by due date, flags the overdue, and hides done and snoozed ones', async () => {
		const { table, titles } = await setup();
		expect(titles()).toEqual(['Call Acme', 'Send the deck', 'Plan the renewal']);
		const overdue = within(table).getByRole('row', { name: /Call Acme/ });
		expect(overdue).toHaveTextContent('overdue');
		expect(within(table).getByRole('row', { name: /Send the deck/ })).not.toHaveTextContent(
			'overdue'
		);
		expect(within(overdue).getByRole('link', { name: 'Acme Ltd' })).toHaveAttribute(
			'href',
			'/accounts/acme'
		);
	});

	it('shows a band playbook’s task with its due time, overdue by the hour', async () => {
		const { db, table } = await setup();
		const past = new Date(Date.now() - 3_600_000).toISOString();
		const later = new Date(Date.now() + 3_600_000).toISOString();
		await db.tasks.bulkAdd([
			task('Respond to Acme', {
				due_date: past.slice(0, 10),
				due_at: past,
				sla: { band: 'Orange', kind: 'response' }
			}),
			task('Escalated Acme', {
				due_date: later.slice(0, 10),
				due_at: later,
				sla: { band: 'Orange', kind: 'escalation', of: 'x' }
			})
		]);
		const response = await within(table).findByRole('row', { name: /Respond to Acme/ });
		expect(response).toHaveTextContent(`${past.slice(11, 16)} UTC`);
		expect(response).toHaveTextContent('Orange playbook');
		expect(response).toHaveTextContent('overdue');
		const escalation = within(table).getByRole('row', { name: /Escalated Acme/ });
		expect(escalation).toHaveTextContent('Orange escalation');
		expect(escalation).not.toHaveTextContent('overdue');
	});

	it('completes a task, and shows it again with the done ones', async () => {
		const { db, user, table, titles } = await setup();
		const row = within(table).getByRole('row', { name: /Call Acme/ });
		await user.click(within(row).getByRole('button', { name: 'Complete' }));
		await waitFor(() => expect(titles()).toEqual(['Send the deck', 'Plan the renewal']));
		expect(screen.getByRole('status')).toHaveTextContent('“Call Acme” completed.');
		expect(await db.tasks.get('Call Acme')).toMatchObject({ status: 'done' });

		await user.click(screen.getByRole('checkbox', { name: 'Show done tasks' }));
		await waitFor(() => expect(titles()).toHaveLength(4));
		const done = within(table).getByRole('row', { name: /Call Acme/ });
		await user.click(within(done).getByRole('button', { name: 'Reopen' }));
		await waitFor(() =>
			expect(db.tasks.get('Call Acme')).resolves.toMatchObject({ status: 'open' })
		);
	});

	it('snoozes a task for a week: it leaves the queue until then', async () => {
		const { db, user, table, titles } = await setup();
		const row = within(table).getByRole('row', { name: /Send the deck/ });
		await user.click(within(row).getByRole('button', { name: 'Snooze a week' }));
		await waitFor(() => expect(titles()).toEqual(['Call Acme', 'Plan the renewal']));
		expect(screen.getByRole('status')).toHaveTextContent(
			`“Send the deck” snoozed until ${formatDate('2026-12-01')}.`
		);
		expect(await db.tasks.get('Send the deck')).toMatchObject({
			status: 'snoozed',
			snoozed_until: '2026-12-01'
		});
	});

	it('filters by assignee and reassigns a task', async () => {
		const { db, user, table, titles } = await setup();
		await user.selectOptions(
			screen.getByRole('combobox', { name: 'Assignee' }),
			'lee@vendor.example'
		);
		expect(titles()).toEqual(['Plan the renewal']);
		await user.selectOptions(screen.getByRole('combobox', { name: 'Assignee' }), '');
		const input = within(table).getByRole('textbox', { name: 'Assign Call Acme to' });
		await user.clear(input);
		await user.type(input, 'lee@vendor.example{Enter}');
		input.blur();
		await waitFor(() =>
			expect(db.tasks.get('Call Acme')).resolves.toMatchObject({ assignee: 'lee@vendor.example' })
		);
	});

	it('shows a task someone else completed, with the done ones, as the server sent it', async () => {
		const { db, user, table, titles } = await setup();
		await user.click(screen.getByRole('checkbox', { name: 'Show done tasks' }));
		await waitFor(() => expect(titles()).toHaveLength(4));
		const before = (await db.tasks.get('Send the deck'))!;
		// As if this browser's changes had reached the server: nothing of its own waits to be sent.
		await db.syncChanges.clear();
		await applyPage(db, {
			head: 9,
			revision: 9,
			cursor: null,
			changes: [
				{
					kind: 'tasks',
					id: 'Send the deck',
					revision: 9,
					body: { ...before, status: 'done', completed_at: '2026-11-24T09:00:00.000Z' }
				}
			]
		});
		await waitFor(() =>
			expect(within(table).getByRole('row', { name: /Send the deck/ })).toHaveAttribute(
				'data-status',
				'done'
			)
		);
		expect(titles()).toHaveLength(4);
	});

	it("opens on the person's own tasks, flags the new ones, and marks them seen for every browser", async () => {
		const { db, titles, table } = await setup('Lee@Vendor.example');
		await waitFor(() => expect(titles()).toEqual(['Plan the renewal']));
		expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveDisplayValue(
			'My tasks (lee@vendor.example)'
		);
		expect(within(table).getByRole('row', { name: /Plan the renewal/ })).toHaveTextContent('new');
		await waitFor(() =>
			expect(db.tasks.get('Plan the renewal')).resolves.toHaveProperty('seen_at')
		);
		// Only the person's own: the others' tasks are not marked.
		expect((await db.tasks.get('Call Acme'))?.seen_at).toBeUndefined();
	});
});
