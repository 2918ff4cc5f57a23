/**
 * Calendar dates as `YYYY-MM-DD` strings, computed in UTC so a date never shifts with the time
 * zone. The engine's only date helpers: it reads no clock, so "today" is always an argument.
 */
import type { IsoDate } from './types';

const DAY_MS = 86_400_000;

function toTime(date: IsoDate): number {
	return Date.parse(`${date}T00:00:00Z`);
}

function fromTime(time: number): IsoDate {
	return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return fromTime(toTime(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((toTime(to) - toTime(from)) / DAY_MS);
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

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const time = toTime(value);
	return !Number.isNaN(time) && fromTime(time) === value;
}
