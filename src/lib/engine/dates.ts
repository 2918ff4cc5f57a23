/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in UTC so a date never shifts with the time
 * zone. The engine's only date helpers: it reads no clock, so "today" is always an argument.
 */
import { problem, valueText, type Problem } from './problems';
import type { IsoDate } from './types';

const DAY_MS = 86_400_000;

const ZERO = 48;

/** The number written by the digits of `text` from `start` to `end`, or NaN when one is not a digit. */
function digits(text: string, start: number, end: number): number {
	let value = 0;
	for (let i = start; i < end; i++) {
		const digit = text.charCodeAt(i) - ZERO;
		if (digit < 0 || digit > 9) return Number.NaN;
		value = value * 10 + digit;
	}
	return value;
}

/**
 * Midnight UTC of a `YYYY-MM-DD` date, as `Date.parse` gives it (a day past the month's end rolls
 * on; anything else is NaN). Read digit by digit: scoring a portfolio's year of weekly histories
 * asks this millions of times, and parsing a string through `Date.parse` was a third of its time.
 */
function toTime(date: IsoDate): number {
	if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45)
		return Date.parse(`${date}T00:00:00Z`);
	const year = digits(date, 0, 4);
	const month = digits(date, 5, 7);
	const day = digits(date, 8, 10);
	// Date.UTC reads the years 0 to 99 as 1900 to 1999, and Date.parse refuses a month 13 or a day 32.
	if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 31))
		return Date.parse(`${date}T00:00:00Z`);
	return Date.UTC(year, month - 1, day);
}

function fromTime(time: number): IsoDate {
	return new Date(time).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant: the caller's clock reading becomes its "today". */
export function utcDate(instant: Date): IsoDate {
	return fromTime(instant.getTime());
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return fromTime(toTime(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/**
 * Days from 1970-01-01 to `date` (NaN where `daysBetween` reads NaN): `daysBetween(a, b)` is
 * `dayNumber(b) - dayNumber(a)`, for a date read once and compared with many.
 */
export function dayNumber(date: IsoDate): number {
	return Math.round(toTime(date) / DAY_MS);
}

/** The same day of the month `months` later (clamped to the month's last day). */
export function addMonths(date: IsoDate, months: number): IsoDate {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	const total = year * 12 + (month - 1) + months;
	const targetYear = Math.floor(total / 12);
	const targetMonth = total - targetYear * 12;
	const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
	return fromTime(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
}

/** True for a real calendar date written `YYYY-MM-DD` (no 30 February: `Date.parse` rolls it on). */
export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const time = toTime(value);
	return !Number.isNaN(time) && fromTime(time) === value;
}

/** A date, then optionally a time and a zone: `2026-11-01`, `2026-11-01T09:30:00.000Z`, `… 09:30+02:00`. */
const DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * True for a real date, or a real date and time, in ISO 8601 as `isoDateTimeProblem` describes:
 * the day exists, the hour is 00–23, minutes and seconds 00–59, a zone offset at most 23:59.
 */
export function isIsoDateTime(value: string): boolean {
	const parts = DATE_TIME.exec(value);
	if (!parts || !isIsoDate(parts[1]!)) return false;
	const [, , hour = '0', minute = '0', second = '0', zoneHour = '0', zoneMinute = '0'] = parts;
	return (
		Number(hour) < 24 &&
		Number(minute) < 60 &&
		Number(second) < 60 &&
		Number(zoneHour) < 24 &&
		Number(zoneMinute) < 60
	);
}

/** Why `value` is not a date as `YYYY-MM-DD`, naming it; null when it is one. */
export function isoDateProblem(value: string): Problem | null {
	if (isIsoDate(value)) return null;
	return /^\d{4}-\d{2}-\d{2}$/.test(value)
		? problem('no_such_date', { value: valueText(value) })
		: problem('bad_date', { value: valueText(value) });
}

/** Why `value` is not an ISO 8601 date or date-time, naming it; null when it is one. */
export function isoDateTimeProblem(value: string): Problem | null {
	if (isIsoDateTime(value)) return null;
	const parts = DATE_TIME.exec(value);
	if (!parts) return problem('bad_date_time', { value: valueText(value) });
	return problem(isIsoDate(parts[1]!) ? 'no_such_time' : 'no_such_date', {
		value: valueText(value)
	});
}
