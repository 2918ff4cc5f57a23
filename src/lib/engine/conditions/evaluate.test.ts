import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate } from '../dates';
import { checkLogic, compileToClosure, compileToFunction, resolveVar, truthy } from '../logic';
import { Random } from '../random';
import { randomData, randomTree } from './testing';
import { apply as referenceApply } from '../../../../tests/support/json-logic-reference';
import { toLogic } from './to-logic';
import type { Comparison, ConditionNode, Group, Operand } from './types';

/**
 * What a tree is meant to say, written straight from the model: groups as all/any/not, dates by
 * the calendar. Values compare with JavaScript's operators, as json-logic-js compares them, except
 * that an order comparison with a missing side (null, absent, NaN, infinite) never holds.
 */
function holds(node: ConditionNode, data: unknown): boolean {
	if (node.kind === 'group') {
		const result =
			node.combinator === 'and'
				? node.children.every((child) => holds(child, data))
				: node.children.some((child) => holds(child, data));
		return node.not ? !result : result;
	}
	return compares(node, data);
}

/**
 * Typed as numbers for the compiler only: the values may be anything, and the oracle must coerce
 * them exactly as JavaScript's operators (and json-logic-js's parseFloat) do.
 */
function valueOf(operand: Operand, data: unknown): number {
	return value(operand, data) as number;
}

function value(operand: Operand, data: unknown): unknown {
	if (operand.kind === 'field') return resolveVar(data, operand.path);
	if (operand.kind === 'constant') return operand.value;
	const left = valueOf(operand.left, data);
	const right = valueOf(operand.right, data);
	switch (operand.op) {
		case '+':
			return parseFloat(left as never) + parseFloat(right as never);
		case '*':
			return parseFloat(left as never) * parseFloat(right as never);
		case '-':
			return left - right;
		case '/':
			return left / right;
	}
}

const missing = (...values: unknown[]) =>
	values.some((v) => v === null || v === undefined || (typeof v === 'number' && !isFinite(v)));

function compares(comparison: Comparison, data: unknown): boolean {
	const left = valueOf(comparison.left, data);
	switch (comparison.op) {
		case 'between': {
			const [low, high] = [valueOf(comparison.low, data), valueOf(comparison.high, data)];
			return !missing(low, left, high) && low <= left && left <= high;
		}
		case 'one_of':
			return comparison.values.includes(left as never);
		case 'is_empty':
			return left === null || left === undefined;
		case 'is_not_empty':
			return left !== null && left !== undefined;
		case 'is_true':
			return (left as unknown) == true;
		case 'is_false':
			return (left as unknown) == false;
		case 'within_last':
		case 'within_next': {
			const date = value(comparison.left, data);
			const reference = resolveVar(data, comparison.reference);
			if (typeof date !== 'string' || typeof reference !== 'string') return false;
			if (!isIsoDate(date) || !isIsoDate(reference)) return false;
			const ahead = daysBetween(reference, date);
			const days = comparison.op === 'within_last' ? -ahead : ahead;
			return days >= 0 && days <= comparison.days;
		}
	}
	const right = valueOf(comparison.right, data);
	const ordered = !missing(left, right);
	switch (comparison.op) {
		case 'lt':
		case 'before':
			return ordered && left < right;
		case 'le':
			return ordered && left <= right;
		case 'gt':
		case 'after':
			return ordered && left > right;
		case 'ge':
			return ordered && left >= right;
		case 'eq':
		case 'is':
			return left == right;
		case 'ne':
		case 'is_not':
			return left != right;
	}
}

const group = (combinator: 'and' | 'or', ...children: ConditionNode[]): Group => ({
	kind: 'group',
	combinator,
	not: false,
	children
});
const field = (path: string): Operand => ({ kind: 'field', path });
const constant = (value: number | string): Operand => ({ kind: 'constant', value });

