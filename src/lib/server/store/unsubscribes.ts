/**
 * Who asked to stop automated emails, as a table: written by the unsubscribe page, read by every
 * delivery (at each send, so an unsubscribe in the middle of a run stops the rest of it) and by
 * the plans of the server, the app and `engine run --database-url`.
 */
import {
	emailKey,
	readUnsubscribe,
	type Unsubscribe,
	type UnsubscribeSource
} from '../mail/unsubscribe';
import type { Database, Queryable } from './database';

interface Row {
	email: string;
	contact_id: string | null;
	account_id: string | null;
	via: Unsubscribe['via'];
	at: Date;
}

const unsubscribeOf = (row: Row): Unsubscribe => ({
	contact_id: row.contact_id ?? '',
	account_id: row.account_id ?? '',
	email: row.email,
	at: new Date(row.at).toISOString(),
	via: row.via
});

async function insert(tx: Queryable, entry: Unsubscribe): Promise<boolean> {
	const checked = readUnsubscribe(entry);
	if (!checked) throw new TypeError(`not an unsubscribe: ${JSON.stringify(entry)}`);
	// An address already on the list (in any case) conflicts on email_key: the first one stays.
	const rows = await tx.query(
		`insert into unsubscribe (email, email_key, contact_id, account_id, via, at)
		 values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning email`,
		[
			checked.email,
			emailKey(checked.email),
			checked.contact_id,
			checked.account_id,
			checked.via,
			checked.at
		]
	);
	return rows.length === 1;
}

export class Unsubscribes implements UnsubscribeSource {
	constructor(readonly database: Database) {}

	async has(email: string): Promise<boolean> {
		const rows = await this.database.query('select 1 from unsubscribe where email_key = $1', [
			emailKey(email)
		]);
		return rows.length > 0;
	}

	/** Records an unsubscribe; false (and nothing written) when the address already is. */
	add(entry: Unsubscribe): Promise<boolean> {
		return insert(this.database, entry);
	}

	/** Everyone, in the order they asked. */
	async all(): Promise<Unsubscribe[]> {
		const rows = await this.database.query<Row>(
			'select email, contact_id, account_id, via, at from unsubscribe order by at, email_key'
		);
		return rows.map(unsubscribeOf);
	}

	/** Moves an older list's entries in, in one transaction; returns how many were new. */
	async importEntries(entries: readonly Unsubscribe[]): Promise<number> {
		return this.database.transaction(async (tx) => {
			let imported = 0;
			for (const entry of entries) if (await insert(tx, entry)) imported++;
			return imported;
		});
	}
}
