/**
 * How a mapped column's cells are read, and what a cell that does not read is called: a field by
 * its type, a free column (a fact or a metric) by the value type the person chose.
 */
import { outcomeOf } from './outcome-types';
import type { ColumnMapping, FieldType, RowProblem, ValueType } from './types';
import {
	INVALID,
	readAuto,
	readDate,
	readDateTime,
	readEmail,
	readFlag,
	readList,
	readMetric,
	readNumber
} from './values';

export type Reader = (text: string) => unknown;

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

export function fieldReader(
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

export function extraReader(type: ValueType, decimalComma: boolean): [Reader, RowProblem] {
	switch (type) {
		case 'metric':
			return [(text) => readMetric(text, decimalComma), 'not_a_metric'];
		case 'auto':
			return [(text) => readAuto(text, decimalComma), 'not_a_metric'];
		case 'text':
			return [(text) => (text === '' ? undefined : text), 'not_a_metric'];
	}
}
