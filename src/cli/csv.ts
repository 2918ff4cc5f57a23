/** How the commands print records: CSV, or JSON with one record per line. */
import { csvRow } from '../lib/csv-cell';

/**
 * Records as the commands print them: CSV with the columns in this order (cells quoted and
 * neutralised against formulas, see `csvCell`), or a JSON array with one record per line (easy to
 * read, and to `grep`).
 */
export function formatRecords<C extends string>(
	records: readonly Record<C, unknown>[],
	columns: readonly C[],
	format: 'json' | 'csv'
): string {
	if (format === 'csv')
		return (
			[csvRow(columns), ...records.map((r) => csvRow(columns.map((c) => r[c])))].join('\n') + '\n'
		);
	if (records.length === 0) return '[]\n';
	return `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}
