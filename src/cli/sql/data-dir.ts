/**
 * A folder of wide CSV or Parquet files (accounts, snapshots, and optionally contacts and manual
 * entries; the columns of the app's CSV import) scored by DuckDB where they lie: views named as
 * the tables scorecards are scored from (`tablesSql`), over the files themselves, nothing copied.
 * A file's other columns are packed into the view's JSON column, an empty cell left out (no data).
 *
 * The column types are DuckDB's, found once over the whole file and then pinned in the view: were
 * they inferred again from the first rows each time the view is read, a column of numbers with a
 * word on row 30,000 would fail the scan rather than read as text.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { quoteName, quoteText } from '../../lib/engine/sql/dialect';
import {
	addPeopleAndManual,
	SchemaBuilder,
	type SqlSchema,
	type SqlType
} from '../../lib/engine/sql/schema';
import type { WideLayout } from '../../lib/engine/sql/layout';
import { CliError } from '../io';
import type { SqlEngine } from './engines';

type Table = 'accounts' | 'snapshots' | 'contacts' | 'manual_entries';
/** How a known column is read: text, a double, a date, or a manual entry's value as JSON. */
type Kind = 'text' | 'number' | 'date' | 'value';

interface Shape {
	/** Without it the folder cannot be scored; an optional table absent is an empty view. */
	required: boolean;
	/** The view's columns before the JSON one, in order: name, how read, whether the file must have it. */
	columns: readonly (readonly [name: string, kind: Kind, required: boolean])[];
	/** The JSON column the file's other columns go into (none: they are not read). */
	packed?: 'facts' | 'metrics';
	/** The file's other columns are the table's facts or metrics, kept wide (`WideLayout`). */
	wide?: 'facts' | 'metrics';
	/** The packed column is NULL when no cell of the row has data: a contact without usage. */
	emptyIsNull?: boolean;
}

/** The tables, as `tablesSql` makes them, with what the app's import requires of each file. */
const SHAPES: Record<Table, Shape> = {
	accounts: {
		required: true,
		columns: [
			['id', 'text', true],
			['name', 'text', true],
			['segment', 'text', true],
			['arr', 'number', false],
			['renewal_date', 'text', false],
			['csm', 'text', false]
		],
		wide: 'facts'
	},
	snapshots: {
		required: true,
		columns: [
			['account_id', 'text', true],
			['date', 'date', true]
		],
		wide: 'metrics'
	},
	contacts: {
		required: false,
		columns: [
			['id', 'text', true],
			['account_id', 'text', true],
			['email', 'text', true],
			['name', 'text', false],
			['role', 'text', false],
			['last_seen', 'text', false],
			['unsubscribed_at', 'text', false]
		],
		packed: 'metrics',
		emptyIsNull: true
	},
	manual_entries: {
		required: false,
		columns: [
			['account_id', 'text', true],
			['measure_id', 'text', true],
			['value', 'value', true],
			['comment', 'text', false],
			['entered_by', 'text', false],
			['entered_at', 'text', true]
		]
	}
};

const TABLES = Object.keys(SHAPES) as Table[];
const SQL_TYPE: Record<Kind, string> = {
	text: 'VARCHAR',
	number: 'DOUBLE',
	date: 'DATE',
	value: 'VARCHAR'
};

/** What CSV columns may be inferred as: dates stay text, as in a workspace (its dates are text). */
const CSV_CANDIDATES = `['BOOLEAN', 'BIGINT', 'DOUBLE', 'VARCHAR']`;
/** A number as the app's import reads one; `007` is a code, kept as text. */
const NUMBER = `'^[+-]?([1-9][0-9]*|0)?(\\.[0-9]*)?([eE][+-]?[0-9]+)?$'`;

interface Column {
	name: string;
	/** DuckDB's type of the column (`VARCHAR`, `BIGINT`, `VARCHAR[]`…). */
	type: string;
}

