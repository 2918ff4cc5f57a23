import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { replaceWorkspace } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import type { Play } from '$lib/engine';
import { PlanClient } from '$lib/state/plays/client';
import { PlayRun } from '$lib/state/plays/run.svelte';
import { exampleWorkspace } from '../../../tests/support/workspace';
import RunPanel from './RunPanel.svelte';

/** Plays that need approval: a run writes them and sends nothing, so no server is needed. */
const plays: Play[] = [
	{
		id: 'nurture',
		name: 'Nurture',
		enabled: true,
		mode: 'approve',
		when: true,
		actions: [
			{ type: 'email', template: 'content-nurture', to: 'contacts' },
			{ type: 'tag', add: ['nurtured'] }
		],
		cooldown_days: 14
	},
	{
		id: 'call',
		name: 'Call',
		enabled: true,
		mode: 'approve',
		when: true,
		actions: [{ type: 'task', title: 'Call them', due_in_days: 3 }],
		cooldown_days: 30
	},
	{
		id: 'off',
		name: 'Off',
		enabled: false,
		mode: 'auto',
		when: true,
		actions: [{ type: 'tag', add: ['x'] }],
		cooldown_days: 1
	}
];

async function setup(scope?: string[]) {
	const db = testDatabase();
	await replaceWorkspace(db, { ...exampleWorkspace(), plays });
	// No worker in jsdom: the client plans on this thread, over the same store.
	const run = new PlayRun(
		db,
		() => new PlanClient(db, () => null),
		undefined,
		() => scope
	);
	const user = userEvent.setup();
	render(RunPanel, { run, by: () => 'kim@vendor.example', one: scope !== undefined });
	return { db, user };
}

/** A table's rows as text, cell by cell. */
const cells = (table: HTMLElement) =>
	within(table)
		.getAllByRole('row')
		.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()));

describe('running plays now', { timeout: 30_000 }, () => {
	it('shows per play what the run will do, then reports the same figures', async () => {
		const { db, user } = await setup();
		await user.click(screen.getByRole('button', { name: 'Run all plays' }));
		const before = await screen.findByRole('table', {
			name: 'What this run will do, per play (nothing is written yet)'
		});
		expect(cells(before)).toEqual([
			[
				'Play',
				'Emails',
				'Tasks',
				'Tags',
				'Webhooks',
				'Of these, needing approval',
				'Suppressed',
				'Already done'
			],
			['Nurture', '2', '0', '2', '0', '4', '0', '0'],
			['Call', '0', '2', '0', '0', '2', '0', '0'],
			['Total', '2', '2', '2', '0', '6', '0', '0']
		]);
		expect(
			screen.getByText('6 actions planned for 2 accounts. Write them to the outbox?')
		).toBeInTheDocument();
		expect(await db.outbox.count()).toBe(0);
		const shown = cells(before).slice(1);

		await user.click(screen.getByRole('button', { name: 'Run them' }));
		const after = await screen.findByRole('table', { name: 'What the run did, per play' });
		expect(cells(after).slice(1)).toEqual(shown);
		expect(screen.getByRole('status')).toHaveTextContent(
			'Added 6 entries to the outbox (0 were already there from an earlier run).'
		);
		expect(await db.outbox.count()).toBe(6);

		// Again the same day: every entry is already done, in the confirmation and in the result.
		await user.click(screen.getByRole('button', { name: 'Run all plays' }));
		const again = await screen.findByRole('table', { name: /What this run will do/ });
		expect(cells(again).at(-1)).toEqual(['Total', '0', '0', '0', '0', '0', '0', '6']);
		expect(
			screen.getByText('Nothing new to do: no play plans an action today.')
		).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Run them' }));
		const nothing = await screen.findByRole('table', { name: 'What the run did, per play' });
		expect(cells(nothing).at(-1)).toEqual(['Total', '0', '0', '0', '0', '0', '0', '6']);
		expect(await db.outbox.count()).toBe(6);
	});

	it('runs the one play of the editor, even a disabled one, and no other', async () => {
		const { db, user } = await setup(['off']);
		await user.click(screen.getByRole('button', { name: 'Run this play now' }));
		const before = await screen.findByRole('table', { name: /What this run will do/ });
		expect(cells(before).slice(1)).toEqual([
			['Off', '0', '0', '2', '0', '0', '0', '0'],
			['Total', '0', '0', '2', '0', '0', '0', '0']
		]);
		await user.click(screen.getByRole('button', { name: 'Run it' }));
		await screen.findByRole('table', { name: 'What the run did, per play' });
		expect((await db.outbox.toArray()).map((entry) => entry.play_id)).toEqual(['off', 'off']);
	});
});
