/** The fields a condition can read, found in the data itself. */
import { isIsoDate } from '../dates';
import type { Field, FieldType } from './types';

/** Text fields with at most this many distinct values offer them as choices. */
export const MAX_CHOICES = 20;

const UNREADABLE = new Set(['__proto__', 'constructor', 'prototype']);

interface Seen {
	type: FieldType | 'mixed';
	values: Set<string>;
}

/** `seats_active` → `Seats active`, `score.delta_30d` → `Score · delta 30d`. */
export function labelOf(path: string): string {
	const words = path.replaceAll('_', ' ').split('.').join(' · ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function typeOfValue(value: unknown): FieldType | 'mixed' {
	if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'mixed';
	if (typeof value === 'boolean') return 'boolean';
	if (typeof value === 'string') return isIsoDate(value) ? 'date' : 'text';
	return 'mixed';
}

/**
 * The fields of a list of flat records (e.g. accounts' facts): a name whose present values are all
 * numbers, all booleans, all `YYYY-MM-DD` dates or all text becomes a field of that type (text
 * with its values when there are few). A name that is only ever null, or mixes types, or holds
 * lists or objects, is left out: no operator would fit it. Sorted by path.
 */
export function inferFields(
	records: Iterable<Record<string, unknown>>,
	options: { maxChoices?: number; labels?: Record<string, string> } = {}
): Field[] {
	const maxChoices = options.maxChoices ?? MAX_CHOICES;
	const seen = new Map<string, Seen>();
	for (const record of records) {
		for (const key in record) {
			const value = record[key];
			if (value === null || value === undefined || UNREADABLE.has(key)) continue;
			let type = typeOfValue(value);
			const entry = seen.get(key);
			// A text field may hold a value that looks like a date; the field stays text.
			if (entry && entry.type !== type) {
				const textual = new Set([entry.type, type]);
				type = textual.size === 2 && textual.has('text') && textual.has('date') ? 'text' : 'mixed';
			}
			const values = entry?.values ?? new Set<string>();
			if (typeof value === 'string' && values.size <= maxChoices) values.add(value);
			seen.set(key, { type, values });
		}
	}
	const fields: Field[] = [];
	for (const [path, { type, values }] of seen) {
		if (type === 'mixed') continue;
		const field: Field = { path, label: options.labels?.[path] ?? labelOf(path), type };
		if (type === 'text' && values.size <= maxChoices) field.values = [...values].sort();
		fields.push(field);
	}
	return fields.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The field a path names, if the list has it. */
export function findField(fields: readonly Field[], path: string): Field | undefined {
	return fields.find((field) => field.path === path);
}
