import { describe, expect, it } from 'vitest';
import { checkLogic } from '../logic';
import { Random } from '../random';
import { fromLogic } from './from-logic';
import { ALL_OPERATORS, randomTree, SAMPLE_FIELDS } from './testing';
import { toLogic } from './to-logic';
import type { ConditionNode, Group, Operand } from './types';

/** What the generated trees exercised, so a generator that stopped covering something shows. */
function tally(tree: Group, seen: Map<string, number>, depth = 0): void {
	const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
	count(`depth ${depth}`);
	if (tree.not) count('not');
	if (tree.children.length === 0) count(`empty ${tree.combinator}`);
	const operand = (side: Operand) => {
		count(`operand ${side.kind}`);
		if (side.kind === 'arithmetic') {
			count(`arithmetic ${side.op}`);
			operand(side.left);
			operand(side.right);
		}
	};
	for (const child of tree.children as ConditionNode[]) {
		if (child.kind === 'group') {
			tally(child, seen, depth + 1);
			continue;
		}
		count(child.op);
		operand(child.left);
		if ('right' in child) {
			operand(child.right);
			if (child.right.kind === 'field') count('field vs field');
		}
		if (child.op === 'between') [child.low, child.high].forEach(operand);
	}
}

// Thousands of trees: seconds, more on a loaded machine.
describe('visual → JSON-logic → visual', { timeout: 60_000 }, () => {
	it('gives back the same tree, for 5,000 generated trees', () => {
		const random = new Random(20261124);
		const seen = new Map<string, number>();
		for (let i = 0; i < 5000; i++) {
			const tree = randomTree(random);
			tally(tree, seen);
			const logic = toLogic(tree);
			// Through the text, as a rule is stored and pasted.
			const parsed = fromLogic(JSON.parse(JSON.stringify(logic)), SAMPLE_FIELDS);
			if (!parsed.ok || JSON.stringify(parsed.tree) !== JSON.stringify(tree)) {
				expect({ logic, parsed }).toEqual({ logic, parsed: { ok: true, tree } });
			}
			expect(parsed).toEqual({ ok: true, tree });
			expect(checkLogic(logic)).toEqual([]);
		}
		// Every operator ("is empty" too), every kind of operand and nesting were exercised, many
		// times over.
		expect(ALL_OPERATORS).toContain('is_empty');
		for (const op of ALL_OPERATORS) {
			expect(seen.get(op), op).toBeGreaterThan(300);
		}
		for (const key of [
			'not',
			'empty and',
			'empty or',
			'depth 3',
			'field vs field',
			'operand constant',
			'arithmetic +',
			'arithmetic -',
			'arithmetic *',
			'arithmetic /'
		]) {
			expect(seen.get(key), key).toBeGreaterThan(100);
		}
	});

	it('writes JSON-logic that reads back as itself', () => {
		const random = new Random(7);
		for (let i = 0; i < 1000; i++) {
			const logic = toLogic(randomTree(random));
			const parsed = fromLogic(logic, SAMPLE_FIELDS);
			expect(parsed.ok && toLogic(parsed.tree)).toEqual(logic);
		}
	});

	it('never changes the tree it is given', () => {
		const random = new Random(11);
		for (let i = 0; i < 200; i++) {
			const tree = randomTree(random);
			const copy = structuredClone(tree);
			toLogic(tree);
			expect(tree).toEqual(copy);
		}
	});
});
