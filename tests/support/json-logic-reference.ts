/**
 * json-logic-js with Scorecraft's one departure: `<`, `<=`, `>`, `>=` (and the between forms) are
 * false when an operand is missing (null, absent, NaN, ±Infinity). Written apart from the engine,
 * on json-logic-js itself, so the tests compare the engine with an independent reading: a rule's
 * comparisons are renamed to operators registered here, and everything else is json-logic-js's.
 * It also tells whether an evaluation compared a missing operand, which is exactly when the
 * engine and plain json-logic-js may disagree.
 */
import jsonLogic, { type RulesLogic } from 'json-logic-js';

const isMissing = (value: unknown) =>
	value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value));

let comparedMissing = false;

/** The operands json-logic-js would compare: a third argument makes `<` and `<=` a between. */
function operands(values: unknown[]): unknown[] {
	return values[2] === undefined ? values.slice(0, 2) : values.slice(0, 3);
}

function comparison(compare: (a: number, b: number) => boolean, between: boolean) {
	return (...values: unknown[]) => {
		const used = between ? operands(values) : values.slice(0, 2);
		while (used.length < 2) used.push(undefined);
		if (used.some(isMissing)) {
			comparedMissing = true;
			return false;
		}
		const numbers = used as number[];
		return numbers.every((value, i) => i === 0 || compare(numbers[i - 1]!, value));
	};
}

const RENAMED: Record<string, string> = {
	'<': 'scorecraft_lt',
	'<=': 'scorecraft_le',
	'>': 'scorecraft_gt',
	'>=': 'scorecraft_ge'
};
jsonLogic.add_operation(
	RENAMED['<']!,
	comparison((a, b) => a < b, true)
);
jsonLogic.add_operation(
	RENAMED['<=']!,
	comparison((a, b) => a <= b, true)
);
jsonLogic.add_operation(
	RENAMED['>']!,
	comparison((a, b) => a > b, false)
);
jsonLogic.add_operation(
	RENAMED['>=']!,
	comparison((a, b) => a >= b, false)
);

/** The rule with its comparison operators renamed; json-logic-js reads one-key objects as operations. */
function renamed(rule: unknown): unknown {
	if (Array.isArray(rule)) return rule.map(renamed);
	if (typeof rule !== 'object' || rule === null) return rule;
	const keys = Object.keys(rule);
	if (keys.length !== 1) return rule;
	const op = keys[0]!;
	return { [RENAMED[op] ?? op]: renamed((rule as Record<string, unknown>)[op]) };
}

const renamedRules = new WeakMap<object, unknown>();

/** The renamed rule, made once per rule object: the benchmark's baselines must time json-logic-js, not the renaming. */
function renamedOnce(rule: unknown): unknown {
	if (typeof rule !== 'object' || rule === null) return rule;
	let done = renamedRules.get(rule);
	if (done === undefined) renamedRules.set(rule, (done = renamed(rule)));
	return done;
}

/** Evaluates a rule with Scorecraft's semantics; `comparedMissing` says whether the departure applied. */
export function referenceApply(
	rule: unknown,
	data: unknown
): { value: unknown; comparedMissing: boolean } {
	comparedMissing = false;
	const value = jsonLogic.apply(renamedOnce(rule) as RulesLogic, data);
	return { value, comparedMissing };
}

/** The value alone, for callers that only need Scorecraft's reading. */
export const apply = (rule: unknown, data: unknown): unknown => referenceApply(rule, data).value;

export const truthy = (value: unknown): boolean => jsonLogic.truthy(value);
