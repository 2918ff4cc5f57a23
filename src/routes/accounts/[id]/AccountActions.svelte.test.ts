// Dexie's live queries watch the global IndexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { replaceWorkspace, runPlan } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import { planPlays, type Play, type Workspace } from '$lib/engine';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import AccountActions from './AccountActions.svelte';

const plays: Play[] = [
	{
		id: 'call',
		name: 'Call the sponsor',
		enabled: true,
		mode: 'auto',
		when: true,
		actions: [
			{ type: 'task', title: 'Call them', due_in_days: 3 },
			{ type: 'tag', add: ['called'] }
		],
		cooldown_days: 30
	}
];

describe('AccountActions', () => {
	it("lists the account's open tasks and latest actions, and completes a task", async () => {
		const db = testDatabase('account-actions');
		const workspace: Workspace = { ...exampleWorkspace(), plays };
		await replaceWorkspace(db, workspace);
		await runPlan(db, planPlays({ workspace, asOf: '2026-11-02' }), {
			at: '2026-11-02T08:00:00.000Z',
			by: 'kim'
		});
		const user = userEvent.setup();
		render(AccountActions, { accountId: 'acme', db });
		const section = await screen.findByRole('region', { name: 'Tasks and actions' });
		await waitFor(() => expect(within(section).getAllByRole('list')).toHaveLength(2));
		const [tasks, entries] = within(section).getAllByRole('list');
		expect(within(tasks!).getAllByRole('listitem')).toHaveLength(1);
		expect(tasks).toHaveTextContent('Call them');
		expect(within(entries!).getAllByRole('listitem')).toHaveLength(2);
		expect(entries).toHaveTextContent('Call the sponsor');
		expect(entries).toHaveTextContent('Tag');

		await user.click(within(section).getByRole('button', { name: 'Complete: Call them' }));
		await waitFor(() => expect(section).toHaveTextContent('No open tasks.'));
		expect((await db.tasks.toArray()).filter((t) => t.account_id === 'acme')[0]).toMatchObject({
			status: 'done'
		});
	});
});
