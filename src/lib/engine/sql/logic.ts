/**
 * JSON-logic compiled to one SQL expression, with the engine's semantics (`../logic/operators.ts`):
 * json-logic-js's, JavaScript's coercions included, and a comparison with a missing operand false.
 *
 * SQL is typed where the engine's data is not, so each expression gets one type: a number (a
 * double; NaN and the infinities as IEEE values), a boolean or text, SQL NULL being JavaScript's
 * null. A name's type comes from the data (`./schema.ts`). What SQL cannot mean the same way is
 * refused when the rule is compiled, with its path: arrays and the operators on them, text in
 * arithmetic or compared with a number (JavaScript's conversions of text to numbers and back),
 * nested paths, and `and`/`or`/`if` choosing between values of different types.
 */
import { argumentsOf, isOperation, operatorOf } from '../logic/syntax';
import type { Logic } from '../logic/types';
import type { Dialect } from './dialect';
import { quoteText } from './dialect';
import { SqlCompileError } from './errors';
import type { SqlSchema, SqlType } from './schema';
import { numberLiteral, parseFloatSql, textToNumber, toNumberSql } from './text-numbers';

export interface Typed {
	sql: string;
	/** `null`: the literal null, which takes any type. */
	type: SqlType | 'null';
	/** An argument the rule left out: JavaScript's undefined, NaN as a number, unequal to null. */
	undefined?: true;
}

/** Where a rule's names are read: the row's JSON columns and account columns, in precedence. */
export interface Scope {
	dialect: Dialect;
	schema: SqlSchema;
	/** SQL reading a name's value, of the name's type, SQL NULL when null or absent. */
	read(name: string, type: SqlType): { value: string; present: string };
	/**
	 * A dotted name the data keeps apart (a manual entry's value), its SQL; undefined when the
	 * scope has no such name, for the usual reading of paths.
	 */
	readPath?(name: string, path: string): Typed | undefined;
	/** A name bound to an expression (a logic scoring's `value`), read instead of the data. */
	bound?: { name: string; value: Typed };
}

const NULL: Typed = { sql: 'NULL', type: 'null' };
const UNDEFINED: Typed = { sql: 'NULL', type: 'null', undefined: true };

export class LogicSql {
	constructor(readonly scope: Scope) {}

