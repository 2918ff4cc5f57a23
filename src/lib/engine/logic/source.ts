/**
 * The compiler to JavaScript source: a rule becomes one expression that V8 optimises like
 * hand-written code. Whole scorecards are assembled from these expressions (scoring/codegen.ts).
 *
 * Generated code sees `h` (the helpers below), `c` (constants: literal objects and operator
 * functions) and one scratch variable `t`. Every use of `t` reads it right after assigning it, with
 * no evaluation in between, so nested expressions may share it.
 */
import { ge, getOperator, gt, le, lt, resolveVar, truthy } from './operators';
import {
	argumentsOf,
	FORBIDDEN_SEGMENTS,
	isOperation,
	isWholeDataPath,
	operatorOf,
	pathSegments
} from './syntax';
import { isLiteralPath, mayBeUndefined } from './check';
import { UnknownOperatorError } from '../errors';
import type { CompiledLogic, Logic } from './types';

/** Runtime support for generated code; loops over items live here rather than in the source. */
export const helpers = {
	truthy,
	resolveVar,
	lt,
	le,
	gt,
	ge,
	filter(items: unknown, test: (item: unknown) => unknown) {
		return Array.isArray(items) ? items.filter((item) => truthy(test(item))) : [];
	},
	map(items: unknown, each: (item: unknown) => unknown) {
		return Array.isArray(items) ? items.map((item) => each(item)) : [];
	},
	reduce(items: unknown, step: (scope: unknown) => unknown, initial: unknown) {
		if (!Array.isArray(items)) return initial;
		return items.reduce((accumulator, current) => step({ current, accumulator }), initial);
	},
	all(items: unknown, test: (item: unknown) => unknown) {
		if (!Array.isArray(items) || !items.length) return false;
		return items.every((item) => truthy(test(item)));
	},
	none(items: unknown, test: (item: unknown) => unknown) {
		if (!Array.isArray(items) || !items.length) return true;
		return !items.some((item) => truthy(test(item)));
	},
	some(items: unknown, test: (item: unknown) => unknown) {
		if (!Array.isArray(items) || !items.length) return false;
		return items.some((item) => truthy(test(item)));
	}
};

/** What the emitter shares across the expressions of one generated function. */
export class SourceContext {
	readonly constants: unknown[] = [];
	/**
	 * Facts already read into local variables, known to be neither null nor undefined (a scorer
	 * checks a measure's required facts first), so a `var` of them is just the local.
	 */
	readonly bindings = new Map<string, string>();
	#lambdas = 0;

	constant(value: unknown): string {
		let index = this.constants.indexOf(value);
		if (index < 0) index = this.constants.push(value) - 1;
		return `c[${index}]`;
	}

	lambdaParameter(): string {
		return `d${++this.#lambdas}`;
	}
}

/** Operators whose result is always a boolean, so a condition on them needs no truthiness test. */
const BOOLEAN_OPERATORS = new Set([
	'==',
	'===',
	'!=',
	'!==',
	'>',
	'>=',
	'<',
	'<=',
	'!',
	'!!',
	'in',
	'all',
	'none',
	'some'
]);

function isBooleanValued(node: Logic): boolean {
	if (typeof node === 'boolean') return true;
	if (!isOperation(node)) return false;
	const op = operatorOf(node);
	if (op === 'and' || op === 'or') {
		const args = argumentsOf(node);
		return args.length > 0 && args.every(isBooleanValued);
	}
	return BOOLEAN_OPERATORS.has(op);
}

export function literal(value: unknown, context: SourceContext): string {
	if (typeof value === 'number') {
		if (Object.is(value, -0)) return '(-0)';
		return value < 0 ? `(${value})` : String(value);
	}
	if (typeof value === 'string') return JSON.stringify(value);
	if (value === null || typeof value === 'boolean') return String(value);
	if (value === undefined) return 'undefined';
	return context.constant(value);
}

/** A condition, as a JavaScript boolean expression. */
export function condition(
	node: Logic,
	data: string,
	dataIsObject: boolean,
	context: SourceContext
): string {
	const source = emitLogic(node, data, context, dataIsObject);
	return isBooleanValued(node) ? source : `h.truthy(${source})`;
}

/**
 * JavaScript expression for `logic` evaluated on the data held in the variable named `data`.
 * `dataIsObject` says the data is known to be a non-null object (the facts of an account).
 */
