/** The words the Data page puts on import data: field names, problems, values. */
import { formatNumber } from '$lib/i18n/format';
import { t, type MessageKey } from '$lib/i18n/messages';
import type { MappingIssue } from '$lib/import/mapping';
import type { ImportKind, RowError, RowProblem, ValueType } from '$lib/import/types';

const FIELD_LABELS: Record<string, MessageKey> = {
	id: 'import.field.id',
	account_id: 'import.field.account_id',
	name: 'import.field.name',
	locale: 'import.field.locale',
	segment: 'import.field.segment',
	arr: 'import.field.arr',
	renewal_date: 'import.field.renewal_date',
	csm: 'import.field.csm',
	tags: 'import.field.tags',
	do_not_contact: 'import.field.do_not_contact',
	email: 'import.field.email',
	role: 'import.field.role',
	unsubscribed_at: 'import.field.unsubscribed_at',
	last_seen: 'import.field.last_seen',
	date: 'import.field.date',
	type: 'import.field.type',
	arr_before: 'import.field.arr_before',
	arr_after: 'import.field.arr_after',
	reason: 'import.field.reason',
	measure: 'import.field.measure',
	value: 'import.field.value',
	entered_by: 'import.field.entered_by',
	comment: 'import.field.comment',
	contact: 'import.field.contact',
	nps: 'import.field.nps',
	csat: 'import.field.csat'
};

export function fieldLabel(kind: ImportKind, field: string): string {
	if (field === 'id' && kind === 'accounts') return t('import.field.id.accounts');
	if (field === 'id' && kind === 'contacts') return t('import.field.id.contacts');
	const key = FIELD_LABELS[field];
	return key ? t(key as 'import.field.id') : field;
}

const PROBLEMS: Record<Exclude<RowProblem, 'duplicate'>, MessageKey> = {
	required: 'import.problem.required',
	not_a_number: 'import.problem.not_a_number',
	not_a_date: 'import.problem.not_a_date',
	not_a_datetime: 'import.problem.not_a_datetime',
	not_a_boolean: 'import.problem.not_a_boolean',
	not_a_metric: 'import.problem.not_a_metric',
	not_an_email: 'import.problem.not_an_email',
	unknown_account: 'import.problem.unknown_account',
	not_an_outcome: 'import.problem.not_an_outcome',
	after_as_of: 'import.problem.after_as_of',
	unknown_measure: 'import.problem.unknown_measure',
	not_on_scale: 'import.problem.not_on_scale',
	unknown_contact: 'import.problem.unknown_contact',
	no_answer: 'import.problem.no_answer',
	too_many_cells: 'import.problem.too_many_cells',
	malformed: 'import.problem.malformed'
};

export function problemText(error: Pick<RowError, 'problem' | 'firstRow'>): string {
	if (error.problem === 'duplicate')
		return t('import.problem.duplicate', { row: formatNumber(error.firstRow ?? 0) });
	return t(PROBLEMS[error.problem] as 'import.problem.required');
}

export function issueText(kind: ImportKind, issue: MappingIssue): string {
	switch (issue.problem) {
		case 'missing_field':
			return t('import.issue.missing_field', { field: fieldLabel(kind, issue.field) });
		case 'field_twice':
			return t('import.issue.field_twice', {
				field: fieldLabel(kind, issue.field),
				columns: issue.columns.join(', ')
			});
		case 'name_twice':
			return t('import.issue.name_twice', { name: issue.name, columns: issue.columns.join(', ') });
		case 'heading_twice':
			return t('import.issue.heading_twice', { columns: issue.columns.join(', ') });
		case 'bad_name':
			return t('import.issue.bad_name', { column: issue.column });
		case 'unknown_target':
			return t('import.issue.unknown_target', { column: issue.column });
	}
}

export const VALUE_TYPES: readonly { type: ValueType; label: MessageKey }[] = [
	{ type: 'metric', label: 'import.type.metric' },
	{ type: 'auto', label: 'import.type.auto' },
	{ type: 'text', label: 'import.type.text' }
];

export function delimiterName(delimiter: string): string {
	switch (delimiter) {
		case ';':
			return t('import.delimiter.semicolon');
		case '\t':
			return t('import.delimiter.tab');
		case '|':
			return t('import.delimiter.pipe');
		default:
			return t('import.delimiter.comma');
	}
}

/**
 * A value as it will be stored, shown as it is rather than formatted for the locale: the point
 * of a preview is to see exactly what a cell became.
 */
export function valueText(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'boolean') return t(value ? 'import.value.yes' : 'import.value.no');
	if (Array.isArray(value)) return value.join(', ');
	return String(value);
}
