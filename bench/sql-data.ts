/**
 * The data of `npm run bench:sql`: accounts and their monthly snapshots drawn by DuckDB itself and
 * written as the wide Parquet files `engine score --data DIR` reads (`accounts.parquet`: the
 * account's columns, then one column per fact; `snapshots.parquet`: one column per metric, null for
 * no data). Ten million accounts are too many to draw in JavaScript and pass through a Node heap,
 * so SQL draws them: every value is a hash of the account's number, a key and a fixed seed, so a
 * run repeats exactly and the first n accounts of any size are the same accounts.
 *
 * The metrics are those the shipped scorecards read, in the sample's ranges (`sample/simulate.ts`):
 * each follows the account's latent health, so they move together; NPS, CSAT and QBRs are often
 * null, 4 % of the accounts are new (one snapshot) and 1 % have none.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { emptyWorkspace, type Account, type Snapshot, type Workspace } from '../src/lib/engine';
import { SAMPLE_END, shippedScorecards } from '../src/lib/engine/sample';
import { quoteName } from '../src/lib/engine/sql/dialect';
import { ACCOUNT_COLUMNS, type WideLayout } from '../src/lib/engine/sql';
import type { SqlEngine } from '../src/cli/sql/engines';

export const AS_OF = SAMPLE_END;
/** The seed every draw hashes with. */
const SEED = 16;

/** The sample's segments (`sample/segments.ts`): sizes, prices, plans, people and how healthy. */
const SEGMENTS = `(values
  ('scale', 5, 60, 420, ['starter', 'team'], [12], 0, 3, 0.2, 0.2, 0.12, false, ['digital-cs@vendor.example']),
  ('mid', 40, 400, 380, ['business'], [12, 12, 12, 24], 1, 6, 0.35, 0.35, 0.3, true, ['kim@vendor.example', 'luis@vendor.example', 'aya@vendor.example', 'omar@vendor.example']),
  ('enterprise', 300, 3000, 330, ['enterprise'], [12, 12, 24, 36], 2, 10, 0.45, 0.5, 0.6, true, ['priya@vendor.example', 'jonas@vendor.example', 'mei@vendor.example'])
) as s(segment, min_seats, max_seats, seat_price, plans, contract_months, min_integrations, max_integrations, health_mean, nps_share, ticket_rate, qbrs, csms)`;

const MACROS = [
	// A uniform draw in [0, 1) for account i and key k; the draws of month m have keys of their own.
	`create or replace macro draw(i, k) as (hash(i, k, ${SEED}) % 1000000007)::DOUBLE / 1000000007`,
	'create or replace macro month_draw(i, m, k) as draw(i, 100 + 20 * m + k)',
	'create or replace macro sigmoid(x) as 1 / (1 + exp(-x))',
	'create or replace macro clamped(x, lo, hi) as least(greatest(x, lo), hi)',
	'create or replace macro pick(list, u) as list[1 + floor(u * len(list))::INTEGER]',
	// Each account's standing attributes, its latent health and how many snapshots it has.
	`create or replace macro drawn_accounts(n) as table
select i, 'acc-' || lpad(i::VARCHAR, 8, '0') as id, 'Company ' || i as name, segment,
  round(exp(ln(min_seats) + draw(i, 2) * (ln(max_seats) - ln(min_seats))))::INTEGER as seats,
  pick(plans, draw(i, 3)) as plan,
  (case plan when 'starter' then 12 when 'team' then 18 when 'business' then 24 else 32 end)::INTEGER as features_available,
  pick(contract_months, draw(i, 4))::INTEGER as contract_months,
  round(seats * seat_price * (0.75 + 0.35 * draw(i, 5)) / 100)::DOUBLE * 100 as arr,
  cast(date '${AS_OF}' + (1 + floor(draw(i, 6) * 365))::INTEGER as DATE) as renewal_date,
  pick(csms, draw(i, 7)) as csm,
  pick(['NA', 'NA', 'NA', 'EMEA', 'EMEA', 'APAC', 'LATAM'], draw(i, 8)) as region,
  pick(['software', 'telecom', 'logistics', 'healthcare', 'life sciences', 'energy', 'financial services', 'retail', 'media', 'manufacturing', 'education'], draw(i, 9)) as industry,
  cast(date '${AS_OF}' - (30 + floor(draw(i, 10) * 1500))::INTEGER as DATE) as start_date,
  health_mean + (draw(i, 11) + draw(i, 12) + draw(i, 13) - 1.5) * 2 as health,
  (draw(i, 14) - 0.5) * 0.3 as drift,
  draw(i, 15) - 0.5 as usage_bias,
  (draw(i, 16) - 0.5) * 1.2 + (case when segment = 'scale' then -0.6 else 0.2 end) as sponsor_bias,
  min_integrations + floor(draw(i, 17) * (max_integrations - min_integrations + 1)) as integration_cap,
  draw(i, 18) < 0.2 as bad_payer,
  nps_share, ticket_rate, qbrs,
  case when draw(i, 19) < 0.01 then 0 when draw(i, 19) < 0.05 then 1 else 3 end as months
from (
  select i, case when draw(i, 1) < 0.6 then 'scale' when draw(i, 1) < 0.88 then 'mid' else 'enterprise' end as segment
  from range(1, n + 1) r(i)
) join ${SEGMENTS} using (segment)`
];

