/**
 * One scorecard checked on its own, as the builder, its JSON tab and the preview check a draft: by
 * the workspace's own rules (schema, JSON-logic, unique ids), wrapping it in a workspace of its
 * own, so that the builder and an import never disagree on what is valid.
 */
import { problem, type Problem } from '../problems';
import type { Result, Scorecard, WorkspaceIssue } from '../types';
import { emptyWorkspace } from './empty';
import { parseWorkspace } from './load';

const PREFIX = 'scorecards[0]';

/** A path inside the wrapping workspace, as a path inside the scorecard. */
function inScorecard(path: string): string {
	if (path === PREFIX) return '(root)';
	return path.startsWith(`${PREFIX}.`) ? path.slice(PREFIX.length + 1) : path;
}

/** The problem with the places it names (a duplicate's first use) inside the scorecard too. */
function relocated(found: Problem): Problem {
	if (typeof found.params.first !== 'string') return found;
	const params = { ...found.params, first: inScorecard(found.params.first) };
	return (problem as (code: string, params: object) => Problem)(found.code, params);
}

/** The scorecard, or every problem with its path inside the scorecard (e.g. `groups[1].weight`). */
export function parseScorecard(input: unknown): Result<Scorecard, WorkspaceIssue> {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		return { ok: false, errors: [{ path: '(root)', ...problem('not_object') }] };
	const parsed = parseWorkspace({ ...emptyWorkspace(), scorecards: [input] });
	if (parsed.ok) return { ok: true, value: parsed.value.scorecards[0]! };
	return {
		ok: false,
		errors: parsed.errors.map((issue) => ({ ...relocated(issue), path: inScorecard(issue.path) }))
	};
}

/** Scorecard JSON typed or pasted by a person: text that is not JSON is a problem like any other. */
export function parseScorecardJson(text: string): Result<Scorecard, WorkspaceIssue> {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return {
			ok: false,
			errors: [{ path: '(root)', ...problem('not_json', { detail: (error as Error).message }) }]
		};
	}
	return parseScorecard(value);
}
