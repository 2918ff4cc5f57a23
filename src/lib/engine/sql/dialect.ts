/**
 * The SQL dialects scorecards compile to: DuckDB and PostgreSQL, tested on the real engines, and a
 * generic one of portable constructs for warehouses, tested by running it on DuckDB unchanged
 * (README: what Snowflake, BigQuery and Trino write instead). What differs between them is here,
 * in one place; the compiler asks the dialect for each such piece.
 */
export const DIALECTS = ['duckdb', 'postgres', 'generic'] as const;
export type DialectName = (typeof DIALECTS)[number];

/** The dialects the command line can also run: a generic query is for a warehouse to run. */
export const ENGINES = ['duckdb', 'postgres'] as const satisfies readonly DialectName[];
export type EngineName = (typeof ENGINES)[number];

export interface Dialect {
	name: DialectName;
	/** The column types of the tables. */
	types: { text: string; number: string; boolean: string; date: string; json: string };
	/** A JSON column's member as JSON (SQL NULL when absent; a JSON null when null). */
	member(json: string, key: string): string;
	/** A JSON column's member as text (SQL NULL when absent or null). */
	memberText(json: string, key: string): string;
	/** A double-precision literal for NaN or an infinity. */
	special(value: 'NaN' | 'Infinity' | '-Infinity'): string;
	/** Whether a double is NaN. */
	isNaN(x: string): string;
	/** `a / b` in IEEE arithmetic: an infinity or NaN, never an error, when b is 0. */
	divide(a: string, b: string): string;
	/** JavaScript's `%` (the sign of the dividend, NaN for a zero divisor). */
	remainder(a: string, b: string): string;
	/** Whether text matches a regular expression (POSIX, as both engines read it). */
	matches(text: string, pattern: string): string;
	/** The first group of a regular expression's match in text, or NULL for none. */
	capture(text: string, pattern: string): string;
	/** Whole days from one date to another (dates, not timestamps): positive when `to` is later. */
	daysBetween(from: string, to: string): string;
	/** Whether a JSON value (SQL NULL: false or NULL) is a number, a boolean, text or JSON null. */
	jsonIs(json: string, kind: 'number' | 'boolean' | 'text' | 'null'): string;
	/** The text of a JSON scalar (SQL NULL for JSON null). */
	scalarText(json: string): string;
	/**
	 * What follows text to compare it byte by byte, as JavaScript compares strings ('' where that
	 * is the default): a database's collation may order or equate text otherwise.
	 */
	binary: string;
	/**
	 * Ends a derived table the planner must not merge into the query around it: merged, each
	 * stage's expressions would be copied into the next, growing the plan exponentially.
	 */
	fence: string;
}

export const quoteText = (text: string): string => `'${text.replaceAll("'", "''")}'`;
export const quoteName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const postgres: Dialect = {
	name: 'postgres',
	types: {
		text: 'text',
		number: 'double precision',
		boolean: 'boolean',
		date: 'date',
		json: 'jsonb'
	},
	member: (json, key) => `(${json} -> ${quoteText(key)})`,
	memberText: (json, key) => `(${json} ->> ${quoteText(key)})`,
	special: (value) => `'${value}'::double precision`,
	isNaN: (x) => `(${x} = 'NaN'::double precision)`,
	// NaN first: PostgreSQL (DuckDB too) orders NaN above every number, so `NaN > 0` holds.
	divide: (a, b) =>
		`(case when ${b} = 0 then (case when ${a} = 'NaN'::double precision then 'NaN'::double precision when ${a} > 0 then 'Infinity'::double precision when ${a} < 0 then '-Infinity'::double precision else 'NaN'::double precision end) else ${a} / ${b} end)`,
	remainder: (a, b) =>
		`(case when ${b} = 0 or ${a} in ('Infinity'::double precision, '-Infinity'::double precision) then 'NaN'::double precision when ${b} in ('Infinity'::double precision, '-Infinity'::double precision) then ${a} else ${a} - trunc(${a} / ${b}) * ${b} end)`,
	matches: (text, pattern) => `(${text} ~ ${quoteText(pattern)})`,
	capture: (text, pattern) => `substring(${text} from ${quoteText(pattern)})`,
	daysBetween: (from, to) => `(${to} - ${from})`,
	jsonIs: (json, kind) =>
		`(jsonb_typeof(${json}) = ${quoteText(kind === 'text' ? 'string' : kind)})`,
	scalarText: (json) => `(${json} #>> '{}')`,
	binary: ' collate "C"',
	fence: ' offset 0'
};

