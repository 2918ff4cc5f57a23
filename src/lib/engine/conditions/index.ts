/** The condition builder's model: a tree of AND/OR groups and comparisons, and its JSON-logic. */
export type {
	ArithmeticOperator,
	BinaryOperator,
	BooleanOperator,
	Comparison,
	ComparisonOperator,
	ConditionNode,
	DateOperator,
	Field,
	FieldType,
	Group,
	NumberOperator,
	Operand,
	ParseResult,
	PresenceOperator,
	TextOperator,
	Unsupported
} from './types';
export { toLogic } from './to-logic';
export { fromLogic } from './from-logic';
export {
	ARITHMETIC_OPERATORS,
	isPresenceOperator,
	OPERATORS_BY_TYPE,
	PRESENCE_OPERATORS,
	typeOfOperator
} from './vocabulary';
export { findField, inferFields, labelOf, MAX_CHOICES } from './fields';
export { formatLogic, parseJson, type JsonTextResult } from './json-text';
export { dayNumber } from './day-number';
export * from './edit';