interface DataFile {
	table: Table;
	path: string;
	format: 'csv' | 'parquet';
	columns: Column[];
}

/** A packed accounts column the app reads its own way: `tags` as a list, `do_not_contact` as yes/no. */
const SPECIAL: Record<
	string,
	{ read: (column: string, type: string) => string; type: SqlType | 'other' }
> = {
	tags: {
		// `a; b|c` is three tags (the import's separators); an empty list is no data.
		read: (column, type) =>
			type.endsWith('[]')
				? `nullif(${column}, [])`
				: `nullif(list_filter(list_transform(string_split_regex(cast(${column} as VARCHAR), '[;,|]'), t -> trim(t)), t -> t <> ''), [])`,
		type: 'other'
	},
	do_not_contact: {
		read: (column) =>
			`(case when lower(trim(cast(${column} as VARCHAR))) in ('true', 'yes', '1', 't') then true when lower(trim(cast(${column} as VARCHAR))) in ('false', 'no', '0', 'f') then false end)`,
		type: 'boolean'
	}
};

/** The type a rule reads from a column of this DuckDB type. */
function sqlTypeOfColumn(type: string): SqlType | 'other' {
	if (type === 'BOOLEAN') return 'boolean';
	if (/^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|REAL|DECIMAL(\(.*\))?)$/.test(type))
		return 'number';
	if (/^(VARCHAR|DATE|TIMESTAMP.*|TIME)$/.test(type)) return 'text';
	return 'other';
}

/** The file holding a table, if any: `<table>.csv` or `<table>.parquet`, never both. */
function findFile(dir: string, table: Table): Pick<DataFile, 'path' | 'format'> | null {
	const found = (['csv', 'parquet'] as const)
		.map((format) => ({ path: join(dir, `${table}.${format}`), format }))
		.filter((file) => existsSync(file.path));
	if (found.length > 1)
		throw new CliError(`${dir} holds both ${table}.csv and ${table}.parquet: keep one`);
	if (found.length === 0 && SHAPES[table].required)
		throw new CliError(`${dir} has no ${table}.csv or ${table}.parquet (required)`);
	return found[0] ?? null;
}

/** The file as DuckDB reads it; with `types`, the CSV column types pinned rather than inferred. */
function source(file: Pick<DataFile, 'path' | 'format'>, types?: Column[]): string {
	const path = quoteText(file.path);
	if (file.format === 'parquet') return `read_parquet(${path})`;
	if (!types)
		return `read_csv(${path}, header = true, sample_size = -1, auto_type_candidates = ${CSV_CANDIDATES})`;
	const pinned = types.map((column) => `${quoteText(column.name)}: ${quoteText(column.type)}`);
	return `read_csv(${path}, header = true, types = {${pinned.join(', ')}})`;
}

/** DuckDB's message without its echo of the statement and its list of CSV settings. */
const summary = (error: unknown) =>
	String((error as Error)?.message ?? error)
		.split(/\n\s*\n|\nLINE \d+:/)[0]!
		.trim();

/**
 * A CliError for DuckDB failing to read a file of the folder while scoring (a cell its column's
 * type cannot hold), naming the file when DuckDB does; undefined for any other error.
 */
export function dataFileError(error: unknown, dir: string): CliError | undefined {
	const message = String((error as Error)?.message ?? '');
	if (!/^(Conversion|Invalid Input|IO) Error/.test(message)) return undefined;
	const file = /\n\s*file = (.+)\n/.exec(message)?.[1] ?? dir;
	return new CliError(`${file} cannot be read: ${summary(error)}`);
}

/** The file's columns and the types DuckDB finds for them over the whole file. */
async function columnsOf(engine: SqlEngine, file: Pick<DataFile, 'path' | 'format'>) {
	try {
		const rows = await engine.query(`describe select * from ${source(file)}`);
		return rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
	} catch (error) {
		throw new CliError(`${file.path} cannot be read: ${summary(error)}`);
	}
}

