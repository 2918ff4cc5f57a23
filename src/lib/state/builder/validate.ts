/**
 * Checks one scorecard with the workspace's own rules (schema, JSON-logic, unique ids), by
 * wrapping it in a workspace of its own: the builder and an import never disagree on what is valid.
 */
import {
	parseWorkspace,
	emptyWorkspace,
	type Result,
	type Scorecard,
	type WorkspaceIssue
} from '$lib/engine';

const PREFIX = 'scorecards[0]';

/** The scorecard, or every problem with its path inside the scorecard (e.g. `groups[1].weight`). */
export function validateScorecard(input: unknown): Result<Scorecard, WorkspaceIssue> {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		return { ok: false, errors: [{ path: '(root)', message: 'expected a JSON object' }] };
	const parsed = parseWorkspace({ ...emptyWorkspace(), scorecards: [input] });
	if (parsed.ok) return { ok: true, value: parsed.value.scorecards[0]! };
	return {
		ok: false,
		errors: parsed.errors.map((issue) => ({
			...issue,
			path:
				issue.path === PREFIX
					? '(root)'
					: issue.path.startsWith(`${PREFIX}.`)
						? issue.path.slice(PREFIX.length + 1)
						: issue.path,
			message: issue.message.replaceAll(`${PREFIX}.`, '')
		}))
	};
}

/** Reads scorecard JSON typed or pasted by the user: a parse error is reported like any problem. */
export function parseScorecardJson(text: string): Result<Scorecard, WorkspaceIssue> {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return { ok: false, errors: [{ path: '(root)', message: (error as Error).message }] };
	}
	return validateScorecard(value);
}
