/**
 * The facts rows scorecards are scored on in SQL (`../facts.ts`): per account, the row of the
 * as-of date (kind 0: the account with its latest snapshot on or before it); for time decay, one
 * row per earlier 30-day period holding a snapshot (kind 1: its latest snapshot, as of the period's
 * end); for the last known value, one row per earlier snapshot within the look-back (kind 2: as of
 * that snapshot's date). Each row carries the people facts and the manual entries of its date when
 * the scorecards read them, and the scope below reads a rule's names on any of these rows.
 */
import { addDays } from '../dates';
import { quoteName, quoteText, type Dialect } from './dialect';
import { SqlCompileError } from './errors';
import { carried, columnsOf, sourcesOf, typedText, type WideLayout } from './layout';
import type { Scope, Typed } from './logic';
import { featuresAvailableSql, PEOPLE_COLUMNS, peopleSql } from './people';
import type { SqlSchema } from './schema';
import { ACCOUNT_COLUMNS } from './tables';

/** Row kinds. */
export const CURRENT = 0;
export const PERIOD = 1;
export const EARLIER = 2;

/** What the scope found the rules read, which decides what the rows must carry. */
export interface RowsUse {
	people: boolean;
	/** Measure ids whose manual entries are read, by column index. */
	manual: string[];
}

/** The manual columns of a row: the latest entry's value as text, and its age in days. */
const manualColumn = (k: number) => ({ value: `manual_v_${k}`, age: `manual_age_${k}` });

/**
 * How a row's names are read, in the engine's precedence: the snapshot's metrics, then the people
 * facts, then the account's facts, then its columns; `manual.<id>` and `manual_age.<id>` (when
 * the workspace has manual entries) from the entries of the row's date.
 */
export function rowScope(
	dialect: Dialect,
	schema: SqlSchema,
	use: RowsUse,
	layout?: WideLayout
): Scope {
	const hasManual = Object.keys(schema).some((name) => name.startsWith('manual.'));
	const manualIndex = (id: string) => {
		let k = use.manual.indexOf(id);
		if (k < 0) k = use.manual.push(id) - 1;
		return manualColumn(k);
	};
	return {
		dialect,
		schema,
		read(name, type) {
			const sources = sourcesOf(dialect, layout, name, type);
			const column =
				name === 'id'
					? 'account_id'
					: (ACCOUNT_COLUMNS as readonly string[]).includes(name)
						? quoteName(name)
						: null;
			const whens = sources.map((source) => `when ${source.present} then ${source.value(type)}`);
			const present = sources.map((source) => source.present);
			const people = Object.hasOwn(PEOPLE_COLUMNS, name) ? PEOPLE_COLUMNS[name]! : null;
			if (people && type === 'number') {
				// People facts come after the account's facts and before the snapshot's metrics.
				use.people = true;
				const afterMetrics = sources[0]?.from === 'metrics' ? 1 : 0;
				whens.splice(afterMetrics, 0, `when ${people} is not null then ${people}`);
				present.push(`${people} is not null`);
			}
			if (column) present.push(`${column} is not null`);
			const otherwise = column ? `cast(${column} as ${dialect.types[type]})` : 'NULL';
			return {
				value: whens.length ? `(case ${whens.join(' ')} else ${otherwise} end)` : otherwise,
				present: `(${present.join(' or ')})`
			};
		},
		readPath(name, path): Typed | undefined {
			const [root, id, ...rest] = name.split('.');
			if (!hasManual || (root !== 'manual' && root !== 'manual_age')) return undefined;
			if (rest.length > 0 || id === undefined || id === '')
				throw new SqlCompileError(path, `${name}: paths into a value have no SQL form here`);
			const type = schema[`manual.${id}`];
			// A measure nobody entered a value for reads nothing, as in the engine.
			if (type === undefined) return { sql: 'NULL', type: 'null' };
			const columns = manualIndex(id);
			if (root === 'manual_age')
				return { sql: `cast(${columns.age} as ${dialect.types.number})`, type: 'number' };
			if (type === 'other')
				throw new SqlCompileError(
					path,
					`${name} holds values of several types: SQL reads one type per name`
				);
			return { sql: typedText(dialect, columns.value, type), type };
		}
	};
}

export interface RowsOptions {
	asOf: string;
	dialect: Dialect;
	/** The most 30-day periods a decayed measure averages over (0: none). */
	decayPeriods: number;
	/** The most days a measure looks back for its last known value (0: none). */
	lastKnownDays: number;
	use: RowsUse;
	number: (value: number) => string;
	schema: SqlSchema;
	layout?: WideLayout;
}

