/** The words of the condition builder: its operators, kinds and reasons, from the catalogue. */
import type {
	ArithmeticOperator,
	ComparisonOperator,
	FieldType,
	NodePath,
	OperandKind,
	Unsupported
} from '$lib/engine/conditions';
import { t, type PlainMessageKey } from '$lib/i18n/messages';

const OPERATOR: Record<ComparisonOperator, PlainMessageKey> = {
	lt: 'conditions.op.lt',
	le: 'conditions.op.le',
	gt: 'conditions.op.gt',
	ge: 'conditions.op.ge',
	eq: 'conditions.op.eq',
	ne: 'conditions.op.ne',
	between: 'conditions.op.between',
	is: 'conditions.op.is',
	is_not: 'conditions.op.is_not',
	one_of: 'conditions.op.one_of',
	is_true: 'conditions.op.is_true',
	is_false: 'conditions.op.is_false',
	before: 'conditions.op.before',
	after: 'conditions.op.after',
	within_last: 'conditions.op.within_last',
	within_next: 'conditions.op.within_next',
	is_empty: 'conditions.op.is_empty',
	is_not_empty: 'conditions.op.is_not_empty'
};

/**
 * What an operator does with an account that has no value for the field: order comparisons never
 * hold for it ("is empty" finds it); "is not" and "does not equal" do hold (null ≠ 5).
 */
const MISSING: Partial<Record<ComparisonOperator, PlainMessageKey>> = {
	lt: 'conditions.missing.never',
	le: 'conditions.missing.never',
	gt: 'conditions.missing.never',
	ge: 'conditions.missing.never',
	between: 'conditions.missing.never',
	before: 'conditions.missing.never',
	after: 'conditions.missing.never',
	within_last: 'conditions.missing.never',
	within_next: 'conditions.missing.never',
	ne: 'conditions.missing.matches',
	is_not: 'conditions.missing.matches'
};

const ARITHMETIC: Record<ArithmeticOperator, PlainMessageKey> = {
	'+': 'conditions.arithmetic.plus',
	'-': 'conditions.arithmetic.minus',
	'*': 'conditions.arithmetic.times',
	'/': 'conditions.arithmetic.dividedBy'
};

const TYPE: Record<FieldType, PlainMessageKey> = {
	number: 'conditions.type.number',
	text: 'conditions.type.text',
	boolean: 'conditions.type.boolean',
	date: 'conditions.type.date'
};

export const operatorLabel = (op: ComparisonOperator) => t(OPERATOR[op]);
/** The hint under a comparison about accounts without a value, or null when none is needed. */
export const missingHint = (op: ComparisonOperator): string | null => {
	const key = MISSING[op];
	return key ? t(key) : null;
};
export const arithmeticLabel = (op: ArithmeticOperator) => t(ARITHMETIC[op]);
export const typeLabel = (type: FieldType) => t(TYPE[type]);

/** A constant inside a calculation is always a number, so it is called one there. */
export function kindLabel(kind: OperandKind, inCalculation: boolean): string {
	if (kind === 'field') return t('conditions.kind.field');
	if (kind === 'arithmetic') return t('conditions.kind.arithmetic');
	return inCalculation ? t('conditions.kind.number') : t('conditions.kind.constant');
}

/** A node's place for people: `2` for the root's second child, `2.1` for its first child. */
export function position(path: NodePath): string {
	return path.map((index) => index + 1).join('.');
}

/** A path inside a rule, as `checkLogic` and `fromLogic` give it: `and › 1 › ==`. */
export function rulePath(path: readonly (string | number)[]): string {
	return path.length === 0 ? t('conditions.path.root') : path.join(' › ');
}

export function unsupportedReason(reason: Unsupported): string {
	const subject = reason.subject ?? '';
	switch (reason.code) {
		case 'operator':
			return t('conditions.unsupported.operator', { subject });
		case 'shape':
			return subject
				? t('conditions.unsupported.shape', { subject })
				: t('conditions.unsupported.shapeBare');
		case 'type':
			return t('conditions.unsupported.type', { subject });
		case 'literal':
			return t('conditions.unsupported.literal');
		case 'empty':
			return t('conditions.unsupported.empty', { subject });
	}
}
