/**
 * Rows to records, and every problem found on the way, before anything is written. A row with
 * any problem gives no record; the others give exactly the record that will be imported.
 *
 * The validator is fed in chunks (a file is streamed), so it keeps what must span the whole file:
 * the keys seen (a duplicate names the row that had the key first) and the counts.
 */
import { extraKind, fieldSpec, KEY_FIELDS } from './fields';
import { resolveManualEntry, type ManualScales } from './manual-measures';
import { checkMapping } from './mapping';
import { extraReader, fieldReader, type Reader } from './readers';
import { resolveSurveyAnswer, type KnownContacts } from './surveys';
import {
	EXTRA,
	IGNORE,
	type CheckSummary,
	type ColumnMapping,
	type ImportKind,
	type ImportRecordsByKind,
	type RecordProblem,
	type RowError,
	type RowProblem
} from './types';
import { INVALID, type Invalid } from './values';

export interface ValidateOptions {
	/** Read `0,75` as 0.75 (files separated by `;`). */
	decimalComma?: boolean;
	/**
	 * The account ids a contact or snapshot may name: those in the store and any imported with
	 * them. Without it, references are not checked.
	 */
	knownAccounts?: ReadonlySet<string>;
	/**
	 * The as-of date of the data (today): an outcome or a manual entry dated after it has not
	 * happened yet, and is refused (a forecast close date exported with the real ones, a typo in
	 * the year).
	 */
	latestDate?: string;
	/**
	 * The manual measures a manual entry may name, with their scales (`manualScales`). Without it,
	 * entries are not resolved: the measure and value stay as written (a preview's first look).
	 */
	manualScales?: ManualScales;
	/**
	 * The people a survey answer may name, by id and by email (`knownContactsOf`): the answer is
	 * given to the person's id. Without it, answers are not resolved.
	 */
	knownContacts?: KnownContacts;
}

/** One used column, compiled once: where it goes, how it is read, what a bad cell is called. */
interface ColumnPlan {
	index: number;
	header: string;
	/** The field it fills, or the fact/metric name when `extra`. */
	key: string;
	extra: boolean;
	required: boolean;
	read: Reader;
	problem: RowProblem;
}

const MAX_VALUE_LENGTH = 120;

