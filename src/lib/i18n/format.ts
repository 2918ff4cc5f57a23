/**
 * Numbers and dates for display, through `Intl` in the current locale. Scores are kept at full
 * precision everywhere else; only these functions round them.
 */
import { getLocale, t } from './messages';

type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat;

const cache = new Map<string, Formatter>();

/** Formatters are costly to build and a table formats thousands of cells: build each once. */
function cached<T extends Formatter>(key: string, make: () => T): T {
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

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A number of bytes in the largest decimal unit that keeps it at 1 or more, as browsers report
 * storage and file sizes: one decimal below 10 of a unit, whole numbers above.
 */
export function formatBytes(bytes: number): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	const digits = value < 10 && unit > 0 ? 1 : 0;
	return cached(
		`bytes|${unit}|${digits}`,
		() =>
			new Intl.NumberFormat(getLocale(), {
				style: 'unit',
				unit: BYTE_UNITS[unit],
				unitDisplay: unit === 0 ? 'long' : 'short',
				maximumFractionDigits: digits
			})
	).format(value);
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

/** A moment (an ISO timestamp) in the reader's time zone, to the second: logs and records. */
export function formatDateTime(isoTimestamp: string): string {
	const time = new Date(isoTimestamp);
	if (Number.isNaN(time.getTime())) return isoTimestamp;
	return cached(
		'dateTime',
		() => new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'medium' })
	).format(time);
}

/**
 * The change between two scores as the pages show them: each rounded down first, so "63 → 60"
 * always reads "−3" beside it, whatever the decimals were.
 */
export function shownChange(from: number, to: number): number {
	return Math.floor(to) - Math.floor(from);
}

/** A whole-number change with its sign ("+4", "−12", "0"). */
export function formatChange(change: number): string {
	return cached(
		'change',
		() =>
			new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 0, signDisplay: 'exceptZero' })
	).format(change);
}

/** Points of a score, with one decimal and, when `signed`, a sign: contributions to a change. */
export function formatPoints(points: number, signed = false): string {
	return cached(
		`points|${signed}`,
		() =>
			new Intl.NumberFormat(getLocale(), {
				minimumFractionDigits: 1,
				maximumFractionDigits: 1,
				signDisplay: signed ? 'exceptZero' : 'auto'
			})
	).format(points);
}

/** A date as a short axis label ("Dec 1"): the year is in the chart's title or tooltip. */
export function formatShortDate(isoDate: string): string {
	const [year, month, day] = isoDate.split('-').map(Number);
	return cached(
		'shortDate',
		() => new Intl.DateTimeFormat(getLocale(), { month: 'short', day: 'numeric', timeZone: 'UTC' })
	).format(new Date(Date.UTC(year!, month! - 1, day!)));
}

/**
 * A raw fact or measure value: numbers in the locale's way (up to three decimals), yes or no,
 * dates as dates, lists item by item, other text as it is; empty for no value.
 */
export function formatValue(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number')
		return Number.isFinite(value) ? formatNumber(value) : String(value);
	if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
	if (typeof value === 'string')
		return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
	if (Array.isArray(value)) return value.map(formatValue).join(', ');
	return JSON.stringify(value);
}

/** A number of days from now as people say it: "today", "tomorrow", "in 12 days", "3日前". */
export function formatDaysAhead(days: number): string {
	const said = cached(
		'daysAhead',
		() => new Intl.RelativeTimeFormat(getLocale(), { numeric: 'auto' })
	).format(days, 'day');
	// CLDR's Japanese puts a space between the number and 日 ("3 日前"); Japanese text has none.
	return getLocale() === 'ja' ? said.replace(/(\d) (?=日)/u, '$1') : said;
}
