/** What differs between two versions of a record, field by field, for a person to choose between them. */

export interface FieldDifference {
	field: string;
	/** The field's value as JSON, or null when that version lacks it. */
	mine: string | null;
	theirs: string | null;
}

const asJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value, null, 1));

/** The top-level fields whose values differ (all of them when one version is deleted), in the record's own order. */
export function fieldDifferences(mine: unknown, theirs: unknown): FieldDifference[] {
	const a = (mine ?? {}) as Record<string, unknown>;
	const b = (theirs ?? {}) as Record<string, unknown>;
	const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
	return fields
		.map((field) => ({ field, mine: asJson(a[field]), theirs: asJson(b[field]) }))
		.filter((difference) => difference.mine !== difference.theirs);
}
