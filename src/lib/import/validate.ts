/**
 * Rows to records, and every problem found on the way, before anything is written. A row with
 * any problem gives no record; the others give exactly the record that will be imported.
 *
 * The validator is fed in chunks (a file is streamed), so it keeps what must span the whole file:
 * the keys seen (a duplicate names the row that had the key first) and the counts.
 */
import { checkMapping, extraKind, fieldSpec } from './mapping';
import { manualScaleOf, readManualValue, type ManualScales } from './manual-measures';
import { outcomeOf } from './outcome-types';
import { CSAT_RANGE, NPS_RANGE } from './surveys';
import {
	EXTRA,
	IGNORE,
	type CheckSummary,
	type ColumnMapping,
	type FieldType,
	type ImportKind,
	type ImportRecordsByKind,
	type RowError,
	type RowProblem,
	type ValueType
} from './types';
import {
	INVALID,
	readAuto,
	readDate,
	readDateTime,
	readEmail,
	readFlag,
	readList,
	readMetric,
	readNumber,
	type Invalid
} from './values';

/** People by `id:<id>` and `email:<lower-case email>`, each to their id. */
export type KnownContacts = ReadonlyMap<string, string>;

export function knownContactsOf(contacts: Iterable<{ id: string; email?: string }>): KnownContacts {
	const known = new Map<string, string>();
	for (const contact of contacts) {
		known.set(`id:${contact.id}`, contact.id);
		if (contact.email) known.set(`email:${contact.email.toLowerCase()}`, contact.id);
	}
	return known;
}

function contactIdOf(known: KnownContacts, text: string): string | undefined {
	return known.get(`id:${text}`) ?? known.get(`email:${text.toLowerCase()}`);
}

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
	 * The people a survey answer may name, by id and by email (`knownContacts`): the answer is
	 * given to the person's id. Without it, answers are not resolved.
	 */
	knownContacts?: KnownContacts;
}

type Reader = (text: string) => unknown;

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

/** Key fields: one record per key in a file. */
const KEYS: Readonly<Record<ImportKind, readonly string[]>> = {
	accounts: ['id'],
	contacts: ['id'],
	snapshots: ['account_id', 'date'],
	// One outcome per account and day: a file saying two is ambiguous, and a second import of the
	// same file finds each again by these.
	outcomes: ['account_id', 'date'],
	manual_entries: ['account_id', 'measure', 'date'],
	survey_answers: ['contact', 'date']
};

const MAX_VALUE_LENGTH = 120;

