// @vitest-environment node
/** Support tickets (`./support-tickets.ts`): upserted once per source and id, on both databases. */
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../tickets/types';
import { describeStore } from './fixture';

const ticket = (ticket_id: string, extra: Partial<Ticket> = {}): Ticket => ({
	ticket_id,
	account_id: 'acme',
	opened_at: '2026-12-01T09:00:00.000Z',
	first_response_at: null,
	closed_at: null,
	priority: 'high',
	subject: 'Export broken',
	body: 'The export is broken and we are losing data.',
	...extra
});

describeStore(({ fresh, user }) => {
	describe('SupportTickets', () => {
		it('adds new tickets, updates those that differ, leaves the same ones as they are', async () => {
			const store = await fresh();
			const owner = await user('olivia@team.example');
			const { source } = await store.eventSources.create('Zendesk', owner);
			const { source: other } = await store.eventSources.create('Uploads', owner);
			const tickets = [
				ticket('T-1'),
				ticket('T-2', { subject: 'エクスポートが壊れています', body: null }),
				ticket('T-3', { subject: null, body: null })
			];
			expect(await store.tickets.upsert(source.id, tickets)).toEqual({
				added: 3,
				updated: 0,
				unchanged: 0
			});
			// The same tickets again: nothing changes, not even `updated_at`.
			const [before] = await store.database.query<{ updated_at: Date }>(
				"select updated_at from support_ticket where ticket_id = 'T-1'"
			);
			expect(await store.tickets.upsert(source.id, tickets)).toEqual({
				added: 0,
				updated: 0,
				unchanged: 3
			});
			const [after] = await store.database.query<{ updated_at: Date }>(
				"select updated_at from support_ticket where ticket_id = 'T-1'"
			);
			expect(after!.updated_at).toEqual(before!.updated_at);

			// T-1 closed (sent twice in one request: the last one counts), T-4 new.
			const closed = ticket('T-1', { closed_at: '2026-12-02T10:00:00.000Z' });
			expect(
				await store.tickets.upsert(source.id, [ticket('T-1'), closed, tickets[1]!, ticket('T-4')])
			).toEqual({ added: 1, updated: 1, unchanged: 1 });
			// Another source's T-1 is another ticket.
			expect(await store.tickets.upsert(other.id, [ticket('T-1')])).toMatchObject({ added: 1 });
			expect(await store.tickets.upsert(source.id, [])).toEqual({
				added: 0,
				updated: 0,
				unchanged: 0
			});

			expect(await store.tickets.count()).toBe(5);
			expect(await store.tickets.count(source.id)).toBe(4);
			const rows = await store.database.query<{
				ticket_id: string;
				closed_at: Date | null;
				sentiment: number | null;
			}>(
				'select ticket_id, closed_at, sentiment from support_ticket where source_id = $1 order by ticket_id',
				[source.id]
			);
			expect(
				rows.map((row) => [
					row.ticket_id,
					row.closed_at && new Date(row.closed_at).toISOString(),
					row.sentiment === null ? null : Math.round(row.sentiment * 1000) / 1000
				])
			).toEqual([
				// broken −1 (subject and text), losing −3: −5 / 3 / 5.
				['T-1', '2026-12-02T10:00:00.000Z', -0.333],
				// Japanese: no English lexicon for it.
				['T-2', null, null],
				// No text.
				['T-3', null, null],
				['T-4', null, -0.333]
			]);
		});
	});
});
