/**
 * The operator table. Semantics are json-logic-js 2.0.5's, operator for operator, so a rule means
 * the same here as in any other JSON-logic tool built on it; tests compare against it. One
 * deliberate exception: `<`, `<=`, `>`, `>=` (and the between forms) are false when an operand is
 * missing (null, absent, NaN, infinite), where json-logic-js reads null as 0 and so finds
 * `null < 50` true. A play must never fire, nor a scorecard apply, because data is missing.
 * Control operators (`if`, `and`, `map`, …) are part of the grammar and live in the backends.
 */
import { FORBIDDEN_SEGMENTS, isWholeDataPath, pathSegments } from './syntax';

export interface Operator {
	/** Evaluates with the arguments already evaluated, left to right; `data` is the current scope. */
	evaluate: (args: unknown[], data: unknown) => unknown;
	/**
	 * JavaScript source for the compiled backend, given each argument as an expression evaluated
	 * exactly once, in order. Returning undefined falls back to calling `evaluate`.
	 */
	inline?: (args: string[], mayBeUndefined: boolean[]) => string | undefined;
	/** Fewest arguments json-logic-js accepts without throwing. */
	minArgs?: number;
}

/** JSON-logic truthiness: as JavaScript's, except that an empty array is false. */
export function truthy(value: unknown): boolean {
	if (Array.isArray(value) && value.length === 0) return false;
	return !!value;
}

/** Reads a dotted path from data as json-logic-js's `var` does; a prototype path reads nothing. */
export function resolveVar(data: unknown, path: unknown, notFound: unknown = null): unknown {
	if (isWholeDataPath(path)) return data;
	let current = data;
	for (const segment of pathSegments(path)) {
		if (current === null || current === undefined) return notFound;
		if (FORBIDDEN_SEGMENTS.has(segment)) return notFound;
		current = (current as Record<string, unknown>)[segment];
		if (current === undefined) return notFound;
	}
	return current;
}

function missingKeys(data: unknown, args: unknown[]): unknown[] {
	const keys = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
	const missing: unknown[] = [];
	for (const key of keys) {
		// json-logic-js evaluates {"var": key}: an array key is a path with its default.
		const value = Array.isArray(key)
			? resolveVar(data, key[0], key[1] ?? null)
			: resolveVar(data, key);
		if (value === null || value === '') missing.push(key);
	}
	return missing;
}

const parse = (value: unknown) => parseFloat(value as string);

/**
 * Whether a comparison can hold on this value: not null, absent, NaN or ±Infinity. (`v - v` is 0
 * for every finite number and NaN for NaN and the infinities.)
 */
export function comparable(value: unknown): boolean {
	return value != null && (typeof value !== 'number' || value - value === 0);
}

/** `a < b` and its kin as json-logic-js computes them, false when either side is missing. */
export const lt = (a: unknown, b: unknown): boolean =>
	comparable(a) && comparable(b) && (a as number) < (b as number);
export const le = (a: unknown, b: unknown): boolean =>
	comparable(a) && comparable(b) && (a as number) <= (b as number);
export const gt = (a: unknown, b: unknown): boolean =>
	comparable(a) && comparable(b) && (a as number) > (b as number);
export const ge = (a: unknown, b: unknown): boolean =>
	comparable(a) && comparable(b) && (a as number) >= (b as number);

const table = new Map<string, Operator>();

/** Adds an operator (or replaces one) for every backend. */
export function registerOperator(name: string, operator: Operator): void {
	table.set(name, operator);
}

export function getOperator(name: string): Operator | undefined {
	return table.get(name);
}

export function isKnownOperator(name: string): boolean {
	return table.has(name);
}

type Args = unknown[];
const a0 = (args: Args) => args[0] as number;
const a1 = (args: Args) => args[1] as number;

// Inlined only when every argument is used, so each is still evaluated exactly once.
const binary = (symbol: string) => (args: string[]) =>
	args.length > 2 ? undefined : `(${args[0] ?? 'undefined'} ${symbol} ${args[1] ?? 'undefined'})`;
const unary = (template: (arg: string) => string) => (args: string[]) =>
	args.length > 1 ? undefined : template(args[0] ?? 'undefined');

