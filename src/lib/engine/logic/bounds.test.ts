/**
 * Rules at and past the stated limits: refused by `checkLogic` with their paths, and within them
 * evaluated by both backends without running out of stack (no spread of long lists, no
 * conditional nested per argument in generated code).
 */
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { checkLogic, compileToClosure, compileToFunction, type Logic } from '.';
import { MAX_RULE_ARRAY, MAX_RULE_DEPTH } from '../limits';

const BACKENDS = { closure: compileToClosure, function: compileToFunction };

/** `{"+": [{"+": [… {"var": "x"} …, 1]}, 1]}`: `operations` levels of operation (2 JSON levels each). */
function nestedSum(operations: number): Logic {
	let rule: Logic = { var: 'x' };
	for (let i = 0; i < operations; i++) rule = { '+': [rule, 1] };
	return rule;
}

describe('checkLogic refuses rules past the limits', () => {
	it('nested deeper than MAX_RULE_DEPTH, at the rule itself, without recursing', () => {
		expect(checkLogic(nestedSum(MAX_RULE_DEPTH / 2 - 1))).toEqual([]);
		const message = `nested deeper than ${MAX_RULE_DEPTH} levels`;
		expect(checkLogic(nestedSum(MAX_RULE_DEPTH / 2 + 1))).toMatchObject([{ path: [], message }]);
		expect(checkLogic(nestedSum(100_000))).toMatchObject([{ path: [], message }]);
	});

	it('with a list longer than MAX_RULE_ARRAY, at the list', () => {
		const items = (n: number) => Array.from({ length: n }, (_, i) => i);
		expect(checkLogic({ max: items(MAX_RULE_ARRAY) })).toEqual([]);
		expect(checkLogic({ max: items(500_000) })).toMatchObject([
			{
				path: ['max'],
				message: `a list of 500000 items: at most ${MAX_RULE_ARRAY} are allowed in a rule`
			}
		]);
		expect(checkLogic({ in: [{ var: 'id' }, items(MAX_RULE_ARRAY + 1)] })).toMatchObject([
			{
				path: ['in', 1],
				message: `a list of ${MAX_RULE_ARRAY + 1} items: at most ${MAX_RULE_ARRAY} are allowed in a rule`
			}
		]);
	});
});

describe('both backends evaluate long lists without a stack overflow', () => {
	const long = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 100_003);
	for (const [name, compile] of Object.entries(BACKENDS)) {
		it(`min, max and merge over 500,000 items (${name})`, () => {
			expect(compile({ max: long })({})).toBe(100_002);
			expect(compile({ min: long })({})).toBe(0);
			expect(compile({ merge: [long, 1, [2]] })({})).toHaveLength(500_002);
		});

		it(`min and max coerce, and meet NaN and -0, as Math.min(...args) does (${name})`, () => {
			for (const args of [[], ['3', 2], [1, 'x'], [0, -0], [-0, 0], [[5], true], [null, -1]]) {
				expect(compile({ max: args })({})).toEqual(jsonLogic.apply({ max: args } as never));
				expect(compile({ min: args })({})).toEqual(jsonLogic.apply({ min: args } as never));
			}
		});

		it(`and, or and if with 50,000 arguments (${name})`, () => {
			const n = 50_000;
			const truths: Logic[] = Array.from({ length: n }, (_, i) => i + 1);
			expect(compile({ and: truths })({})).toBe(n);
			expect(compile({ and: [...truths.slice(0, -2), [], 5] })({})).toEqual([]);
			const falses: Logic[] = Array.from({ length: n }, () => 0);
			expect(compile({ or: falses })({})).toBe(0);
			expect(compile({ or: [...falses.slice(0, -2), 'yes', 0] })({})).toBe('yes');
			// Branches i: when x is i, the value is i * 2; the default is "none".
			const branches: Logic[] = [];
			for (let i = 0; i < n / 2; i++) branches.push({ '==': [{ var: 'x' }, i] }, i * 2);
			const rule = compile({ if: [...branches, 'none'] });
			expect(rule({ x: 0 })).toBe(0);
			expect(rule({ x: 24_999 })).toBe(49_998);
			expect(rule({ x: -1 })).toBe('none');
			expect(compile({ if: branches })({ x: -1 })).toBeNull();
		});

		it(`the deepest sum the depth limit allows (${name})`, () => {
			const deepest = nestedSum(MAX_RULE_DEPTH / 2 - 1);
			expect(checkLogic(deepest)).toEqual([]);
			expect(compile(deepest)({ x: 1 })).toBe(MAX_RULE_DEPTH / 2);
		});
	}
});
