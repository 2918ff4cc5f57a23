/**
 * The edits the visual builder makes, as pure functions that return a new tree and never change
 * the one given. Each edit keeps what still fits (the left side when the operator changes, the
 * operator and right side when the new field has the same type) and fills the rest with values
 * that make a complete comparison, so every state of the builder is valid JSON-logic.
 */
import type {
	ComparisonOperator,
	Comparison,
	ConditionNode,
	Field,
	FieldType,
	Group,
	Operand
} from './types';
import {
	isPresenceOperator,
	OPERATORS_BY_TYPE,
	PRESENCE_OPERATORS,
	typeOfOperator
} from './vocabulary';

/** Where a node is: the child indexes from the root group down (the root is `[]`). */
export type NodePath = readonly number[];

export interface EditContext {
	fields: readonly Field[];
	/**
	 * The date field "within N days" counts from (e.g. `now`, the as-of date). Without one those
	 * operators are not offered: any other date would be an arbitrary default.
	 */
	reference?: string;
	/** The date new date constants start at: the engine reads no clock. */
	today: string;
}

export type OperandKind = Operand['kind'];

export function emptyGroup(combinator: 'and' | 'or' = 'and'): Group {
	return { kind: 'group', combinator, not: false, children: [] };
}

export function nodeAt(tree: Group, path: NodePath): ConditionNode | undefined {
	let node: ConditionNode | undefined = tree;
	for (const index of path) {
		node = node?.kind === 'group' ? node.children[index] : undefined;
	}
	return node;
}

/** The tree with the node at `path` replaced (the root, for `[]`, must stay a group). */
export function replaceAt(tree: Group, path: NodePath, node: ConditionNode): Group {
	if (path.length === 0) return node.kind === 'group' ? node : tree;
	const [index, ...rest] = path as [number, ...number[]];
	const child = tree.children[index];
	if (!child) return tree;
	const next =
		rest.length === 0 ? node : child.kind === 'group' ? replaceAt(child, rest, node) : child;
	return { ...tree, children: tree.children.map((item, i) => (i === index ? next : item)) };
}

export function appendChild(tree: Group, groupPath: NodePath, node: ConditionNode): Group {
	const group = nodeAt(tree, groupPath);
	if (group?.kind !== 'group') return tree;
	return replaceAt(tree, groupPath, { ...group, children: [...group.children, node] });
}

export function removeAt(tree: Group, path: NodePath): Group {
	if (path.length === 0) return tree;
	const parentPath = path.slice(0, -1);
	const parent = nodeAt(tree, parentPath);
	if (parent?.kind !== 'group') return tree;
	const index = path[path.length - 1]!;
	return replaceAt(tree, parentPath, {
		...parent,
		children: parent.children.filter((_, i) => i !== index)
	});
}

/**
 * The type a comparison works on: its operator's; for "is empty" and "is not empty", which fit
 * every type, its field's (undefined for a field the list lacks).
 */
export function typeOfComparison(
	comparison: Comparison,
	context: Pick<EditContext, 'fields'>
): FieldType | undefined {
	const type = typeOfOperator(comparison.op);
	if (type !== undefined) return type;
	const { left } = comparison;
	return left.kind === 'field'
		? context.fields.find((field) => field.path === left.path)?.type
		: 'number';
}

export function fieldsOfType(context: EditContext, type: FieldType): Field[] {
	return context.fields.filter((field) => field.type === type);
}

/**
 * The operators offered for a left side of a type: the type's own ("within N days" only when a
 * date to count from is named), then "is empty" and "is not empty" when the left side is a field
 * (a calculation always has a value, or fails). A field the list lacks (`type` undefined) gets
 * only those two.
 */
export function operatorsFor(
	type: FieldType | undefined,
	context: EditContext,
	left: Operand = { kind: 'field', path: '' }
): ComparisonOperator[] {
	const withinPossible = context.reference !== undefined;
	const own = (type === undefined ? [] : OPERATORS_BY_TYPE[type]).filter(
		(op) => withinPossible || (op !== 'within_last' && op !== 'within_next')
	);
	return left.kind === 'field' ? [...own, ...PRESENCE_OPERATORS] : own;
}

