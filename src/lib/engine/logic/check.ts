/** Static questions about a rule, answered once when a workspace is loaded. */
import { deeperThan, MAX_RULE_ARRAY, MAX_RULE_DEPTH } from '../limits';
import { isKnownOperator, getOperator } from './operators';
import {
	argumentsOf,
	CONTROL_OPERATORS,
	FORBIDDEN_SEGMENTS,
	isOperation,
	isWholeDataPath,
	operatorOf,
	pathSegments,
	SCOPED_OPERATORS
} from './syntax';
import { problem } from '../problems';
import type { Logic, LogicProblem } from './types';

/** True when the path argument of a `var` is a constant, so it can be resolved at compile time. */
export function isLiteralPath(path: unknown): path is string | number | null | undefined {
	return (
		path === undefined || path === null || typeof path === 'string' || typeof path === 'number'
	);
}

function tooLong(list: readonly unknown[], path: (string | number)[]): LogicProblem {
	return {
		path,
		...problem('rule_list_too_long', { count: list.length, maximum: MAX_RULE_ARRAY })
	};
}

/**
 * Unknown operators, unsafe `var` paths, calls json-logic-js would throw on, and rules past the
 * stated limits (nesting, list length), with their paths. A rule nested too deep is reported at its
 * root, alone: it is measured without recursion, and nothing recursive then looks at it.
 */
export function checkLogic(logic: Logic): LogicProblem[] {
	if (deeperThan(logic, MAX_RULE_DEPTH))
		return [{ path: [], ...problem('too_deep', { maximum: MAX_RULE_DEPTH }) }];
	const problems: LogicProblem[] = [];
	const visit = (node: Logic, path: (string | number)[]) => {
		if (Array.isArray(node)) {
			if (node.length > MAX_RULE_ARRAY) problems.push(tooLong(node, path));
			else node.forEach((item, index) => visit(item, [...path, index]));
			return;
		}
		if (!isOperation(node)) return;
		const op = operatorOf(node);
		const raw = node[op];
		if (Array.isArray(raw) && raw.length > MAX_RULE_ARRAY) {
			problems.push(tooLong(raw, [...path, op]));
			return;
		}
		const args = argumentsOf(node);
		const argPath = (index: number) =>
			Array.isArray(node[op]) ? [...path, op, index] : [...path, op];
		if (!CONTROL_OPERATORS.has(op) && !isKnownOperator(op)) {
			problems.push({ path: [...path, op], ...problem('unknown_operator', { operator: op }) });
			return;
		}
		const minArgs = getOperator(op)?.minArgs ?? 0;
		if (args.length < minArgs) {
			problems.push({
				path: [...path, op],
				...problem('too_few_arguments', { operator: op, minimum: minArgs })
			});
		}
		if (op === 'var' && isLiteralPath(args[0]) && !isWholeDataPath(args[0])) {
			const bad = pathSegments(args[0]).find((segment) => FORBIDDEN_SEGMENTS.has(segment));
			if (bad) problems.push({ path: argPath(0), ...problem('forbidden_var', { name: bad }) });
		}
		args.forEach((arg, index) => visit(arg, argPath(index)));
	};
	visit(logic, []);
	return problems;
}

/**
 * The fact names a rule reads with a plain `{"var": "x"}` (no default), outside the per-item
 * logic of `map`, `filter` and the like. When any of them is null or absent, a measure is missing.
 */
export function requiredVars(logic: Logic): string[] {
	const found = new Set<string>();
	const visit = (node: Logic) => {
		if (Array.isArray(node)) return node.forEach(visit);
		if (!isOperation(node)) return;
		const op = operatorOf(node);
		const args = argumentsOf(node);
		if (op === 'var') {
			if (args.length < 2 && isLiteralPath(args[0]) && !isWholeDataPath(args[0])) {
				found.add(String(args[0]));
			}
		}
		args.forEach((arg, index) => {
			if (!(SCOPED_OPERATORS.has(op) && index === 1)) visit(arg);
		});
	};
	visit(logic);
	return [...found];
}

/** Every literal `var` path a rule reads, with or without a default (for coverage and field lists). */
export function varsRead(logic: Logic): string[] {
	const found = new Set<string>();
	const visit = (node: Logic, scoped: boolean) => {
		if (Array.isArray(node)) return node.forEach((item) => visit(item, scoped));
		if (!isOperation(node)) return;
		const op = operatorOf(node);
		const args = argumentsOf(node);
		if (op === 'var' && !scoped && isLiteralPath(args[0]) && !isWholeDataPath(args[0])) {
			found.add(String(args[0]));
		}
		args.forEach((arg, index) => visit(arg, scoped || (SCOPED_OPERATORS.has(op) && index === 1)));
	};
	visit(logic, false);
	return [...found];
}

/**
 * Whether a rule can evaluate to `undefined`: an empty `and`/`or`, a choice among such, or the
 * whole data of a scope whose items may be undefined. The compiled backend inlines `-` only when
 * its second argument cannot.
 */
export function mayBeUndefined(node: Logic): boolean {
	if (!isOperation(node)) return false;
	const op = operatorOf(node);
	const args = argumentsOf(node);
	if (op === 'and' || op === 'or') return args.length === 0 || args.some(mayBeUndefined);
	if (op === 'if' || op === '?:' || op === 'reduce') return args.some(mayBeUndefined);
	if (op === 'var') return isWholeDataPath(args[0]);
	return false;
}
