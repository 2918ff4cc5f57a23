/**
 * A CSV file from bytes to checked records: a first look (heading, a few rows, the format and a
 * guessed mapping), then the full check. The worker runs these; tests call them directly.
 */
import { readCsv, type CsvSource, type ReadCsvOptions } from './csv';
import type { ManualScales } from './manual-measures';
import { guessMapping } from './mapping';
import type { KnownContacts } from './surveys';
import type {
	CheckProgress,
	CheckSummary,
	ColumnMapping,
	CsvFormat,
	FileProblem,
	ImportKind,
	ImportRecordsByKind,
	Inspection,
	RowError
} from './types';
import { RowValidator } from './validate';

export const SAMPLE_ROWS = 10;

function isBlank(row: readonly string[]): boolean {
	return row.every((cell) => cell.trim() === '');
}

/** Header cells as headings: trimmed, and a byte order mark left by some tools taken off. */
function headings(row: readonly string[]): string[] {
	return row.map((cell) => cell.replace(/^\uFEFF/, '').trim());
}

/** The heading a mapping was made for, column by column. */
function sameHeading(header: readonly string[], mapping: readonly ColumnMapping[]): boolean {
	return header.length === mapping.length && header.every((text, i) => text === mapping[i]!.header);
}

export type InspectResult = { ok: true; value: Inspection } | { ok: false; problem: FileProblem };

/** The heading row, the first `sampleRows` rows under it, the format and the guessed mapping. */
export async function inspectCsv(
	source: CsvSource,
	kind: ImportKind,
	options: ReadCsvOptions & { sampleRows?: number } = {}
): Promise<InspectResult> {
	const wanted = options.sampleRows ?? SAMPLE_ROWS;
	let header: string[] | undefined;
	const sample: string[][] = [];
	const read = await readCsv(
		source,
		({ rows }) => {
			for (const row of rows) {
				if (!header) {
					if (!isBlank(row)) header = headings(row);
				} else if (sample.length < wanted) sample.push(row);
			}
			return !header || sample.length < wanted;
		},
		{ chunkSize: 64 * 1024, ...options }
	);
	if (!read.ok) return read;
	if (!header) return { ok: false, problem: 'empty' };
	return {
		ok: true,
		value: { header, sample, format: read.format, mapping: guessMapping(kind, header) }
	};
}

export interface CheckOptions {
	format: CsvFormat;
	knownAccounts?: ReadonlySet<string>;
	/** Outcomes dated after it are refused (`ValidateOptions.latestDate`). */
	latestDate?: string;
	/** The manual measures entries may name (`ValidateOptions.manualScales`). */
	manualScales?: ManualScales;
	/** The people survey answers may name (`ValidateOptions.knownContacts`). */
	knownContacts?: KnownContacts;
	chunkSize?: number;
	/** The size of a stream, when it is known, for progress. */
	totalBytes?: number;
	onProgress?: (progress: CheckProgress) => void;
	/**
	 * Takes the records and errors of each chunk as they are found (the worker posts them); without
	 * it they are all kept and returned at the end.
	 */
	onBatch?: (records: ImportRecordsByKind[ImportKind][], errors: RowError[]) => void;
}

export type CheckResult<K extends ImportKind> =
	| {
			ok: true;
			summary: CheckSummary;
			/** Empty when `onBatch` took them. */
			records: ImportRecordsByKind[K][];
			errors: RowError[];
	  }
	| { ok: false; problem: FileProblem };

/**
 * Reads the whole file with `mapping`, checking every row; nothing is written anywhere. A file whose
 * heading is not the one `mapping` was made for (`other_heading`) is not read past its heading.
 */
export async function checkCsv<K extends ImportKind>(
	source: CsvSource,
	kind: K,
	mapping: readonly ColumnMapping[],
	options: CheckOptions
): Promise<CheckResult<K>> {
	const validator = new RowValidator(kind, mapping, {
		decimalComma: options.format.decimalComma,
		knownAccounts: options.knownAccounts,
		latestDate: options.latestDate,
		manualScales: options.manualScales,
		knownContacts: options.knownContacts
	});
	const records: ImportRecordsByKind[K][] = [];
	const errors: RowError[] = [];
	let headerSeen = false;
	let otherHeading = false;
	const read = await readCsv(
		source,
		(chunk) => {
			let rows = chunk.rows;
			let first = chunk.firstIndex;
			let malformed = chunk.malformed;
			if (!headerSeen) {
				// The heading is the first row with anything in it.
				const at = rows.findIndex((row) => !isBlank(row));
				if (at < 0) return;
				headerSeen = true;
				if (!sameHeading(headings(rows[at]!), mapping)) {
					otherHeading = true;
					return false;
				}
				rows = rows.slice(at + 1);
				first += at + 1;
				if (malformed)
					malformed = new Set([...malformed].filter((i) => i > at).map((i) => i - at - 1));
			}
			validator.add(rows, first + 1, malformed);
			const batch = validator.drain();
			if (options.onBatch) options.onBatch(batch.records, batch.errors);
			else {
				for (const record of batch.records) records.push(record);
				for (const error of batch.errors) errors.push(error);
			}
			options.onProgress?.({
				rows: validator.summary.rows + validator.summary.blankRows,
				bytesRead: chunk.bytesRead,
				totalBytes: chunk.totalBytes
			});
		},
		{ format: options.format, chunkSize: options.chunkSize, totalBytes: options.totalBytes }
	);
	if (!read.ok) return read;
	if (otherHeading) return { ok: false, problem: 'other_heading' };
	return { ok: true, summary: { ...validator.summary }, records, errors };
}
