import 'fake-indexeddb/auto';
import { waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '$lib/db/testing';
import type { Task } from '$lib/engine';
import { SlaComplianceView } from './compliance.svelte';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

function response(id: string, assignee: string, createdDaysAgo: number): Task {
	return {
		id,
		account_id: 'acme',
		play_id: 'band-playbooks',
		title: 'Respond to the customer',
		assignee,
		due_date: daysAgo(createdDaysAgo - 2).slice(0, 10),
		due_at: daysAgo(createdDaysAgo - 2),
		status: 'open',
		created_at: daysAgo(createdDaysAgo),
		sla: { band: 'Orange', kind: 'response' }
	};
}

describe('the dashboard’s SLA compliance', () => {
	it('counts the replica’s response tasks per person in the window, for the CSM it is scoped to, and follows new tasks', async () => {
		const db = testDatabase('sla-compliance');
		await db.tasks.bulkPut([
			{ ...response('a', 'cam@team.example', 10), status: 'done', completed_at: daysAgo(9) },
			response('b', 'cam@team.example', 1),
			response('c', 'cara@team.example', 60),
			{ ...response('d', 'cara@team.example', 5), sla: undefined }
		]);
		let scope = $state('');
		let view!: SlaComplianceView;
		const destroy = $effect.root(() => {
			view = new SlaComplianceView(db, () => scope);
		});
		try {
			await waitFor(() => expect(view.loading).toBe(false));
			expect(view.any).toBe(true);
			expect(view.rows).toEqual([{ assignee: 'cam@team.example', on_time: 1, late: 0, open: 1 }]);
			view.days = 90;
			expect(view.rows).toEqual([
				{ assignee: 'cam@team.example', on_time: 1, late: 0, open: 1 },
				{ assignee: 'cara@team.example', on_time: 0, late: 1, open: 0 }
			]);
			scope = 'Cara@Team.example';
			expect(view.rows.map((row) => row.assignee)).toEqual(['cara@team.example']);
			await db.tasks.put(response('e', 'cara@team.example', 1));
			await waitFor(() =>
				expect(view.rows).toEqual([{ assignee: 'cara@team.example', on_time: 0, late: 1, open: 1 }])
			);
		} finally {
			destroy();
			db.close();
		}
	});
});
