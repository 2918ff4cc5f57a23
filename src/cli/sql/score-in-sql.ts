/**
 * Scoring in a database: the workspace's scorecards compiled to SQL (`$lib/engine/sql`), run on
 * DuckDB (the workspace loaded into memory, or a folder of files read in place) or on the tables
 * of a PostgreSQL database, and the rows read back as the records `engine score` prints.
 */
import type { AccountScore, Workspace } from '../../lib/engine';
import {
	addPeopleAndManual,
	SchemaBuilder,
	scorecardsSql,
	SqlCompileError,
	sqlSchemaOf,
	type DialectName,
	type SqlOutput,
	type SqlSchema,
	type SqlType,
	type WideLayout
} from '../../lib/engine/sql';
import { CliError } from '../io';
import { attachDataDir, dataFileError } from './data-dir';
import { openDuckDb, openPostgres, type SqlEngine } from './engines';
import { loadWorkspace } from './load';

/** What `engine score` prints of an account's score. */
export type ScoreRecord = Pick<
	AccountScore,
	'account_id' | 'scorecard_id' | 'overall' | 'band' | 'groups' | 'missing'
> & { measures: Record<string, { value: unknown; score: number | null }> };

/** The query, or a CliError naming the measure SQL cannot compile and why. */
export function compiledSql(
	workspace: Pick<Workspace, 'scorecards'>,
	options: { asOf: string; dialect: DialectName; schema: SqlSchema; layout?: WideLayout }
): SqlOutput {
	try {
		return scorecardsSql(workspace.scorecards, options);
	} catch (error) {
		if (error instanceof SqlCompileError)
			throw new CliError(`this scorecard cannot run in SQL: ${error.message}`);
		throw error;
	}
}

/** The rows of the query as records: each scorecard's columns under its groups and measures. */
export function recordsOf(rows: Record<string, unknown>[], output: SqlOutput): ScoreRecord[] {
	return rows.map((row) => {
		const card = output.scorecards.find((each) => each.id === row.scorecard_id);
		const groups: ScoreRecord['groups'] = {};
		const measures: ScoreRecord['measures'] = {};
		for (const group of card?.groups ?? [])
			groups[group.id] = (row[group.column] as number | null) ?? null;
		for (const measure of card?.measures ?? [])
			measures[measure.id] = {
				value: row[measure.value] ?? null,
				score: (row[measure.score] as number | null) ?? null
			};
		const missing = String(row.missing ?? '');
		return {
			account_id: String(row.account_id),
			scorecard_id: (row.scorecard_id as string | null) ?? null,
			overall: (row.overall as number | null) ?? null,
			band: (row.band as string | null) ?? null,
			groups,
			measures,
			missing: missing === '' ? [] : missing.split(',')
		};
	});
}

/**
 * The names and JSON types the tables of a database hold, as the compiler needs them: the facts
 * and metrics, and when the database has the tables `contacts` and `manual_entries` (a database
 * may offer only the first two), the people facts and the manual measures' values.
 */
async function schemaOfTables(engine: SqlEngine): Promise<SqlSchema> {
	const TYPES: Record<string, SqlType | null> = {
		number: 'number',
		boolean: 'boolean',
		string: 'text',
		null: null
	};
	const typeOf = (type: string) => (Object.hasOwn(TYPES, type) ? (TYPES[type] ?? null) : 'other');
	const builder = new SchemaBuilder();
	const rows = await engine.query(
		`select key, jsonb_typeof(value) as type from snapshots, jsonb_each(metrics)
		 union select key, jsonb_typeof(value) from accounts, jsonb_each(facts)`
	);
	for (const { key, type } of rows as { key: string; type: string }[])
		builder.addType(key, typeOf(type));
	const [tables] = await engine.query(
		`select to_regclass('contacts') is not null as contacts, to_regclass('manual_entries') is not null as manual`
	);
	const [users] = tables?.contacts
		? await engine.query(
				`select exists (select 1 from contacts where (last_seen is not null and last_seen <> '') or metrics is not null) as found`
			)
		: [];
	const entries = tables?.manual
		? ((await engine.query(
				`select distinct measure_id, jsonb_typeof(value) as type from manual_entries`
			)) as { measure_id: string; type: string }[])
		: [];
	// One entry of each type stands for them all: the builder keeps types, not values.
	const SAMPLE: Record<string, unknown> = { number: 0, boolean: false, string: '', null: null };
	addPeopleAndManual(
		builder,
		users?.found === true,
		entries.map(({ measure_id, type }) => ({
			measure_id,
			value: Object.hasOwn(SAMPLE, type) ? SAMPLE[type] : [type]
		}))
	);
	return builder.schema();
}

/**
 * Every account's score as of `asOf`, in SQL: on DuckDB, the workspace loaded into memory (its
 * accounts in their order) or, with `data`, the files of that folder read in place; on
 * PostgreSQL, the tables `accounts` and `snapshots` of `databaseUrl`. Both of the latter are
 * scored with the workspace's scorecards and ordered by account id.
 */
export async function scoreInSql(
	workspace: Workspace,
	options: { engine: DialectName; asOf: string; databaseUrl?: string; data?: string }
): Promise<ScoreRecord[]> {
	const engine =
		options.engine === 'duckdb' ? await openDuckDb() : await openPostgres(options.databaseUrl!);
	try {
		let schema: SqlSchema;
		let layout: WideLayout | undefined;
		if (options.engine === 'duckdb' && options.data !== undefined)
			({ schema, layout } = await attachDataDir(engine, options.data));
		else if (options.engine === 'duckdb') {
			await loadWorkspace(engine, workspace);
			schema = sqlSchemaOf(workspace);
		} else schema = await schemaOfTables(engine);
		const output = compiledSql(workspace, {
			asOf: options.asOf,
			dialect: options.engine,
			schema,
			layout
		});
		const rows = await engine.query(output.sql).catch((error: unknown) => {
			// A cell its column's type cannot hold is found only now, as the files are read.
			throw (options.data !== undefined && dataFileError(error, options.data)) || error;
		});
		const records = recordsOf(rows, output);
		if (options.engine !== 'duckdb' || options.data !== undefined) return records;
		const byId = new Map(records.map((record) => [record.account_id, record]));
		return workspace.accounts.map((account) => byId.get(account.id)!);
	} finally {
		await engine.close();
	}
}
