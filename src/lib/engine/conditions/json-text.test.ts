import { describe, expect, it } from 'vitest';
import type { Logic } from '../logic';
import { formatLogic, parseJson } from './json-text';
import { toLogic } from './to-logic';

describe('parseJson', () => {
	it('gives the value of valid JSON', () => {
		expect(parseJson(' {"==": [{"var": "a"}, 1]} ')).toEqual({
			ok: true,
			value: { '==': [{ var: 'a' }, 1] }
		});
	});

	it('names the line and column of the first mistake, and what was found there', () => {
		const cases: [string, { line: number; column: number; found: string | null }][] = [
			['{"a": }', { line: 1, column: 7, found: '}' }],
			['{\n  "and": [\n    {"var": "x"},\n  ]\n}', { line: 4, column: 3, found: ']' }],
			['{"a": 1', { line: 1, column: 8, found: null }],
			['', { line: 1, column: 1, found: null }],
			["{'a': 1}", { line: 1, column: 2, found: "'" }],
			['[1, 2] x', { line: 1, column: 8, found: 'x' }],
			['{"a": tru}', { line: 1, column: 10, found: '}' }],
			['{"a": 01}', { line: 1, column: 8, found: '1' }],
			['"tab\there"', { line: 1, column: 5, found: '\t' }],
			['{"a": "\\x"}', { line: 1, column: 9, found: 'x' }],
			['[1.]', { line: 1, column: 4, found: ']' }]
		];
		for (const [text, expected] of cases) {
			expect(parseJson(text), text).toMatchObject({ ok: false, ...expected });
		}
	});
});

describe('formatLogic', () => {
	it('keeps small nodes on one line and indents the rest', () => {
		const logic: Logic = {
			and: [
				{ '==': [{ var: 'segment' }, 'scale'] },
				{ '>=': [{ '/': [{ var: 'seats_active' }, { var: 'seats_purchased' }] }, 0.6] }
			]
		};
		expect(formatLogic(logic)).toBe(
			[
				'{',
				'  "and": [',
				'    {"==": [{"var": "segment"}, "scale"]},',
				'    {">=": [{"/": [{"var": "seats_active"}, {"var": "seats_purchased"}]}, 0.6]}',
				'  ]',
				'}'
			].join('\n')
		);
		expect(JSON.parse(formatLogic(logic))).toEqual(logic);
		expect(formatLogic(true)).toBe('true');
	});

	it('keeps a date’s day number on one line', () => {
		const logic = toLogic({
			kind: 'group',
			combinator: 'and',
			not: false,
			children: [
				{
					kind: 'comparison',
					op: 'within_next',
					left: { kind: 'field', path: 'renewal_date' },
					days: 60,
					reference: 'now'
				}
			]
		});
		const lines = formatLogic(logic).split('\n');
		expect(lines).toHaveLength(12);
		expect(lines[5]).toMatch(/^ {8}\{"reduce": .*"now".*\},$/);
		expect(lines[6]).toMatch(/^ {8}\{"reduce": .*"renewal_date".*\}$/);
		const text = lines.join('\n');
		expect(JSON.parse(text)).toEqual(logic);
	});
});
