import { describe, expect, it } from 'vitest';
import { deeperThan } from './limits';

/** `{"a": {"a": … 1 …}}`, `levels` objects deep, built without recursion. */
function nested(levels: number): unknown {
	let value: unknown = 1;
	for (let i = 0; i < levels; i++) value = { a: value };
	return value;
}

describe('deeperThan', () => {
	it('counts objects and arrays as levels, scalars as none', () => {
		expect(deeperThan(1, 0)).toBeNull();
		expect(deeperThan({ '+': [1, 2] }, 2)).toBeNull();
		expect(deeperThan({ '+': [1, 2] }, 1)).toEqual(['+']);
		expect(deeperThan(nested(3), 3)).toBeNull();
	});

	it('gives the path of the first node past the limit, in document order', () => {
		const value = { ok: [1, 2], deep: [{ x: { y: [] } }], later: { z: { w: {} } } };
		expect(deeperThan(value, 3)).toEqual(['deep', 0, 'x']);
	});

	it('measures a million levels without recursion', () => {
		const path = deeperThan(nested(1_000_000), 100);
		expect(path).toHaveLength(100);
		expect(path!.every((key) => key === 'a')).toBe(true);
	});

	it('does not enter the values it is told to skip', () => {
		const deep = nested(50);
		expect(deeperThan({ rule: deep }, 10, new Set([deep]))).toBeNull();
		expect(deeperThan({ rule: deep }, 10)).not.toBeNull();
	});
});
