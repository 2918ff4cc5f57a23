/**
 * JSON-logic read back into the condition tree, when the tree can say exactly what the rule says;
 * otherwise the reason and where, so the caller keeps the rule as JSON. It reads what `toLogic`
 * writes, and a few hand-written forms that mean the same: `{"var": ["x"]}`, a comparison without
 * an `and` around it, `{"!": comparison}`, `+`/`*` with more than two terms, and `null` on the
 * left of an "is empty" test (`{"==": [null, {"var": "x"}]}`).
 */
import { isIsoDate } from '../dates';
import type { Logic } from '../logic';
import { argumentsOf, isOperation, operatorOf } from '../logic/syntax';
import { dayNumberPath } from './day-number';
import type {
	Comparison,
	ConditionNode,
	Field,
	FieldType,
	Group,
	Operand,
	ParseResult,
	Unsupported
} from './types';
import { binaryOperatorFor } from './vocabulary';

type Path = (string | number)[];
type Step<T> = { ok: true; value: T } | { ok: false; reason: Unsupported };
type Operation = { [op: string]: Logic };

const done = <T>(value: T): Step<T> => ({ ok: true, value });
const fail = <T>(code: Unsupported['code'], path: Path, subject?: string): Step<T> => ({
	ok: false,
	reason: subject === undefined ? { code, path } : { code, path, subject }
});

/** Where argument `index` of `node` sits, as `checkLogic` names paths. */
const argumentPath = (node: Operation, path: Path, index: number): Path =>
	Array.isArray(node[operatorOf(node)])
		? [...path, operatorOf(node), index]
		: [...path, operatorOf(node)];

const isGroupLogic = (node: Logic) =>
	typeof node === 'boolean' || (isOperation(node) && ['and', 'or', '!'].includes(operatorOf(node)));

/** Parses a rule over `fields` (the types of the fields decide what `<` or `==` means). */
export function fromLogic(logic: Logic, fields: readonly Field[]): ParseResult {
	const reader = new Reader(new Map(fields.map((field) => [field.path, field.type])));
	const step: Step<Group> = isGroupLogic(logic)
		? reader.group(logic, [])
		: map(reader.comparison(logic, []), (only) => ({
				kind: 'group',
				combinator: 'and',
				not: false,
				children: [only]
			}));
	return step.ok ? { ok: true, tree: step.value } : step;
}

function map<T, U>(step: Step<T>, next: (value: T) => U): Step<U> {
	return step.ok ? done(next(step.value)) : step;
}

function all<T>(steps: Step<T>[]): Step<T[]> {
	const values: T[] = [];
	for (const step of steps) {
		if (!step.ok) return step;
		values.push(step.value);
	}
	return done(values);
}

class Reader {
	readonly #types: Map<string, FieldType>;

	constructor(types: Map<string, FieldType>) {
		this.#types = types;
	}

	group(logic: Logic, path: Path): Step<Group> {
		if (typeof logic === 'boolean') {
			return done({ kind: 'group', combinator: logic ? 'and' : 'or', not: false, children: [] });
		}
		const node = logic as Operation;
		const op = operatorOf(node);
		const args = argumentsOf(node);
		if (op === '!') {
			const inner = args[0];
			if (args.length !== 1 || inner === undefined) return fail('shape', path, op);
			const innerPath = argumentPath(node, path, 0);
			if (isOperation(inner) && operatorOf(inner) === '!') return fail('shape', innerPath, op);
			const body: Step<Group> = isGroupLogic(inner)
				? this.group(inner, innerPath)
				: map(this.comparison(inner, innerPath), (only) => ({
						kind: 'group',
						combinator: 'and',
						not: false,
						children: [only]
					}));
			return map(body, (group) => ({ ...group, not: true }));
		}
		// json-logic's empty `and`/`or` is undefined (false); an empty group here holds for `and`.
		if (args.length === 0) return fail('empty', path, op);
		const children = all(args.map((arg, index) => this.node(arg, argumentPath(node, path, index))));
		return map(children, (list) => ({
			kind: 'group',
			combinator: op as 'and' | 'or',
			not: false,
			children: list
		}));
	}