const accountsSql = (n: number) => `select id, name, segment, arr, renewal_date, csm,
  seats as seats_purchased, features_available, contract_months, plan, region, industry, start_date
from drawn_accounts(${n})`;

/** Month m (0 to 2, the last on the as-of date) of each account that has it. */
const snapshotsSql = (n: number) => `select id as account_id,
  cast(date '${AS_OF}' - to_months(2 - m) as DATE) as date,
  health + drift * (m - 2) + (month_draw(i, m, 0) - 0.5) * 0.4 as h,
  sigmoid(h) as q,
  round(30 * sigmoid(1.4 * h + usage_bias - 0.3 + (month_draw(i, m, 1) - 0.5) * 0.6))::INTEGER as active_days_30d,
  (case when active_days_30d = 0 then 0 else clamped(round(seats * (0.06 + 0.94 * sigmoid(1.3 * h + (month_draw(i, m, 2) - 0.5) * 0.4))), 1, seats) end)::INTEGER as seats_active,
  round(active_days_30d * (1 + seats_active * 0.5 * q) * (0.85 + 0.3 * month_draw(i, m, 3)))::INTEGER as logins_30d,
  (case when active_days_30d = 0 then 30 + floor(month_draw(i, m, 4) * 60) else least(29, floor(month_draw(i, m, 4) * 30 / active_days_30d)) end)::INTEGER as days_since_last_login,
  (case when active_days_30d = 0 then 0 else clamped(round(features_available * (0.08 + 0.85 * sigmoid(1.2 * h + (month_draw(i, m, 5) - 0.5) * 0.5))), 1, features_available) end)::INTEGER as features_used,
  round(seats_active * active_days_30d / 30 * (0.3 + 1.6 * q) * (0.8 + 0.4 * month_draw(i, m, 6)))::INTEGER as workflows_completed_30d,
  round(integration_cap * q)::INTEGER as integrations_active,
  least(seats_active, round(seats_active * (0.02 + 0.3 * sigmoid(1.5 * h - 0.8))))::INTEGER as power_users,
  (case when month_draw(i, m, 7) < nps_share then round(clamped(6.6 + 1.8 * h + (month_draw(i, m, 8) - 0.5) * 3, 0, 10)) end)::INTEGER as nps,
  (case when month_draw(i, m, 9) < 0.35 then round(clamped(3.5 + 0.9 * h + (month_draw(i, m, 10) - 0.5) * 2, 1, 5)) end)::INTEGER as csat,
  floor(ticket_rate * 5 * (1.6 - q) * month_draw(i, m, 11))::INTEGER as open_tickets,
  month_draw(i, m, 12) < sigmoid(1.2 * h + sponsor_bias) as exec_sponsor_engaged,
  round(clamped(0.9 * q + (month_draw(i, m, 13) - 0.5) * 0.2, 0, 1), 2)::DOUBLE as outcome_progress,
  (case when bad_payer then floor(month_draw(i, m, 14) * 4) else 0 end)::INTEGER as invoices_late,
  month_draw(i, m, 15) < 0.05 as champion_changed,
  case when qbrs then month_draw(i, m, 16) < sigmoid(1.5 * h + 0.6) end as qbr_attended
from drawn_accounts(${n}), range(3) as months(m)
where m >= 3 - months`;

/** The metric columns, in order: what the snapshots file holds beyond account_id and date. */
const METRICS = [
	'seats_active',
	'active_days_30d',
	'logins_30d',
	'days_since_last_login',
	'features_used',
	'workflows_completed_30d',
	'integrations_active',
	'power_users',
	'nps',
	'csat',
	'open_tickets',
	'exec_sponsor_engaged',
	'outcome_progress',
	'invoices_late',
	'champion_changed',
	'qbr_attended'
];

export interface Generated {
	accounts: number;
	snapshots: number;
	/** Sizes of the files, in bytes. */
	bytes: { accounts: number; snapshots: number };
}

/** Writes `accounts.parquet` and `snapshots.parquet` of the first `n` accounts into `dir`. */
export async function generateData(engine: SqlEngine, dir: string, n: number): Promise<Generated> {
	for (const macro of MACROS) await engine.exec(macro);
	const file = (name: string) => join(dir, `${name}.parquet`);
	await engine.exec(`copy (${accountsSql(n)}) to '${file('accounts')}' (format parquet)`);
	await engine.exec(
		`copy (select account_id, date, ${METRICS.join(', ')} from (${snapshotsSql(n)})) to '${file('snapshots')}' (format parquet)`
	);
	const [counts] = await engine.query(
		`select (select count(*) from '${file('accounts')}') as accounts, (select count(*) from '${file('snapshots')}') as snapshots`
	);
	return {
		accounts: Number(counts!.accounts),
		snapshots: Number(counts!.snapshots),
		bytes: {
			accounts: (await stat(file('accounts'))).size,
			snapshots: (await stat(file('snapshots'))).size
		}
	};
}

