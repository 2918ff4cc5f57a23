/**
 * The compiler that needs no `eval`: a rule becomes a tree of closures, built once, so pages under
 * a strict Content Security Policy still never re-read the JSON per account.
 */
import { getOperator, resolveVar, truthy } from './operators';
import { argumentsOf, isOperation, operatorOf } from './syntax';
import { isLiteralPath } from './check';
import { UnknownOperatorError } from '../errors';
import type { CompiledLogic, Logic } from './types';

export function compileToClosure(logic: Logic): CompiledLogic {
	if (Array.isArray(logic)) {
		const items = logic.map(compileToClosure);
		return (data) => items.map((item) => item(data));
	}
	if (!isOperation(logic)) return () => logic;
	const op = operatorOf(logic);
	const args = argumentsOf(logic).map(compileToClosure);
	const raw = argumentsOf(logic);
	switch (op) {
		case 'if':
		case '?:':
			return (data) => {
				let i = 0;
				for (; i < args.length - 1; i += 2) {
					if (truthy(args[i]!(data))) return args[i + 1]!(data);
				}
				return args.length === i + 1 ? args[i]!(data) : null;
			};
		case 'and':
			return (data) => {
				let current: unknown;
				for (const arg of args) {
					current = arg(data);
					if (!truthy(current)) return current;
				}
				return current;
			};
		case 'or':
			return (data) => {
				let current: unknown;
				for (const arg of args) {
					current = arg(data);
					if (truthy(current)) return current;
				}
				return current;
			};
		case 'filter':
		case 'map':
		case 'all':
		case 'none':
		case 'some':
			return compileScoped(op, args);
		case 'reduce': {
			const [source, step = () => undefined, initial] = args;
			return (data) => {
				const items = source ? source(data) : undefined;
				const start = initial ? initial(data) : null;
				if (!Array.isArray(items)) return start;
				return items.reduce((accumulator, current) => step({ current, accumulator }), start);
			};
		}
		case 'var':
			if (isLiteralPath(raw[0]) && raw.length < 2) {
				const path = raw[0];
				return (data) => resolveVar(data, path, null);
			}
	}
	const operator = getOperator(op);
	if (!operator) throw new UnknownOperatorError(op);
	const evaluate = operator.evaluate;
	if (args.length === 1) {
		const [a] = args as [CompiledLogic];
		return (data) => evaluate([a(data)], data);
	}
	if (args.length === 2) {
		const [a, b] = args as [CompiledLogic, CompiledLogic];
		return (data) => evaluate([a(data), b(data)], data);
	}
	return (data) =>
		evaluate(
			args.map((arg) => arg(data)),
			data
		);
}

function compileScoped(op: string, args: CompiledLogic[]): CompiledLogic {
	const source = args[0] ?? (() => undefined);
	const test = args[1] ?? (() => undefined);
	switch (op) {
		case 'filter':
			return (data) => {
				const items = source(data);
				return Array.isArray(items) ? items.filter((item) => truthy(test(item))) : [];
			};
		case 'map':
			return (data) => {
				const items = source(data);
				return Array.isArray(items) ? items.map((item) => test(item)) : [];
			};
		case 'all':
			return (data) => {
				const items = source(data);
				if (!Array.isArray(items) || !items.length) return false;
				return items.every((item) => truthy(test(item)));
			};
		case 'none':
			return (data) => {
				const items = source(data);
				if (!Array.isArray(items) || !items.length) return true;
				return !items.some((item) => truthy(test(item)));
			};
		default:
			return (data) => {
				const items = source(data);
				if (!Array.isArray(items) || !items.length) return false;
				return items.some((item) => truthy(test(item)));
			};
	}
}