function clip(text: string): string {
	return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/**
 * What completes a kind's records beyond their cells, from what the validator was given: a manual
 * entry's measure and its scale, a survey answer's person. It changes the record in place (the
 * validator's own, fresh from its row) and says what is wrong with it.
 */
type Resolver = (record: Record<string, unknown>, options: ValidateOptions) => RecordProblem[];

const RESOLVERS: Partial<Record<ImportKind, Resolver>> = {
	// Without the scales (a preview's first look), an entry stays as written.
	manual_entries: (record, { manualScales, decimalComma = false }) =>
		manualScales ? resolveManualEntry(record, manualScales, decimalComma) : [],
	survey_answers: (record, { knownContacts }) => resolveSurveyAnswer(record, knownContacts)
};

function isBlank(row: readonly string[]): boolean {
	for (let i = 0; i < row.length; i++) if (row[i]!.trim() !== '') return false;
	return true;
}

export class RowValidator<K extends ImportKind> {
	/** Records of the valid rows since the last `drain()`. */
	records: ImportRecordsByKind[K][] = [];
	/** Problems found since the last `drain()`. */
	errors: RowError[] = [];
	readonly summary: CheckSummary = {
		rows: 0,
		validRows: 0,
		invalidRows: 0,
		blankRows: 0,
		errors: 0
	};

	readonly #kind: K;
	readonly #plans: ColumnPlan[];
	readonly #columns: number;
	readonly #keyPlans: ColumnPlan[];
	readonly #accountPlan: ColumnPlan | undefined;
	readonly #knownAccounts: ReadonlySet<string> | undefined;
	readonly #latestDate: string | undefined;
	readonly #datePlan: ColumnPlan | undefined;
	/** The kind's own resolution of a record (`RESOLVERS`), with the validator's options. */
	readonly #resolver: ((record: Record<string, unknown>) => RecordProblem[]) | undefined;
	/** Empty metric cells of a snapshot are null ("no value that day"); empty facts are left out. */
	readonly #emptyAsNull: boolean;
	readonly #extraKey: 'facts' | 'metrics';
	/** Key → the row that had it first. */
	readonly #seen = new Map<string, number>();

	constructor(kind: K, mapping: readonly ColumnMapping[], options: ValidateOptions = {}) {
		const issues = checkMapping(kind, mapping);
		if (issues.length) {
			throw new Error(`RowValidator: unusable mapping (${JSON.stringify(issues[0])})`);
		}
		const decimalComma = options.decimalComma ?? false;
		this.#kind = kind;
		this.#columns = mapping.length;
		this.#knownAccounts = kind === 'accounts' ? undefined : options.knownAccounts;
		this.#emptyAsNull = kind === 'snapshots';
		this.#extraKey = extraKind(kind);
		this.#plans = [];
		mapping.forEach((column, index) => {
			if (column.target === IGNORE) return;
			if (column.target === EXTRA) {
				const [read, problem] = extraReader(column.type, decimalComma);
				this.#plans.push({
					index,
					header: column.header,
					key: column.name.trim(),
					extra: true,
					required: false,
					read,
					problem
				});
				return;
			}
			const spec = fieldSpec(kind, column.target)!;
			const [read, problem] = fieldReader(spec.type, decimalComma, column);
			this.#plans.push({
				index,
				header: column.header,
				key: spec.field,
				extra: false,
				required: spec.required,
				read,
				problem
			});
		});
		this.#keyPlans = KEY_FIELDS[kind].map((field) => this.#fieldPlan(field)!);
		this.#accountPlan = this.#fieldPlan('account_id');
		this.#latestDate =
			kind === 'outcomes' || kind === 'manual_entries' || kind === 'survey_answers'
				? options.latestDate
				: undefined;
		const resolver = RESOLVERS[kind];
		const given = { ...options };
		this.#resolver = resolver && ((record) => resolver(record, given));
		this.#datePlan = this.#fieldPlan('date');
	}

	/** The column mapped to `field`, if one is. */
	#fieldPlan(field: string): ColumnPlan | undefined {
		return this.#plans.find((plan) => plan.key === field && !plan.extra);
	}

	/**
	 * Checks `rows` (data rows, no heading) whose first is row `firstRow` as a spreadsheet numbers
	 * it. `malformed` lists indexes in `rows` the CSV parser could not read cleanly (a quote
	 * never closed): those are reported and not read.
	 */
	add(
		rows: readonly (readonly string[])[],
		firstRow: number,
		malformed?: ReadonlySet<number>
	): void {
		const plans = this.#plans;
		const errors = this.errors;
		const summary = this.summary;
		for (let r = 0; r < rows.length; r++) {
			const row = rows[r]!;
			const rowNumber = firstRow + r;
			if (isBlank(row)) {
				summary.blankRows++;
				continue;
			}
			summary.rows++;
			const before = errors.length;
			if (malformed?.has(r)) {
				errors.push({
					row: rowNumber,
					column: '',
					value: clip(row.join(' ')),
					problem: 'malformed'
				});
			} else {
				const record = this.#readRow(row, rowNumber, plans, errors);
				this.#checkKeys(record, rowNumber, errors);
				this.#resolve(record, rowNumber, errors);
				if (errors.length === before) this.records.push(record as ImportRecordsByKind[K]);
			}
			if (errors.length === before) summary.validRows++;
			else {
				summary.invalidRows++;
				summary.errors += errors.length - before;
			}
		}
	}

	/**
	 * One row read for a preview: the record as it would be imported, even when the row has
	 * problems, beside those problems. It claims its key (a later duplicate is found), but counts in no summary.
	 */
	checkRow(
		row: readonly string[],
		rowNumber: number
	): { record: Record<string, unknown>; errors: RowError[] } | null {
		if (isBlank(row)) return null;
		const errors: RowError[] = [];
		const record = this.#readRow(row, rowNumber, this.#plans, errors);
		this.#checkKeys(record, rowNumber, errors);
		this.#resolve(record, rowNumber, errors);
		return { record, errors };
	}

	/** Hands over the records and errors found so far, and starts new lists. */
	drain(): { records: ImportRecordsByKind[K][]; errors: RowError[] } {
		const drained = { records: this.records, errors: this.errors };
		this.records = [];
		this.errors = [];
		return drained;
	}

	#readRow(
		row: readonly string[],
		rowNumber: number,
		plans: readonly ColumnPlan[],
		errors: RowError[]
	): Record<string, unknown> {
		const record: Record<string, unknown> = {};
		let extras: Record<string, unknown> | undefined;
		if (this.#emptyAsNull) record[this.#extraKey] = extras = {};
		if (row.length > this.#columns) {
			for (let i = this.#columns; i < row.length; i++) {
				if (row[i]!.trim() !== '') {
					errors.push({
						row: rowNumber,
						column: '',
						value: clip(row.slice(this.#columns).join(', ')),
						problem: 'too_many_cells'
					});
					break;
				}
			}
		}
		for (let p = 0; p < plans.length; p++) {
			const plan = plans[p]!;
			const raw = row[plan.index] ?? '';
			const value = plan.read(raw.trim()) as unknown;
			if (value === undefined) {
				if (plan.required) {
					errors.push({
						row: rowNumber,
						column: plan.header,
						value: clip(raw),
						problem: 'required'
					});
				} else if (plan.extra && this.#emptyAsNull) {
					extras![plan.key] = null;
				}
			} else if (value === (INVALID as Invalid)) {
				errors.push({
					row: rowNumber,
					column: plan.header,
					value: clip(raw),
					problem: plan.problem
				});
			} else if (plan.extra) {
				if (!extras) record[this.#extraKey] = extras = {};
				extras[plan.key] = value;
			} else {
				record[plan.key] = value;
			}
		}
		return record;
	}

	#keyOf(record: Record<string, unknown>): string | undefined {
		const plans = this.#keyPlans;
		const first = record[plans[0]!.key];
		if (typeof first !== 'string') return undefined;
		if (plans.length === 1) return first;
		let key = first;
		for (let i = 1; i < plans.length; i++) {
			const part = record[plans[i]!.key];
			if (typeof part !== 'string') return undefined;
			key += `\u0000${part}`;
		}
		return key;
	}

	/** The kind's own problems of a record, each named at its column (or the row as a whole). */
	#resolve(record: Record<string, unknown>, rowNumber: number, errors: RowError[]): void {
		if (!this.#resolver) return;
		for (const { field, value, problem } of this.#resolver(record))
			errors.push({
				row: rowNumber,
				column: field === null ? '' : this.#fieldPlan(field)!.header,
				value: clip(value),
				problem
			});
	}

	/**
	 * The account a row names must exist, an outcome must not be dated after the data's as-of date,
	 * and a row's key must be new to the file. A row with other
	 * problems still claims its key: two rows for one key are ambiguous whichever is right.
	 */
	#checkKeys(record: Record<string, unknown>, rowNumber: number, errors: RowError[]): void {
		const account = this.#accountPlan;
		if (
			account &&
			this.#knownAccounts &&
			typeof record.account_id === 'string' &&
			!this.#knownAccounts.has(record.account_id)
		) {
			errors.push({
				row: rowNumber,
				column: account.header,
				value: clip(record.account_id as string),
				problem: 'unknown_account'
			});
		}
		if (
			this.#latestDate !== undefined &&
			typeof record.date === 'string' &&
			record.date.slice(0, 10) > this.#latestDate
		) {
			errors.push({
				row: rowNumber,
				column: this.#datePlan!.header,
				value: record.date,
				problem: 'after_as_of'
			});
		}
		const key = this.#keyOf(record);
		if (key === undefined) return;
		const firstRow = this.#seen.get(key);
		if (firstRow === undefined) {
			this.#seen.set(key, rowNumber);
			return;
		}
		const plans = this.#keyPlans;
		errors.push({
			row: rowNumber,
			column: plans.map((plan) => plan.header).join(' + '),
			value: clip(plans.map((plan) => record[plan.key] as string).join(' + ')),
			problem: 'duplicate',
			firstRow
		});
	}

	get kind(): K {
		return this.#kind;
	}
}

export interface Validation<K extends ImportKind> {
	records: ImportRecordsByKind[K][];
	errors: RowError[];
	summary: CheckSummary;
}

/** Checks rows already in memory: `rows[0]` is row 2, the first under the heading. */
export function validateRows<K extends ImportKind>(
	kind: K,
	mapping: readonly ColumnMapping[],
	rows: readonly (readonly string[])[],
	options?: ValidateOptions
): Validation<K> {
	const validator = new RowValidator(kind, mapping, options);
	validator.add(rows, 2);
	return { ...validator.drain(), summary: validator.summary };
}
