import { describe, expect, it } from 'vitest';
import type { Logic } from '../logic';
import { dayNumber } from './day-number';
import { fromLogic } from './from-logic';
import { SAMPLE_FIELDS } from './testing';
import { toLogic } from './to-logic';
import type { Comparison, ConditionNode, Group, Unsupported } from './types';

const v = (path: string) => ({ var: path });
const field = (path: string) => ({ kind: 'field', path }) as const;
const constant = (value: number | string) => ({ kind: 'constant', value }) as const;
const and = (...children: ConditionNode[]): Group => ({
	kind: 'group',
	combinator: 'and',
	not: false,
	children
});
const isScale: Comparison = {
	kind: 'comparison',
	op: 'is',
	left: field('segment'),
	right: constant('scale')
};
const parses = (logic: Logic) => {
	const result = fromLogic(logic, SAMPLE_FIELDS);
	if (!result.ok) throw new Error(`did not parse: ${JSON.stringify(result.reason)}`);
	return result.tree;
};
const stays = (logic: Logic, fields = SAMPLE_FIELDS): Unsupported => {
	const result = fromLogic(logic, fields);
	if (result.ok) throw new Error(`parsed: ${JSON.stringify(result.tree)}`);
	return result.reason;
};

describe('fromLogic reads', () => {
	it('a comparison on its own as a group of one', () => {
		expect(parses({ '==': [v('segment'), 'scale'] })).toEqual(and(isScale));
	});

	it('the forms that mean the same as what the builder writes', () => {
		expect(parses({ and: [{ '==': [{ var: ['segment'] }, 'scale'] }] })).toEqual(and(isScale));
		expect(parses({ and: { '==': [v('segment'), 'scale'] } })).toEqual(and(isScale));
		expect(parses({ '!': [{ '==': [v('segment'), 'scale'] }] })).toEqual({
			...and(isScale),
			not: true
		});
		expect(parses({ '>': [{ '+': [v('arr'), 1, v('seats_active')] }, 5] })).toEqual(
			and({
				kind: 'comparison',
				op: 'gt',
				left: {
					kind: 'arithmetic',
					op: '+',
					left: { kind: 'arithmetic', op: '+', left: field('arr'), right: constant(1) },
					right: field('seats_active')
				},
				right: constant(5)
			})
		);
	});

	it('each operator by the type of its field', () => {
		const one = (logic: Logic) => parses(logic).children[0] as Comparison;
		expect(one({ '<': [v('arr'), 5] }).op).toBe('lt');
		expect(one({ '<': [v('renewal_date'), '2027-01-01'] }).op).toBe('before');
		expect(one({ '>': [v('renewal_date'), v('now')] }).op).toBe('after');
		expect(one({ '!=': [v('segment'), 'mid'] }).op).toBe('is_not');
		expect(one({ '!=': [v('arr'), 0] }).op).toBe('ne');
		expect(one({ '==': [v('qbr_attended'), false] }).op).toBe('is_false');
		expect(one({ in: [v('segment'), ['scale', 'mid']] })).toEqual({
			kind: 'comparison',
			op: 'one_of',
			left: field('segment'),
			values: ['scale', 'mid']
		});
		expect(
			one({ '<=': [0.4, { '/': [v('seats_active'), v('seats_purchased')] }, v('arr')] }).op
		).toBe('between');
		const difference = { '-': [dayNumber(v('now')), dayNumber(v('renewal_date'))] };
		expect(one({ '<=': [-60, difference, 0] })).toEqual({
			kind: 'comparison',
			op: 'within_next',
			left: field('renewal_date'),
			days: 60,
			reference: 'now'
		});
		expect(one({ '<=': [0, difference, 7] }).op).toBe('within_last');
	});

	it('"is empty" and "is not empty" on a field of any type, known or not, either way round', () => {
		const one = (logic: Logic, fields = SAMPLE_FIELDS) => {
			const result = fromLogic(logic, fields);
			return result.ok ? result.tree.children[0] : result.reason;
		};
		for (const path of ['arr', 'segment', 'qbr_attended', 'renewal_date', 'score.groups.adoption'])
			expect(one({ '==': [v(path), null] })).toEqual({
				kind: 'comparison',
				op: 'is_empty',
				left: field(path)
			});
		expect(one({ '!=': [v('account.nps'), null] }, [])).toEqual({
			kind: 'comparison',
			op: 'is_not_empty',
			left: field('account.nps')
		});
		expect(one({ '==': [null, v('arr')] })).toMatchObject({ op: 'is_empty', left: field('arr') });
		// The guard the shipped plays write: a value, and below 60.
		expect(
			parses({
				and: [
					{ '!=': [v('score.groups.adoption'), null] },
					{ '<': [v('score.groups.adoption'), 60] }
				]
			}).children.map((child) => (child as Comparison).op)
		).toEqual(['is_not_empty', 'lt']);
	});

	it('nested groups, NOT, and empty groups written as true and false', () => {
		const logic = { or: [{ '!': { and: [{ '==': [v('segment'), 'scale'] }, true] } }, false] };
		expect(parses(logic)).toEqual({
			kind: 'group',
			combinator: 'or',
			not: false,
			children: [
				{ ...and(isScale, and()), not: true },
				{ kind: 'group', combinator: 'or', not: false, children: [] }
			]
		});
		expect(toLogic(parses(logic))).toEqual(logic);
	});

	it('fields it does not know, typed by what they are compared with', () => {
		const one = (logic: Logic) => {
			const result = fromLogic(logic, []);
			return result.ok ? result.tree.children[0] : result.reason;
		};
		expect(one({ '==': [v('region'), 'emea'] })).toMatchObject({ op: 'is' });
		expect(one({ '<': [v('churn_risk'), 0.5] })).toMatchObject({ op: 'lt' });
		expect(one({ '<': [v('signed_on'), '2025-01-01'] })).toMatchObject({ op: 'before' });
		expect(one({ '==': [v('flagged'), true] })).toMatchObject({ op: 'is_true' });
	});
});

