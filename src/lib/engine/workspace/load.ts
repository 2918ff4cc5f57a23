/**
 * Loading a workspace: the schema, then every JSON-logic rule, then the references between
 * records. Everything wrong is reported at once, each problem with its JSON path.
 */
import type * as z from 'zod';
import { deeperThan, MAX_JSON_DEPTH, MAX_RULE_DEPTH } from '../limits';
import { checkLogic, varsRead, type Logic } from '../logic';
import { isRecipientForm, RECIPIENT_FORMS } from '../plays/recipients';
import {
	decodeProblem,
	problem,
	valueKind,
	valueText,
	type IdKind,
	type Problem
} from '../problems';
import type { Play, Result, Scorecard, Workspace, WorkspaceIssue } from '../types';
import { formatPath } from './path';
import { play as playSchema } from './plays-schema';
import { workspace as workspaceSchema, WORKSPACE_FORMAT, WORKSPACE_VERSION } from './schema';

export function parseWorkspace(input: unknown): Result<Workspace, WorkspaceIssue> {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return fail([{ path: '(root)', ...problem('not_object') }]);
	}
	const header = input as { format?: unknown; version?: unknown };
	if (
		header.format === WORKSPACE_FORMAT &&
		typeof header.version === 'number' &&
		header.version > WORKSPACE_VERSION
	) {
		return fail([
			{
				path: 'version',
				...problem('newer_version', { version: header.version, supported: WORKSPACE_VERSION })
			}
		]);
	}
	// The schema recurses into nested values: anything nested too deep is refused before it runs.
	const tooDeep = depthIssues(input, rulesOf(input as RuleHolder));
	if (tooDeep.length) return fail(tooDeep);
	const parsed = workspaceSchema.safeParse(input);
	// Rules are checked even when the rest is malformed, so one pass reports every problem.
	const ruleIssues = checkRules(input as RuleHolder);
	if (!parsed.success)
		return fail([...parsed.error.issues.map((issue) => fromZod(issue, input)), ...ruleIssues]);
	const issues = [...ruleIssues, ...checkReferences(parsed.data), ...checkPlays(parsed.data)];
	return issues.length ? fail(issues) : { ok: true, value: parsed.data };
}

