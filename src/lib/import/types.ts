/**
 * The types of CSV import: what a file is, how its columns map onto Scorecraft's fields, and what
 * checking it found. Everything here is plain data, so it crosses the worker boundary as it is.
 */
import type { Account, Contact, ManualEntry, Outcome, Snapshot } from '$lib/engine';
import type { SurveyAnswer } from './surveys';

/**
 * The kinds of file: one record per row (accounts, contacts), or one per account and date
 * (snapshots, and outcomes: a renewal, a cancellation, an upsell as a CRM closed it), or one per
 * account, manual measure and date (manual entries), or one per person and date (survey answers).
 */
export type ImportKind =
	'accounts' | 'contacts' | 'snapshots' | 'outcomes' | 'manual_entries' | 'survey_answers';

export type ImportRecord = Account | Contact | Snapshot | Outcome | ManualEntry | SurveyAnswer;

export interface ImportRecordsByKind {
	accounts: Account;
	contacts: Contact;
	snapshots: Snapshot;
	outcomes: Outcome;
	/** Values of manual measures kept in a spreadsheet (a monthly relationship score per account). */
	manual_entries: ManualEntry;
	/** NPS and CSAT answers per person, rolled into their account's metrics (`./surveys.ts`). */
	survey_answers: SurveyAnswer;
}

export type OutcomeType = Outcome['type'];

/** How a field's cells are read. `outcome`: a word of the file mapped onto an outcome's type. */
export type FieldType =
	'id' | 'text' | 'email' | 'number' | 'date' | 'datetime' | 'boolean' | 'list' | 'outcome';

/**
 * How the cells of a free column (an account fact, a contact's or a snapshot's metric) are read:
 * - `metric`: a number, or yes/no (`true`, `false`, `yes`, `no`); anything else is an error;
 * - `auto`: a number or yes/no where the cell reads as one, otherwise the text as it is;
 * - `text`: the text as it is.
 */
export type ValueType = 'metric' | 'auto' | 'text';

/** Where a column goes: one of the kind's fields, a free attribute (`extra`), or nowhere. */
export type ColumnTarget = string;
export const EXTRA = 'extra';
export const IGNORE = 'ignore';

/** One column of the file and where its cells go. Mappings are arrays in the file's column order. */
export interface ColumnMapping {
	/** The column's heading as the file has it. */
	header: string;
	/** A field of the kind (`id`, `renewal_date`, …), `extra` or `ignore`. */
	target: ColumnTarget;
	/** For `extra`: the name of the fact or metric the cells become. */
	name: string;
	/** For `extra`: how its cells are read. */
	type: ValueType;
	/**
	 * For an outcome's `type` column: the file's words (compared without case, spaces or
	 * punctuation) and the outcome each means, beside the common CRM words known already
	 * (`Closed Lost` is churned); the person's choice wins.
	 */
	values?: Record<string, OutcomeType>;
}

/** How a file is written, found when it is first read and kept for reading it in full. */
export interface CsvFormat {
	delimiter: string;
	newline: '\n' | '\r\n' | '\r';
	/** Numbers written `0,75`: the usual with `;`-separated files from European spreadsheets. */
	decimalComma: boolean;
}

/** What can be wrong with one cell or row. The page turns each into a sentence. */
export type RowProblem =
	| 'required'
	| 'not_a_number'
	| 'not_a_date'
	| 'not_a_datetime'
	| 'not_a_boolean'
	| 'not_a_metric'
	| 'not_an_email'
	| 'unknown_account'
	| 'not_an_outcome'
	| 'after_as_of'
	| 'unknown_measure'
	| 'not_on_scale'
	| 'unknown_contact'
	| 'no_answer'
	| 'duplicate'
	| 'too_many_cells'
	| 'malformed';

/** One thing wrong in a row, where a spreadsheet shows it: the heading is row 1. */
export interface RowError {
	row: number;
	/** The column's heading; empty when the problem is the row as a whole. */
	column: string;
	/** The cell as written (cut to a readable length). */
	value: string;
	problem: RowProblem;
	/** For `duplicate`: the row that has the same key first. */
	firstRow?: number;
}

/**
 * A problem found in a record while completing it from what the store holds (a manual entry's
 * measure, a survey answer's person): at the column of `field`, or the row as a whole when null.
 */
export interface RecordProblem {
	field: string | null;
	/** The value as read (cut to a readable length where it becomes a `RowError`). */
	value: string;
	problem: RowProblem;
}

/**
 * What can stop a whole file from being read. `other_heading`: its heading row is not the one the
 * mapping was made for (another file, or one changed since it was mapped).
 */
export type FileProblem = 'empty' | 'not_utf8' | 'unreadable' | 'other_heading';

/** Counts after checking a file. Blank rows are skipped and not counted as errors. */
export interface CheckSummary {
	/** Data rows read (not counting the heading or blank rows). */
	rows: number;
	validRows: number;
	invalidRows: number;
	blankRows: number;
	errors: number;
}

export interface CheckProgress {
	rows: number;
	bytesRead: number;
	totalBytes: number;
}

/** The first look at a file: its columns, a few rows, its format and the guessed mapping. */
export interface Inspection {
	header: string[];
	sample: string[][];
	format: CsvFormat;
	mapping: ColumnMapping[];
}
