/**
 * The SQL engines scorecards compiled to SQL run on from the command line: DuckDB in this process
 * and a PostgreSQL server. Each hands rows back as the same plain values, so what reads them (and
 * the tests comparing the two engines with the engine in JavaScript) need not know which ran.
 */
import type { DuckDBValueConverter, JS } from '@duckdb/node-api';

export interface SqlEngine {
	dialect: 'duckdb' | 'postgres';
	/** Runs statements that return nothing. */
	exec(sql: string): Promise<void>;
	/**
	 * Runs a query; rows as plain objects, numbers as JS numbers (double columns: NaN/Infinity as
	 * the JS values), booleans as booleans, text as strings, JSON columns as parsed JS values, dates
	 * as 'YYYY-MM-DD' strings.
	 */
	query(sql: string): Promise<Record<string, unknown>[]>;
	close(): Promise<void>;
}

/** DuckDB on the database file at `path`, or in memory. */
export async function openDuckDb(path = ':memory:'): Promise<SqlEngine> {
	// Loaded on demand: the native binding is needed only by the commands that use it.
	const duckdb = await import('@duckdb/node-api');
	const { DuckDBInstance, DuckDBTypeId, JSDuckDBValueConverter } = duckdb;
	const instance = await DuckDBInstance.create(path);
	const connection = await instance.connect();
	const converter: DuckDBValueConverter<unknown> = (value, type, self) => {
		if (value === null) return null;
		switch (type.typeId) {
			// Counts and sums of whole numbers are BIGINT or HUGEINT, which read as bigint.
			case DuckDBTypeId.BIGINT:
			case DuckDBTypeId.UBIGINT:
			case DuckDBTypeId.HUGEINT:
			case DuckDBTypeId.UHUGEINT:
			case DuckDBTypeId.BIGNUM:
				return Number(value as bigint);
			// Their own classes, which print as PostgreSQL does ('2026-11-23', '12:30:00').
			case DuckDBTypeId.DATE:
			case DuckDBTypeId.TIME:
			case DuckDBTypeId.TIME_NS:
			case DuckDBTypeId.TIME_TZ:
				return String(value);
			default:
				// The package's own conversion (doubles as numbers, NaN and infinities included),
				// recursing into lists and structs through this one, whose values are JS values too.
				return JSDuckDBValueConverter(value, type, self as unknown as DuckDBValueConverter<JS>);
		}
	};
	return {
		dialect: 'duckdb',
		exec: async (sql) => void (await connection.run(sql)),
		async query(sql) {
			const reader = await connection.runAndReadAll(sql);
			const names = reader.deduplicatedColumnNames();
			// JSON is VARCHAR under an alias, which only the result's column types carry (a value's
			// type, from its chunk, has lost it): parsed here, by column.
			const json = names.map((_, i) => reader.columnType(i).alias === 'JSON');
			return reader.convertRows(converter).map((values) => {
				const row: Record<string, unknown> = {};
				values.forEach((value, i) => {
					row[names[i]!] = json[i] && typeof value === 'string' ? JSON.parse(value) : value;
				});
				return row;
			});
		},
		async close() {
			// Both, or a database file stays locked until the process ends.
			connection.closeSync();
			instance.closeSync();
		}
	};
}

/** Type ids of PostgreSQL (`pg_type.oid`) whose text `pg` would read otherwise than we want. */
const OID = {
	int8: 20,
	numeric: 1700,
	date: 1082,
	int8Array: 1016,
	numericArray: 1231,
	dateArray: 1182,
	textArray: 1009
} as const;

/** The PostgreSQL server at `url` (`postgres://user:password@host:port/database`). */
export async function openPostgres(url: string): Promise<SqlEngine> {
	const pg = await import('pg');
	const { Client, types } = pg.default ?? pg;
	type Parser = (text: string) => unknown;
	const parser = (oid: number): Parser => types.getTypeParser(oid, 'text') as Parser;
	const deep = (value: unknown, each: (text: string) => unknown): unknown =>
		Array.isArray(value)
			? value.map((v) => deep(v, each))
			: value === null
				? null
				: each(value as string);
	// pg reads bigint and numeric as strings (exactly), and dates as a Date at local midnight.
	// float8 it reads with parseFloat already, which takes 'NaN', 'Infinity' and '-Infinity'.
	const own: Record<number, Parser> = {
		[OID.int8]: Number,
		[OID.numeric]: parseFloat,
		[OID.date]: (text) => text,
		[OID.int8Array]: (text) => deep(parser(OID.textArray)(text), Number),
		[OID.numericArray]: (text) => deep(parser(OID.textArray)(text), parseFloat),
		[OID.dateArray]: parser(OID.textArray)
	};
	// On this client only: the app's server shares the process in tests and sets its own.
	const client = new Client({
		connectionString: url,
		connectionTimeoutMillis: 10_000,
		types: {
			getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
				own[oid] ?? types.getTypeParser(oid, format ?? 'text')) as typeof types.getTypeParser
		}
	});
	await client.connect();
	client.on('error', (error) => console.error(`database connection lost: ${error.message}`));
	return {
		dialect: 'postgres',
		exec: async (sql) => void (await client.query(sql)),
		async query(sql) {
			// Several statements give a result each; the last one's rows are the answer.
			const result = (await client.query(sql)) as unknown as
				{ rows: Record<string, unknown>[] } | { rows: Record<string, unknown>[] }[];
			return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows;
		},
		close: () => client.end()
	};
}