/** The kinds of right-hand side a type allows: calculations only for numbers. */
export function operandKindsFor(type: FieldType, context: EditContext): OperandKind[] {
	const kinds: OperandKind[] = ['constant'];
	if (fieldsOfType(context, type).length > 0) kinds.push('field');
	if (type === 'number') kinds.push('arithmetic');
	return kinds;
}

/** A complete operand of a kind and type: 0, '', today, the first field, or a ratio of fields. */
export function defaultOperand(kind: OperandKind, type: FieldType, context: EditContext): Operand {
	const sameType = fieldsOfType(context, type);
	if (kind === 'field' && sameType[0]) return { kind: 'field', path: sameType[0].path };
	if (kind === 'arithmetic') {
		const numbers = fieldsOfType(context, 'number');
		const term = (field: Field | undefined): Operand =>
			field ? { kind: 'field', path: field.path } : { kind: 'constant', value: 1 };
		return {
			kind: 'arithmetic',
			op: '/',
			left: term(numbers[0]),
			right: term(numbers[1] ?? numbers[0])
		};
	}
	return { kind: 'constant', value: type === 'number' ? 0 : type === 'date' ? context.today : '' };
}

/** A new comparison on a field, with its type's first operator. */
export function comparisonFor(field: Field, context: EditContext): Comparison {
	const op = operatorsFor(field.type, context)[0]!;
	const left: Operand = { kind: 'field', path: field.path };
	return withOperator({ kind: 'comparison', op: 'is_true', left }, op, context);
}

/**
 * The comparison with another left side; it keeps its operator when the type stays the same, and
 * "is empty" / "is not empty" for any field.
 */
export function withLeft(comparison: Comparison, left: Operand, context: EditContext): Comparison {
	const type =
		left.kind === 'field' ? context.fields.find((f) => f.path === left.path)?.type : 'number';
	if (isPresenceOperator(comparison.op) && left.kind === 'field') return { ...comparison, left };
	if (type === undefined || type === typeOfOperator(comparison.op)) return { ...comparison, left };
	const op = operatorsFor(type, context, left)[0]!;
	return withOperator({ kind: 'comparison', op: 'is_true', left }, op, context);
}

/**
 * The comparison with another operator of its type, keeping the sides that still fit. "Is empty"
 * and "is not empty" apply to a field only: asked of a calculation, the comparison stays as it is.
 */
export function withOperator(
	comparison: Comparison,
	op: ComparisonOperator,
	context: EditContext
): Comparison {
	const { left } = comparison;
	if (isPresenceOperator(op))
		return left.kind === 'field' ? { kind: 'comparison', op, left } : comparison;
	const type = typeOfOperator(op)!;
	const right =
		'right' in comparison
			? comparison.right
			: 'low' in comparison
				? comparison.low
				: type === 'date' && context.reference !== undefined
					? ({ kind: 'field', path: context.reference } as const)
					: defaultOperand('constant', type, context);
	switch (op) {
		case 'between':
			return {
				kind: 'comparison',
				op,
				left,
				low: right,
				high: 'high' in comparison ? comparison.high : right
			};
		case 'one_of': {
			const first = right.kind === 'constant' && right.value !== '' ? [String(right.value)] : [];
			return {
				kind: 'comparison',
				op,
				left,
				values: 'values' in comparison ? comparison.values : first
			};
		}
		case 'is_true':
		case 'is_false':
			return { kind: 'comparison', op, left };
		case 'within_last':
		case 'within_next':
			return {
				kind: 'comparison',
				op,
				left,
				days: 'days' in comparison ? comparison.days : 30,
				reference: 'reference' in comparison ? comparison.reference : context.reference!
			};
		default:
			return { kind: 'comparison', op, left, right };
	}
}
