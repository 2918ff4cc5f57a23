/**
 * Which column is which field. The guess compares headings with the case, spaces, underscores
 * and punctuation taken out (`Account ID`, `account_id` and `AccountId` are the same), against
 * each field's name and its common synonyms in CRM and product-analytics exports (`./fields.ts`).
 */
import { defaultValueType, FIELDS, fieldSpec, takesFreeColumns } from './fields';
import { EXTRA, IGNORE, type ColumnMapping, type ImportKind } from './types';

/** A heading reduced to what identifies it: lower case, letters and digits only. */
export function normaliseHeader(header: string): string {
	return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Names a scorecard could not read, or that would change an object's prototype. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The fact or metric name for a heading, as rules read it (`{"var": "logins_30d"}`): lower case,
 * words joined by `_`. Dots would be read as paths by `var`, so they go too.
 */
export function attributeName(header: string, column: number): string {
	const name = header
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}_]+/gu, '_')
		.replace(/^_+|_+$/g, '');
	return name === '' || RESERVED.has(name) ? `column_${column + 1}` : name;
}

/**
 * Columns a snapshot export carries beside the account id for people to read, not measurements:
 * left out unless the user maps them.
 */
const SNAPSHOT_LABELS = new Set(
	['name', 'account name', 'company', 'company name', 'customer name'].map(normaliseHeader)
);

/**
 * The guessed mapping for a file's heading row: every field it recognises, the rest free
 * (columns without a heading, and snapshot label columns such as the account name, are ignored).
 */
export function guessMapping(kind: ImportKind, header: readonly string[]): ColumnMapping[] {
	const normalised = header.map(normaliseHeader);
	const targets: string[] = normalised.map((name) =>
		name === '' || !takesFreeColumns(kind) || (kind === 'snapshots' && SNAPSHOT_LABELS.has(name))
			? IGNORE
			: EXTRA
	);
	const taken = new Set<number>();
	for (const spec of FIELDS[kind]) {
		const names = [spec.field, ...spec.synonyms].map(normaliseHeader);
		// The best synonym wins: `Account ID` beats `Account` when a file has both.
		for (const name of names) {
			const column = normalised.findIndex(
				(heading, index) => heading === name && !taken.has(index) && heading !== ''
			);
			if (column >= 0) {
				targets[column] = spec.field;
				taken.add(column);
				break;
			}
		}
	}
	return header.map((text, column) => ({
		header: text,
		target: targets[column]!,
		name: attributeName(text, column),
		type: defaultValueType(kind)
	}));
}

export type MappingIssue =
	| { problem: 'missing_field'; field: string }
	| { problem: 'heading_twice'; columns: string[] }
	| { problem: 'field_twice'; field: string; columns: string[] }
	| { problem: 'name_twice'; name: string; columns: string[] }
	| { problem: 'bad_name'; column: string }
	| { problem: 'unknown_target'; column: string; target: string };

/** A heading as two columns are compared: `Segment ` and `segment` are the same. */
function headingKey(header: string): string {
	return header.trim().toLowerCase();
}

/**
 * What stops a mapping from being used: a required field with no column, a field or name twice,
 * and two columns used with the same heading (compared trimmed, ignoring case). The last is never
 * guessed away: with `segment,Segment` the second would become a fact named `segment`, which
 * overrides the field in every rule that reads it; the user ignores all but one, or fixes the file.
 */
export function checkMapping(kind: ImportKind, mapping: readonly ColumnMapping[]): MappingIssue[] {
	const issues: MappingIssue[] = [];
	const byField = new Map<string, string[]>();
	const byName = new Map<string, string[]>();
	const byHeading = new Map<string, string[]>();
	for (const column of mapping) {
		if (column.target === IGNORE) continue;
		const heading = headingKey(column.header);
		if (heading !== '') byHeading.set(heading, [...(byHeading.get(heading) ?? []), column.header]);
		if (column.target === EXTRA) {
			if (!takesFreeColumns(kind)) {
				issues.push({ problem: 'unknown_target', column: column.header, target: column.target });
				continue;
			}
			const name = column.name.trim();
			if (name === '' || RESERVED.has(name) || name.includes('.')) {
				issues.push({ problem: 'bad_name', column: column.header });
				continue;
			}
			byName.set(name, [...(byName.get(name) ?? []), column.header]);
		} else if (fieldSpec(kind, column.target)) {
			byField.set(column.target, [...(byField.get(column.target) ?? []), column.header]);
		} else {
			issues.push({ problem: 'unknown_target', column: column.header, target: column.target });
		}
	}
	for (const spec of FIELDS[kind]) {
		const columns = byField.get(spec.field);
		if (!columns && spec.required) issues.push({ problem: 'missing_field', field: spec.field });
		if (columns && columns.length > 1)
			issues.push({ problem: 'field_twice', field: spec.field, columns });
	}
	for (const [name, columns] of byName) {
		// Columns of one heading given one name are said once, as the heading twice.
		if (columns.length > 1 && new Set(columns.map(headingKey)).size > 1)
			issues.push({ problem: 'name_twice', name, columns });
	}
	for (const columns of byHeading.values()) {
		if (columns.length > 1) issues.push({ problem: 'heading_twice', columns });
	}
	return issues;
}