/** A packed column's value: text trimmed, as the app's import reads a cell; empty is no data. */
function packedValue(table: Table, column: Column): string {
	const name = quoteName(column.name);
	const special = table === 'accounts' ? SPECIAL[column.name] : undefined;
	if (special) return special.read(name, column.type);
	return column.type === 'VARCHAR' ? `nullif(trim(${name}), '')` : name;
}

/** A manual entry's value as JSON: a number, true/false or text; typed columns as they are. */
function manualValue(column: Column): string {
	const name = quoteName(column.name);
	if (column.type !== 'VARCHAR') return `to_json(${name})`;
	return `(case when regexp_full_match(trim(${name}), ${NUMBER}) and regexp_matches(${name}, '[0-9]') then to_json(cast(trim(${name}) as DOUBLE))
  when lower(trim(${name})) in ('true', 'false') then to_json(lower(trim(${name})) = 'true')
  else to_json(trim(${name})) end)`;
}

/** The view's select list and `from` for a table; without a file, no rows of the same shape. */
function viewSql(table: Table, file: DataFile | null): string {
	const shape = SHAPES[table];
	const has = new Map((file?.columns ?? []).map((column) => [column.name, column]));
	const list = shape.columns.map(([name, kind]) => {
		const column = has.get(name);
		const type = SQL_TYPE[kind];
		if (!column) return `cast(NULL as ${kind === 'value' ? 'JSON' : type}) as ${quoteName(name)}`;
		// A CSV file's known columns are read as their kind's type (below), the value as text.
		if (kind === 'value')
			return `${manualValue(file!.format === 'csv' ? { ...column, type: SQL_TYPE.value } : column)} as ${quoteName(name)}`;
		const value = `cast(${quoteName(name)} as ${type})`;
		return `${kind === 'text' ? `nullif(trim(${value}), '')` : value} as ${quoteName(name)}`;
	});
	const known = new Set(shape.columns.map(([name]) => name));
	const others = (file?.columns ?? []).filter((column) => !known.has(column.name));
	// Read as they are: packing them into JSON would cost more than scoring them.
	if (shape.wide)
		for (const column of others)
			list.push(`${packedValue(table, column)} as ${quoteName(column.name)}`);
	if (shape.packed) {
		const members = others.map((c) => `${quoteName(c.name)} := ${packedValue(table, c)}`);
		// A merge patch leaves out the members that are null: an empty cell is absent, not null.
		const packed = members.length
			? `json_merge_patch('{}', to_json(struct_pack(${members.join(', ')})))`
			: `cast('{}' as JSON)`;
		list.push(
			`${shape.emptyIsNull ? `nullif(${packed}, cast('{}' as JSON))` : packed} as ${shape.packed}`
		);
	}
	if (!file) return `select ${list.join(',\n  ')} limit 0`;
	const pinned = file.columns.map((column) => {
		const known = shape.columns.find(([name]) => name === column.name);
		return known ? { name: column.name, type: SQL_TYPE[known[1]] } : column;
	});
	return `select ${list.join(',\n  ')}\nfrom ${source(file, pinned)}`;
}

/**
 * The packed columns' types. A CSV column DuckDB calls VARCHAR may be one with no cell filled:
 * such a name is absent from every row, and so from the schema, as the app's import leaves it.
 */
