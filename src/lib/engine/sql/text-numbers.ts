/**
 * Text read as a number, as JavaScript reads it, in SQL: with regular expressions rather than a
 * cast, which would fail (not give NaN) on text that is no number.
 */
import type { Dialect } from './dialect';

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
