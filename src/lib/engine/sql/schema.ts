/**
 * The type of each name a scorecard may read, as SQL needs it: a number, a boolean or text, from
 * what the data holds (nulls aside). A name holding lists, objects or values of several types is
 * `other`: a rule reading it is refused, not compiled to something that means another thing.
 */
import { isUser, PEOPLE_FACT_NAMES } from '../people';
import type { Workspace } from '../types';
import { ACCOUNT_COLUMNS } from './tables';

export type SqlType = 'number' | 'boolean' | 'text';
export type SqlSchema = Record<string, SqlType | 'other'>;

function typeOf(value: unknown): SqlType | 'other' | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return 'number';
	if (typeof value === 'boolean') return 'boolean';
	if (typeof value === 'string') return 'text';
	return 'other';
}

/**
 * Collects each name's types, nulls aside (the account columns from the start), then gives each
 * its one type or `other`.
 */
export class SchemaBuilder {
	readonly #seen = new Map<string, Set<SqlType | 'other'>>();

	constructor() {
		for (const column of ACCOUNT_COLUMNS) this.addType(column, null);
	}

	add(name: string, value: unknown): void {
		this.addType(name, typeOf(value));
	}

	/** A type seen for a name (null: a null value). */
	addType(name: string, type: SqlType | 'other' | null): void {
		let types = this.#seen.get(name);
		if (!types) this.#seen.set(name, (types = new Set()));
		if (type) types.add(type);
	}

	schema(): SqlSchema {
		const schema: SqlSchema = Object.create(null);
		for (const [name, types] of this.#seen) {
			// A name only ever null reads as null whatever its type: a number, or text for a text column.
			const text = (ACCOUNT_COLUMNS as readonly string[]).includes(name) && name !== 'arr';
			schema[name] =
				types.size === 0 ? (text ? 'text' : 'number') : types.size === 1 ? [...types][0]! : 'other';
		}
		return schema;
	}
}

/**
 * The names the facts of people and manual entries add: the people facts (numbers) when a contact
 * uses the product; `manual.<measure id>` typed by its entries' values, and `manual` and
 * `manual_age` themselves (objects) when there are entries.
 */
export function addPeopleAndManual(
	builder: SchemaBuilder,
	hasUsers: boolean,
	entries: Iterable<{ measure_id: string; value: unknown }>
): void {
	if (hasUsers) for (const name of PEOPLE_FACT_NAMES) builder.addType(name, 'number');
	let any = false;
	for (const entry of entries) {
		builder.add(`manual.${entry.measure_id}`, entry.value);
		any = true;
	}
	if (any) for (const name of ['manual', 'manual_age']) builder.addType(name, 'other');
}

/**
 * The schema of a workspace's accounts (their fields and facts), snapshots (their metrics),
 * contacts (the people facts) and manual entries.
 */
export function sqlSchemaOf(
	workspace: Pick<Workspace, 'accounts' | 'snapshots'> &
		Partial<Pick<Workspace, 'contacts' | 'manual_entries'>>
): SqlSchema {
	const builder = new SchemaBuilder();
	addPeopleAndManual(
		builder,
		(workspace.contacts ?? []).some(isUser),
		workspace.manual_entries ?? []
	);
	for (const account of workspace.accounts) {
		for (const [key, value] of Object.entries(account))
			if (key !== 'facts') builder.add(key, value);
		for (const [key, value] of Object.entries(account.facts ?? {})) builder.add(key, value);
	}
	for (const snapshot of workspace.snapshots)
		for (const [key, value] of Object.entries(snapshot.metrics)) builder.add(key, value);
	return builder.schema();
}

/**
 * The schema of some accounts' flat facts (a sample, as the builder holds), with `assumed` names
 * the sample lacks read as numbers: a scorecard's measures name metrics, which are numbers most
 * often, and a name left out would read as absent in every row.
 */
export function sqlSchemaOfFacts(
	records: Iterable<Record<string, unknown>>,
	assumed: readonly string[] = []
): SqlSchema {
	const builder = new SchemaBuilder();
	for (const record of records)
		for (const [key, value] of Object.entries(record)) {
			builder.add(key, value);
			// The engine's facts hold manual entries as objects by measure id: their values are names.
			if (key === 'manual' && value && typeof value === 'object')
				for (const [id, entry] of Object.entries(value)) builder.add(`manual.${id}`, entry);
		}
	const schema = builder.schema();
	// A manual measure's entries are read from manual_entries (`manual.<id>`), numbers most often.
	for (const name of assumed) schema[name] ??= 'number';
	return schema;
}
