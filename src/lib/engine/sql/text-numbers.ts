/**
 * Values read as numbers, as JavaScript reads them, in SQL; text with regular expressions rather
 * than a cast, which would fail (not give NaN) on text that is no number.
 */
import type { Dialect } from './dialect';
import type { Typed } from './logic';

/** A number literal, in a form every engine reads as the same double. */
export function numberLiteral(d: Dialect, value: number): string {
	if (Number.isNaN(value)) return d.special('NaN');
	if (value === Infinity) return d.special('Infinity');
	if (value === -Infinity) return d.special('-Infinity');
	// From text: engines read it as the nearest double, as JavaScript wrote it.
	return `cast('${String(value)}' as ${d.types.number})`;
}

/** JavaScript's `Number(x)` of a value that is not a left-out argument. */
export function toNumberSql(d: Dialect, value: Typed): string {
	const zero = numberLiteral(d, 0);
	switch (value.type) {
		case 'null':
			return zero;
		case 'number':
			return `coalesce(${value.sql}, ${zero})`;
		case 'boolean':
			return `(case when ${value.sql} then ${numberLiteral(d, 1)} else ${zero} end)`;
		case 'text':
			return `(case when ${value.sql} is null then ${zero} else ${textToNumber(d, value.sql, zero)} end)`;
	}
}

/** JavaScript's `parseFloat(x)`: NaN for null and booleans. */
export function parseFloatSql(d: Dialect, value: Typed): string {
	switch (value.type) {
		case 'null':
		case 'boolean':
			return d.special('NaN');
		case 'number':
			return `coalesce(${value.sql}, ${d.special('NaN')})`;
		case 'text':
			return textParseFloat(d, value.sql);
	}
}

/** A decimal number as JavaScript writes and reads them. */
const DECIMAL = String.raw`[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?`;

/**
 * `Number(text)` for text that is not null: decimal or infinite text its number, blank text
 * `blank` (0 in JavaScript; NaN where a measure reads it), anything else NaN. Hexadecimal, octal
 * and binary text, which JavaScript reads too, reads as NaN here.
 */
export function textToNumber(d: Dialect, text: string, blank: string): string {
	const decimal = d.capture(text, `^\\s*(${DECIMAL})\\s*$`);
	const infinite = d.capture(text, String.raw`^\s*([+-]?)Infinity\s*$`);
	return `(case when ${d.matches(text, String.raw`^\s*$`)} then ${blank}
		when ${decimal} is not null then cast(${decimal} as ${d.types.number})
		when ${infinite} = '-' then ${d.special('-Infinity')}
		when ${infinite} is not null then ${d.special('Infinity')}
		else ${d.special('NaN')} end)`;
}

/** `parseFloat(text)`: the longest number the text starts with (after whitespace), else NaN. */
export function textParseFloat(d: Dialect, text: string): string {
	const decimal = d.capture(text, `^\\s*(${DECIMAL})`);
	const infinite = d.capture(text, String.raw`^\s*([+-]?)Infinity`);
	return `(case when ${decimal} is not null then cast(${decimal} as ${d.types.number})
		when ${infinite} = '-' then ${d.special('-Infinity')}
		when ${infinite} is not null then ${d.special('Infinity')}
		else ${d.special('NaN')} end)`;
}
