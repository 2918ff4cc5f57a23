/**
 * The product events sources send (`../events/ingest.ts`), as a table: one row per source and
 * messageId, so an event sent again (a retry after a lost answer, a replayed batch) is stored once.
 * A request's events are written in one statement, so they are stored all together or not at all,
 * and the sender is answered only after the commit.
 */
import type { IngestedEvent } from '../events/spec';
import type { Database, Queryable } from './database';

export class ProductEvents {
	constructor(readonly database: Database) {}

	/**
	 * Stores `events` of source `sourceId`; returns how many were new (the rest were held already).
	 * `db`: a transaction to store them in (a file's events, all or none).
	 */
	async store(
		sourceId: string,
		events: readonly IngestedEvent[],
		db: Queryable = this.database
	): Promise<number> {
		if (events.length === 0) return 0;
		// One JSON document for the whole request: one statement, whatever the number of events.
		return db.write(
			`insert into product_event
			   (source_id, message_id, type, user_id, anonymous_id, group_id, event, properties, traits, timestamp)
			 select $1, x.message_id, x.type, x.user_id, x.anonymous_id, x.group_id, x.event,
			        x.properties, x.traits, x.timestamp
			 from json_to_recordset($2::json) as x(
			   message_id text, type text, user_id text, anonymous_id text, group_id text, event text,
			   properties json, traits json, timestamp timestamptz)
			 on conflict (source_id, message_id) do nothing`,
			[sourceId, JSON.stringify(events)]
		);
	}

	/** How many events are stored (of one source, when given). */
	async count(sourceId?: string): Promise<number> {
		const [row] = await this.database.query<{ n: number }>(
			sourceId
				? 'select count(*)::int as n from product_event where source_id = $1'
				: 'select count(*)::int as n from product_event',
			sourceId ? [sourceId] : []
		);
		return Number(row?.n ?? 0);
	}
}