	node(logic: Logic, path: Path): Step<ConditionNode> {
		return isGroupLogic(logic) ? this.group(logic, path) : this.comparison(logic, path);
	}

	comparison(logic: Logic, path: Path): Step<Comparison> {
		if (!isOperation(logic)) return fail('literal', path);
		const op = operatorOf(logic);
		const args = argumentsOf(logic);
		const at = (index: number) => argumentPath(logic, path, index);
		if (op === 'in') return this.#oneOf(args, path, at);
		if (op === '<=' && args.length === 3)
			return this.#within(args, path) ?? this.#between(args, at);
		if (!['==', '!=', '<', '<=', '>', '>='].includes(op)) return fail('operator', path, op);
		if (args.length !== 2) return fail('shape', path, op);
		if ((op === '==' || op === '!=') && (args[0] === null || args[1] === null)) {
			const side = args[1] === null ? 0 : 1;
			return this.#presence(op, args[side]!, at(side));
		}
		if (op === '==' && typeof args[1] === 'boolean') return this.#flag(args[0]!, args[1], at);

		const left = this.#side(args[0]!, at(0));
		if (!left.ok) return left;
		const right = this.operand(args[1]!, at(1));
		if (!right.ok) return right;
		const type = this.#leftType(left.value, op, right.value);
		const binary = type && binaryOperatorFor(op, type);
		if (!type || !binary) return fail('type', path, subjectOf(left.value) ?? op);
		if (!this.#fits(right.value, type)) return fail('type', at(1), subjectOf(left.value));
		return done({ kind: 'comparison', op: binary, left: left.value, right: right.value });
	}

	/** A field, a number, text, or arithmetic over numbers and number fields. */
	operand(logic: Logic, path: Path): Step<Operand> {
		if (typeof logic === 'number' || typeof logic === 'string') {
			return done({ kind: 'constant', value: logic });
		}
		if (!isOperation(logic)) return fail('shape', path);
		const op = operatorOf(logic);
		const args = argumentsOf(logic);
		if (op === 'var') {
			const name = args[0];
			if (args.length !== 1 || typeof name !== 'string' || name === '') {
				return fail('shape', path, op);
			}
			return done({ kind: 'field', path: name });
		}
		if (op !== '+' && op !== '-' && op !== '*' && op !== '/') return fail('operator', path, op);
		// `+` and `*` take any number of terms: a + b + c is read as (a + b) + c, the same sum.
		const variadic = op === '+' || op === '*';
		if (variadic ? args.length < 2 : args.length !== 2) return fail('shape', path, op);
		const terms = all(
			args.map((arg, index) => {
				const term = this.operand(arg, argumentPath(logic, path, index));
				if (term.ok && !this.#fits(term.value, 'number')) {
					return fail<Operand>('type', argumentPath(logic, path, index), subjectOf(term.value));
				}
				return term;
			})
		);
		if (!terms.ok) return terms;
		const [first, ...rest] = terms.value;
		return done(
			rest.reduce<Operand>((left, right) => ({ kind: 'arithmetic', op, left, right }), first!)
		);
	}

	/** The left side of a comparison: a field or arithmetic, never a constant. */
	#side(logic: Logic, path: Path): Step<Operand> {
		const side = this.operand(logic, path);
		if (side.ok && side.value.kind === 'constant') return fail('shape', path);
		return side;
	}

