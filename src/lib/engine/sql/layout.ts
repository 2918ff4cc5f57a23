/**
 * Where the tables keep an account's facts and a snapshot's metrics: in a JSON column each
 * (`facts`, `metrics`: the workspace's shape), or in wide columns, one per name, as analytics
 * exports and Parquet files hold them. Wide columns are read as they are, an SQL NULL being no
 * data; JSON would first have to be packed from them, which costs more than the scoring itself.
 */
import { quoteName, type Dialect } from './dialect';
import type { SqlType } from './schema';

/** The wide columns of `accounts` (facts) and `snapshots` (metrics), by name. */
export interface WideLayout {
	facts: readonly string[];
	metrics: readonly string[];
}

/** The name a wide column takes in the facts rows, apart from the account's own columns. */
const rowColumn = (source: 'facts' | 'metrics', name: string) =>
	quoteName(`${source === 'facts' ? 'f' : 'm'}:${name}`);

/** The select list carrying a table's facts or metrics into the facts rows, from alias `from`. */
export function carried(
	layout: WideLayout | undefined,
	source: 'facts' | 'metrics',
	from: string
): string {
	if (!layout) return `${from}.${source}`;
	const names = layout[source];
	return names.length
		? names.map((name) => `${from}.${quoteName(name)} as ${rowColumn(source, name)}`).join(', ')
		: `cast(NULL as integer) as ${rowColumn(source, '')}`;
}

/** A table's facts or metrics columns, unaliased, each after a comma, for a subquery over it. */
export function columnsOf(layout: WideLayout | undefined, source: 'facts' | 'metrics'): string {
	return (layout ? layout[source].map(quoteName) : [source]).map((name) => `, ${name}`).join('');
}

/** JSON's text of a scalar (`->>`) as a value of `type`: booleans are written `true`/`false`. */
export function typedText(d: Dialect, text: string, type: SqlType): string {
	return type === 'text'
		? text
		: type === 'boolean'
			? `(${text} = 'true')`
			: `cast(${text} as ${d.types[type]})`;
}

/** One place a name may be read from on a facts row. */
export interface Source {
	from: 'facts' | 'metrics';
	/** Whether the row holds the name there (a JSON null is held; a wide NULL is not). */
	present: string;
	/** Its value as `type`. */
	value(type: SqlType): string;
	/** Its value when it is a number, else NULL (JavaScript's `typeof x === 'number'`). */
	number: string;
	/** Whether it is absent or null (for JavaScript's `??`). */
	nullish: string;
}

/** Where a row's name is read, in the engine's precedence: the metrics, then the facts. */
export function sourcesOf(
	d: Dialect,
	layout: WideLayout | undefined,
	name: string,
	type: SqlType | 'other' | undefined
): Source[] {
	return (['metrics', 'facts'] as const).flatMap((source): Source[] => {
		if (layout) {
			if (!layout[source].includes(name)) return [];
			const column = rowColumn(source, name);
			return [
				{
					from: source,
					present: `${column} is not null`,
					value: (as) => `cast(${column} as ${d.types[as]})`,
					number: type === 'number' ? `cast(${column} as ${d.types.number})` : 'NULL',
					nullish: `${column} is null`
				}
			];
		}
		const member = d.member(source, name);
		const text = d.memberText(source, name);
		return [
			{
				from: source,
				present: `${member} is not null`,
				value: (as) => typedText(d, text, as),
				number: `(case when ${d.jsonIs(member, 'number')} then cast(${text} as ${d.types.number}) end)`,
				nullish: `coalesce(${member} is null or ${d.jsonIs(member, 'null')}, true)`
			}
		];
	});
}