/** `with` clauses defining the relation `facts_rows`, one row per account and kind (see above). */
export function factsRowsSql(options: RowsOptions): string {
	const { dialect: d, asOf } = options;
	const date = (iso: string) => `cast(${quoteText(iso)} as ${d.types.date})`;
	const num = (sql: string) => `cast(${sql} as ${d.types.number})`;
	const { layout } = options;
	const account = `a.id as account_id, a.name, a.segment, a.arr, a.renewal_date, a.csm, ${carried(layout, 'facts', 'a')}`;
	const metrics = columnsOf(layout, 'metrics');
	const ctes: string[] = [
		`latest as (
  select account_id${metrics}, date from (
    select account_id${metrics}, date, row_number() over (partition by account_id order by date desc) as rn
    from snapshots where date <= ${date(asOf)}
  ) as ranked where rn = 1
)`
	];
	const branches = [
		`select ${account}, ${carried(layout, 'metrics', 'l')}, l.date as snap_date, ${date(asOf)} as at_date, ${CURRENT} as kind,
    ${num(`(case when l.date > ${date(addDays(asOf, -30))} then 0 end)`)} as period, ${num('NULL')} as age
  from accounts a left join latest l on l.account_id = a.id`
	];
	if (options.decayPeriods > 1) {
		const periods = Array.from({ length: options.decayPeriods - 1 }, (_, i) => i + 1);
		const which = periods
			.map((i) => `when date > ${date(addDays(asOf, -30 * (i + 1)))} then ${i}`)
			.join(' ');
		const end = periods.map((i) => `when ${i} then ${date(addDays(asOf, -30 * i))}`).join(' ');
		// The period holding the as-of date's own snapshot takes that date's facts, as the engine does.
		// Periods too old are left out after the window, not by a second bound on the date: DuckDB
		// 1.5 fails (an internal error) on a window over a date range of a view casting its dates.
		branches.push(`select ${account}, ${carried(layout, 'metrics', 's')}, s.date as snap_date,
    (case when s.date = l.date then ${date(asOf)} else (case s.period ${end} end) end) as at_date,
    ${PERIOD} as kind, ${num('s.period')} as period, ${num('NULL')} as age
  from accounts a left join latest l on l.account_id = a.id join (
    select account_id${metrics}, date, period from (
      select account_id${metrics}, date, period,
        row_number() over (partition by account_id, period order by date desc) as rn
      from (
        select account_id${metrics}, date, (case ${which} end) as period from snapshots
        where date <= ${date(addDays(asOf, -30))}
      ) as windowed
    ) as ranked where rn = 1 and period is not null
  ) as s on s.account_id = a.id`);
	}
	if (options.lastKnownDays > 0)
		branches.push(`select ${account}, ${carried(layout, 'metrics', 's')}, s.date as snap_date, s.date as at_date, ${EARLIER} as kind,
    ${num('NULL')} as period, ${num(d.daysBetween('s.date', date(asOf)))} as age
  from accounts a join latest l on l.account_id = a.id
    join snapshots s on s.account_id = a.id and s.date < l.date and s.date >= ${date(addDays(asOf, -options.lastKnownDays))}`);
	const { people, manual } = options.use;
	ctes.push(
		`rows_only as (
  select *${people ? `, ${featuresAvailableSql(d, sourcesOf(d, layout, 'features_available', options.schema.features_available))} as fa` : ''} from (
  ${branches.join('\n  union all\n  ')}
  ) as u
)`
	);
	const joins: string[] = [];
	const columns: string[] = [];
	if (people) {
		ctes.push(
			`people as (${peopleSql(d, '(select distinct account_id, at_date, fa from rows_only)', options.number)})`
		);
		columns.push(...[...new Set(Object.values(PEOPLE_COLUMNS))].map((c) => `p.${c}`));
		joins.push(
			`left join people p on p.account_id = r.account_id and p.at_date = r.at_date and (p.fa = r.fa or (p.fa is null and r.fa is null))`
		);
	}
	if (manual.length) {
		ctes.push(manualSql(d, manual));
		manual.forEach((_, k) =>
			columns.push(`m.${manualColumn(k).value}`, `m.${manualColumn(k).age}`)
		);
		joins.push(`left join manual m on m.account_id = r.account_id and m.at_date = r.at_date`);
	}
	ctes.push(
		`facts_rows as (
  select r.*${columns.map((c) => `, ${c}`).join('')} from rows_only r
  ${joins.join('\n  ')}
)`
	);
	return `with ${ctes.join(',\n')}`;
}

/**
 * Per account and date of the rows, each read measure's latest manual entry on or before that date
 * (by `entered_at`, compared as text byte by byte, as JavaScript compares it) and its age in days.
 */
function manualSql(d: Dialect, ids: readonly string[]): string {
	const day = `cast(substr(e.entered_at, 1, 10) as ${d.types.date})`;
	const pivot = ids.flatMap((id, k) => [
		`max(case when measure_id = ${quoteText(id)} then value_text end) as ${manualColumn(k).value}`,
		`max(case when measure_id = ${quoteText(id)} then ${d.daysBetween('entry_day', 'at_date')} end) as ${manualColumn(k).age}`
	]);
	return `manual as (
  select account_id, at_date, ${pivot.join(', ')} from (
    select k.account_id, k.at_date, e.measure_id, ${d.scalarText('e.value')} as value_text, ${day} as entry_day,
      row_number() over (partition by k.account_id, k.at_date, e.measure_id order by e.entered_at${d.binary} desc) as rn
    from (select distinct account_id, at_date from rows_only) k
      join manual_entries e on e.account_id = k.account_id and ${day} <= k.at_date
    where e.measure_id in (${ids.map(quoteText).join(', ')})
  ) as entries where rn = 1
  group by account_id, at_date
)`;
}
