/** What differs between two versions of a record, field by field, for a person to choose between them. */

export interface FieldDifference {
	/** Where: a field, or a field of an item in a list of items with ids (`groups[adoption].weight`). */
	field: string;
	/** The field's value as JSON, or null when that version lacks it. */
	mine: string | null;
	theirs: string | null;
}

type Fields = Record<string, unknown>;

const asJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value, null, 1));

const isFields = (value: unknown): value is Fields =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list whose items are objects, each with its own string id: compared item by item. */
const isItemList = (value: unknown): value is ({ id: string } & Fields)[] =>
	Array.isArray(value) &&
	value.length > 0 &&
	value.every((item) => isFields(item) && typeof item.id === 'string');

const idsOf = (items: readonly { id: string }[]) => items.map((item) => item.id).join('\u0000');

/**
 * The fields of two objects that differ, in the record's own order. A list of items with ids on
 * both sides (a scorecard's groups, a group's measures) is followed into each item, so that one
 * changed weight shows as that weight, not as the whole list; any other value is shown whole
 * (a JSON-logic condition reads best as itself).
 */
function differencesOf(path: string, a: Fields, b: Fields, into: FieldDifference[]): void {
	for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
		const field = path ? `${path}.${key}` : key;
		const [x, y] = [a[key], b[key]];
		if (isItemList(x) && isItemList(y) && idsOf(x) === idsOf(y)) {
			x.forEach((item, i) => differencesOf(`${field}[${item.id}]`, item, y[i]!, into));
			continue;
		}
		const [mine, theirs] = [asJson(x), asJson(y)];
		if (mine !== theirs) into.push({ field, mine, theirs });
	}
}

/** What differs (every field when one version is deleted; nothing for equal records). */
export function fieldDifferences(mine: unknown, theirs: unknown): FieldDifference[] {
	const differences: FieldDifference[] = [];
	differencesOf('', isFields(mine) ? mine : {}, isFields(theirs) ? theirs : {}, differences);
	return differences;
}
