/** Which operators each field type offers, and the JSON-logic operator each one is written with. */
import type { BinaryOperator, ComparisonOperator, FieldType, PresenceOperator } from './types';

export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly ComparisonOperator[]>> = {
	number: ['lt', 'le', 'gt', 'ge', 'eq', 'ne', 'between'],
	text: ['is', 'is_not', 'one_of'],
	boolean: ['is_true', 'is_false'],
	date: ['before', 'after', 'within_last', 'within_next']
};

const TYPE_OF_OPERATOR = new Map<ComparisonOperator, FieldType>(
	Object.entries(OPERATORS_BY_TYPE).flatMap(([type, operators]) =>
		operators.map((op) => [op, type as FieldType] as const)
	)
);

/** "is empty" and "is not empty": offered for a field of any type, after its type's own. */
export const PRESENCE_OPERATORS: readonly PresenceOperator[] = ['is_empty', 'is_not_empty'];

export function isPresenceOperator(op: ComparisonOperator): op is PresenceOperator {
	return op === 'is_empty' || op === 'is_not_empty';
}

/**
 * The field type an operator belongs to: every operator but the presence ones belongs to exactly
 * one; those fit every type (undefined).
 */
export function typeOfOperator(op: ComparisonOperator): FieldType | undefined {
	return TYPE_OF_OPERATOR.get(op);
}

/** The JSON-logic operator of each two-sided comparison. */
export const JSON_OPERATOR: Readonly<Record<BinaryOperator, string>> = {
	lt: '<',
	le: '<=',
	gt: '>',
	ge: '>=',
	eq: '==',
	ne: '!=',
	is: '==',
	is_not: '!=',
	before: '<',
	after: '>'
};

/** The two-sided comparison a JSON-logic operator stands for, given the left side's type. */
export function binaryOperatorFor(jsonOp: string, type: FieldType): BinaryOperator | undefined {
	for (const op of OPERATORS_BY_TYPE[type]) {
		if (JSON_OPERATOR[op as BinaryOperator] === jsonOp) return op as BinaryOperator;
	}
	return undefined;
}

export const ARITHMETIC_OPERATORS = ['+', '-', '*', '/'] as const;
