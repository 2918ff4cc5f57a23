import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { fromLogic } from './from-logic';
import {
	appendChild,
	comparisonFor,
	defaultOperand,
	operandKindsFor,
	typeOfComparison,
	emptyGroup,
	nodeAt,
	operatorsFor,
	removeAt,
	replaceAt,
	withLeft,
	withOperator,
	type EditContext
} from './edit';
import { SAMPLE_FIELDS } from './testing';
import { toLogic } from './to-logic';
import type { Comparison, ConditionNode, Field, Group } from './types';
import { OPERATORS_BY_TYPE } from './vocabulary';

const context: EditContext = { fields: SAMPLE_FIELDS, reference: 'now', today: '2026-11-23' };
const byPath = (path: string) => SAMPLE_FIELDS.find((field) => field.path === path)!;
const roundTrips = (comparison: Comparison) => {
	const tree: Group = { ...emptyGroup(), children: [comparison] };
	expect(fromLogic(toLogic(tree), SAMPLE_FIELDS)).toEqual({ ok: true, tree });
};

describe('tree edits', () => {
	it('add, replace and remove nodes by path without touching the tree given', () => {
		const root = emptyGroup();
		const withGroup = appendChild(root, [], emptyGroup('or'));
		const withComparison = appendChild(withGroup, [0], comparisonFor(byPath('arr'), context));
		expect(root.children).toEqual([]);
		expect(withGroup.children).toEqual([emptyGroup('or')]);
		expect(nodeAt(withComparison, [0, 0])).toMatchObject({ op: 'lt', right: { value: 0 } });
		const replaced = replaceAt(withComparison, [0], { ...emptyGroup(), not: true });
		expect(replaced.children[0]).toEqual({ ...emptyGroup(), not: true });
		expect(removeAt(withComparison, [0, 0])).toEqual(withGroup);
		expect(removeAt(withComparison, [])).toBe(withComparison);
	});

	it('start a comparison on any field complete, so it always round-trips', () => {
		for (const field of SAMPLE_FIELDS) {
			const comparison = comparisonFor(field, context);
			roundTrips(comparison);
			for (const op of operatorsFor(field.type, context))
				roundTrips(withOperator(comparison, op, context));
		}
		expect(comparisonFor(byPath('renewal_date'), context)).toEqual({
			kind: 'comparison',
			op: 'before',
			left: { kind: 'field', path: 'renewal_date' },
			right: { kind: 'field', path: 'now' }
		});
	});

	it('keep what fits when the operator or the field changes', () => {
		const atLeast: Comparison = {
			kind: 'comparison',
			op: 'ge',
			left: { kind: 'field', path: 'arr' },
			right: { kind: 'constant', value: 5 }
		};
		expect(withOperator(atLeast, 'between', context)).toMatchObject({
			low: { value: 5 },
			high: { value: 5 }
		});
		expect(withOperator(withOperator(atLeast, 'between', context), 'lt', context)).toMatchObject({
			op: 'lt',
			right: { value: 5 }
		});
		expect(withLeft(atLeast, { kind: 'field', path: 'seats_active' }, context)).toMatchObject({
			op: 'ge',
			right: { value: 5 }
		});
		expect(withLeft(atLeast, { kind: 'field', path: 'segment' }, context)).toEqual({
			kind: 'comparison',
			op: 'is',
			left: { kind: 'field', path: 'segment' },
			right: { kind: 'constant', value: '' }
		});
		const isScale = withOperator(
			{
				...(comparisonFor(byPath('segment'), context) as Comparison & { op: 'is' }),
				right: { kind: 'constant', value: 'scale' }
			},
			'one_of',
			context
		);
		expect(isScale).toMatchObject({ op: 'one_of', values: ['scale'] });
	});

	it('offer "within N days" only when there is a date to count from', () => {
		const noDates: Field[] = SAMPLE_FIELDS.filter((field) => field.type !== 'date');
		expect(operatorsFor('date', context)).toEqual([
			...OPERATORS_BY_TYPE.date,
			'is_empty',
			'is_not_empty'
		]);
		expect(operatorsFor('date', { fields: noDates, today: '2026-11-23' })).toEqual([
			'before',
			'after',
			'is_empty',
			'is_not_empty'
		]);
	});

	it('offer "is empty" and "is not empty" for a field of every type, never for a calculation', () => {
		for (const type of ['number', 'text', 'boolean', 'date'] as const)
			expect(operatorsFor(type, context).slice(-2)).toEqual(['is_empty', 'is_not_empty']);
		expect(operatorsFor(undefined, context)).toEqual(['is_empty', 'is_not_empty']);
		const ratio = defaultOperand('arithmetic', 'number', context);
		expect(operatorsFor('number', context, ratio)).toEqual(OPERATORS_BY_TYPE.number);

		const adoption = comparisonFor(byPath('score.groups.adoption'), context);
		const empty = withOperator(adoption, 'is_empty', context);
		expect(empty).toEqual({
			kind: 'comparison',
			op: 'is_empty',
			left: { kind: 'field', path: 'score.groups.adoption' }
		});
		expect(toLogic({ ...emptyGroup(), children: [empty] })).toEqual({
			'==': [{ var: 'score.groups.adoption' }, null]
		});
		roundTrips(empty);
		// Any field keeps the test; a calculation takes its type's first operator.
		expect(withLeft(empty, { kind: 'field', path: 'segment' }, context)).toMatchObject({
			op: 'is_empty',
			left: { path: 'segment' }
		});
		expect(withLeft(empty, ratio, context)).toMatchObject({ op: 'lt', left: ratio });
		expect(typeOfComparison(empty, context)).toBe('number');
		expect(
			typeOfComparison({ ...empty, left: { kind: 'field', path: 'unknown' } }, context)
		).toBeUndefined();
		// Back to a comparison: complete again.
		expect(withOperator(empty, 'ge', context)).toMatchObject({ op: 'ge', right: { value: 0 } });
		// Never asked of a calculation.
		const ratioBelow = withLeft(adoption, ratio, context);
		expect(withOperator(ratioBelow, 'is_empty', context)).toBe(ratioBelow);
	});
});

