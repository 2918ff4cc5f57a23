/** What a measure's raw values look like over the accounts behind a scorecard. */
import { toNumber } from '$lib/engine/scoring/measure';
import { valueHistogram } from './histogram';
import { PRESENT, STALE, type RawValues } from './raw-values';
import type { MeasureStats, TextCount } from './types';

/** Distinct values listed by text: enough for any map scoring, few enough to send at every edit. */
export const TEXTS_LISTED = 30;

/** Distinct values counted one by one before the rest are only counted as "more". */
const DISTINCT_TRACKED = 1000;

/**
 * The coverage, the numeric distribution and the distinct values of `raw` over the accounts at
 * `indices` (positions in `raw`).
 */
export function measureStats(
	measureId: string,
	raw: RawValues,
	indices: ArrayLike<number>
): MeasureStats {
	let present = 0;
	let stale = 0;
	const numbers = new Float64Array(indices.length);
	let numeric = 0;
	const texts = new Map<string, number>();
	let untracked = 0;
	for (let k = 0; k < indices.length; k++) {
		const i = indices[k]!;
		const state = raw.state[i];
		if (state === STALE) stale++;
		if (state !== PRESENT) continue;
		present++;
		const value = raw.values[i];
		const x = toNumber(value);
		if (Number.isFinite(x)) numbers[numeric++] = x;
		const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
		const seen = texts.get(text);
		if (seen !== undefined) texts.set(text, seen + 1);
		else if (texts.size < DISTINCT_TRACKED) texts.set(text, 1);
		else untracked++;
	}
	const accounts = indices.length;
	return {
		measureId,
		accounts,
		present,
		missing: accounts - present - stale,
		stale,
		coverage: accounts > 0 ? present / accounts : 0,
		numbers: numeric > 0 ? numberSummary(numbers, numeric) : null,
		texts: mostFrequent(texts, TEXTS_LISTED),
		distinct: texts.size + (untracked > 0 ? 1 : 0)
	};
}

function numberSummary(numbers: Float64Array, count: number): NonNullable<MeasureStats['numbers']> {
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < count; i++) {
		if (numbers[i]! < min) min = numbers[i]!;
		if (numbers[i]! > max) max = numbers[i]!;
	}
	return { count, min, max, histogram: valueHistogram(numbers, count) };
}

/** The `limit` most frequent values, most frequent first, ties in text order. */
function mostFrequent(counts: Map<string, number>, limit: number): TextCount[] {
	return [...counts]
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
		.slice(0, limit)
		.map(([value, count]) => ({ value, count }));
}