registerOperator('==', { evaluate: (args) => args[0] == args[1], inline: binary('==') });
registerOperator('===', { evaluate: (args) => args[0] === args[1], inline: binary('===') });
registerOperator('!=', { evaluate: (args) => args[0] != args[1], inline: binary('!=') });
registerOperator('!==', { evaluate: (args) => args[0] !== args[1], inline: binary('!==') });
// Comparisons call their helper (`h.lt` in generated code): V8 inlines it, and the missing-value
// test stays in one place. Like json-logic-js, `<` and `<=` read a third argument as a between.
const compared = (name: string) => (args: string[]) =>
	args.length > 2 ? undefined : `h.${name}(${args[0] ?? 'undefined'}, ${args[1] ?? 'undefined'})`;
registerOperator('>', { evaluate: ([a, b]) => gt(a, b), inline: compared('gt') });
registerOperator('>=', { evaluate: ([a, b]) => ge(a, b), inline: compared('ge') });
registerOperator('<', {
	evaluate: ([a, b, c]) => (c === undefined ? lt(a, b) : lt(a, b) && lt(b, c)),
	inline: compared('lt')
});
registerOperator('<=', {
	evaluate: ([a, b, c]) => (c === undefined ? le(a, b) : le(a, b) && le(b, c)),
	inline: compared('le')
});
registerOperator('!!', {
	evaluate: (args) => truthy(args[0]),
	inline: unary((arg) => `h.truthy(${arg})`)
});
registerOperator('!', {
	evaluate: (args) => !truthy(args[0]),
	inline: unary((arg) => `!h.truthy(${arg})`)
});
registerOperator('%', { evaluate: (args) => a0(args) % a1(args), inline: binary('%') });
registerOperator('in', {
	evaluate: ([a, b]) => {
		if (!b || typeof (b as { indexOf?: unknown }).indexOf === 'undefined') return false;
		return (b as { indexOf(x: unknown): number }).indexOf(a) !== -1;
	}
});
registerOperator('cat', { evaluate: (args) => args.join('') });
registerOperator('substr', {
	evaluate: ([source, start, end]) => {
		if ((end as number) < 0) {
			const rest = String(source).substr(start as number);
			return rest.substr(0, rest.length + (end as number));
		}
		return String(source).substr(start as number, end as number);
	}
});
registerOperator('+', {
	evaluate: (args) => args.reduce<number>((sum, value) => parse(sum) + parse(value), 0),
	// parseFloat of a number is the number itself (a running sum from 0 is never -0).
	inline: (args) => `(0 ${args.map((arg) => `+ parseFloat(${arg})`).join(' ')})`
});
registerOperator('*', {
	evaluate: (args) => args.reduce((product, value) => parse(product) * parse(value)),
	inline: (args) =>
		args.length === 2 ? `(parseFloat(${args[0]}) * parseFloat(${args[1]}))` : undefined,
	minArgs: 1
});
registerOperator('-', {
	evaluate: ([a, b]) => (b === undefined ? -(a as number) : (a as number) - (b as number)),
	inline: (args, mayBeUndefined) => {
		if (args.length === 1) return `(-${args[0]})`;
		if (args.length === 2 && !mayBeUndefined[1]) return `(${args[0]} - ${args[1]})`;
		return undefined;
	}
});
registerOperator('/', { evaluate: (args) => a0(args) / a1(args), inline: binary('/') });
// Loops, not `Math.min(...args)`: a spread of a long list passes the engine's argument limit and
// throws. Pairwise Math.min and Math.max coerce and treat NaN and -0 as the spread would.
registerOperator('min', {
	evaluate: (args) => {
		let least = Infinity;
		for (const value of args) least = Math.min(least, value as number);
		return least;
	}
});
registerOperator('max', {
	evaluate: (args) => {
		let most = -Infinity;
		for (const value of args) most = Math.max(most, value as number);
		return most;
	}
});
// As `concat` one after another (an array's items, anything else itself), without its copies.
registerOperator('merge', {
	evaluate: (args) => {
		const all: unknown[] = [];
		for (const value of args) {
			if (Array.isArray(value)) for (const item of value) all.push(item);
			else all.push(value);
		}
		return all;
	}
});
registerOperator('var', {
	evaluate: ([path, fallback], data) =>
		resolveVar(data, path, fallback === undefined ? null : fallback)
});
registerOperator('missing', { evaluate: (args, data) => missingKeys(data, args) });
registerOperator('missing_some', {
	evaluate: ([needCount, options], data) => {
		const missing = missingKeys(data, Array.isArray(options) ? options : [options]);
		return (options as unknown[]).length - missing.length >= (needCount as number) ? [] : missing;
	}
});
