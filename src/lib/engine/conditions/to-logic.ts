/** The condition tree written as JSON-logic (json-logic-js semantics, no registered operators). */
import type { Logic } from '../logic';
import { dayNumber } from './day-number';
import type { Comparison, ConditionNode, Group, Operand } from './types';
import { JSON_OPERATOR } from './vocabulary';

/**
 * The JSON-logic of a condition tree. A root that is one comparison under a plain `and` is
 * written as that comparison alone (`{"==": [{"var": "segment"}, "scale"]}` rather than wrapped
 * in an `and`), the way people write it by hand. An empty group holds for `and` (`true`) and
 * fails for `or` (`false`), as an empty "all of" and "any of" do in logic.
 */
export function toLogic(tree: Group): Logic {
	const only = tree.children[0];
	if (
		tree.combinator === 'and' &&
		!tree.not &&
		tree.children.length === 1 &&
		only?.kind === 'comparison'
	) {
		return comparisonLogic(only);
	}
	return nodeLogic(tree);
}

function nodeLogic(node: ConditionNode): Logic {
	return node.kind === 'group' ? groupLogic(node) : comparisonLogic(node);
}

function groupLogic(group: Group): Logic {
	const body: Logic =
		group.children.length === 0
			? group.combinator === 'and'
			: { [group.combinator]: group.children.map(nodeLogic) };
	return group.not ? { '!': body } : body;
}

export function operandLogic(operand: Operand): Logic {
	switch (operand.kind) {
		case 'field':
			return { var: operand.path };
		case 'constant':
			return operand.value;
		case 'arithmetic':
			return { [operand.op]: [operandLogic(operand.left), operandLogic(operand.right)] };
	}
}

export function comparisonLogic(comparison: Comparison): Logic {
	const left = operandLogic(comparison.left);
	switch (comparison.op) {
		case 'between':
			// json-logic's three-argument `<=`: low ≤ value ≤ high.
			return { '<=': [operandLogic(comparison.low), left, operandLogic(comparison.high)] };
		case 'one_of':
			return { in: [left, [...comparison.values]] };
		case 'is_true':
		case 'is_false':
			// `==` rather than `!`: a missing flag is neither true nor false.
			return { '==': [left, comparison.op === 'is_true'] };
		case 'is_empty':
		case 'is_not_empty':
			// Loose equality: `null == null` and an absent field (read as null) are both empty.
			return { [comparison.op === 'is_empty' ? '==' : '!=']: [left, null] };
		case 'within_last':
		case 'within_next': {
			// reference − date: 0…N days for the last N days, −N…0 for the next N.
			const difference = {
				'-': [dayNumber({ var: comparison.reference }), dayNumber(left)]
			};
			return comparison.op === 'within_last'
				? { '<=': [0, difference, comparison.days] }
				: { '<=': [-comparison.days, difference, 0] };
		}
		default:
			return { [JSON_OPERATOR[comparison.op]]: [left, operandLogic(comparison.right)] };
	}
}
