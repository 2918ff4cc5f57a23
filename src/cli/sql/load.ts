/**
 * Loads a workspace's accounts and snapshots into the tables scorecards are scored from in SQL
 * (`tablesSql`), replacing what they held. The rows go in as JSON documents of 10,000 rows each,
 * turned into rows by the engine itself (`from_json` on DuckDB, `json_to_recordset` on
 * PostgreSQL): one statement per chunk, and numbers reach the engine as the exact text
 * JSON.stringify gives them, so doubles keep every bit.
 */
import { DIALECT, quoteName, quoteText } from '../../lib/engine/sql/dialect';
import { ACCOUNT_COLUMNS, tablesSql } from '../../lib/engine/sql/tables';
import type { Account, Contact, ManualEntry, Snapshot, Workspace } from '../../lib/engine/types';
import type { SqlEngine } from './engines';

/** Rows per statement: a few megabytes of JSON, well within what either engine parses at once. */
const CHUNK = 10_000;

type Kind = 'text' | 'number' | 'date' | 'json';

/** A table's columns, in order, with the kind of value each holds. */
const TABLES = {
	accounts: {
		id: 'text',
		name: 'text',
		segment: 'text',
		arr: 'number',
		renewal_date: 'text',
		csm: 'text',
		facts: 'json'
	},
	snapshots: { account_id: 'text', date: 'date', metrics: 'json' },
	contacts: {
		id: 'text',
		account_id: 'text',
		email: 'text',
		name: 'text',
		role: 'text',
		last_seen: 'text',
		unsubscribed_at: 'text',
		metrics: 'json'
	},
	manual_entries: {
		account_id: 'text',
		measure_id: 'text',
		value: 'json',
		comment: 'text',
		entered_by: 'text',
		entered_at: 'text'
	}
} as const satisfies Record<string, Record<string, Kind>>;

type Table = keyof typeof TABLES;
type Row = Record<string, unknown>;

const KEPT_AS_COLUMNS = new Set<string>([...ACCOUNT_COLUMNS, 'facts']);

/**
 * An account's `facts` column: its other top-level fields (tags, do_not_contact, any unknown
 * one), then its `facts`, so a fact wins over a field of the same name as it does in the engine.
 */
export function accountFacts(account: Account): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const key of Object.keys(account)) if (!KEPT_AS_COLUMNS.has(key)) fields[key] = account[key];
	return { ...fields, ...account.facts };
}

/**
 * A number for a double column. JSON has no NaN or infinities and JSON.stringify would make them
 * null; as text both engines read them back as the doubles they are.
 */
const double = (value: unknown) =>
	typeof value === 'number' && !Number.isFinite(value) ? String(value) : (value ?? null);

const accountRow = (account: Account): Row => ({
	id: account.id,
	name: account.name,
	segment: account.segment,
	arr: double(account.arr),
	renewal_date: account.renewal_date ?? null,
	csm: account.csm ?? null,
	facts: accountFacts(account)
});

const snapshotRow = (snapshot: Snapshot): Row => ({
	account_id: snapshot.account_id,
	date: snapshot.date,
	metrics: snapshot.metrics
});

const contactRow = (contact: Contact): Row => ({
	id: contact.id,
	account_id: contact.account_id,
	email: contact.email ?? null,
	name: contact.name ?? null,
	role: contact.role ?? null,
	last_seen: contact.last_seen ?? null,
	unsubscribed_at: contact.unsubscribed_at ?? null,
	metrics: contact.metrics ?? null
});

const manualEntryRow = (entry: ManualEntry): Row => ({
	account_id: entry.account_id,
	measure_id: entry.measure_id,
	value: entry.value,
	comment: entry.comment ?? null,
	entered_by: entry.entered_by,
	entered_at: entry.entered_at
});

/** The tables in the order they are dropped (the reverse of the order they are made). */
const DROP_ORDER: Table[] = ['manual_entries', 'contacts', 'snapshots', 'accounts'];

/**
 * A PostgreSQL dollar-quoted string: taken as it is, whatever `standard_conforming_strings` says
 * of backslashes. The tag grows until the text does not hold it.
 */
function dollarQuote(text: string): string {
	let tag = '$json$';
	for (let n = 1; text.includes(tag); n++) tag = `$json${n}$`;
	return `${tag}${text}${tag}`;
}

/** The statement inserting `rows` into `table`, in the engine's dialect. */
function insertSql(dialect: SqlEngine['dialect'], table: Table, rows: Row[]): string {
	const { types } = DIALECT[dialect];
	const columns = Object.entries(TABLES[table]);
	const names = columns.map(([name]) => quoteName(name));
	const document = JSON.stringify(rows);
	const into = `insert into ${table} (${names.join(', ')})`;
	if (dialect === 'postgres') {
		const record = columns.map(([name, kind]) => `${quoteName(name)} ${types[kind]}`);
		return `${into} select ${names.map((name) => `x.${name}`).join(', ')}
from json_to_recordset(${dollarQuote(document)}::json) as x(${record.join(', ')})`;
	}
	// A JSON member declared JSON keeps its text as it was in the document.
	const structure = JSON.stringify([Object.fromEntries(columns.map(([n, k]) => [n, types[k]]))]);
	return `${into} select ${names.map((name) => `x.r.${name}`).join(', ')}
from (select unnest(from_json(${quoteText(document)}, ${quoteText(structure)})) as r) as x`;
}

/**
 * Makes the tables afresh (dropping them first) and inserts every account, snapshot, contact and
 * manual entry of `workspace`, all in one transaction; returns how many rows each table holds then.
 */
export async function loadWorkspace(
	engine: SqlEngine,
	workspace: Pick<Workspace, 'accounts' | 'snapshots'> &
		Partial<Pick<Workspace, 'contacts' | 'manual_entries'>>
): Promise<Record<Table, number>> {
	const load = async (table: Table, rows: Row[]) => {
		for (let start = 0; start < rows.length; start += CHUNK)
			await engine.exec(insertSql(engine.dialect, table, rows.slice(start, start + CHUNK)));
	};
	await engine.exec('begin');
	try {
		// Not a view of the same name: `drop table` refuses those, so a data team's views stay.
		for (const table of DROP_ORDER) await engine.exec(`drop table if exists ${table}`);
		for (const statement of tablesSql(engine.dialect)) await engine.exec(statement);
		await load('accounts', workspace.accounts.map(accountRow));
		await load('snapshots', workspace.snapshots.map(snapshotRow));
		await load('contacts', (workspace.contacts ?? []).map(contactRow));
		await load('manual_entries', (workspace.manual_entries ?? []).map(manualEntryRow));
		const [counts] = await engine.query(
			`select ${DROP_ORDER.map((table) => `(select count(*) from ${table}) as ${table}`).join(', ')}`
		);
		await engine.exec('commit');
		return Object.fromEntries(
			DROP_ORDER.map((table) => [table, Number(counts?.[table])])
		) as Record<Table, number>;
	} catch (error) {
		await engine.exec('rollback').catch(() => undefined);
		throw error;
	}
}
