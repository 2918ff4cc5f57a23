import type { Logic } from './types';

/** As json-logic-js: an operation is an object with exactly one key; anything else is a literal. */
export function isOperation(node: unknown): node is { [op: string]: Logic } {
	return (
		typeof node === 'object' &&
		node !== null &&
		!Array.isArray(node) &&
		Object.keys(node).length === 1
	);
}

export function operatorOf(node: { [op: string]: Logic }): string {
	return Object.keys(node)[0]!;
}

/** The argument list of an operation: `{"var": "x"}` is shorthand for `{"var": ["x"]}`. */
export function argumentsOf(node: { [op: string]: Logic }): Logic[] {
	const values = node[operatorOf(node)]!;
	return Array.isArray(values) ? values : [values];
}

/** Operators that decide which of their arguments to evaluate, and on what data. */
export const CONTROL_OPERATORS = new Set([
	'if',
	'?:',
	'and',
	'or',
	'filter',
	'map',
	'reduce',
	'all',
	'none',
	'some'
]);

/** Operators whose second argument is evaluated once per item of the first, with the item as data. */
export const SCOPED_OPERATORS = new Set(['filter', 'map', 'reduce', 'all', 'none', 'some']);

/** Path segments that would reach into an object's prototype machinery. */
export const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** The segments of a `var` path, as json-logic-js splits it. */
export function pathSegments(path: unknown): string[] {
	return String(path).split('.');
}

/** True when the `var` path would take the whole data object rather than a key of it. */
export function isWholeDataPath(path: unknown): boolean {
	return path === undefined || path === '' || path === null;
}
