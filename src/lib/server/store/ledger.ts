/**
 * The send ledger as a table: a key's claim is one INSERT that only one caller can make (the key
 * is the primary key), so concurrent requests, concurrent runs and the command line on the same
 * database send each key once. Read at every claim.
 */
import { hostname } from 'node:os';
import type { ClaimResult, Ledger, LedgerClaim, LedgerRecord, SettledRecord } from '../mail/ledger';
import type { Database } from './database';

interface Row {
	key: string;
	state: LedgerRecord['status'];
	recipient: string;
	play_id: string | null;
	account_id: string | null;
	message_id: string | null;
	error: string | null;
	attempts: number;
	claimed_at: Date;
	settled_at: Date | null;
	action: 'email' | 'webhook';
	http_status: number | null;
}

const COLUMNS =
	'key, state, recipient, play_id, account_id, message_id, error, attempts, claimed_at, settled_at, action, http_status';

function recordOf(row: Row): LedgerRecord {
	const record: LedgerRecord = {
		key: row.key,
		status: row.state,
		recipient: row.recipient,
		attempts: row.attempts,
		at: new Date(row.settled_at ?? row.claimed_at).toISOString()
	};
	for (const name of ['play_id', 'account_id', 'message_id', 'error'] as const)
		if (row[name] !== null) record[name] = row[name]!;
	// Emails read as before (no field); a webhook says so, with its host's answer.
	if (row.action === 'webhook') record.action = 'webhook';
	if (row.http_status !== null) record.http_status = row.http_status;
	return record;
}

/** Who holds a claim: this process, on this machine (shown to the owner for an interrupted one). */
export const CLAIMANT = `${hostname()}:${process.pid}`;

export class DatabaseLedger implements Ledger {
	constructor(readonly database: Database) {}

	async get(key: string): Promise<LedgerRecord | undefined> {
		const [row] = await this.database.query<Row>(
			`select ${COLUMNS} from send_ledger where key = $1`,
			[key]
		);
		return row && recordOf(row);
	}

	async claim(claim: LedgerClaim): Promise<ClaimResult> {
		const inserted = await this.database.query(
			`insert into send_ledger (key, state, recipient, play_id, account_id, claimed_by, action)
			 values ($1, 'sending', $2, $3, $4, $5, $6) on conflict (key) do nothing returning key`,
			[
				claim.key,
				claim.recipient,
				claim.play_id ?? null,
				claim.account_id ?? null,
				CLAIMANT,
				claim.action ?? 'email'
			]
		);
		if (inserted.length === 1) return { claimed: true };
		const record = await this.get(claim.key);
		if (!record) return this.claim(claim); // released between the two statements
		return { claimed: false, record };
	}

	async settle(record: SettledRecord): Promise<void> {
		await this.database.query(
			`update send_ledger set state = $2, message_id = $3, error = $4, attempts = $5, http_status = $6, settled_at = now()
			 where key = $1 and state = 'sending'`,
			[
				record.key,
				record.status,
				record.message_id ?? null,
				record.error ?? null,
				record.attempts,
				record.http_status ?? null
			]
		);
	}

	async release(key: string): Promise<void> {
		await this.database.query(`delete from send_ledger where key = $1 and state = 'sending'`, [
			key
		]);
	}

	async sent(): Promise<LedgerRecord[]> {
		const rows = await this.database.query<Row>(
			`select ${COLUMNS} from send_ledger where state = 'sent' order by settled_at`
		);
		return rows.map(recordOf);
	}

	/**
	 * The newest `limit` records, only those in `state` when given (the owner's view of sends,
	 * failures and interrupted claims).
	 */
	async list({
		state,
		limit = 500
	}: { state?: LedgerRecord['status']; limit?: number } = {}): Promise<LedgerRecord[]> {
		const rows = await this.database.query<Row>(
			`select ${COLUMNS} from send_ledger where $1::text is null or state = $1
			 order by coalesce(settled_at, claimed_at) desc limit $2`,
			[state ?? null, limit]
		);
		return rows.map(recordOf);
	}

	/**
	 * The owner's retry: a permanent failure (once the address is fixed) or a claim interrupted
	 * by a crash is removed, so the next run sends the key again. Returns whether there was one.
	 */
	async forget(key: string): Promise<boolean> {
		const rows = await this.database.query(
			`delete from send_ledger where key = $1 and state in ('failed', 'sending') returning key`,
			[key]
		);
		return rows.length === 1;
	}

	/** Imports records of an older ledger file (first start on an existing data folder). */
	async importRecords(records: readonly LedgerRecord[]): Promise<number> {
		let imported = 0;
		await this.database.transaction(async (tx) => {
			for (const record of records) {
				const rows = await tx.query(
					`insert into send_ledger (key, state, recipient, play_id, account_id, message_id, error, attempts, claimed_by, claimed_at, settled_at)
					 values ($1, $2, $3, $4, $5, $6, $7, $8, 'imported', $9, case when $2 = 'sending' then null else $9::timestamptz end)
					 on conflict (key) do nothing returning key`,
					[
						record.key,
						record.status,
						record.recipient,
						record.play_id ?? null,
						record.account_id ?? null,
						record.message_id ?? null,
						record.error ?? null,
						record.attempts,
						record.at
					]
				);
				imported += rows.length;
			}
		});
		return imported;
	}
}
