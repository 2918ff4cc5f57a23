/**
 * "Within the last/next N days" in plain JSON-logic. JSON-logic has no dates, so a `YYYY-MM-DD`
 * string becomes a day number by arithmetic json-logic-js itself can evaluate (no registered
 * operator: the rule stays portable to any JSON-logic tool, and both engine backends and
 * json-logic-js agree on it). Only differences of day numbers are used, so the epoch is arbitrary.
 *
 * The count is the usual days-from-civil one over a year that starts in March (so the leap day is
 * the year's last): with y the year (minus one in January and February), m the month counted from
 * March = 0, and d the day, days = ⌊1461·y/4⌋ − ⌊y/100⌋ + ⌊y/400⌋ + ⌊(153·m + 2)/5⌋ + d, exact for
 * the years 0001 to 9999. ⌊a/b⌋ is written (a − a % b) / b. A `reduce` over a one-item list binds
 * [y, m, d] to `current` so the date is read once. A missing or malformed date gives NaN, so a
 * comparison on it is false, as for any missing value.
 */
import type { Logic } from '../logic';

const floorDiv = (a: Logic, b: number): Logic => ({ '/': [{ '-': [a, { '%': [a, b] }] }, b] });

const YEAR: Logic = { var: 'current.0' };
const MONTH: Logic = { var: 'current.1' };
const DAY: Logic = { var: 'current.2' };

const COUNT: Logic = {
	'-': [
		{
			'+': [
				floorDiv({ '*': [1461, YEAR] }, 4),
				floorDiv(YEAR, 400),
				floorDiv({ '+': [{ '*': [153, MONTH] }, 2] }, 5),
				DAY
			]
		},
		floorDiv(YEAR, 100)
	]
};

/** The day number of the ISO date that `date` (e.g. `{"var": "now"}`) evaluates to. */
export function dayNumber(date: Logic): Logic {
	const part = (start: number, length: number): Logic => ({ substr: [date, start, length] });
	// "2026" − ("01" < 3) is 2025: JavaScript's − turns the string and the boolean into numbers.
	const year: Logic = { '-': [part(0, 4), { '<': [part(5, 2), 3] }] };
	const month: Logic = { '%': [{ '+': [part(5, 2), 9] }, 12] };
	return { reduce: [[[year, month, part(8, 2)]], structuredClone(COUNT), 0] };
}

/** The `var` path whose day number `logic` is, when it is exactly what `dayNumber` writes. */
export function dayNumberPath(logic: Logic): string | undefined {
	if (typeof logic !== 'object' || logic === null || Array.isArray(logic)) return undefined;
	const items = (logic as { reduce?: Logic }).reduce;
	if (!Array.isArray(items) || !Array.isArray(items[0]) || !Array.isArray(items[0][0])) {
		return undefined;
	}
	const day = items[0][0][2];
	if (typeof day !== 'object' || day === null || Array.isArray(day)) return undefined;
	const source = (day as { substr?: Logic }).substr;
	if (!Array.isArray(source)) return undefined;
	const date = source[0];
	const path =
		typeof date === 'object' && date !== null && !Array.isArray(date)
			? (date as { var?: Logic }).var
			: undefined;
	if (typeof path !== 'string' || path === '') return undefined;
	return sameJson(logic, dayNumber({ var: path })) ? path : undefined;
}

/** Deep equality of two JSON values (key order ignored, as JSON itself ignores it). */
export function sameJson(a: Logic, b: Logic): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) || Array.isArray(b)) {
		return (
			Array.isArray(a) &&
			Array.isArray(b) &&
			a.length === b.length &&
			a.every((item, index) => sameJson(item, b[index]!))
		);
	}
	const keys = Object.keys(a);
	return (
		keys.length === Object.keys(b).length &&
		keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key]!, b[key]!))
	);
}
