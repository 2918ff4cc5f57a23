/**
 * The messages between the page and the import worker: plain data, structured-cloned. The worker
 * sends back the problems and the counts, never the records: the server makes them again from the
 * file (`./upload.ts`), so 100,000 records never cross to the page.
 */
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
	/** Checks every row against the accounts in this browser's store now. */
	| {
			type: 'check';
			id: number;
			file: Blob;
			kind: ImportKind;
			mapping: ColumnMapping[];
			format: CsvFormat;
			/** Today, for the page: outcomes dated after it are refused. */
			latestDate?: string;
	  };

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
	/** Something thrown (a store that would not open, a bug), not bad data: its message. */
	| { type: 'failed'; id: number; message: string };
