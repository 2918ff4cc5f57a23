/**
 * How imported records meet the stored ones, the same wherever they are written (the server's
 * import, the browser's store): a new key is added; an existing record is merged with what the
 * import says (its fields overwrite, an account's `facts` and a contact's or a snapshot's `metrics`
 * merge name by name, the import winning a clash, and a column left empty erases nothing); a
 * record the merge leaves as it was is unchanged and not written again. Pure: no input is changed.
 */
import type { UpsertCount } from '$lib/db/types';
import type { Account, Contact, ManualEntry, Outcome, Snapshot } from '$lib/engine';
import type { ImportKind, ImportRecordsByKind } from './types';

/** The fields a record actually sets: a column left empty (undefined) does not erase a value. */
function definedFields<T extends object>(record: T): Partial<T> {
	const fields: Partial<T> = {};
	for (const [key, value] of Object.entries(record))
		if (value !== undefined) (fields as Record<string, unknown>)[key] = value;
	return fields;
}

/** An existing object field and an imported one, merged name by name; absent when neither has it. */
function mergeObjects<V>(
	existing: Record<string, V> | undefined,
	incoming: Record<string, V> | undefined
): Record<string, V> | undefined {
	if (!existing || !incoming) return incoming ?? existing;
	return { ...existing, ...incoming };
}

export function mergeAccount(existing: Account, incoming: Account): Account {
	const merged: Account = { ...existing, ...definedFields(incoming) };
	const facts = mergeObjects(existing.facts, incoming.facts);
	if (facts) merged.facts = facts;
	return merged;
}

export function mergeContact(existing: Contact, incoming: Contact): Contact {
	const merged: Contact = { ...existing, ...definedFields(incoming) };
	const metrics = mergeObjects(existing.metrics, incoming.metrics);
	if (metrics) merged.metrics = metrics;
	return merged;
}

export function mergeSnapshot(existing: Snapshot, incoming: Snapshot): Snapshot {
	return {
		...existing,
		...definedFields(incoming),
		metrics: { ...existing.metrics, ...incoming.metrics }
	};
}

/**
 * An outcome or a manual entry imported again: what the file says now wins (a type corrected in
 * the CRM, a comment added in the spreadsheet).
 */
function mergeFields<T extends Outcome | ManualEntry>(existing: T, incoming: T): T {
	return { ...existing, ...definedFields(incoming) };
}

type Merge<K extends ImportKind> = (
	existing: ImportRecordsByKind[K],
	incoming: ImportRecordsByKind[K]
) => ImportRecordsByKind[K];

/** The kinds whose records are stored as they are imported (survey answers are rolled up). */
export type StoredKind = Exclude<ImportKind, 'survey_answers'>;

/** Each kind's merge. */
export const MERGES: { readonly [K in StoredKind]: Merge<K> } = {
	accounts: mergeAccount,
	contacts: mergeContact,
	snapshots: mergeSnapshot,
	outcomes: mergeFields<Outcome>,
	manual_entries: mergeFields<ManualEntry>
};

/** Two values alike as stored (JSON-like data: primitives, arrays, plain objects). */
export function same(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a);
	if (keysA.length !== Object.keys(b).length) return false;
	return keysA.every(
		(key) =>
			Object.hasOwn(b, key) &&
			same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
	);
}

export interface Merged<T> {
	/** The records to write (added or updated), each under its key, in the order first given. */
	changed: { id: string; record: T }[];
	count: UpsertCount;
}

/**
 * Imported records (under their keys) merged with `stored` (the records held under the same keys;
 * absent ones are new). A key given twice is merged in the order given and counted once.
 */
export function mergeRecords<T>(
	incoming: Iterable<{ id: string; record: T }>,
	stored: ReadonlyMap<string, T>,
	merge: (existing: T, incoming: T) => T
): Merged<T> {
	const merged = new Map<string, T>();
	for (const { id, record } of incoming) {
		const before = merged.get(id) ?? stored.get(id);
		merged.set(id, before === undefined ? record : merge(before, record));
	}
	const count: UpsertCount = { added: 0, updated: 0, unchanged: 0 };
	const changed: { id: string; record: T }[] = [];
	for (const [id, record] of merged) {
		const before = stored.get(id);
		if (before !== undefined && same(before, record)) {
			count.unchanged++;
			continue;
		}
		if (before === undefined) count.added++;
		else count.updated++;
		changed.push({ id, record });
	}
	return { changed, count };
}