function fail(errors: WorkspaceIssue[]): Result<Workspace, WorkspaceIssue> {
	return { ok: false, errors };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
	let current = root;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

/** What a schema of the workspace refused in `input`, each problem at its path. */
export function zodIssues(error: z.ZodError, input: unknown): WorkspaceIssue[] {
	return error.issues.map((issue) => fromZod(issue, input));
}

/** Zod's issue as the workspace's problem: a refinement's own, or one worded from zod's code. */
function fromZod(issue: z.core.$ZodIssue, input: unknown): WorkspaceIssue {
	const path = formatPath(issue.path);
	return { path, ...(decodeProblem(issue.message) ?? zodProblem(issue, input)) };
}

function zodProblem(issue: z.core.$ZodIssue, input: unknown): Problem {
	switch (issue.code) {
		case 'invalid_type': {
			const actual = valueAt(input, issue.path);
			const expected = String(issue.expected);
			return actual === undefined
				? problem('required', { expected })
				: problem('wrong_type', { expected, got: valueKind(actual), value: valueText(actual) });
		}
		case 'invalid_value':
			return problem('one_of', { values: issue.values.map((value) => String(value)).join(', ') });
		case 'invalid_format':
			return issue.format === 'url'
				? problem('not_url')
				: problem('bad_format', { format: issue.format });
		case 'too_small': {
			const minimum = Number(issue.minimum);
			if (issue.origin === 'array' || issue.origin === 'set')
				return problem('too_few', { minimum });
			if (issue.origin === 'string' && minimum === 1) return problem('empty_text');
			return problem('too_small', { minimum });
		}
		case 'too_big': {
			const maximum = Number(issue.maximum);
			if (issue.origin === 'array' || issue.origin === 'set')
				return problem('too_many', { maximum });
			if (issue.origin === 'string') return problem('too_long', { maximum });
			return problem('too_large', { maximum });
		}
		case 'invalid_union':
			return problem('no_shape');
		default:
			return problem('other', { text: issue.message });
	}
}

function logicIssues(rule: Logic | undefined, path: PropertyKey[]): WorkspaceIssue[] {
	if (rule === undefined) return [];
	return checkLogic(rule).map((found) => ({
		...found,
		path: formatPath([...path, ...found.path])
	}));
}

/** The parts of a workspace that hold rules, as far as an unvalidated document has them. */
interface RuleHolder {
	scorecards?: unknown;
	scorecard_versions?: unknown;
	scorecard_drafts?: unknown;
	plays?: unknown;
}

/** Visits the objects of what should be a list, with their indexes; anything else is skipped. */
function each(list: unknown, visit: (item: Record<string, unknown>, index: number) => void): void {
	if (!Array.isArray(list)) return;
	list.forEach((item, index) => {
		if (typeof item === 'object' && item !== null) visit(item as Record<string, unknown>, index);
	});
}

interface RuleAt {
	rule: unknown;
	path: PropertyKey[];
}

/** The rules of a workspace, with their paths, as far as an unvalidated document has them. */
function rulesOf(workspace: RuleHolder): RuleAt[] {
	const rules: RuleAt[] = [];
	const add = (rule: unknown, path: PropertyKey[]) => {
		if (rule !== undefined) rules.push({ rule, path });
	};
	const addScorecard = (card: Record<string, unknown>, at: PropertyKey[]) => {
		add(card.applies_to, [...at, 'applies_to']);
		each(card.groups, (group, g) =>
			each(group.measures, (measure, m) => {
				const path = [...at, 'groups', g, 'measures', m];
				add(measure.value, [...path, 'value']);
				const scoring = measure.scoring as { type?: unknown; logic?: unknown } | undefined;
				if (scoring?.type === 'logic') add(scoring.logic, [...path, 'scoring', 'logic']);
			})
		);
	};
	each(workspace.scorecards, (card, c) => addScorecard(card, ['scorecards', c]));
	for (const list of ['scorecard_versions', 'scorecard_drafts'] as const) {
		each(workspace[list], (kept, i) => {
			if (typeof kept.scorecard === 'object' && kept.scorecard !== null)
				addScorecard(kept.scorecard as Record<string, unknown>, [list, i, 'scorecard']);
		});
	}
	each(workspace.plays, (play, p) => add(play.when, ['plays', p, 'when']));
	return rules;
}

function checkRules(workspace: RuleHolder): WorkspaceIssue[] {
	return rulesOf(workspace).flatMap(({ rule, path }) => logicIssues(rule as Logic, path));
}

/** Segments of a too-deep path shown before it is cut (`a.b.c…`): enough to find the field. */
const SHOWN_SEGMENTS = 8;

/**
 * Values nested too deep, found without recursion: each rule past MAX_RULE_DEPTH, at the rule's
 * path; anything else past MAX_JSON_DEPTH, at its path cut to a readable length.
 */
function depthIssues(input: unknown, rules: readonly RuleAt[]): WorkspaceIssue[] {
	const issues: WorkspaceIssue[] = [];
	const reported = new Set<unknown>();
	for (const { rule, path } of rules) {
		if (!deeperThan(rule, MAX_RULE_DEPTH)) continue;
		issues.push({ path: formatPath(path), ...problem('too_deep', { maximum: MAX_RULE_DEPTH }) });
		reported.add(rule);
	}
	const deep = deeperThan(input, MAX_JSON_DEPTH, reported);
	if (deep)
		issues.push({
			path: `${formatPath(deep.slice(0, SHOWN_SEGMENTS))}${deep.length > SHOWN_SEGMENTS ? '…' : ''}`,
			...problem('too_deep', { maximum: MAX_JSON_DEPTH })
		});
	return issues;
}

/** Reports each key seen before in the same list, pointing at its first use. */
function duplicates<T>(
	items: readonly T[],
	key: (item: T) => string,
	path: (index: number) => string,
	found: (item: T, first: string) => Problem
): WorkspaceIssue[] {
	const seen = new Map<string, number>();
	const issues: WorkspaceIssue[] = [];
	items.forEach((item, index) => {
		const first = seen.get(key(item));
		if (first === undefined) seen.set(key(item), index);
		else issues.push({ path: path(index), ...found(item, path(first)) });
	});
	return issues;
}

/** A repeated id of `kind`, as `duplicates` reports it. */
const duplicateId =
	(kind: IdKind) =>
	(item: { id: string }, first: string): Problem =>
		problem('duplicate_id', { kind, id: item.id, first });

const ID_LISTS = [
	['accounts', 'account'],
	['contacts', 'contact'],
	['scorecards', 'scorecard'],
	['plays', 'play'],
	['templates', 'template']
] as const;

function checkReferences(workspace: Workspace): WorkspaceIssue[] {
	const issues: WorkspaceIssue[] = [];
	for (const [list, kind] of ID_LISTS) {
		const items: readonly { id: string }[] = workspace[list];
		issues.push(
			...duplicates(
				items,
				(item) => item.id,
				(i) => `${list}[${i}].id`,
				duplicateId(kind)
			)
		);
	}
	issues.push(
		...duplicates(
			workspace.snapshots,
			(s) => `${s.account_id} on ${s.date}`,
			(i) => `snapshots[${i}]`,
			(s, first) => problem('duplicate_snapshot', { account: s.account_id, date: s.date, first })
		)
	);
	const accountIds = new Set(workspace.accounts.map((account) => account.id));
	for (const list of ['contacts', 'snapshots', 'outcomes', 'manual_entries'] as const) {
		(workspace[list] ?? []).forEach((record, index) => {
			if (!accountIds.has(record.account_id)) {
				issues.push({
					path: `${list}[${index}].account_id`,
					...problem('unknown_account', { id: record.account_id })
				});
			}
		});
	}
	issues.push(
		...duplicates(
			workspace.scorecard_versions ?? [],
			(v) => `${v.scorecard_id} version ${v.version}`,
			(i) => `scorecard_versions[${i}]`,
			(v, first) =>
				problem('duplicate_version', { scorecard: v.scorecard_id, version: v.version, first })
		),
		...duplicates(
			workspace.scorecard_drafts ?? [],
			(d) => d.scorecard_id,
			(i) => `scorecard_drafts[${i}].scorecard_id`,
			(d, first) => problem('duplicate_draft', { scorecard: d.scorecard_id, first })
		)
	);
	for (const list of ['scorecard_versions', 'scorecard_drafts'] as const) {
		(workspace[list] ?? []).forEach((kept, i) => {
			if (kept.scorecard.id !== kept.scorecard_id)
				issues.push({
					path: `${list}[${i}].scorecard.id`,
					...problem('kept_id_mismatch', { expected: kept.scorecard_id })
				});
		});
	}
	workspace.scorecards.forEach((card, c) => {
		const at = `scorecards[${c}]`;
		issues.push(
			...duplicates(
				card.groups,
				(g) => g.id,
				(g) => `${at}.groups[${g}].id`,
				duplicateId('group')
			)
		);
		// Measure ids key the scores of the whole scorecard, so they are unique across its groups.
		const measures = card.groups.flatMap((group, g) =>
			group.measures.map((measure, m) => ({
				id: measure.id,
				path: `${at}.groups[${g}].measures[${m}].id`
			}))
		);
		issues.push(
			...duplicates(
				measures,
				(m) => m.id,
				(i) => measures[i]!.path,
				duplicateId('measure')
			)
		);
		if (card.bands)
			issues.push(
				...duplicates(
					card.bands,
					(b) => b.name,
					(b) => `${at}.bands[${b}].name`,
					(b, first) => problem('duplicate_id', { kind: 'band', id: b.name, first })
				)
			);
	});
	return issues;
}

/** Group and measure ids across scorecards: what a play's condition may read. */
function scoreIds(scorecards: readonly Scorecard[]): {
	groups: Set<string>;
	measures: Set<string>;
} {
	const groups = new Set<string>();
	const measures = new Set<string>();
	for (const card of scorecards)
		for (const group of card.groups) {
			groups.add(group.id);
			for (const measure of group.measures) measures.add(measure.id);
		}
	return { groups, measures };
}

/**
 * What a play names must exist: a group or measure its condition reads (`score.groups.x`) in some
 * scorecard, and a recipient form its emails know. Caught when the workspace loads, not when a
 * condition quietly never holds. Paths start with `at` (e.g. `plays[0]`).
 */
function playReferenceIssues(
	play: Play,
	at: string,
	ids: { groups: Set<string>; measures: Set<string> }
): WorkspaceIssue[] {
	const issues: WorkspaceIssue[] = [];
	const prefix = at ? `${at}.` : '';
	for (const path of varsRead(play.when as Logic)) {
		const [root, kind, id] = path.split('.');
		if (root !== 'score' || id === undefined) continue;
		if (kind === 'groups' && !ids.groups.has(id))
			issues.push({ path: `${prefix}when`, ...problem('unknown_group', { id, path }) });
		if (kind === 'measures' && !ids.measures.has(id))
			issues.push({ path: `${prefix}when`, ...problem('unknown_measure', { id, path }) });
	}
	play.actions.forEach((action, a) => {
		if (action.type === 'email' && !isRecipientForm(action.to))
			issues.push({
				path: `${prefix}actions[${a}].to`,
				...problem('unknown_recipients', { to: action.to, forms: RECIPIENT_FORMS.join(', ') })
			});
	});
	return issues;
}

function checkPlays(workspace: Workspace): WorkspaceIssue[] {
	const ids = scoreIds(workspace.scorecards);
	return workspace.plays.flatMap((play, p) => playReferenceIssues(play, `plays[${p}]`, ids));
}

/**
 * One play on its own, as the play editor saves it: its shape, its condition's JSON-logic and what
 * it names, checked against the workspace's scorecards. Paths are relative to the play.
 */
export function parsePlay(
	input: unknown,
	scorecards: readonly Scorecard[]
): Result<Play, WorkspaceIssue> {
	const when = (input as { when?: unknown } | null)?.when;
	const tooDeep = depthIssues(input, when === undefined ? [] : [{ rule: when, path: ['when'] }]);
	if (tooDeep.length) return { ok: false, errors: tooDeep };
	const parsed = playSchema.safeParse(input);
	const ruleIssues = logicIssues(when as Logic | undefined, ['when']);
	if (!parsed.success)
		return {
			ok: false,
			errors: [...parsed.error.issues.map((issue) => fromZod(issue, input)), ...ruleIssues]
		};
	const issues = [...ruleIssues, ...playReferenceIssues(parsed.data, '', scoreIds(scorecards))];
	return issues.length ? { ok: false, errors: issues } : { ok: true, value: parsed.data };
}
