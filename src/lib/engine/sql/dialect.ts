/**
 * The SQL dialects scorecards compile to: DuckDB and PostgreSQL, tested on the real engines (a
 * generic one of portable constructs for warehouses is to come). What differs between them is
 * here, in one place; the compiler asks the dialect for each such piece.
 */
export const DIALECTS = ['duckdb', 'postgres'] as const;
export type DialectName = (typeof DIALECTS)[number];

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
	divide: (a, b) =>
		`(case when ${b} = 0 then (case when ${a} > 0 then 'Infinity'::double precision when ${a} < 0 then '-Infinity'::double precision else 'NaN'::double precision end) else ${a} / ${b} end)`,
	remainder: (a, b) =>
		`(case when ${b} = 0 or ${a} in ('Infinity'::double precision, '-Infinity'::double precision) then 'NaN'::double precision when ${b} in ('Infinity'::double precision, '-Infinity'::double precision) then ${a} else ${a} - trunc(${a} / ${b}) * ${b} end)`,
	matches: (text, pattern) => `(${text} ~ ${quoteText(pattern)})`,
	capture: (text, pattern) => `substring(${text} from ${quoteText(pattern)})`,
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
		`(case when ${b} = 0 then (case when ${a} > 0 then 'Infinity'::DOUBLE when ${a} < 0 then '-Infinity'::DOUBLE else 'NaN'::DOUBLE end) else ${a} / ${b} end)`,
	remainder: (a, b) =>
		`(case when ${b} = 0 or isinf(${a}) or isnan(${a}) or isnan(${b}) then 'NaN'::DOUBLE when isinf(${b}) then ${a} else fmod(${a}, ${b}) end)`,
	matches: (text, pattern) => `regexp_matches(${text}, ${quoteText(pattern)})`,
	capture: (text, pattern) => `nullif(regexp_extract(${text}, ${quoteText(pattern)}, 1), '')`,
	fence: ''
};

export const DIALECT: Record<DialectName, Dialect> = { postgres, duckdb };