	get #d(): Dialect {
		return this.scope.dialect;
	}

	/** A number literal, in a form every engine reads as the same double. */
	number(value: number): string {
		return numberLiteral(this.#d, value);
	}

	/** The expression's value. */
	value(logic: Logic, path: string): Typed {
		if (logic === null) return NULL;
		if (typeof logic === 'number') return { sql: this.number(logic), type: 'number' };
		if (typeof logic === 'boolean') return { sql: logic ? 'true' : 'false', type: 'boolean' };
		if (typeof logic === 'string') return { sql: quoteText(logic), type: 'text' };
		if (Array.isArray(logic) || !isOperation(logic))
			throw new SqlCompileError(path, 'lists and objects have no SQL form here');
		const op = operatorOf(logic);
		const args = argumentsOf(logic);
		const at = (i: number) => `${path}.${op}[${i}]`;
		const arg = (i: number) => (i < args.length ? this.value(args[i]!, at(i)) : UNDEFINED);
		switch (op) {
			case 'var':
				return this.#var(args, path);
			case 'if':
			case '?:':
			case 'and':
			case 'or':
				return this.#choice(op, args, path);
			case '!':
				return { sql: `(not ${this.truth(args[0] ?? null, at(0))})`, type: 'boolean' };
			case '!!':
				return { sql: this.truth(args[0] ?? null, at(0)), type: 'boolean' };
			case '==':
			case '!=': {
				const equal = this.#looseEqual(arg(0), arg(1));
				return { sql: op === '==' ? equal : `(not ${equal})`, type: 'boolean' };
			}
			case '===':
			case '!==': {
				const equal = this.#strictEqual(arg(0), arg(1));
				return { sql: op === '===' ? equal : `(not ${equal})`, type: 'boolean' };
			}
			case '<':
			case '<=':
			case '>':
			case '>=':
				return { sql: this.#compare(op, args, path), type: 'boolean' };
			case '+':
				return this.#fold(args, path, ' + ', '0');
			case '*':
				// A product of one is that one, unconverted: the engine's reduce never calls parseFloat.
				return args.length === 1 ? arg(0) : this.#fold(args, path, ' * ', null);
			case '-': {
				if (args.length === 0) return { sql: this.#d.special('NaN'), type: 'number' };
				if (args.length === 1) return { sql: `(- ${this.toNumber(arg(0))})`, type: 'number' };
				return {
					sql: `(${this.toNumber(arg(0))} - ${this.toNumber(arg(1))})`,
					type: 'number'
				};
			}
			case '/':
				return {
					sql: this.#d.divide(this.toNumber(arg(0)), this.toNumber(arg(1))),
					type: 'number'
				};
			case '%':
				return {
					sql: this.#d.remainder(this.toNumber(arg(0)), this.toNumber(arg(1))),
					type: 'number'
				};
			case 'min':
			case 'max':
				return this.#extreme(op, args, path);
			case 'in':
				return { sql: this.#in(args, path), type: 'boolean' };
			case 'cat':
				return {
					sql: `(${[`cast('' as ${this.#d.types.text})`, ...args.map((_, i) => this.#catPart(arg(i), at(i)))].join(' || ')})`,
					type: 'text'
				};
			default:
				throw new SqlCompileError(path, `the operator ${op} has no SQL translation`);
		}
	}

	/** The expression's JSON-logic truthiness, as an SQL boolean that is never NULL. */
	truth(logic: Logic, path: string): string {
		if (isOperation(logic)) {
			const op = operatorOf(logic);
			const args = argumentsOf(logic);
			const at = (i: number) => `${path}.${op}[${i}]`;
			if (op === 'and' || op === 'or') {
				if (args.length === 0) return 'false';
				const parts = args.map((item, i) => this.truth(item, at(i)));
				return `(${parts.join(op === 'and' ? ' and ' : ' or ')})`;
			}
			if (op === 'if' || op === '?:') return this.#ifTruth(args, path, op);
		}
		return this.truthOf(this.value(logic, path));
	}

	truthOf(value: Typed): string {
		switch (value.type) {
			case 'null':
				return 'false';
			case 'boolean':
				return `coalesce(${value.sql}, false)`;
			case 'text':
				return `coalesce(${value.sql} <> '', false)`;
			case 'number':
				return `coalesce(${value.sql} <> 0 and not ${this.#d.isNaN(value.sql)}, false)`;
		}
	}

	/** JavaScript's `Number(x)` (what `-`, `/`, `%`, `min`, `max` and loose comparisons apply). */
	toNumber(value: Typed): string {
		return value.undefined ? this.#d.special('NaN') : toNumberSql(this.#d, value);
	}

	/** JavaScript's `Number(text)` for text that is not null (`./text-numbers.ts`). */
	textNumber(text: string, blankIsZero: boolean): string {
		return textToNumber(this.#d, text, blankIsZero ? this.number(0) : this.#d.special('NaN'));
	}

	/** JavaScript's `parseFloat(x)` (what `+` and `*` apply): NaN for null and booleans. */
	parseFloat(value: Typed): string {
		return parseFloatSql(this.#d, value);
	}

	/** Whether a value can take part in a comparison: not null, NaN or infinite. */
	comparable(value: Typed): string {
		if (value.type === 'null') return 'false';
		if (value.type === 'number') return `coalesce(${value.sql} - ${value.sql} = 0, false)`;
		return `(${value.sql} is not null)`;
	}

	#var(args: Logic[], path: string): Typed {
		const [name, fallback] = args;
		if (typeof name !== 'string' || name === '')
			throw new SqlCompileError(path, 'only a var naming a fact has an SQL form here');
		const bound = this.scope.bound;
		const fallbackValue = fallback === undefined ? NULL : this.value(fallback, `${path}.var[1]`);
		const kept = name.includes('.') ? this.scope.readPath?.(name, path) : undefined;
		if (kept) {
			if (fallback === undefined || fallbackValue.type === 'null' || kept.type === 'null')
				return kept.type === 'null' ? fallbackValue : kept;
			const type = this.#sameType([kept, fallbackValue], path);
			return {
				sql: `(case when ${kept.sql} is not null then ${kept.sql} else ${fallbackValue.sql} end)`,
				type
			};
		}
		if (name.includes('.')) {
			// A path into a name the data never holds reads nothing; into one it holds, SQL cannot go.
			const root = name.split('.')[0]!;
			if (this.scope.schema[root] === undefined && !(bound && bound.name === root))
				return fallbackValue;
			throw new SqlCompileError(path, `${name}: paths into a value have no SQL form here`);
		}
		if (bound && bound.name === name) return bound.value;
		const type = this.scope.schema[name];
		if (type === undefined) return fallbackValue;
		if (type === 'other')
			throw new SqlCompileError(
				path,
				`${name} holds lists, objects or values of several types: SQL reads one type per name`
			);
		const read = this.scope.read(name, type);
		if (fallback === undefined || fallbackValue.type === 'null') return { sql: read.value, type };
		const typed = this.#sameType([{ sql: read.value, type }, fallbackValue], path);
		return {
			sql: `(case when ${read.present} then ${read.value} else ${fallbackValue.sql} end)`,
			type: typed
		};
	}

	/** The one type of values a choice may give: the others must have it, or be the null literal. */
	#sameType(values: Typed[], path: string): SqlType | 'null' {
		let type: SqlType | 'null' = 'null';
		for (const value of values) {
			if (value.type === 'null') continue;
			if (type !== 'null' && type !== value.type)
				throw new SqlCompileError(
					path,
					`its values are of different types (${type} and ${value.type}): SQL gives one type`
				);
			type = value.type;
		}
		return type;
	}

	#choice(op: string, args: Logic[], path: string): Typed {
		const at = (i: number) => `${path}.${op}[${i}]`;
		if (op === 'if' || op === '?:') {
			if (args.length === 0) return NULL;
			const branches: string[] = [];
			const values: Typed[] = [];
			let i = 0;
			for (; i + 1 < args.length; i += 2) {
				const then = this.value(args[i + 1]!, at(i + 1));
				values.push(then);
				branches.push(`when ${this.truth(args[i]!, at(i))} then ${then.sql}`);
			}
			const otherwise = i < args.length ? this.value(args[i]!, at(i)) : NULL;
			values.push(otherwise);
			const type = this.#sameType(values, path);
			if (branches.length === 0) return otherwise;
			return { sql: `(case ${branches.join(' ')} else ${otherwise.sql} end)`, type };
		}
		// `and` gives the first falsy value, else the last; `or` the first truthy, else the last;
		// with nothing to give, undefined.
		if (args.length === 0) return UNDEFINED;
		const values = args.map((item, i) => this.value(item, at(i)));
		const type = this.#sameType(values, path);
		const stops = values
			.slice(0, -1)
			.map((value) => {
				const truth = this.truthOf(value);
				return `when ${op === 'and' ? `not ${truth}` : truth} then ${value.sql}`;
			})
			.join(' ');
		const last = values[values.length - 1]!.sql;
		return { sql: stops ? `(case ${stops} else ${last} end)` : last, type };
	}

	#ifTruth(args: Logic[], path: string, op: string): string {
		const at = (i: number) => `${path}.${op}[${i}]`;
		if (args.length === 0) return 'false';
		const branches: string[] = [];
		let i = 0;
		for (; i + 1 < args.length; i += 2)
			branches.push(
				`when ${this.truth(args[i]!, at(i))} then ${this.truth(args[i + 1]!, at(i + 1))}`
			);
		const otherwise = i < args.length ? this.truth(args[i]!, at(i)) : 'false';
		if (branches.length === 0) return otherwise;
		return `(case ${branches.join(' ')} else ${otherwise} end)`;
	}

	/** `==` as JavaScript's loose equality, on the types SQL has here. */
	#looseEqual(a: Typed, b: Typed): string {
		// undefined == null, as in JavaScript.
		if (a.undefined) a = NULL;
		if (b.undefined) b = NULL;
		if (a.type === 'null' || b.type === 'null' || a.type === b.type) return this.#strictEqual(a, b);
		// Text, a boolean and a number compare as numbers (Number of each); null equals only null.
		const x = this.toNumber(a);
		const equal = `(${x} = ${this.toNumber(b)} and not ${this.#d.isNaN(x)})`;
		return `((${a.sql} is null and ${b.sql} is null) or (${a.sql} is not null and ${b.sql} is not null and ${equal}))`;
	}

	/** `===`: the same type and value (NaN equals nothing); null equals only null. */
	#strictEqual(a: Typed, b: Typed): string {
		if (a.undefined || b.undefined) return a.undefined && b.undefined ? 'true' : 'false';
		if (a.type === 'null' && b.type === 'null') return 'true';
		if (a.type === 'null') return `(${b.sql} is null)`;
		if (b.type === 'null') return `(${a.sql} is null)`;
		const bothNull = `(${a.sql} is null and ${b.sql} is null)`;
		if (a.type !== b.type) return bothNull;
		const equal =
			a.type === 'number'
				? `(${a.sql} = ${b.sql} and not ${this.#d.isNaN(a.sql)})`
				: a.type === 'text'
					? `(${a.sql}${this.#d.binary} = ${b.sql})`
					: `(${a.sql} = ${b.sql})`;
		return `(${bothNull} or coalesce(${equal}, false))`;
	}

	/** `<` and its kin: false when an operand is missing; `<` and `<=` with three are a between. */
	#compare(op: '<' | '<=' | '>' | '>=', args: Logic[], path: string): string {
		const at = (i: number) => `${path}.${op}[${i}]`;
		const values = args.slice(0, 3).map((item, i) => this.value(item, at(i)));
		while (values.length < 2) values.push(NULL);
		const pair = (a: Typed, b: Typed) => {
			const holds = `${this.comparable(a)} and ${this.comparable(b)}`;
			if (a.type === 'text' && b.type === 'text') {
				return `(${holds} and ${a.sql}${this.#d.binary} ${op} ${b.sql})`;
			}
			// Otherwise JavaScript compares numbers: text that is no number (NaN) compares false.
			const x = this.toNumber(a);
			const y = this.toNumber(b);
			return `(${holds} and ${x} - ${x} = 0 and ${y} - ${y} = 0 and ${x} ${op} ${y})`;
		};
		if (values.length === 3 && (op === '<' || op === '<='))
			return `(${pair(values[0]!, values[1]!)} and ${pair(values[1]!, values[2]!)})`;
		return pair(values[0]!, values[1]!);
	}

	/** `+` (from 0) and `*` (from its first): each argument through parseFloat, in order. */
	#fold(args: Logic[], path: string, symbol: string, start: string | null): Typed {
		const op = symbol.trim();
		const parts = args.map((item, i) => this.parseFloat(this.value(item, `${path}.${op}[${i}]`)));
		if (start !== null) parts.unshift(this.number(Number(start)));
		if (parts.length === 0) return { sql: this.#d.special('NaN'), type: 'number' };
		return { sql: `(${parts.join(symbol)})`, type: 'number' };
	}

	/** `min` and `max` as Math.min and Math.max: a NaN argument makes NaN. */
	#extreme(op: 'min' | 'max', args: Logic[], path: string): Typed {
		let result = this.number(op === 'min' ? Infinity : -Infinity);
		args.forEach((item, i) => {
			const x = this.toNumber(this.value(item, `${path}.${op}[${i}]`));
			const pick = op === 'min' ? 'least' : 'greatest';
			result = `(case when ${this.#d.isNaN(x)} or ${this.#d.isNaN(result)} then ${this.#d.special('NaN')} else ${pick}(${result}, ${x}) end)`;
		});
		return { sql: result, type: 'number' };
	}

	/** `in`: an item of a literal list (strictly equal), or a part of a text. */
	#in(args: Logic[], path: string): string {
		const needle = args.length > 0 ? this.value(args[0]!, `${path}.in[0]`) : UNDEFINED;
		const haystack = args[1];
		if (Array.isArray(haystack)) {
			const items = haystack.map((item, i) => this.value(item, `${path}.in[1][${i}]`));
			if (items.length === 0) return 'false';
			return `(${items.map((item) => this.#strictEqual(needle, item)).join(' or ')})`;
		}
		const text = this.value(haystack ?? null, `${path}.in[1]`);
		if (text.type === 'null') return 'false';
		if (text.type !== 'text' || needle.type !== 'text')
			throw new SqlCompileError(
				path,
				'in has an SQL form for a list written in the rule, or text in text'
			);
		return `coalesce(strpos(${text.sql}, ${needle.sql}) > 0, false)`;
	}

	#catPart(value: Typed, path: string): string {
		if (value.type === 'null') return `cast('' as ${this.#d.types.text})`;
		if (value.type === 'text') return `coalesce(${value.sql}, '')`;
		throw new SqlCompileError(path, 'cat of numbers or booleans has no SQL form here');
	}
}