const duckdb: Dialect = {
	name: 'duckdb',
	types: { text: 'VARCHAR', number: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', json: 'JSON' },
	member: (json, key) => `(${json} -> ${quoteText(`$.${JSON.stringify(key)}`)})`,
	memberText: (json, key) => `(${json} ->> ${quoteText(`$.${JSON.stringify(key)}`)})`,
	special: (value) => `'${value}'::DOUBLE`,
	isNaN: (x) => `isnan(${x})`,
	divide: (a, b) =>
		`(case when ${b} = 0 then (case when isnan(${a}) then 'NaN'::DOUBLE when ${a} > 0 then 'Infinity'::DOUBLE when ${a} < 0 then '-Infinity'::DOUBLE else 'NaN'::DOUBLE end) else ${a} / ${b} end)`,
	// mod as C's fmod (the dividend's sign); DuckDB's fmod takes the divisor's.
	remainder: (a, b) =>
		`(case when ${b} = 0 or isinf(${a}) or isnan(${a}) or isnan(${b}) then 'NaN'::DOUBLE when isinf(${b}) then ${a} else mod(${a}, ${b}) end)`,
	matches: (text, pattern) => `regexp_matches(${text}, ${quoteText(pattern)})`,
	// Not regexp_extract, which gives '' for no match as for an empty group (`([+-]?)` of 'Infinity').
	capture: (text, pattern) => `regexp_extract_all(${text}, ${quoteText(pattern)}, 1)[1]`,
	daysBetween: (from, to) => `cast(${to} - ${from} as INTEGER)`,
	jsonIs: (json, kind) =>
		kind === 'number'
			? `(json_type(${json}) in ('BIGINT', 'UBIGINT', 'DOUBLE'))`
			: `(json_type(${json}) = ${quoteText({ boolean: 'BOOLEAN', text: 'VARCHAR', null: 'NULL' }[kind])})`,
	scalarText: (json) => `(${json} ->> '$')`,
	binary: '',
	fence: ''
};

const DOUBLE = 'double precision';
const double = (value: 'NaN' | 'Infinity' | '-Infinity') => `cast('${value}' as ${DOUBLE})`;
const INFINITIES = `(${double('Infinity')}, ${double('-Infinity')})`;
/** json_type's names in DuckDB, then in BigQuery (JSON_TYPE), so that both run it unchanged. */
const JSON_TYPES = {
	number: ['BIGINT', 'UBIGINT', 'DOUBLE', 'number'],
	boolean: ['BOOLEAN', 'boolean'],
	text: ['VARCHAR', 'string'],
	null: ['NULL', 'null']
};
/** A member's name as a key: DuckDB would read one starting with `$` or `/` as a path. */
const key = (name: string) => quoteText(/^[$/]/.test(name) ? `$.${JSON.stringify(name)}` : name);

/**
 * Portable SQL for a warehouse: SQL:2016 where DuckDB runs it as the standard means it, otherwise
 * the spelling most engines share, always one DuckDB runs unchanged (its tests run it there).
 */
const generic: Dialect = {
	name: 'generic',
	types: { text: 'varchar', number: DOUBLE, boolean: 'boolean', date: 'date', json: 'json' },
	// Not SQL:2016's json_value: DuckDB 1.5 gives a string member with its JSON quotes.
	member: (json, name) => `json_extract_path(${json}, ${key(name)})`,
	memberText: (json, name) => `json_extract_path_text(${json}, ${key(name)})`,
	special: double,
	// Either way NaN is read: it equals itself in DuckDB, PostgreSQL and Snowflake, and nothing in
	// IEEE engines (Trino, BigQuery).
	isNaN: (x) => `(${x} <> ${x} or ${x} = ${double('NaN')})`,
	divide: (a, b) =>
		`(case when ${b} = 0 then (case when ${a} < 0 then ${double('-Infinity')} when ${a} > 0 and not ${generic.isNaN(a)} then ${double('Infinity')} else ${double('NaN')} end) else ${a} / ${b} end)`,
	remainder: (a, b) =>
		`(case when ${b} = 0 or ${a} in ${INFINITIES} then ${double('NaN')} when ${b} in ${INFINITIES} then ${a} else mod(${a}, ${b}) end)`,
	matches: (text, pattern) => `regexp_matches(${text}, ${quoteText(pattern)})`,
	// The match tested first: DuckDB's regexp_extract gives '' for no match as for an empty group.
	capture: (text, pattern) =>
		`(case when ${generic.matches(text, pattern)} then regexp_extract(${text}, ${quoteText(pattern)}, 1) end)`,
	daysBetween: (from, to) => `date_diff('day', ${from}, ${to})`,
	jsonIs: (json, kind) => `(json_type(${json}) in (${JSON_TYPES[kind].map(quoteText).join(', ')}))`,
	scalarText: (json) => `json_extract_path_text(${json}, '$')`,
	binary: '',
	fence: ''
};

export const DIALECT: Record<DialectName, Dialect> = { postgres, duckdb, generic };