	/** `{"==": [{"var": x}, null]}` (is empty) or `!=` (is not empty), on a field of any type. */
	#presence(op: '==' | '!=', left: Logic, path: Path): Step<Comparison> {
		const side = this.operand(left, path);
		if (!side.ok) return side;
		if (side.value.kind !== 'field') return fail('shape', path, op);
		return done({
			kind: 'comparison',
			op: op === '==' ? 'is_empty' : 'is_not_empty',
			left: side.value
		});
	}

	#flag(left: Logic, value: boolean, at: (index: number) => Path): Step<Comparison> {
		const side = this.#side(left, at(0));
		if (!side.ok) return side;
		if (side.value.kind !== 'field' || !this.#fits(side.value, 'boolean')) {
			return fail('type', at(0), subjectOf(side.value));
		}
		return done({ kind: 'comparison', op: value ? 'is_true' : 'is_false', left: side.value });
	}

	#oneOf(args: Logic[], path: Path, at: (index: number) => Path): Step<Comparison> {
		const values = args[1];
		if (args.length !== 2 || !Array.isArray(values)) return fail('shape', path, 'in');
		if (!values.every((value) => typeof value === 'string')) return fail('shape', at(1), 'in');
		const left = this.#side(args[0]!, at(0));
		if (!left.ok) return left;
		if (left.value.kind !== 'field' || !this.#fits(left.value, 'text')) {
			return fail('type', at(0), subjectOf(left.value));
		}
		return done({ kind: 'comparison', op: 'one_of', left: left.value, values: [...values] });
	}

	/** `{"<=": [0, {"-": [day(reference), day(date)]}, N]}` or `[-N, …, 0]`; else undefined. */
	#within(args: Logic[], path: Path): Step<Comparison> | undefined {
		const difference = args[1]!;
		if (!isOperation(difference) || operatorOf(difference) !== '-') return undefined;
		const days = argumentsOf(difference);
		if (days.length !== 2) return undefined;
		const reference = dayNumberPath(days[0]!);
		const date = dayNumberPath(days[1]!);
		if (reference === undefined || date === undefined) return undefined;
		const [low, , high] = args;
		const last = low === 0 && isWholeDays(high);
		const next = high === 0 && isWholeDays(typeof low === 'number' ? -low : undefined);
		if (!last && !next) return fail('shape', path, '<=');
		for (const name of [date, reference]) {
			if (!this.#fits({ kind: 'field', path: name }, 'date')) return fail('type', path, name);
		}
		return done({
			kind: 'comparison',
			op: last ? 'within_last' : 'within_next',
			left: { kind: 'field', path: date },
			days: last ? (high as number) : -(low as number),
			reference
		});
	}

	#between(args: Logic[], at: (index: number) => Path): Step<Comparison> {
		const left = this.#side(args[1]!, at(1));
		if (!left.ok) return left;
		const bounds = all([this.operand(args[0]!, at(0)), this.operand(args[2]!, at(2))]);
		if (!bounds.ok) return bounds;
		const [low, high] = bounds.value as [Operand, Operand];
		if (!this.#fits(left.value, 'number')) return fail('type', at(1), subjectOf(left.value));
		for (const [bound, index] of [
			[low, 0],
			[high, 2]
		] as const) {
			if (!this.#fits(bound, 'number')) return fail('type', at(index), subjectOf(left.value));
		}
		return done({ kind: 'comparison', op: 'between', left: left.value, low, high });
	}

	/** The left side's type: the field's own, or for a field not in the list, what fits the rest. */
	#leftType(left: Operand, op: string, right: Operand): FieldType | undefined {
		if (left.kind === 'arithmetic') return 'number';
		const known = left.kind === 'field' ? this.#types.get(left.path) : undefined;
		if (known) return known;
		const candidates: FieldType[] = ['number', 'date', 'text'];
		return candidates.find((type) => binaryOperatorFor(op, type) && this.#fits(right, type));
	}

	/** Whether an operand can stand where a value of `type` is expected (unknown fields can). */
	#fits(operand: Operand, type: FieldType): boolean {
		switch (operand.kind) {
			case 'field': {
				const known = this.#types.get(operand.path);
				return known === undefined || known === type;
			}
			case 'constant':
				if (typeof operand.value === 'number') return type === 'number';
				return type === 'text' || (type === 'date' && isIsoDate(operand.value));
			case 'arithmetic':
				return type === 'number';
		}
	}
}

const isWholeDays = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= 1;

const subjectOf = (operand: Operand): string | undefined =>
	operand.kind === 'field' ? operand.path : undefined;
