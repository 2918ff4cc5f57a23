/** Sorting and filtering the account rows: pure, so the tables stay thin and this stays tested. */
import type { AccountRow } from './account-rows';

export type SortKey =
	'name' | 'segment' | 'scorecard' | 'overall' | 'band' | 'arr' | 'renewal' | 'missing';
export type SortDirection = 'ascending' | 'descending';

type Value = string | number | null;

const read: Record<SortKey, (row: AccountRow) => Value> = {
	name: (row) => row.name,
	segment: (row) => row.segment,
	scorecard: (row) => row.scorecardName,
	overall: (row) => row.overall,
	// "No data" and "Unscored" have no place on the health scale: they sort with the empty values.
	band: (row) => (row.band.kind === 'band' ? row.band.rank : null),
	arr: (row) => row.arr,
	renewal: (row) => row.renewalDate,
	missing: (row) => row.missing
};

/**
 * A sorted copy. Empty values go last in both directions (an account without a score is not the
 * healthiest one); ties keep a stable order by score, then name, then id.
 */
export function sortRows(
	rows: readonly AccountRow[],
	key: SortKey,
	direction: SortDirection,
	collator: Intl.Collator
): AccountRow[] {
	const sign = direction === 'ascending' ? 1 : -1;
	const compare = (a: Value, b: Value): number => {
		if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
		return (a as number) - (b as number);
	};
	const get = read[key];
	return rows
		.map((row) => ({ row, value: get(row) }))
		.sort((a, b) => {
			if (a.value === null || b.value === null) {
				if (a.value !== b.value) return a.value === null ? 1 : -1;
			} else {
				const order = compare(a.value, b.value);
				if (order !== 0) return sign * order;
			}
			return (
				(a.row.overall ?? Infinity) - (b.row.overall ?? Infinity) ||
				collator.compare(a.row.name, b.row.name) ||
				(a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0)
			);
		})
		.map(({ row }) => row);
}

/** The rows whose name contains the query, ignoring case and accents; all rows for an empty query. */
export function filterRows(rows: readonly AccountRow[], query: string): readonly AccountRow[] {
	const needle = fold(query.trim());
	if (!needle) return rows;
	return rows.filter((row) => fold(row.name).includes(needle));
}

function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
