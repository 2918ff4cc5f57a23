/**
 * Support tickets (`../tickets/`), one row per source and ticket id: a ticket sent again (a
 * retry, a later state of it, the same CSV file uploaded twice) updates its row, and only when a
 * field differs. A request's or a file's tickets are written in one statement, so they are
 * stored all together or not at all. Each ticket's sentiment is computed here, before the write.
 */
import { ticketSentiment } from '../tickets/sentiment';
import type { Ticket, UpsertCounts } from '../tickets/types';
import type { Database } from './database';

const FIELDS = [
	'account_id',
	'opened_at',
	'first_response_at',
	'closed_at',
	'priority',
	'subject',
	'body',
	'sentiment'
] as const;

export class SupportTickets {
	constructor(readonly database: Database) {}

	/**
	 * Inserts `tickets` of source `sourceId`, or updates those it holds already; a ticket id given
	 * twice counts once, the last one kept.
	 */
	async upsert(sourceId: string, tickets: readonly Ticket[]): Promise<UpsertCounts> {
		// A row may be written once per statement: the last of a ticket id wins.
		const byId = new Map(tickets.map((ticket) => [ticket.ticket_id, ticket]));
		if (byId.size === 0) return { added: 0, updated: 0, unchanged: 0 };
		const rows = [...byId.values()].map((ticket) => ({
			...ticket,
			sentiment: ticketSentiment(ticket.subject, ticket.body)
		}));
		// `xmax = 0` marks a row this statement inserted; a row whose fields are all the same is
		// neither updated nor returned.
		const [counts] = await this.database.query<{ added: number; updated: number }>(
			`with written as (
			   insert into support_ticket (source_id, ticket_id, ${FIELDS.join(', ')})
			   select $1, x.ticket_id, ${FIELDS.map((field) => `x.${field}`).join(', ')}
			   from json_to_recordset($2::json) as x(
			     ticket_id text, account_id text, opened_at timestamptz, first_response_at timestamptz,
			     closed_at timestamptz, priority text, subject text, body text, sentiment real)
			   on conflict (source_id, ticket_id) do update
			     set ${FIELDS.map((field) => `${field} = excluded.${field}`).join(', ')}, updated_at = now()
			     where (${FIELDS.map((field) => `support_ticket.${field}`).join(', ')})
			       is distinct from (${FIELDS.map((field) => `excluded.${field}`).join(', ')})
			   returning (xmax = 0) as inserted
			 )
			 select count(*) filter (where inserted)::int as added,
			        count(*) filter (where not inserted)::int as updated
			 from written`,
			[sourceId, JSON.stringify(rows)]
		);
		const added = Number(counts?.added ?? 0);
		const updated = Number(counts?.updated ?? 0);
		return { added, updated, unchanged: byId.size - added - updated };
	}

	/** How many tickets are stored (of one source, when given). */
	async count(sourceId?: string): Promise<number> {
		const [row] = await this.database.query<{ n: number }>(
			sourceId
				? 'select count(*)::int as n from support_ticket where source_id = $1'
				: 'select count(*)::int as n from support_ticket',
			sourceId ? [sourceId] : []
		);
		return Number(row?.n ?? 0);
	}
}
