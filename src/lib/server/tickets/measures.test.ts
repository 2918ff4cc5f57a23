// @vitest-environment node
/** The ticket measures (`./measures.ts`) on hand-made tickets with known answers, on both databases. */
import { describe, expect, it } from 'vitest';
import { describeStore } from '../store/fixture';
import { ticketMeasures } from './measures';
import type { Ticket } from './types';

const AS_OF = '2026-12-03';
/** The end of AS_OF: what was opened before it counts. */
const UNTIL = Date.parse('2026-12-04T00:00:00.000Z');
const at = (ms: number) => new Date(ms).toISOString();
/** `days` before AS_OF's midday UTC (negative: after it), `hours` later. */
const daysAgo = (days: number, hours = 0) =>
	at(UNTIL - 12 * 3_600_000 - days * 86_400_000 + hours * 3_600_000);

let n = 0;
const ticket = (account_id: string, extra: Partial<Ticket>): Ticket => ({
	ticket_id: `t-${n++}`,
	account_id,
	opened_at: daysAgo(0),
	first_response_at: null,
	closed_at: null,
	priority: null,
	subject: null,
	body: null,
	...extra
});

/** Opened `days` ago, answered `hours` later. */
const answered = (days: number, hours: number) => ({
	opened_at: daysAgo(days),
	first_response_at: daysAgo(days, hours)
});

const ZENDESK: Ticket[] = [
	// Open for 100 days: open, but too old for the 30- and 90-day measures.
	ticket('acme', { opened_at: daysAgo(100) }),
	// Answered in 2 h, closed 5 days ago; pleased: 0.5.
	ticket('acme', {
		...answered(10, 2),
		closed_at: daysAgo(5),
		subject: 'Great',
		body: 'helpful'
	}),
	// Answered in 4 h, still open; angry: −0.467.
	ticket('acme', { ...answered(40, 4), body: 'broken, losing data, terrible' }),
	// Answered in 10 h, closed only after AS_OF: open as of AS_OF; neutral: 0.
	ticket('acme', {
		...answered(1, 10),
		closed_at: daysAgo(-2),
		subject: 'How do I change the billing address?'
	}),
	// Answered after AS_OF: no response time yet; Japanese: no sentiment.
	ticket('acme', {
		opened_at: daysAgo(5),
		first_response_at: daysAgo(-1),
		closed_at: daysAgo(3),
		subject: 'エクスポートが壊れています'
	}),
	// Opened after AS_OF: not counted at all.
	ticket('acme', { opened_at: daysAgo(-1), subject: 'Terrible' }),
	// Long closed: a row of zeros.
	ticket('globex', { opened_at: daysAgo(200), closed_at: daysAgo(150) }),
	// Only after AS_OF: no row.
	ticket('initech', { opened_at: daysAgo(-3) }),
	// The window's edges: opened exactly 30 days before the end counts, a second earlier does not;
	// closed exactly at the end is still open as of AS_OF.
	ticket('umbrella', { opened_at: at(UNTIL - 30 * 86_400_000), closed_at: at(UNTIL - 1) }),
	ticket('umbrella', { opened_at: at(UNTIL - 30 * 86_400_000 - 1000), closed_at: at(UNTIL - 1) }),
	ticket('umbrella', { opened_at: at(UNTIL - 1000), closed_at: at(UNTIL) })
];

// Another source's ticket of Acme's, answered in 6 h: the median of 2, 4, 6 and 10 is 5.
const UPLOADED: Ticket[] = [ticket('acme', { ...answered(20, 6), closed_at: daysAgo(19) })];

describeStore(({ fresh, user }) => {
	describe('ticketMeasures', () => {
		it('counts open and recent tickets, the median first response and the mean sentiment', async () => {
			const store = await fresh();
			const owner = await user('olivia@team.example');
			const { source: zendesk } = await store.eventSources.create('Zendesk', owner);
			const { source: uploads } = await store.eventSources.create('Ticket uploads', owner);
			await store.tickets.upsert(zendesk.id, ZENDESK);
			await store.tickets.upsert(uploads.id, UPLOADED);

			expect(await ticketMeasures(store.database, { asOf: AS_OF })).toEqual([
				{
					account_id: 'acme',
					open_tickets: 3,
					tickets_30d: 4,
					first_response_hours: 5,
					// (0.5 − 0.467 + 0) / 3, the Japanese and the empty tickets without one.
					ticket_sentiment: 0.011
				},
				{
					account_id: 'globex',
					open_tickets: 0,
					tickets_30d: 0,
					first_response_hours: null,
					ticket_sentiment: null
				},
				{
					account_id: 'umbrella',
					open_tickets: 1,
					tickets_30d: 2,
					first_response_hours: null,
					ticket_sentiment: null
				}
			]);
			// A day later the ticket opened after AS_OF counts too, and the one closed after it is open still.
			const [acme] = await ticketMeasures(store.database, { asOf: '2026-12-04' });
			expect(acme).toMatchObject({ account_id: 'acme', open_tickets: 4, tickets_30d: 5 });
			await expect(ticketMeasures(store.database, { asOf: 'today' })).rejects.toThrow(
				'asOf must be a day'
			);
		});
	});
});
