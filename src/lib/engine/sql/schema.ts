/**
 * The type of each name a scorecard may read, as SQL needs it: a number, a boolean or text, from
 * what the data holds (nulls aside). A name holding lists, objects or values of several types is
 * `other`: a rule reading it is refused, not compiled to something that means another thing.
 */
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

/** The schema of a workspace's accounts (their fields and facts) and snapshots (their metrics). */
export function sqlSchemaOf(workspace: Pick<Workspace, 'accounts' | 'snapshots'>): SqlSchema {
	const seen = new Map<string, Set<SqlType | 'other'>>();
	const add = (name: string, value: unknown) => {
		let types = seen.get(name);
		if (!types) seen.set(name, (types = new Set()));
		const type = typeOf(value);
		if (type) types.add(type);
	};
	for (const column of ACCOUNT_COLUMNS) add(column, null);
	for (const account of workspace.accounts) {
		for (const [key, value] of Object.entries(account)) if (key !== 'facts') add(key, value);
		for (const [key, value] of Object.entries(account.facts ?? {})) add(key, value);
	}
	for (const snapshot of workspace.snapshots)
		for (const [key, value] of Object.entries(snapshot.metrics)) add(key, value);

	const schema: SqlSchema = Object.create(null);
	for (const [name, types] of seen) {
		// A name only ever null reads as null whatever its type: a number, or text for a text column.
		const fallback = (ACCOUNT_COLUMNS as readonly string[]).includes(name) && name !== 'arr';
		schema[name] =
			types.size === 0
				? fallback
					? 'text'
					: 'number'
				: types.size === 1
					? [...types][0]!
					: 'other';
	}
	return schema;
}
