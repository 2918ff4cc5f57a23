/**
 * Support tickets rolled up per account, in SQL (the embedded database and PostgreSQL alike), as
 * of the end of a day (UTC), like the usage rollups (`../events/rollup.ts`): the tickets open then,
 * those opened in the last 30 days, the median hours to a first response and the mean sentiment of
 * those opened in the last 90 days. Every source's tickets count.
 *
 * An account appears once it has a ticket opened by the end of the day; one without any has no
 * row (read it as no tickets, and no response time or sentiment to tell). Tickets per active seat
 * is not here: whoever merges these rows with the usage rollups' active seats (`active_people_30`)
 * divides `tickets_30d` by them.
 */
import type { Queryable } from '../store/database';
import type { TicketMeasures } from './types';

export interface TicketMeasureOptions {
	/** The day the measures describe (`YYYY-MM-DD`): tickets opened up to its end count. */
	asOf: string;
}

const MEASURES = `
with bounds as (select ($1::date + 1)::timestamp at time zone 'UTC' as until)
select
	t.account_id,
	count(*) filter (where t.closed_at is null or t.closed_at >= b.until)::int as open_tickets,
	count(*) filter (where t.opened_at >= b.until - interval '30 days')::int as tickets_30d,
	round((percentile_cont(0.5) within group (
		order by extract(epoch from t.first_response_at - t.opened_at) / 3600
	) filter (
		where t.opened_at >= b.until - interval '90 days'
			and t.first_response_at is not null and t.first_response_at < b.until
	))::numeric, 2)::float8 as first_response_hours,
	round((avg(t.sentiment) filter (
		where t.opened_at >= b.until - interval '90 days'
	))::numeric, 3)::float8 as ticket_sentiment
from support_ticket t cross join bounds b
where t.opened_at < b.until
group by t.account_id
order by t.account_id`;

/** Each account's ticket measures as of `options.asOf`, by account id. */
export async function ticketMeasures(
	db: Queryable,
	options: TicketMeasureOptions
): Promise<TicketMeasures[]> {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
		throw new Error(`asOf must be a day (YYYY-MM-DD), not ${options.asOf}`);
	const rows = await db.query<TicketMeasures>(MEASURES, [options.asOf]);
	return rows.map((row) => ({
		account_id: row.account_id,
		open_tickets: Number(row.open_tickets),
		tickets_30d: Number(row.tickets_30d),
		first_response_hours:
			row.first_response_hours === null ? null : Number(row.first_response_hours),
		ticket_sentiment: row.ticket_sentiment === null ? null : Number(row.ticket_sentiment)
	}));
}
