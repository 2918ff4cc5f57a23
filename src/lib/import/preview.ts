/**
 * The first rows of a file as they will be imported under the current mapping: each used
 * column's value after reading, and its problem if it has one. Cheap enough to recompute on the
 * page every time the user changes the mapping.
 */
import { extraKind } from './fields';
import { checkMapping } from './mapping';
import {
	EXTRA,
	IGNORE,
	type ColumnMapping,
	type ImportKind,
	type RowError,
	type RowProblem
} from './types';
import { RowValidator, type ValidateOptions } from './validate';

export interface PreviewColumn {
	/** The column's index in the file. */
	index: number;
	header: string;
	/** Where its values go: a field name, or `facts.name` / `metrics.name`. */
	path: string;
}

export interface PreviewCell {
	/** The value as it will be stored; undefined when the cell is left out. */
	value: unknown;
	problem: RowProblem | null;
}

export interface PreviewRow {
	row: number;
	/** A blank row, skipped on import. */
	blank: boolean;
	cells: PreviewCell[];
	/** Every problem of the row, the ones of no single column (a duplicate key, surplus cells) too. */
	errors: RowError[];
}

export interface Preview {
	columns: PreviewColumn[];
	rows: PreviewRow[];
}

/** The preview of `sample` (the rows under the heading), or null while the mapping is unusable. */
export function previewRows(
	kind: ImportKind,
	mapping: readonly ColumnMapping[],
	sample: readonly (readonly string[])[],
	options: ValidateOptions = {}
): Preview | null {
	if (checkMapping(kind, mapping).length) return null;
	const validator = new RowValidator(kind, mapping, options);
	const group = extraKind(kind);
	const columns: PreviewColumn[] = [];
	mapping.forEach((column, index) => {
		if (column.target === IGNORE) return;
		columns.push({
			index,
			header: column.header,
			path: column.target === EXTRA ? `${group}.${column.name.trim()}` : column.target
		});
	});
	const rows = sample.map((cells, i): PreviewRow => {
		const row = i + 2;
		const checked = validator.checkRow(cells, row);
		if (!checked) return { row, blank: true, cells: [], errors: [] };
		const extras = checked.record[group] as Record<string, unknown> | undefined;
		return {
			row,
			blank: false,
			errors: checked.errors,
			cells: columns.map((column) => {
				const spec = mapping[column.index]!;
				return {
					value: spec.target === EXTRA ? extras?.[spec.name.trim()] : checked.record[spec.target],
					problem: checked.errors.find((error) => error.column === column.header)?.problem ?? null
				};
			})
		};
	});
	return { columns, rows };
}
