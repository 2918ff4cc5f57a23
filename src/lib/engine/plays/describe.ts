/** Plays' conditions as readable text, and which of them held for an account, with the values seen. */
import {
	compileToClosure,
	resolveVar,
	truthy,
	varsRead,
	type CompiledLogic,
	type Logic
} from '../logic';
import type { ConditionOutcome } from './types';

const INFIX = new Set(['<', '<=', '>', '>=', '==', '===', '!=', '!==', '+', '-', '*', '/', '%']);

function isOperation(node: Logic): node is Record<string, Logic> {
	return (
		typeof node === 'object' &&
		node !== null &&
		!Array.isArray(node) &&
		Object.keys(node).length === 1
	);
}

function args(value: Logic): Logic[] {
	return Array.isArray(value) ? value : [value];
}

/** `{"<": [{"var": "score.groups.adoption"}, 60]}` → `score.groups.adoption < 60`. */
export function describeRule(rule: Logic): string {
	if (!isOperation(rule)) return JSON.stringify(rule);
	const [op, value] = Object.entries(rule)[0]!;
	const operands = args(value);
	if (op === 'var') {
		const path = operands[0];
		return typeof path === 'string' || typeof path === 'number' ? String(path) : 'data';
	}
	const inner = (node: Logic) => {
		const text = describeRule(node);
		return isOperation(node) &&
			(INFIX.has(Object.keys(node)[0]!) || ['and', 'or'].includes(Object.keys(node)[0]!))
			? `(${text})`
			: text;
	};
	if ((op === '<' || op === '<=') && operands.length === 3)
		return `${inner(operands[0]!)} ${op} ${inner(operands[1]!)} ${op} ${inner(operands[2]!)}`;
	if (INFIX.has(op) && operands.length === 2)
		return `${inner(operands[0]!)} ${op} ${inner(operands[1]!)}`;
	if (op === 'and' || op === 'or') return operands.map(inner).join(` ${op} `);
	if (op === '!' || op === '!!') return `${op === '!' ? 'not' : 'is'} ${inner(operands[0]!)}`;
	if (op === 'in' && operands.length === 2)
		return `${inner(operands[0]!)} in ${describeRule(operands[1]!)}`;
	return `${op}(${operands.map(describeRule).join(', ')})`;
}

/** A value as a reason shows it: numbers to one decimal, text quoted. */
export function showValue(value: unknown): string {
	if (value === undefined || value === null) return 'none';
	if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(1);
	return JSON.stringify(value);
}

interface CompiledCondition {
	text: string;
	paths: string[];
	test: CompiledLogic;
}

/** A play's `when`, split into the conditions a reason lists: the children of a top-level `and`. */
export class ConditionExplainer {
	readonly #whole: CompiledLogic;
	readonly #conditions: CompiledCondition[];

	constructor(when: Logic) {
		this.#whole = compileToClosure(when);
		const parts = isOperation(when) && 'and' in when ? args(when.and) : [when];
		this.#conditions = parts.map((part) => ({
			text: describeRule(part),
			paths: varsRead(part),
			test: compileToClosure(part)
		}));
	}

	holds(context: unknown): boolean {
		return truthy(this.#whole(context));
	}

	explain(context: unknown): ConditionOutcome[] {
		return this.#conditions.map(({ text, paths, test }) => ({
			text,
			held: truthy(test(context)),
			values: Object.fromEntries(paths.map((path) => [path, resolveVar(context, path) ?? null]))
		}));
	}
}

/** One line: each condition that held, with the values it read. */
export function reasonLine(conditions: readonly ConditionOutcome[]): string {
	const held = conditions.filter((condition) => condition.held);
	if (held.length === 0) return 'always (no condition)';
	return held
		.map((condition) => {
			const values = Object.entries(condition.values)
				.map(([path, value]) => `${path} = ${showValue(value)}`)
				.join(', ');
			return values ? `${condition.text} (${values})` : condition.text;
		})
		.join('; ');
}
