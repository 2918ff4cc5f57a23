/**
 * The server's local mail sink as a table: what the Mailbox page lists (newest first) and opens,
 * written by the sink transport when no SMTP server is set, by this process or by `engine run
 * --database-url` next to it.
 */
import {
	newMessageId,
	type MessageSink,
	type MessageSummary,
	type StoredMessage
} from '../mail/mailbox';
import type { Database, Queryable } from './database';

interface SummaryRow {
	id: string;
	key: string | null;
	date: Date;
	from_address: string;
	to_address: string;
	subject: string;
	test: boolean;
}

interface Row extends SummaryRow {
	message_id: string;
	headers: [string, string][];
	html: string;
	text: string;
	public_url: string | null;
	raw: Uint8Array;
}

const SUMMARY = 'id, key, date, from_address, to_address, subject, test';

function summaryOf(row: SummaryRow): MessageSummary {
	return {
		id: row.id,
		key: row.key,
		date: new Date(row.date).toISOString(),
		from: row.from_address,
		to: row.to_address,
		subject: row.subject,
		test: row.test
	};
}

// PostgreSQL's text refuses U+0000, which a workspace's template may hold: the Mailbox shows it as
// the replacement character, and the raw message (bytes) keeps it as sent.
const storable = (text: string) => text.replaceAll('\u0000', '\uFFFD');

/** The Mailbox page lists this many, newest first. */
export const MAILBOX_PAGE = 500;

function insert(tx: Queryable, message: StoredMessage, raw: Buffer | string) {
	return tx.query(
		`insert into mailbox_message (id, key, message_id, date, from_address, to_address, subject, headers, html, text, test, public_url, raw)
		 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		 on conflict (id) do nothing returning id`,
		[
			message.id,
			message.key,
			message.message_id,
			message.date,
			storable(message.from),
			storable(message.to),
			storable(message.subject),
			JSON.stringify(message.headers),
			storable(message.html),
			storable(message.text),
			message.test,
			message.public_url ?? null,
			typeof raw === 'string' ? Buffer.from(raw) : raw
		]
	);
}

export class Mailbox implements MessageSink {
	constructor(readonly database: Database) {}

	async store(raw: Buffer | string, message: Omit<StoredMessage, 'id'>): Promise<StoredMessage> {
		const stored: StoredMessage = { id: newMessageId(), ...message };
		await insert(this.database, stored, raw);
		return stored;
	}

	/** The newest {@link MAILBOX_PAGE}, newest first. */
	async list(): Promise<MessageSummary[]> {
		const rows = await this.database.query<SummaryRow>(
			`select ${SUMMARY} from mailbox_message order by id desc limit ${MAILBOX_PAGE}`
		);
		return rows.map(summaryOf);
	}

	async get(id: string): Promise<(StoredMessage & { raw: string }) | null> {
		const [row] = await this.database.query<Row>(
			`select ${SUMMARY}, message_id, headers, html, text, public_url, raw
			 from mailbox_message where id = $1`,
			[id]
		);
		if (!row) return null;
		const { key, date, from, to, subject, test } = summaryOf(row);
		return {
			id,
			key,
			message_id: row.message_id,
			date,
			from,
			to,
			subject,
			headers: row.headers,
			html: row.html,
			text: row.text,
			test,
			...(row.public_url === null ? {} : { public_url: row.public_url }),
			raw: Buffer.from(row.raw).toString('utf8')
		};
	}

	/** Moves a sink folder's messages in, in one transaction (ids kept); returns how many were new. */
	async importMessages(messages: readonly (StoredMessage & { raw: Buffer })[]): Promise<number> {
		return this.database.transaction(async (tx) => {
			let imported = 0;
			for (const { raw, ...message } of messages)
				imported += (await insert(tx, message, raw)).length;
			return imported;
		});
	}
}