describe('fromLogic leaves as JSON, saying why and where', () => {
	it('operators the builder does not offer', () => {
		expect(stays({ if: [v('a'), true, false] })).toEqual({
			code: 'operator',
			path: [],
			subject: 'if'
		});
		expect(stays({ and: [{ '==': [v('segment'), 'scale'] }, { '===': [v('arr'), 1] }] })).toEqual({
			code: 'operator',
			path: ['and', 1],
			subject: '==='
		});
		expect(stays({ '>': [{ '%': [v('arr'), 2] }, 0] })).toEqual({
			code: 'operator',
			path: ['>', 0],
			subject: '%'
		});
		expect(stays({ some: [v('contacts'), { '==': [v('role'), 'admin'] }] }).code).toBe('operator');
	});

	it('known operators in forms the builder does not make', () => {
		expect(stays({ '<': [5, v('arr')] })).toEqual({ code: 'shape', path: ['<', 0] });
		expect(stays({ '<': [0, v('arr'), 10] }).code).toBe('shape');
		expect(stays({ '==': [{ var: ['arr', 0] }, 5] })).toEqual({
			code: 'shape',
			path: ['==', 0],
			subject: 'var'
		});
		expect(stays({ '!': { '!': { '==': [v('segment'), 'scale'] } } }).code).toBe('shape');
		expect(stays({ in: ['vip', v('tags')] }).code).toBe('shape');
		expect(stays({ '==': [{ '/': [v('arr'), 2] }, null] })).toEqual({
			code: 'shape',
			path: ['==', 0],
			subject: '=='
		});
		expect(stays({ '!=': [5, null] }).code).toBe('shape');
		expect(stays({ '==': [null, null] }).code).toBe('shape');
		expect(stays({ '>': [{ '-': [v('arr')] }, 0] }).code).toBe('shape');
		const difference = { '-': [dayNumber(v('now')), dayNumber(v('renewal_date'))] };
		expect(stays({ '<=': [0, difference, 0] }).code).toBe('shape');
		expect(stays({ '<=': [1, difference, 5] }).code).toBe('shape');
	});

	it('comparisons that do not fit the field type', () => {
		expect(stays({ '<': [v('segment'), 'm'] })).toEqual({
			code: 'type',
			path: [],
			subject: 'segment'
		});
		expect(stays({ '==': [v('arr'), '5'] })).toEqual({
			code: 'type',
			path: ['==', 1],
			subject: 'arr'
		});
		expect(stays({ '==': [v('segment'), true] }).code).toBe('type');
		expect(stays({ '==': [v('renewal_date'), '2026-01-01'] }).code).toBe('type');
		expect(stays({ '<': [v('renewal_date'), 'soon'] }).code).toBe('type');
		expect(stays({ in: [v('arr'), ['1']] }).code).toBe('type');
		expect(stays({ '>': [{ '+': [v('segment'), 1] }, 0] }).code).toBe('type');
	});

	it('bare values, and empty and/or (false in JSON-logic)', () => {
		expect(stays('yes')).toEqual({ code: 'literal', path: [] });
		expect(stays({ and: [{ '==': [v('segment'), 'scale'] }, 1] })).toEqual({
			code: 'literal',
			path: ['and', 1]
		});
		expect(stays({ and: [] })).toEqual({ code: 'empty', path: [], subject: 'and' });
		expect(stays(null).code).toBe('literal');
	});
});
