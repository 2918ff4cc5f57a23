import type { Problem } from '../problems';

/** Any JSON value. Every JSON value is a JSON-logic rule: literals evaluate to themselves. */
export type JsonValue =
	null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON-logic rule, e.g. `{"/": [{"var": "seats_active"}, {"var": "seats_purchased"}]}`. */
export type Logic = JsonValue;

/** A compiled rule: evaluates against one data object (the scope its `var`s read). */
export type CompiledLogic = (data: unknown) => unknown;

/** One thing wrong with a rule, at a path inside it (e.g. `["/", 0, "var"]`). */
export interface LogicProblem extends Problem {
	path: (string | number)[];
}