/** Every comparison and group in a tree, with its path. */
function nodesOf(group: Group, path: number[] = []): [number[], ConditionNode][] {
	return group.children.flatMap((child, index): [number[], ConditionNode][] => {
		const at = [...path, index];
		return child.kind === 'group' ? [[at, child], ...nodesOf(child, at)] : [[at, child]];
	});
}

describe('any sequence of builder edits', { timeout: 60_000 }, () => {
	it('leaves a tree that round-trips through JSON-logic, after each of 10,000 edits', () => {
		const random = new Random(5);
		for (let walk = 0; walk < 500; walk++) {
			let tree = emptyGroup();
			for (let step = 0; step < 20; step++) {
				const nodes = nodesOf(tree);
				const groups: number[][] = [
					[],
					...nodes.filter(([, n]) => n.kind === 'group').map(([p]) => p)
				];
				const comparisons = nodes.filter(([, n]) => n.kind === 'comparison') as [
					number[],
					Comparison
				][];
				const roll = random.next();
				if (roll < 0.25 || comparisons.length === 0) {
					tree = appendChild(
						tree,
						random.pick(groups),
						comparisonFor(random.pick(SAMPLE_FIELDS), context)
					);
				} else if (roll < 0.32) {
					tree = appendChild(
						tree,
						random.pick(groups),
						emptyGroup(random.chance(0.5) ? 'and' : 'or')
					);
				} else if (roll < 0.38 && nodes.length > 0) {
					tree = removeAt(tree, random.pick(nodes)[0]);
				} else {
					const [path, comparison] = random.pick(comparisons);
					const type = typeOfComparison(comparison, context) ?? 'number';
					const edits = [
						() =>
							withOperator(
								comparison,
								random.pick(operatorsFor(type, context, comparison.left)),
								context
							),
						() =>
							withLeft(
								comparison,
								{ kind: 'field', path: random.pick(SAMPLE_FIELDS).path },
								context
							),
						() => withLeft(comparison, defaultOperand('arithmetic', 'number', context), context),
						() =>
							'right' in comparison
								? {
										...comparison,
										right: defaultOperand(
											random.pick(operandKindsFor(type, context)),
											type,
											context
										)
									}
								: comparison
					];
					tree = replaceAt(tree, path, random.pick(edits)());
				}
				expect(fromLogic(JSON.parse(JSON.stringify(toLogic(tree))), SAMPLE_FIELDS)).toEqual({
					ok: true,
					tree
				});
			}
		}
	});
});
