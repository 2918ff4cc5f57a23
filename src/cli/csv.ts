/** CSV as RFC 4180 writes it: fields quoted when they hold a separator, a quote or a line break. */
export function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'string' ? value : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
	return values.map(csvField).join(',');
}

/**
 * Records as the commands print them: CSV with the columns in this order, or a JSON array with one
 * record per line (easy to read, and to `grep`).
 */
export function formatRecords<C extends string>(
	records: readonly Record<C, unknown>[],
	columns: readonly C[],
	format: 'json' | 'csv'
): string {
	if (format === 'csv')
		return (
			[csvLine(columns), ...records.map((r) => csvLine(columns.map((c) => r[c])))].join('\n') + '\n'
		);
	if (records.length === 0) return '[]\n';
	return `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}
