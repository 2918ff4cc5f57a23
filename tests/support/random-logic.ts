/** Generates random JSON-logic rules and data, to compare the backends with json-logic-js. */
import { Random } from '../../src/lib/engine/random';
import type { JsonValue, Logic } from '../../src/lib/engine/logic';

const KEYS = [
	'a',
	'b',
	'n',
	'z',
	's',
	'list',
	'nested',
	'nothing',
	'flag',
	'nested.x',
	'nested.y.z',
	'list.1',
	'absent'
];
const EAGER = [
	'==',
	'===',
	'!=',
	'!==',
	'>',
	'>=',
	'<',
	'<=',
	'!',
	'!!',
	'%',
	'in',
	'cat',
	'substr',
	'+',
	'*',
	'-',
	'/',
	'min',
	'max',
	'merge',
	'missing',
	'missing_some'
];
const CONTROL = ['if', '?:', 'and', 'or', 'filter', 'map', 'reduce', 'all', 'none', 'some'];

function scalar(random: Random): JsonValue {
	return random.pick<() => JsonValue>([
		() => random.int(-3, 10),
		() => Math.round(random.between(-5, 5) * 100) / 100,
		() => 0,
		() => null,
		() => random.chance(0.5),
		() => random.pick(['', 'a', 'abc', '2', '1.5', 'x y']),
		() => [],
		() => [random.int(0, 3), random.int(0, 3)]
	])();
}

export function randomData(random: Random): Record<string, JsonValue> {
	const data: Record<string, JsonValue> = {};
	for (const key of ['a', 'b', 'n', 'z', 's', 'flag', 'nothing']) {
		if (random.chance(0.85)) data[key] = key === 'nothing' ? null : scalar(random);
	}
	if (random.chance(0.8)) data.list = [random.int(0, 5), random.int(0, 5), random.int(-2, 2)];
	if (random.chance(0.8))
		data.nested = { x: scalar(random), y: random.chance(0.7) ? { z: scalar(random) } : null };
	return data;
}

export function randomLogic(random: Random, depth = 0): Logic {
	if (depth > 3 || random.chance(0.3)) {
		return random.chance(0.5) ? { var: random.pick(KEYS) } : scalar(random);
	}
	const kind = random.next();
	if (kind < 0.15) {
		const key = random.pick(KEYS);
		return random.chance(0.5) ? { var: [key, scalar(random)] } : { var: [key] };
	}
	if (kind < 0.6) {
		const op = random.pick(EAGER);
		const count = random.int(op === '*' ? 1 : 0, 3);
		const args = Array.from({ length: count }, () => randomLogic(random, depth + 1));
		return { [op]: count === 1 && random.chance(0.5) ? args[0]! : args };
	}
	const op = random.pick(CONTROL);
	if (['filter', 'map', 'all', 'none', 'some', 'reduce'].includes(op)) {
		const source = random.chance(0.7) ? { var: 'list' } : randomLogic(random, depth + 1);
		const body = random.pick<Logic>([
			{ '>': [{ var: '' }, random.int(0, 3)] },
			{ '+': [{ var: 'current' }, { var: 'accumulator' }] },
			{ '*': [{ var: '' }, 2] },
			randomLogic(random, depth + 2)
		]);
		return op === 'reduce'
			? { reduce: [source, body, random.int(0, 2)] }
			: { [op]: [source, body] };
	}
	const count = random.int(0, 5);
	return { [op]: Array.from({ length: count }, () => randomLogic(random, depth + 1)) };
}

/** Deep equality that tells NaN, -0, undefined and null apart as a JavaScript caller would see them. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
	}
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const keys = Object.keys(a);
		return (
			keys.length === Object.keys(b).length &&
			keys.every((key) =>
				sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
			)
		);
	}
	return false;
}
