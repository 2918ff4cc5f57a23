/**
 * Numbers and dates for display, through `Intl` in the current locale. Scores are kept at full
 * precision everywhere else; only these functions round them.
 */
import { getLocale } from './messages';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** Formatters are costly to build and a table formats thousands of cells: build each once. */
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
	const full = `${getLocale()}|${key}`;
	let formatter = cache.get(full) as T | undefined;
	if (!formatter) {
		formatter = make();
		cache.set(full, formatter);
	}
	return formatter;
}

/**
 * A 0–100 score as a whole number. It rounds down, so the number shown always lies in the band
 * shown beside it (bands start at whole numbers: 79.6 is Yellow and shows 79, not 80).
 */
export function formatScore(score: number): string {
	return cached(
		'score',
		() => new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 0, roundingMode: 'floor' })
	).format(score);
}

export function formatNumber(value: number): string {
	return cached('number', () => new Intl.NumberFormat(getLocale())).format(value);
}

/** A share (0–1) as a percentage with at most one decimal. */
export function formatPercent(share: number): string {
	return cached(
		'percent',
		() => new Intl.NumberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 1 })
	).format(share);
}

/** An amount of money in whole units: ARR figures are large and cents are noise in a table. */
export function formatMoney(amount: number, currency = 'USD'): string {
	return cached(
		`money|${currency}`,
		() =>
			new Intl.NumberFormat(getLocale(), { style: 'currency', currency, maximumFractionDigits: 0 })
	).format(amount);
}

/**
 * A `YYYY-MM-DD` date. It is read and shown in UTC: a calendar date has no time zone, and reading
 * it as local midnight would show the day before west of Greenwich.
 */
export function formatDate(isoDate: string): string {
	const [year, month, day] = isoDate.split('-').map(Number);
	const date = new Date(Date.UTC(year!, month! - 1, day!));
	return cached(
		'date',
		() => new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' })
	).format(date);
}
