/** Sorting and filtering the account rows: pure, so the lists stay thin and this stays tested. */
import { shownDelta, type AccountRow } from './account-rows';

export type SortKey = 'name' | 'overall' | 'delta' | 'arr' | 'renewal' | 'risk';
export type SortDirection = 'ascending' | 'descending';

type Value = string | number | null;

const read: Record<SortKey, (row: AccountRow) => Value> = {
	name: (row) => row.name,
	overall: (row) => row.overall,
	// The change as shown (scores rounded down first), so the column reads in order.
	delta: shownDelta,
	arr: (row) => row.arr,
	renewal: (row) => row.renewalDate,
	risk: (row) => row.churnProbability?.p ?? null
};

/**
 * The order a column first sorts in, the way a CSM looks first: lowest score, biggest fall and
 * soonest renewal first, A first, largest ARR and likeliest churn first.
 */
export function defaultDirection(key: SortKey): SortDirection {
	return key === 'arr' || key === 'risk' ? 'descending' : 'ascending';
}

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
		if (typeof a === 'string' && typeof b === 'string')
			// Dates as YYYY-MM-DD compare as text; names as people read them.
			return key === 'name' ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0;
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

export interface RowFilter {
	/** Part of the name, matched ignoring case and accents. */
	query?: string;
	segment?: string | null;
	/** Band keys (`BandView.key`): a row in any of them passes; none given means any band. */
	bands?: readonly string[];
	csm?: string | null;
	/** Renewing between these dates, both included. */
	renewal?: { from: string; until: string } | null;
	/** The score rose (up) or fell (down) over 30 days, as the change is shown. */
	change?: 'up' | 'down' | null;
	/** Only the sudden drops (20 points or more within 30 days) that have a score now. */
	drops?: boolean;
	/** Churned accounts are left out unless asked for. */
	churned?: boolean;
}

/** The rows that pass every filter given; the same array when no filter applies. */
export function filterRows(rows: readonly AccountRow[], filter: RowFilter): readonly AccountRow[] {
	const needle = fold((filter.query ?? '').trim());
	const { segment, csm, renewal, change, drops = false, churned = false } = filter;
	const bands = filter.bands?.length ? new Set(filter.bands) : null;
	if (!needle && !segment && !bands && !csm && !renewal && !change && !drops && churned)
		return rows;
	return rows.filter((row) => {
		if (!churned && row.churnedOn !== null) return false;
		if (segment && row.segment !== segment) return false;
		if (bands && !bands.has(row.band.key)) return false;
		if (csm && row.csm !== csm) return false;
		if (
			renewal &&
			(row.renewalDate === null ||
				row.renewalDate < renewal.from ||
				row.renewalDate > renewal.until)
		)
			return false;
		if (change) {
			const delta = shownDelta(row);
			if (delta === null || (change === 'up' ? delta <= 0 : delta >= 0)) return false;
		}
		if (drops && !(row.anomaly && row.overall !== null)) return false;
		return !needle || folded(row).includes(needle);
	});
}

/** Names folded once per row: a search runs over every row on each keystroke. */
const foldedNames = new WeakMap<AccountRow, string>();

function folded(row: AccountRow): string {
	let name = foldedNames.get(row);
	if (name === undefined) foldedNames.set(row, (name = fold(row.name)));
	return name;
}

function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The distinct values of a field, in order (empty ones left out): what a filter can choose from. */
export function distinct(
	rows: readonly AccountRow[],
	field: (row: AccountRow) => string | null,
	collator: Intl.Collator
): string[] {
	const values = new Set<string>();
	for (const row of rows) {
		const value = field(row);
		if (value) values.add(value);
	}
	return [...values].sort(collator.compare);
}
