/** CSV as RFC 4180 writes it: fields quoted when they hold a separator, a quote or a line break. */
export function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'string' ? value : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
	return values.map(csvField).join(',');
}