export function emitLogic(
	logic: Logic,
	data: string,
	context: SourceContext,
	dataIsObject = false
): string {
	const emit = (node: Logic) => emitLogic(node, data, context, dataIsObject);
	if (Array.isArray(logic)) return `[${logic.map(emit).join(', ')}]`;
	if (!isOperation(logic)) return literal(logic, context);

	const op = operatorOf(logic);
	const args = argumentsOf(logic);
	// A chain of arguments is emitted flat (`a && b && c`), never one conditional inside the next:
	// V8 compiles nested expressions recursively, and a few thousand levels exhaust its stack.
	switch (op) {
		case 'if':
		case '?:': {
			if (args.length <= 1) return args.length ? emit(args[0]!) : 'null';
			if (args.length <= 3) {
				const otherwise = args.length === 3 ? emit(args[2]!) : 'null';
				return `(${condition(args[0]!, data, dataIsObject, context)} ? ${emit(args[1]!)} : ${otherwise})`;
			}
			// The first branch whose condition holds leaves its value in `t`; the last, the default.
			const branches: string[] = [];
			let i = 0;
			for (; i < args.length - 1; i += 2) {
				branches.push(
					`${condition(args[i]!, data, dataIsObject, context)} && (t = ${emit(args[i + 1]!)}, true)`
				);
			}
			branches.push(`(t = ${args.length === i + 1 ? emit(args[i]!) : 'null'}, true)`);
			return `(${branches.join(' || ')}, t)`;
		}
		case 'and':
		case 'or': {
			if (args.length === 0) return 'undefined';
			const last = emit(args[args.length - 1]!);
			if (args.length === 1) return last;
			// Each test keeps the value it tested in `t`: where the chain stops (a falsy value for
			// `and`, a truthy one for `or`), json-logic returns that value; past them all, the last.
			const tests = args.slice(0, -1).map((arg) => {
				const test = isBooleanValued(arg) ? `(t = ${emit(arg)})` : `h.truthy(t = ${emit(arg)})`;
				return op === 'and' ? test : `!${test}`;
			});
			return `(${tests.join(' && ')} ? ${last} : t)`;
		}
		case 'filter':
		case 'map':
		case 'all':
		case 'none':
		case 'some': {
			const parameter = context.lambdaParameter();
			const body = args.length > 1 ? emitLogic(args[1]!, parameter, context, false) : 'undefined';
			return `h.${op}(${args.length > 0 ? emit(args[0]!) : 'undefined'}, (${parameter}) => ${body})`;
		}
		case 'reduce': {
			const parameter = context.lambdaParameter();
			const body = args.length > 1 ? emitLogic(args[1]!, parameter, context, true) : 'undefined';
			const initial = args.length > 2 ? emit(args[2]!) : 'null';
			return `h.reduce(${args.length > 0 ? emit(args[0]!) : 'undefined'}, (${parameter}) => ${body}, ${initial})`;
		}
		case 'var': {
			const fallback = args.length < 2 ? null : args[1];
			if (
				args.length <= 2 &&
				isLiteralPath(args[0]) &&
				!isOperation(fallback) &&
				!Array.isArray(fallback)
			) {
				const bound =
					data === 'f' && dataIsObject ? context.bindings.get(String(args[0])) : undefined;
				if (bound) return bound;
				return emitVar(args[0], literal(fallback, context), data, dataIsObject);
			}
		}
	}
	const operator = getOperator(op);
	if (!operator) throw new UnknownOperatorError(op);
	const emitted = args.map(emit);
	const inline = operator.inline?.(emitted, args.map(mayBeUndefined));
	if (inline !== undefined) return inline;
	return `${context.constant(operator.evaluate)}([${emitted.join(', ')}], ${data})`;
}

function emitVar(
	path: string | number | null | undefined,
	fallback: string,
	data: string,
	dataIsObject: boolean
): string {
	if (isWholeDataPath(path)) return data;
	const segments = pathSegments(path);
	if (segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) return fallback;
	const tests = dataIsObject ? [] : [`(t = ${data}) == null`];
	segments.forEach((segment, index) => {
		const from = index === 0 && dataIsObject ? data : 't';
		if (index > 0) tests.push('t === null');
		tests.push(`(t = ${from}[${JSON.stringify(segment)}]) === undefined`);
	});
	return `(${tests.join(' || ')} ? ${fallback} : t)`;
}

/** Compiles one rule to a JavaScript function (needs `new Function`, i.e. no strict CSP). */
export function compileToFunction(logic: Logic): CompiledLogic {
	const context = new SourceContext();
	const body = emitLogic(logic, 'd', context);
	const factory = new Function('h', 'c', `return function rule(d) { let t; return ${body}; };`);
	return factory(helpers, context.constants) as CompiledLogic;
}

let functionSupport: boolean | undefined;

/** Whether this environment allows `new Function` (a strict Content Security Policy forbids it). */
export function canCompileToFunction(): boolean {
	if (functionSupport === undefined) {
		try {
			functionSupport = new Function('return true')() === true;
		} catch {
			functionSupport = false;
		}
	}
	return functionSupport;
}