describe('the JSON-logic of a tree', { timeout: 60_000 }, () => {
	it('means what the tree means, in both engine backends and in json-logic-js (missing operands false)', () => {
		const random = new Random(42);
		let held = 0;
		for (let i = 0; i < 3000; i++) {
			const tree = randomTree(random);
			const logic = toLogic(tree);
			expect(checkLogic(logic)).toEqual([]);
			const closure = compileToClosure(logic);
			const compiled = compileToFunction(logic);
			for (let j = 0; j < 4; j++) {
				const data = randomData(random);
				const expected = holds(tree, data);
				const seen = [
					truthy(closure(data)),
					truthy(compiled(data)),
					truthy(referenceApply(logic, data))
				];
				if (seen.some((value) => value !== expected)) {
					expect({ logic, data, seen }).toEqual({
						logic,
						data,
						seen: [expected, expected, expected]
					});
				}
				if (expected) held++;
			}
		}
		// Both outcomes were common, so the agreement says something.
		expect(held).toBeGreaterThan(2000);
		expect(held).toBeLessThan(10000);
	});

	it('picks the accounts of the Scale segment with 60 % of their seats in use', () => {
		const tree = group(
			'and',
			{ kind: 'comparison', op: 'is', left: field('segment'), right: constant('scale') },
			{
				kind: 'comparison',
				op: 'ge',
				left: {
					kind: 'arithmetic',
					op: '/',
					left: field('seats_active'),
					right: field('seats_purchased')
				},
				right: constant(0.6)
			}
		);
		expect(toLogic(tree)).toEqual({
			and: [
				{ '==': [{ var: 'segment' }, 'scale'] },
				{ '>=': [{ '/': [{ var: 'seats_active' }, { var: 'seats_purchased' }] }, 0.6] }
			]
		});
		const rule = compileToClosure(toLogic(tree));
		const matches = (facts: object) => truthy(rule(facts));
		expect(matches({ segment: 'scale', seats_active: 12, seats_purchased: 20 })).toBe(true);
		expect(matches({ segment: 'scale', seats_active: 11, seats_purchased: 20 })).toBe(false);
		expect(matches({ segment: 'mid', seats_active: 20, seats_purchased: 20 })).toBe(false);
		// 12 / null is Infinity: no seat count, so no penetration to compare (json-logic-js says true).
		expect(matches({ segment: 'scale', seats_active: 12, seats_purchased: null })).toBe(false);
		expect(matches({ segment: 'scale', seats_active: null, seats_purchased: 20 })).toBe(false);
	});

	it('counts "within N days" by the calendar, both ends included, across leap days and years', () => {
		const within = (op: 'within_last' | 'within_next', days: number) =>
			compileToFunction(
				toLogic(
					group('and', { kind: 'comparison', op, left: field('date'), days, reference: 'now' })
				)
			);
		const cases: [string, string, 'within_last' | 'within_next', number, boolean][] = [
			['2026-11-23', '2027-01-22', 'within_next', 60, true],
			['2026-11-23', '2027-01-23', 'within_next', 60, false],
			['2026-11-23', '2026-11-23', 'within_next', 1, true],
			['2026-11-23', '2026-11-22', 'within_next', 60, false],
			['2026-11-23', '2026-09-24', 'within_last', 60, true],
			['2026-11-23', '2026-09-23', 'within_last', 60, false],
			['2026-11-23', '2026-11-24', 'within_last', 60, false],
			['2028-03-01', '2028-02-29', 'within_last', 1, true],
			['2028-03-01', '2028-02-28', 'within_last', 1, false],
			['2100-03-01', '2100-02-28', 'within_last', 1, true],
			['2000-03-01', '2000-02-28', 'within_last', 1, false],
			['2026-12-31', '2027-01-01', 'within_next', 1, true],
			['2026-11-23', '9999-12-31', 'within_next', 365, false]
		];
		for (const [now, date, op, days, expected] of cases) {
			expect(truthy(within(op, days)({ now, date })), `${date} ${op} ${days} of ${now}`).toBe(
				expected
			);
		}
	});

	it('never holds for a missing or malformed date', () => {
		const rule = compileToClosure(
			toLogic(
				group('and', {
					kind: 'comparison',
					op: 'within_last',
					left: field('date'),
					days: 3650,
					reference: 'now'
				})
			)
		);
		for (const date of [null, undefined, '', 'soon', 20261123]) {
			expect(truthy(rule({ now: '2026-11-23', date }))).toBe(false);
		}
		expect(truthy(rule({ date: '2026-11-23' }))).toBe(false);
	});

	it('finds the accounts without a value with "is empty", which no comparison ever matches', () => {
		const adoption = field('score.groups.adoption');
		const rule = (comparison: Comparison) => {
			const logic = toLogic(group('and', comparison));
			const [closure, compiled] = [compileToClosure(logic), compileToFunction(logic)];
			return (data: object) => {
				const seen = [
					truthy(closure(data)),
					truthy(compiled(data)),
					truthy(referenceApply(logic, data))
				];
				expect(new Set(seen).size, JSON.stringify({ logic, data })).toBe(1);
				return seen[0];
			};
		};
		const below50 = rule({ kind: 'comparison', op: 'lt', left: adoption, right: constant(50) });
		const empty = rule({ kind: 'comparison', op: 'is_empty', left: adoption });
		const notEmpty = rule({ kind: 'comparison', op: 'is_not_empty', left: adoption });
		const accounts = [
			{ score: { groups: { adoption: 42 } } },
			{ score: { groups: { adoption: 0 } } },
			{ score: { groups: { adoption: 80 } } },
			{ score: { groups: { adoption: null } } },
			{ score: { groups: {} } },
			{}
		];
		expect(accounts.map(below50)).toEqual([true, true, false, false, false, false]);
		expect(accounts.map(empty)).toEqual([false, false, false, true, true, true]);
		expect(accounts.map(notEmpty)).toEqual([true, true, true, false, false, false]);
		// Text, flags and dates too: an empty string or false is a value.
		const segmentEmpty = rule({ kind: 'comparison', op: 'is_empty', left: field('segment') });
		expect(
			[{ segment: '' }, { segment: 'scale' }, { segment: null }, {}].map(segmentEmpty)
		).toEqual([false, false, true, true]);
		const flagSet = rule({ kind: 'comparison', op: 'is_not_empty', left: field('qbr_attended') });
		expect([{ qbr_attended: false }, { qbr_attended: true }, {}].map(flagSet)).toEqual([
			true,
			true,
			false
		]);
	});

	it('holds for an empty "all of" and not for an empty "any of"', () => {
		expect(compileToClosure(toLogic(group('and')))({})).toBe(true);
		expect(compileToClosure(toLogic(group('or')))({})).toBe(false);
	});
});
