/**
 * Reading one cell. Each reader returns the value, `undefined` for an empty cell, or `INVALID`:
 * a sentinel rather than a result object, because these run for every cell of files with
 * hundreds of thousands of rows.
 */
import { isIsoDate, isIsoDateTime } from '$lib/engine/dates';
import { isValidAddress } from '$lib/engine/plays/recipients';

export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
/** `007`, `0123`: codes that look like numbers; `auto` columns keep them as text. */
const LEADING_ZERO = /^[+-]?0\d/;
const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

export function readNumber(text: string, decimalComma: boolean): number | undefined | Invalid {
	if (text === '') return undefined;
	if (NUMBER.test(text)) {
		const value = Number(text);
		return Number.isFinite(value) ? value : INVALID;
	}
	if (decimalComma && DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
	return INVALID;
}

export function readBoolean(text: string): boolean | undefined | Invalid {
	if (text === '') return undefined;
	switch (text.toLowerCase()) {
		case 'true':
		case 'yes':
			return true;
		case 'false':
		case 'no':
			return false;
		default:
			return INVALID;
	}
}

/** A yes/no column that also takes `1` and `0`, as flags exported from databases are written. */
export function readFlag(text: string): boolean | undefined | Invalid {
	if (text === '1') return true;
	if (text === '0') return false;
	return readBoolean(text);
}

/** A calendar date as `YYYY-MM-DD` or `YYYY/MM/DD`, given back as `YYYY-MM-DD`. */
export function readDate(text: string): string | undefined | Invalid {
	if (text === '') return undefined;
	if (isIsoDate(text)) return text;
	const slash = SLASH_DATE.exec(text);
	if (slash) {
		const iso = `${slash[1]}-${slash[2]!.padStart(2, '0')}-${slash[3]!.padStart(2, '0')}`;
		if (isIsoDate(iso)) return iso;
	}
	return INVALID;
}

/**
 * A date (as `readDate`) or an ISO 8601 date and time (`2026-11-01T09:30:00Z`) that exists: no
 * 30 February, no 25:00 (`Date.parse` would roll either on to another day).
 */
export function readDateTime(text: string): string | undefined | Invalid {
	const date = readDate(text);
	if (date !== INVALID) return date;
	const iso = text.replace(' ', 'T');
	return iso.includes('T') && isIsoDateTime(iso) ? iso : INVALID;
}

/** An address plays can send to: the same check as at sending, so an import never keeps one they refuse. */
export function readEmail(text: string): string | undefined | Invalid {
	if (text === '') return undefined;
	return isValidAddress(text) ? text : INVALID;
}

/** Tags written in one cell, separated by `;`, `,` or `|`. */
export function readList(text: string): string[] | undefined {
	if (text === '') return undefined;
	const items = text
		.split(/[;,|]/)
		.map((item) => item.trim())
		.filter((item) => item !== '');
	return items.length ? items : undefined;
}

/** A metric: a number or yes/no, nothing else. */
export function readMetric(
	text: string,
	decimalComma: boolean
): number | boolean | undefined | Invalid {
	const number = readNumber(text, decimalComma);
	return number === INVALID ? readBoolean(text) : number;
}

/** A number or yes/no where the cell reads as one; otherwise the text. */
export function readAuto(
	text: string,
	decimalComma: boolean
): number | boolean | string | undefined {
	if (text === '') return undefined;
	if (!LEADING_ZERO.test(text)) {
		const number = readNumber(text, decimalComma);
		if (number !== INVALID) return number;
	}
	const flag = readBoolean(text);
	return flag === INVALID ? text : flag;
}