async function addColumnTypes(engine: SqlEngine, builder: SchemaBuilder, file: DataFile) {
	const shape = SHAPES[file.table];
	for (const [name, kind] of shape.columns)
		if (file.table === 'accounts' && file.columns.some((column) => column.name === name))
			builder.addType(name, kind === 'number' ? 'number' : 'text');
	if (!shape.packed && !shape.wide) return;
	const known = new Set(shape.columns.map(([name]) => name));
	const others = file.columns.filter((column) => !known.has(column.name));
	const unsure = file.format === 'csv' ? others.filter((c) => c.type === 'VARCHAR') : [];
	const filled = new Set(others.filter((column) => !unsure.includes(column)).map((c) => c.name));
	if (unsure.length) {
		const counts = unsure.map((c, i) => `count(nullif(trim(${quoteName(c.name)}), '')) as c${i}`);
		const [row] = await engine.query(
			`select ${counts.join(', ')} from ${source(file, file.columns)}`
		);
		unsure.forEach((column, i) => Number(row?.[`c${i}`]) > 0 && filled.add(column.name));
	}
	for (const column of others) {
		if (!filled.has(column.name)) continue;
		const special = file.table === 'accounts' ? SPECIAL[column.name] : undefined;
		builder.addType(column.name, special ? special.type : sqlTypeOfColumn(column.type));
	}
}

/**
 * The names contacts and manual entries add, as `sqlSchemaOf` adds them for a workspace: the
 * people facts when a contact uses the product (a `last_seen` or usage metrics), and the manual
 * names typed by one value of each JSON type entered for each measure.
 */
async function addPeopleAndManualTypes(engine: SqlEngine, builder: SchemaBuilder): Promise<void> {
	const [users] = await engine.query(
		`select count(*) as n from contacts where last_seen is not null or metrics is not null`
	);
	// One value of each JSON type stands for them all: the builder keeps types, not values.
	const entries = await engine.query(
		`select distinct measure_id, json_type(value) as type from manual_entries`
	);
	const SAMPLE: Record<string, unknown> = {
		BIGINT: 0,
		UBIGINT: 0,
		DOUBLE: 0,
		BOOLEAN: false,
		VARCHAR: '',
		NULL: null
	};
	addPeopleAndManual(
		builder,
		Number(users?.n) > 0,
		(entries as { measure_id: string; type: string }[]).map(({ measure_id, type }) => ({
			measure_id,
			value: Object.hasOwn(SAMPLE, type) ? SAMPLE[type] : [type]
		}))
	);
}

/**
 * Makes the views `accounts`, `snapshots`, `contacts` and `manual_entries` of a DuckDB engine over
 * the files of `dir`, and returns the schema of what they hold. A folder or file that will not do
 * is a CliError naming it and what is wrong.
 */
export async function attachDataDir(
	engine: SqlEngine,
	dir: string
): Promise<{ schema: SqlSchema; layout: WideLayout }> {
	if (engine.dialect !== 'duckdb') throw new Error('attachDataDir: DuckDB reads the files');
	if (!existsSync(dir) || !statSync(dir).isDirectory())
		throw new CliError(`--data ${dir}: no such folder`);
	const builder = new SchemaBuilder();
	const layout = { facts: [] as string[], metrics: [] as string[] };
	for (const table of TABLES) {
		const found = findFile(dir, table);
		const file = found && { ...found, table, columns: await columnsOf(engine, found) };
		if (file) {
			const names = new Set(file.columns.map((column) => column.name));
			const lacking = SHAPES[table].columns.filter(
				([name, , required]) => required && !names.has(name)
			);
			if (lacking.length)
				throw new CliError(
					`${file.path} lacks the column${lacking.length > 1 ? 's' : ''} ${lacking.map(([name]) => name).join(', ')} (it has ${[...names].join(', ')})`
				);
		}
		const wide = SHAPES[table].wide;
		if (wide && file)
			for (const column of file.columns)
				if (!SHAPES[table].columns.some(([name]) => name === column.name))
					layout[wide].push(column.name);
		try {
			await engine.exec(`create or replace view ${table} as ${viewSql(table, file)}`);
			// A contact's own metrics are no account's facts: the people facts stand for them.
			if (file && (table === 'accounts' || table === 'snapshots'))
				await addColumnTypes(engine, builder, file);
		} catch (error) {
			throw dataFileError(error, file?.path ?? dir) ?? error;
		}
	}
	await addPeopleAndManualTypes(engine, builder);
	return { schema: builder.schema(), layout };
}
