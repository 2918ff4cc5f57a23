import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { checkLogic, compileToClosure, compileToFunction, requiredVars, type Logic } from '.';
import { Random } from '../random';
import { randomData, randomLogic, sameValue } from '../../../../tests/support/random-logic';
import { referenceApply } from '../../../../tests/support/json-logic-reference';
import cases from './cases.json';
import missingCases from './missing-cases.json';

type Outcome = { value: unknown } | { threw: true };
const run = (evaluate: () => unknown): Outcome => {
	try {
		return { value: evaluate() };
	} catch {
		return { threw: true };
	}
};

describe('JSON-logic cases', () => {
	for (const { description, rule, data, result } of cases as unknown as {
		description: string;
		rule: Logic;
		data: unknown;
		result: unknown;
	}[]) {
		it(description, () => {
			expect(jsonLogic.apply(rule as never, data)).toEqual(result);
			expect(compileToClosure(rule)(data)).toEqual(result);
			expect(compileToFunction(rule)(data)).toEqual(result);
		});
	}
});

describe('a comparison with a missing operand is false (the one departure from json-logic-js)', () => {
	for (const { description, rule, data, result, json_logic_js } of missingCases as unknown as {
		description: string;
		rule: Logic;
		data: unknown;
		result: unknown;
		json_logic_js: unknown;
	}[]) {
		it(description, () => {
			expect(compileToClosure(rule)(data)).toEqual(result);
			expect(compileToFunction(rule)(data)).toEqual(result);
			// What json-logic-js itself says, so the departure stays deliberate and documented.
			expect(jsonLogic.apply(rule as never, data)).toEqual(json_logic_js);
		});
	}

	it('covers each comparison operator with each kind of missing operand on each side', () => {
		const twoSided = (op: string) =>
			(missingCases as unknown as { rule: Record<string, unknown[]> }[]).filter(
				(c) => Array.isArray(c.rule[op]) && c.rule[op].length === 2
			).length;
		// null, absent, NaN, Infinity and -Infinity, on the left and on the right.
		for (const op of ['<', '<=', '>', '>=']) expect(twoSided(op), op).toBeGreaterThanOrEqual(10);
	});
});

function agreeOrThrow(
	name: string,
	rule: Logic,
	data: unknown,
	expected: Outcome,
	actual: Outcome
) {
	const agree =
		'threw' in expected
			? 'threw' in actual
			: 'value' in actual && sameValue(actual.value, expected.value);
	if (!agree) {
		throw new Error(
			`${name} differs on ${JSON.stringify(rule)} with ${JSON.stringify(data)}: ` +
				`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`
		);
	}
}

describe('both backends agree with json-logic-js', () => {
	it('on 3,000 generated rules and data sets: equal to it when no comparison operand is missing, and to its reading with missing operands false otherwise', () => {
		const random = new Random(20261124);
		let plain = 0;
		let withMissing = 0;
		for (let i = 0; i < 3000; i++) {
			const rule = randomLogic(random);
			if (checkLogic(rule).length > 0) continue;
			const closure = compileToClosure(rule);
			const compiled = compileToFunction(rule);
			for (let j = 0; j < 3; j++) {
				const data = randomData(random);
				let comparedMissing = false;
				const reference = run(() => {
					const answer = referenceApply(rule, structuredClone(data));
					comparedMissing = answer.comparedMissing;
					return answer.value;
				});
				const actual = [
					['closure', run(() => closure(structuredClone(data)))],
					['function', run(() => compiled(structuredClone(data)))]
				] as const;
				for (const [name, outcome] of actual) agreeOrThrow(name, rule, data, reference, outcome);
				if (comparedMissing) {
					withMissing++;
					continue;
				}
				// No comparison saw a missing operand: plain json-logic-js must say the very same.
				const expected = run(() => jsonLogic.apply(rule as never, structuredClone(data)));
				for (const [name, outcome] of actual) agreeOrThrow(name, rule, data, expected, outcome);
				plain++;
			}
		}
		expect(plain).toBeGreaterThan(5000);
		expect(withMissing).toBeGreaterThan(300);
	});
});

describe('checkLogic', () => {
	it('names an unknown operator with its path', () => {
		expect(checkLogic({ and: [{ '==': [1, 1] }, { frobnicate: [1] }] })).toMatchObject([
			{ path: ['and', 1, 'frobnicate'], message: 'unknown JSON-logic operator "frobnicate"' }
		]);
	});

	it('refuses var paths into the prototype', () => {
		for (const path of ['__proto__', 'a.constructor', 'prototype.x']) {
			expect(checkLogic({ var: path })).toHaveLength(1);
		}
		expect(checkLogic({ var: 'a.b' })).toEqual([]);
	});

	it('refuses json-logic-js calls that would throw, such as * without arguments', () => {
		expect(checkLogic({ '*': [] })[0]?.message).toMatch(/at least 1 argument/);
	});

	it('does not treat operators inherited from Object as known', () => {
		expect(checkLogic({ toString: [] })).toHaveLength(1);
	});
});

describe('requiredVars', () => {
	it('lists the vars read without a default, outside per-item logic', () => {
		expect(
			requiredVars({
				'/': [{ var: 'seats_active' }, { var: ['seats_purchased'] }],
				// a second key makes this object a literal, not an operation
				note: 1
			} as unknown as Logic)
		).toEqual([]);
		expect(
			requiredVars({
				'+': [
					{ var: 'a' },
					{ var: ['b', 0] },
					{ map: [{ var: 'list' }, { var: 'item' }] },
					{ if: [{ var: 'flag' }, { var: 'c' }, 0] }
				]
			})
		).toEqual(['a', 'list', 'flag', 'c']);
	});
});
