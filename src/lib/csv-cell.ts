/**
 * One cell of a CSV file Scorecraft writes; every CSV writer uses it. Quoted as RFC 4180 says
 * (when it holds a separator, a quote or a line break), and neutralised against CSV injection as
 * OWASP says: text starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read by a
 * spreadsheet as a formula (an account named `=HYPERLINK(…)` runs when the file is opened), so it
 * is prefixed with `'`, which spreadsheets show as text and do not display.
 *
 * A number stays as it is, `-5` included: written from a number it is only digits, a sign, a point
 * and an exponent, which a spreadsheet reads as that number and cannot run. Text that merely looks
 * like a negative number (`"-5"` as a string) is neutralised like any other text.
 */

/** The first characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' || typeof value === 'bigint') return String(value);
	let text = typeof value === 'string' ? value : String(value);
	if (FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A line of cells, separated by commas (no line break at its end). */
export function csvRow(values: readonly unknown[]): string {
	return values.map(csvCell).join(',');
}
