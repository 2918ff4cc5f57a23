/**
 * The messages between the page and the import worker: plain data, structured-cloned. The worker
 * keeps the records of the last check itself and writes them when asked, so 100,000 records never
 * cross to the page and back, and the page's thread never does the write's work.
 */
import type { ImportSummary } from '$lib/db/types';
import type { InspectResult } from './pipeline';
import type {
	CheckProgress,
	CheckSummary,
	ColumnMapping,
	CsvFormat,
	FileProblem,
	ImportKind,
	RowError
} from './types';

export type WorkerRequest =
	| { type: 'inspect'; id: number; file: Blob; kind: ImportKind }
	/** Checks every row against the accounts in the store now; keeps the valid rows' records. */
	| {
			type: 'check';
			id: number;
			file: Blob;
			kind: ImportKind;
			mapping: ColumnMapping[];
			format: CsvFormat;
	  }
	/** Writes the records the last check kept, in one transaction. */
	| { type: 'write'; id: number };

export type WorkerResponse =
	| { type: 'inspected'; id: number; result: InspectResult }
	/** After each chunk of the file: how far the check is. */
	| { type: 'progress'; id: number; progress: CheckProgress }
	/** The problems found in one chunk, in file order. */
	| { type: 'errors'; id: number; errors: RowError[] }
	| {
			type: 'checked';
			id: number;
			result: { ok: true; summary: CheckSummary } | { ok: false; problem: FileProblem };
	  }
	| { type: 'written'; id: number; summary: ImportSummary }
	/** Something thrown (a failed write, a bug), not bad data: its message. */
	| { type: 'failed'; id: number; message: string };
