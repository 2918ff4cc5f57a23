/**
 * The stated limits on what the engine accepts. Each guards something that would otherwise end
 * the process (a stack overflow in a recursive schema or compiler, a spread past the engine's
 * argument limit, a sample that exhausts memory) or give nonsense (weights whose sum overflows);
 * input beyond one is refused at load, with the path of what exceeds it.
 */

/** Nesting of a whole workspace document (objects and arrays), checked before the schema recurses. */
export const MAX_JSON_DEPTH = 100;

/** Nesting of one JSON-logic rule: `{"+": [1, 2]}` is 2 levels (the operation, its arguments). */
export const MAX_RULE_DEPTH = 64;

/** Items of one array in a rule: an operation's arguments or a literal list. */
export const MAX_RULE_ARRAY = 10_000;

/** Entries of one scoring table (steps, linear points, map entries) or of a scorecard's bands. */
export const MAX_SCORING_ENTRIES = 1_000;

/** A group's or measure's weight lies in [0, MAX_WEIGHT], so sums of weights stay finite. */
export const MAX_WEIGHT = 1_000_000;

/**
 * A generated sample's accounts, and its accounts × weeks (about one snapshot per account and
 * week): at both bounds the workspace is about 470 MB of JSON, within the largest string a
 * JavaScript engine holds (about 512 MB), so `engine sample` can still write it.
 */
export const MAX_SAMPLE_ACCOUNTS = 100_000;
export const MAX_SAMPLE_ACCOUNT_WEEKS = 1_000_000;

/**
 * The path of the first object or array of `value` nested deeper than `limit` levels (the value
 * itself, when a container, is level 1), or null when none is. Iterative, so any depth is safe to
 * check; containers in `skip` are not entered.
 */
export function deeperThan(
	value: unknown,
	limit: number,
	skip: ReadonlySet<unknown> = new Set()
): (string | number)[] | null {
	// Whole workspaces pass through here: the walk that finds nothing allocates only its stack.
	return tooDeep(value, limit, skip) ? firstTooDeep(value, limit, skip) : null;
}

const isContainer = (value: unknown, skip: ReadonlySet<unknown>): value is object =>
	value !== null && typeof value === 'object' && !skip.has(value);

function tooDeep(value: unknown, limit: number, skip: ReadonlySet<unknown>): boolean {
	if (!isContainer(value, skip)) return false;
	const values: object[] = [value];
	const depths: number[] = [1];
	while (values.length > 0) {
		const node = values.pop()!;
		const depth = depths.pop()!;
		if (depth > limit) return true;
		if (Array.isArray(node)) {
			for (const child of node)
				if (isContainer(child, skip)) {
					values.push(child);
					depths.push(depth + 1);
				}
		} else {
			for (const key in node) {
				const child = (node as Record<string, unknown>)[key];
				if (Object.hasOwn(node, key) && isContainer(child, skip)) {
					values.push(child);
					depths.push(depth + 1);
				}
			}
		}
	}
	return false;
}

/** The path to the first too-deep node in document order (once `tooDeep` has found there is one). */
function firstTooDeep(
	value: unknown,
	limit: number,
	skip: ReadonlySet<unknown>
): (string | number)[] {
	interface Entry {
		value: object;
		depth: number;
		parent: Entry | null;
		key: string | number;
	}
	const stack: Entry[] = [{ value: value as object, depth: 1, parent: null, key: '' }];
	while (stack.length > 0) {
		const entry = stack.pop()!;
		if (entry.depth > limit) {
			const path: (string | number)[] = [];
			for (let at: Entry | null = entry; at?.parent; at = at.parent) path.push(at.key);
			return path.reverse();
		}
		const keys: (string | number)[] = Array.isArray(entry.value)
			? entry.value.map((_, index) => index)
			: Object.keys(entry.value);
		// Pushed last to first, so the first too-deep node in document order is the one found.
		for (let i = keys.length - 1; i >= 0; i--) {
			const key = keys[i]!;
			const child = (entry.value as Record<string | number, unknown>)[key];
			if (isContainer(child, skip))
				stack.push({ value: child, depth: entry.depth + 1, parent: entry, key });
		}
	}
	return [];
}
