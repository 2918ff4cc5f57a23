/**
 * The condition tree behind the visual condition builder. Plain data, no ids: the round trip
 * through JSON-logic must give back the very same tree, so nothing in it may be invented on the
 * way back. Each operator belongs to one field type, so a tree says what it means on its own;
 * only "is empty" and "is not empty" fit every type (they ask whether there is a value at all).
 */

export type FieldType = 'number' | 'text' | 'boolean' | 'date';

/** A name a condition can read, e.g. `{ path: 'seats_active', label: 'Seats active', type: 'number' }`. */
export interface Field {
	/** The `var` path, dotted for nested values (`score.groups.adoption`). */
	path: string;
	label: string;
	type: FieldType;
	/** For text: the values seen in the data, offered as choices. */
	values?: string[];
}

export type ArithmeticOperator = '+' | '-' | '*' | '/';

/** A side of a comparison: a field, a constant, or arithmetic over fields and numbers. */
export type Operand =
	| { kind: 'field'; path: string }
	| { kind: 'constant'; value: number | string }
	| { kind: 'arithmetic'; op: ArithmeticOperator; left: Operand; right: Operand };

export type NumberOperator = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne' | 'between';
export type TextOperator = 'is' | 'is_not' | 'one_of';
export type BooleanOperator = 'is_true' | 'is_false';
export type DateOperator = 'before' | 'after' | 'within_last' | 'within_next';
/** Whether a field has a value: written `{"==": [{"var": x}, null]}` and `{"!=": …}`. */
export type PresenceOperator = 'is_empty' | 'is_not_empty';
export type ComparisonOperator =
	NumberOperator | TextOperator | BooleanOperator | DateOperator | PresenceOperator;

/** Operators with one operand on each side. */
export type BinaryOperator = Exclude<
	ComparisonOperator,
	'between' | 'one_of' | 'is_true' | 'is_false' | 'within_last' | 'within_next' | PresenceOperator
>;

/**
 * One test. `left` is a field, or for numbers arithmetic too; `right`, `low` and `high` are a
 * constant of the field's type, another field of that type, or (numbers) arithmetic.
 */
export type Comparison =
	| { kind: 'comparison'; op: BinaryOperator; left: Operand; right: Operand }
	/** Inclusive at both ends. */
	| { kind: 'comparison'; op: 'between'; left: Operand; low: Operand; high: Operand }
	| { kind: 'comparison'; op: 'one_of'; left: Operand; values: string[] }
	| { kind: 'comparison'; op: 'is_true' | 'is_false'; left: Operand }
	/**
	 * The field in `left` (always a field: a calculation is never empty) has no value (null or
	 * absent), or has one. Missing values fail every other comparison but `==`/`!=`, so this is
	 * how a rule finds them, or leaves them out.
	 */
	| { kind: 'comparison'; op: PresenceOperator; left: Operand }
	/**
	 * The date in `left` lies within `days` whole days (1 or more) before, or after, the date in
	 * the field `reference` (e.g. `now`), both ends included.
	 */
	| {
			kind: 'comparison';
			op: 'within_last' | 'within_next';
			left: Operand;
			days: number;
			reference: string;
	  };

/** All (`and`) or any (`or`) of its children; `not` negates the whole group. */
export interface Group {
	kind: 'group';
	combinator: 'and' | 'or';
	not: boolean;
	children: ConditionNode[];
}

export type ConditionNode = Group | Comparison;

/** Why a rule stays JSON: what the visual form cannot show, and where (a path inside the rule). */
export interface Unsupported {
	/**
	 * `operator`: an operator the builder does not offer; `shape`: a known operator used in a
	 * form the builder does not make; `type`: a comparison that does not fit the field's type;
	 * `literal`: a bare value where a condition belongs; `empty`: an `and`/`or` with nothing in it
	 * (always false in JSON-logic, which the builder never means by an empty group).
	 */
	code: 'operator' | 'shape' | 'type' | 'literal' | 'empty';
	path: (string | number)[];
	/** The operator, or the field, the problem is about. */
	subject?: string;
}

export type ParseResult = { ok: true; tree: Group } | { ok: false; reason: Unsupported };
