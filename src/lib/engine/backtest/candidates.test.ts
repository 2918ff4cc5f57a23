import { describe, expect, it } from 'vitest';
import { copies, freshId, kindOf, ownAuc, readableName } from './candidates';

describe('kindOf', () => {
	it('tells numbers (numeric text too), booleans and categories from identifiers', () => {
		expect(kindOf([1, 2, null, 3])).toBe('number');
		expect(kindOf(['29.85', ' ', '108.1'])).toBe('number');
		expect(kindOf([true, false, undefined])).toBe('boolean');
		const plans = Array.from({ length: 40 }, (_, i) => ['basic', 'pro', 'team'][i % 3]);
		expect(kindOf(plans)).toBe('category');
		expect(kindOf(Array.from({ length: 40 }, (_, i) => `acc-${i}`))).toBeNull();
		expect(kindOf([4, 4, 4])).toBeNull();
		expect(kindOf([['a'], ['b']])).toBeNull();
	});
});

describe('ownAuc', () => {
	it('ranks a number by its value and a category by its rates, either way round', () => {
		const events = [true, true, false, false];
		expect(ownAuc('number', [4, 3, 2, 1], events)).toBe(1);
		expect(ownAuc('number', [1, 2, 3, 4], events)).toBe(1);
		expect(ownAuc('category', ['a', 'a', 'b', 'b'], events)).toBe(1);
	});
});

describe('copies', () => {
	const arr = Array.from({ length: 200 }, (_, i) => 1000 + ((i * 7919) % 5000));
	const number = (values: unknown[]) => ({ kind: 'number' as const, values });

	it('finds a scaled copy, a monotone transform and a relabelled category', () => {
		expect(copies(number(arr), number(arr.map((x) => x / 12)))).toBe(true);
		expect(copies(number(arr), number(arr.map((x) => Math.log(x) ** 3)))).toBe(true);
		const plan = arr.map((x) => ['basic', 'pro', 'team'][x % 3]);
		const features = arr.map((x) => [5, 12, 20][x % 3]);
		expect(copies({ kind: 'category', values: plan }, number(features))).toBe(true);
	});

	it('keeps facts that only resemble each other, or are present on other accounts', () => {
		const noisy = arr.map((x, i) => x + (i % 2 ? 900 : -900));
		expect(copies(number(arr), number(noisy))).toBe(false);
		const half = arr.map((x, i) => (i % 2 ? x : null));
		expect(copies(number(arr), number(half))).toBe(false);
	});
});

describe('names', () => {
	it('reads a fact name as words and makes unique ids', () => {
		expect(readableName('MonthlyCharges')).toBe('Monthly charges');
		expect(readableName('invoices_late')).toBe('Invoices late');
		const taken = new Set(['arr']);
		expect(freshId('arr', taken)).toBe('arr_2');
		expect(freshId('2fa enabled', taken)).toBe('_2fa_enabled');
	});
});