/** A chunk of a file's rows, by column, and the row at index `r` of it as an object. */
class Chunk {
	constructor(
		readonly names: readonly string[],
		readonly columns: readonly unknown[][]
	) {}

	value<T>(name: string, r: number): T {
		return this.columns[this.names.indexOf(name)]![r] as T;
	}

	/** The row's values in the columns other than `kept`, leaving out nulls (no data). */
	others(kept: ReadonlySet<string>, r: number): Record<string, never> {
		const values: Record<string, unknown> = {};
		this.names.forEach((name, c) => {
			const value = this.columns[c]![r];
			if (value !== null && !kept.has(name)) values[name] = value;
		});
		return values as Record<string, never>;
	}
}

/**
 * Calls `each` with the rows of a Parquet file a chunk at a time, by column: the whole file as one
 * result would hold every value twice (DuckDB's and JavaScript's) before a row could be dropped.
 * Dates come as 'YYYY-MM-DD' text and whole numbers as numbers, as a workspace holds them.
 */
async function eachChunk(
	connection: DuckDBConnection,
	file: string,
	each: (chunk: Chunk, rows: number) => void
): Promise<void> {
	const described = await connection.runAndReadAll(`describe select * from '${file}'`);
	const columns = described.getRowObjectsJS().map((row) => {
		const [name, type] = [String(row.column_name), String(row.column_type)];
		const cast = /^(DATE|TIMESTAMP)/.test(type) ? 'VARCHAR' : /INT$/.test(type) ? 'DOUBLE' : null;
		return { name, sql: cast ? `cast(${quoteName(name)} as ${cast})` : quoteName(name) };
	});
	const names = columns.map((column) => column.name);
	const result = await connection.stream(
		`select ${columns.map((column) => column.sql).join(', ')} from '${file}'`
	);
	for (let chunk = await result.fetchChunk(); chunk?.rowCount; chunk = await result.fetchChunk())
		each(new Chunk(names, chunk.getColumns()), chunk.rowCount);
}

const ACCOUNT_KEPT = new Set<string>(ACCOUNT_COLUMNS);
const SNAPSHOT_KEPT = new Set(['account_id', 'date']);

/**
 * The workspace of the Parquet files in `dir`, read through DuckDB, as the engine in JavaScript
 * takes it: accounts with their facts, snapshots with their metrics, the shipped scorecards.
 */
export async function readWorkspace(dir: string): Promise<Workspace> {
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const accounts: Account[] = [];
	const snapshots: Snapshot[] = [];
	try {
		await eachChunk(connection, join(dir, 'accounts.parquet'), (chunk, rows) => {
			for (let r = 0; r < rows; r++)
				accounts.push({
					id: chunk.value('id', r),
					name: chunk.value('name', r),
					segment: chunk.value('segment', r),
					arr: chunk.value('arr', r),
					renewal_date: chunk.value('renewal_date', r),
					csm: chunk.value('csm', r),
					facts: chunk.others(ACCOUNT_KEPT, r)
				});
		});
		await eachChunk(connection, join(dir, 'snapshots.parquet'), (chunk, rows) => {
			for (let r = 0; r < rows; r++)
				snapshots.push({
					account_id: chunk.value('account_id', r),
					date: chunk.value('date', r),
					metrics: chunk.others(SNAPSHOT_KEPT, r)
				});
		});
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
	return { ...emptyWorkspace(), accounts, snapshots, scorecards: shippedScorecards() };
}

/**
 * The tables of the DuckDB views over `dir` (`attachDataDir`) as CSV files PostgreSQL copies from:
 * `accounts` and `snapshots` with their wide facts and metrics packed as JSON (a merge patch drops
 * the NULLs: no data stays absent), the same values DuckDB scores.
 */
export async function exportCsv(
	engine: SqlEngine,
	dir: string,
	layout: WideLayout
): Promise<{ accounts: string; snapshots: string }> {
	const files = { accounts: join(dir, 'accounts.csv'), snapshots: join(dir, 'snapshots.csv') };
	const packed = (names: readonly string[]) =>
		names.length
			? `json_merge_patch('{}', to_json(struct_pack(${names.map((name) => `${quoteName(name)} := ${quoteName(name)}`).join(', ')})))`
			: `'{}'`;
	await engine.exec(
		`copy (select id, name, segment, arr, renewal_date, csm, ${packed(layout.facts)} as facts from accounts) to '${files.accounts}' (header)`
	);
	await engine.exec(
		`copy (select account_id, date, ${packed(layout.metrics)} as metrics from snapshots) to '${files.snapshots}' (header)`
	);
	return files;
}