function clip(text: string): string {
	return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/**
 * `read` remembering what it read: a file's dates repeat (a snapshot export has one a week for
 * every account), and each costs a `Date` to check. Bounded, for a file of all different ones.
 */
function remembering(read: Reader): Reader {
	const known = new Map<string, unknown>();
	return (text) => {
		if (known.has(text)) return known.get(text);
		const value = read(text);
		if (known.size < 10_000) known.set(text, value);
		return value;
	};
}

function fieldReader(
	type: FieldType,
	decimalComma: boolean,
	column: ColumnMapping
): [Reader, RowProblem] {
	switch (type) {
		case 'outcome':
			return [
				(text) => (text === '' ? undefined : (outcomeOf(text, column.values) ?? INVALID)),
				'not_an_outcome'
			];
		case 'id':
		case 'text':
			return [(text) => (text === '' ? undefined : text), 'required'];
		case 'email':
			return [readEmail, 'not_an_email'];
		case 'number':
			return [(text) => readNumber(text, decimalComma), 'not_a_number'];
		case 'date':
			return [remembering(readDate), 'not_a_date'];
		case 'datetime':
			return [remembering(readDateTime), 'not_a_datetime'];
		case 'boolean':
			return [readFlag, 'not_a_boolean'];
		case 'list':
			return [readList, 'required'];
	}
}

function extraReader(type: ValueType, decimalComma: boolean): [Reader, RowProblem] {
	switch (type) {
		case 'metric':
			return [(text) => readMetric(text, decimalComma), 'not_a_metric'];
		case 'auto':
			return [(text) => readAuto(text, decimalComma), 'not_a_metric'];
		case 'text':
			return [(text) => (text === '' ? undefined : text), 'not_a_metric'];
	}
}

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
	readonly #manualScales: ManualScales | undefined;
	readonly #knownContacts: KnownContacts | undefined;
	readonly #decimalComma: boolean;
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
		this.#keyPlans = KEYS[kind].map((field) =>
			this.#plans.find((plan) => plan.key === field && !plan.extra)!
		);
		this.#accountPlan = this.#plans.find((plan) => plan.key === 'account_id' && !plan.extra);
		this.#latestDate =
			kind === 'outcomes' || kind === 'manual_entries' || kind === 'survey_answers'
				? options.latestDate
				: undefined;
		this.#manualScales = kind === 'manual_entries' ? options.manualScales : undefined;
		this.#knownContacts = kind === 'survey_answers' ? options.knownContacts : undefined;
		this.#decimalComma = decimalComma;
		this.#datePlan = this.#plans.find((plan) => plan.key === 'date' && !plan.extra);
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
				this.#resolveEntry(record, rowNumber, errors);
				this.#resolveAnswer(record, rowNumber, errors);
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
		this.#resolveEntry(record, rowNumber, errors);
		this.#resolveAnswer(record, rowNumber, errors);
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

	/**
	 * A survey answer as rolled up: given to the person it names (by id or email), on its day, with
	 * at least one answer, each on its scale (NPS 0–10, CSAT 1–5).
	 */
	#resolveAnswer(record: Record<string, unknown>, rowNumber: number, errors: RowError[]): void {
		if (this.kind !== 'survey_answers') return;
		const planOf = (key: string) => this.#plans.find((plan) => plan.key === key && !plan.extra);
		for (const [key, [low, high]] of [
			['nps', NPS_RANGE],
			['csat', CSAT_RANGE]
		] as const) {
			const value = record[key];
			if (typeof value === 'number' && (value < low || value > high))
				errors.push({
					row: rowNumber,
					column: planOf(key)!.header,
					value: String(value),
					problem: 'not_on_scale'
				});
		}
		if (record.nps === undefined && record.csat === undefined)
			errors.push({ row: rowNumber, column: '', value: '', problem: 'no_answer' });
		if (typeof record.date === 'string') record.date = record.date.slice(0, 10);
		const contacts = this.#knownContacts;
		if (!contacts || typeof record.contact !== 'string') return;
		const id = contactIdOf(contacts, record.contact);
		if (id === undefined)
			errors.push({
				row: rowNumber,
				column: planOf('contact')!.header,
				value: clip(record.contact),
				problem: 'unknown_contact'
			});
		else record.contact = id;
	}

	/**
	 * A manual entry as stored: the measure its cell names (by id or name) and the value on that
	 * measure's scale, entered on the row's date (midnight UTC for a date alone).
	 */
	#resolveEntry(record: Record<string, unknown>, rowNumber: number, errors: RowError[]): void {
		const scales = this.#manualScales;
		if (!scales || typeof record.measure !== 'string') return;
		const measurePlan = this.#plans.find((plan) => plan.key === 'measure' && !plan.extra)!;
		const scale = manualScaleOf(scales, record.measure);
		if (!scale) {
			errors.push({
				row: rowNumber,
				column: measurePlan.header,
				value: clip(record.measure),
				problem: 'unknown_measure'
			});
			return;
		}
		if (typeof record.value === 'string') {
			const value = readManualValue(record.value, scale, this.#decimalComma);
			if (value === INVALID) {
				const valuePlan = this.#plans.find((plan) => plan.key === 'value' && !plan.extra)!;
				errors.push({
					row: rowNumber,
					column: valuePlan.header,
					value: clip(record.value),
					problem: 'not_on_scale'
				});
				return;
			}
			record.value = value;
		}
		record.measure_id = scale.id;
		delete record.measure;
		if (typeof record.date === 'string') {
			record.entered_at = record.date.length === 10 ? `${record.date}T00:00:00.000Z` : record.date;
			delete record.date;
		}
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
