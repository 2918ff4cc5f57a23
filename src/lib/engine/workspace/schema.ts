/**
 * The workspace file, version 1: one JSON document holding a whole workspace. Objects keep the
 * keys the schema does not know (free account attributes, fields of later versions), so an import
 * followed by an export loses nothing.
 */
import * as z from 'zod';
import { isoDateProblem, isoDateTimeProblem } from '../dates';
import { MAX_SCORING_ENTRIES, MAX_WEIGHT } from '../limits';

export const WORKSPACE_FORMAT = 'scorecraft-workspace';
export const WORKSPACE_VERSION = 1;

const id = z.string().refine((value) => value.trim() !== '', 'expected a non-empty id');

/**
 * Group and measure ids become keys of score objects and segments of `var` paths in plays
 * (`score.groups.adoption`), so they are plain names.
 */
const key = z
	.string()
	.regex(
		/^[A-Za-z_][A-Za-z0-9_-]*$/,
		'expected an id of letters, digits, "_" or "-", starting with a letter or "_"'
	)
	.refine(
		(value) => !['__proto__', 'constructor', 'prototype'].includes(value),
		'this id is reserved'
	);

/** A string refused, with the reason `problem` gives (null: accepted). */
function checkedString(problem: (value: string) => string | null) {
	return z.string().superRefine((value, context) => {
		const found = problem(value);
		if (found) context.addIssue({ code: 'custom', message: found });
	});
}

/** A calendar date, `YYYY-MM-DD`, that exists (no 31 February). */
export const isoDate = checkedString(isoDateProblem);

/** A date, or a date and time in ISO 8601 (`unsubscribed_at`, `last_seen`), that exists. */
const isoDateTime = checkedString(isoDateTimeProblem);

/** A list of at most MAX_SCORING_ENTRIES: each entry is one more branch of the compiled scorer. */
function boundedList<T extends z.ZodType>(item: T) {
	return z.array(item).max(MAX_SCORING_ENTRIES, `expected at most ${MAX_SCORING_ENTRIES} entries`);
}

/** A JSON-logic rule: any JSON value (its operators are checked separately, with their paths). */
export const logic = z.json();

/** A weight in [0, MAX_WEIGHT]: the sums of weights in scoring stay finite. */
const weight = z
	.number()
	.min(0, 'expected a weight of 0 or more')
	.max(MAX_WEIGHT, `expected a weight of at most ${MAX_WEIGHT}`);
const points = z.number().refine(Number.isFinite, 'expected a finite number');

const metricValue = z.union([z.number(), z.boolean(), z.string(), z.null()]);

export const account = z.looseObject({
	id,
	name: z.string(),
	segment: z.string(),
	arr: z.number().nullable().optional(),
	renewal_date: isoDate.nullable().optional(),
	csm: z.string().nullable().optional(),
	tags: z.array(z.string()).optional(),
	do_not_contact: z.boolean().optional(),
	facts: z.record(z.string(), z.json()).optional()
});

export const contact = z.looseObject({
	id,
	account_id: id,
	email: z.string(),
	name: z.string().optional(),
	role: z.string().optional(),
	unsubscribed_at: isoDateTime.nullable().optional(),
	/** This person asked not to be contacted (the account's own flag covers everyone there). */
	do_not_contact: z.boolean().optional(),
	last_seen: isoDateTime.nullable().optional(),
	metrics: z.record(z.string(), metricValue).optional()
});

export const snapshot = z.looseObject({
	account_id: id,
	date: isoDate,
	metrics: z.record(z.string(), metricValue)
});

export const outcome = z.looseObject({
	account_id: id,
	date: isoDate,
	type: z.enum(['churned', 'renewed', 'expanded', 'downsold'])
});

const step = z
	.looseObject({ min: points.optional(), max: points.optional(), score: points })
	.refine((value) => (value.min === undefined) !== (value.max === undefined), {
		message: 'expected a step with either "min" or "max"'
	});

const linearPoints = boundedList(z.tuple([points, points]))
	.min(1, 'expected at least one [value, score] point')
	.refine(
		(list) => list.every((point, index) => index === 0 || point[0] > list[index - 1]![0]),
		'expected points in increasing order of value'
	);

export const scoring = z.discriminatedUnion(
	'type',
	[
		z.looseObject({ type: z.literal('steps'), steps: boundedList(step), else: points.optional() }),
		z.looseObject({ type: z.literal('linear'), points: linearPoints }),
		z.looseObject({
			type: z.literal('map'),
			map: z
				.record(z.string(), points)
				.refine(
					(map) => Object.keys(map).length <= MAX_SCORING_ENTRIES,
					`expected at most ${MAX_SCORING_ENTRIES} entries`
				),
			else: points.optional()
		}),
		z.looseObject({ type: z.literal('logic'), logic })
	],
	{ error: 'expected one of steps, linear, map, logic' }
);

/**
 * Time decay: the measure's value is averaged over 30-day periods back from the as-of date, each
 * period weighted half the one after it (1, ½, ¼, …), so recent behaviour counts most.
 */
export const decay = z.looseObject({
	periods: z
		.number()
		.int()
		.min(2, 'expected at least 2 periods')
		.max(24, 'expected at most 24 periods')
		.optional()
});

const days = z.number().int().min(1, 'expected at least 1 day');

/**
 * What a missing measure does: left out with the weights of the others renormalised (the
 * default), counted as a given score, or replaced by its last known value if that is recent.
 */
export const missingPolicy = z.discriminatedUnion(
	'policy',
	[
		z.looseObject({ policy: z.literal('leave_out') }),
		z.looseObject({ policy: z.literal('score'), score: points }),
		z.looseObject({ policy: z.literal('last_known'), max_days: days })
	],
	{ error: 'expected one of leave_out, score, last_known' }
);

/**
 * A measure a person enters (e.g. the Relationship score a CSM and an account manager agree on
 * each month): its value is the latest entry for the account, missing once older than
 * `validity_days` (stale).
 */
export const manual = z.looseObject({ validity_days: days });

export const measure = z.looseObject({
	id: key,
	name: z.string(),
	description: z.string().optional(),
	weight: weight.optional(),
	value: logic,
	scoring,
	decay: decay.optional(),
	missing: missingPolicy.optional(),
	manual: manual.optional()
});

export const group = z.looseObject({
	id: key,
	name: z.string(),
	weight: weight.optional(),
	measures: z.array(measure)
});

export const band = z.looseObject({
	name: z.string().min(1, 'expected a band name'),
	min: points,
	color: z.string().optional()
});

export const scorecard = z.looseObject({
	id,
	name: z.string(),
	description: z.string().optional(),
	priority: z.number().optional(),
	status: z.enum(['draft', 'published']).optional(),
	version: z.number().int().min(1).optional(),
	applies_to: logic.optional(),
	bands: boundedList(band).min(1, 'expected at least one band').optional(),
	groups: z.array(group).min(1, 'expected at least one group')
});

const emailAction = z.looseObject({
	type: z.literal('email'),
	template: id,
	to: z.string().min(1)
});
const taskAction = z.looseObject({
	type: z.literal('task'),
	title: z.string().min(1, 'expected a title'),
	assignee: z.string().optional(),
	due_in_days: z.number().int().min(0).optional()
});
const tagAction = z.looseObject({
	type: z.literal('tag'),
	add: z.array(z.string()).optional(),
	remove: z.array(z.string()).optional()
});
const webhookAction = z.looseObject({
	type: z.literal('webhook'),
	url: z.url(),
	body: z.json().optional()
});

export const play = z.looseObject({
	id,
	name: z.string(),
	enabled: z.boolean(),
	mode: z.enum(['auto', 'approve']),
	when: logic,
	actions: z.array(
		z.discriminatedUnion('type', [emailAction, taskAction, tagAction, webhookAction], {
			error: 'expected one of email, task, tag, webhook'
		})
	),
	cooldown_days: z.number().int().min(0),
	audience: z.looseObject({ segments: z.array(z.string()).optional() }).optional()
});

export const template = z.looseObject({ id, subject: z.string(), mjml: z.string() });

/** One value a person entered for a manual measure, kept with who and when. */
export const manualEntry = z.looseObject({
	account_id: id,
	measure_id: key,
	value: z.union([z.number(), z.boolean(), z.string()]),
	comment: z.string().optional(),
	entered_by: z.string(),
	entered_at: isoDateTime
});

/** A published version of a scorecard, kept so any can be compared or rolled back to. */
export const scorecardVersion = z.looseObject({
	scorecard_id: key,
	version: z.number().int().min(1),
	published_at: isoDateTime,
	published_by: z.string(),
	scorecard
});

/** The edits of a scorecard not published yet; at most one per scorecard. */
export const scorecardDraft = z.looseObject({
	scorecard_id: key,
	updated_at: isoDateTime,
	/** The published version the draft started from; absent for a new scorecard. */
	based_on: z.number().int().min(1).optional(),
	/** Where the draft came from when not the builder (e.g. "backtest"). */
	origin: z.string().optional(),
	scorecard
});

/** A plan entry kept by a run (see `plays/types.ts`), with what happened to it since. */
export const outboxEntry = z.looseObject({
	key: z.string().min(1),
	play_id: id,
	account_id: id,
	action: z.enum(['email', 'task', 'tag', 'webhook']),
	action_index: z.number().int().min(0),
	recipient: z.string(),
	status: z.enum(['planned', 'approved', 'sending', 'sent', 'failed', 'suppressed', 'rejected']),
	suppression: z.string().optional(),
	reason: z.string(),
	conditions: z.array(z.looseObject({ text: z.string(), held: z.boolean() })),
	mode: z.enum(['auto', 'approve']),
	detail: z.looseObject({ type: z.enum(['email', 'task', 'tag', 'webhook']) }),
	conflicts: z.array(z.string()).optional(),
	created_at: isoDateTime,
	updated_at: isoDateTime,
	attempts: z.number().int().min(0),
	error: z.string().optional(),
	message_id: z.string().optional(),
	decided_by: z.string().optional(),
	decided_at: isoDateTime.optional()
});

/** A CSM task a play created; its id is its outbox entry's key. */
export const task = z.looseObject({
	id: z.string().min(1),
	account_id: id,
	play_id: id,
	title: z.string(),
	assignee: z.string(),
	due_date: isoDate,
	status: z.enum(['open', 'done', 'snoozed']),
	snoozed_until: isoDate.optional(),
	completed_at: isoDateTime.optional(),
	created_at: isoDateTime,
	seen_at: isoDateTime.optional(),
	/** When it is due to the hour (band playbooks' response times); `due_date` is its date. */
	due_at: isoDateTime.optional(),
	/** A task a band playbook created: the response to an account entering a band, or its escalation. */
	sla: z
		.looseObject({
			band: z.string(),
			kind: z.enum(['response', 'escalation']),
			/** Response: when it was escalated to the manager, once overdue. */
			escalated_at: isoDateTime.optional(),
			/** Escalation: the overdue response task's id, and who it was assigned to. */
			of: z.string().optional(),
			csm: z.string().optional()
		})
		.optional()
});

const count = z.number().int('expected a whole number').min(0, 'expected 0 or more');

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why `value` is not a link an email may carry, or null: only `https:` and `http:` web addresses,
 * since a link in a setting ends up as an `href` in every message (`javascript:` or `data:` there
 * would run or show whatever it holds). The message names the scheme that was refused.
 */
export function webLinkProblem(value: string): string | null {
	if (CONTROL.test(value)) return 'control characters (CR/LF) are refused';
	const text = value.trim();
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
	if (scheme && scheme !== 'http' && scheme !== 'https')
		return `${scheme}: links are refused: expected a web address starting with https:// or http://`;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return 'expected a web address starting with https:// or http://';
	}
	if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
		return 'expected a web address starting with https:// or http://';
	if (url.username || url.password) return 'a web address with a user name or password is refused';
	return null;
}

/** A link setting: a web address, or empty (not set). */
const webLink = z.string().superRefine((value, context) => {
	const problem = value.trim() === '' ? null : webLinkProblem(value);
	if (problem) context.addIssue({ code: 'custom', message: problem });
});

/**
 * The response a team commits to when an account enters a band: who acts (the account's CSM, or
 * their manager) and within how many hours (0: at once); no hours: the regular cadence, no task.
 */
export const bandPlaybook = z.looseObject({
	band: z.string().min(1, 'expected a band name'),
	response: z.string().min(1, 'expected the response, e.g. "Call the customer"').max(200),
	respond_within_hours: z
		.number()
		.int()
		.min(0)
		.max(24 * 90)
		.nullable(),
	to: z.enum(['csm', 'manager'])
});

/** Text shown in every footer: one line, no control characters. */
const footerText = z
	.string()
	.max(300, 'expected at most 300 characters')
	.refine((value) => !CONTROL.test(value), 'control characters (CR/LF) are refused');

export const workspace = z.looseObject({
	format: z.literal(WORKSPACE_FORMAT, { error: `expected "${WORKSPACE_FORMAT}"` }),
	version: z.literal(WORKSPACE_VERSION, { error: `expected ${WORKSPACE_VERSION}` }),
	accounts: z.array(account),
	contacts: z.array(contact),
	snapshots: z.array(snapshot),
	outcomes: z.array(outcome),
	scorecards: z.array(scorecard),
	plays: z.array(play),
	templates: z.array(template),
	settings: z.looseObject({
		contact_email_cap_7d: count.optional(),
		run_email_cap: count.optional(),
		/** The hour (UTC) the server runs the published plays each day; absent: no daily run. */
		daily_run_hour: z.number().int().min(0).max(23).optional(),
		// Sender details of files from before the server's sender identity (Settings → Sender),
		// which wins over them: still valid, used where the identity leaves the field empty.
		sender_name: footerText.optional(),
		sender_postal_address: footerText.optional(),
		training_url: webLink.optional(),
		community_url: webLink.optional(),
		help_url: webLink.optional(),
		band_playbooks: z.array(bandPlaybook).max(20).optional()
	}),
	// Later additions to version 1, optional so that older files stay valid.
	manual_entries: z.array(manualEntry).optional(),
	scorecard_versions: z.array(scorecardVersion).optional(),
	scorecard_drafts: z.array(scorecardDraft).optional(),
	outbox: z.array(outboxEntry).optional(),
	tasks: z.array(task).optional()
});

/** The top-level keys the format defines; any other key of a file is kept aside and given back. */
export const WORKSPACE_KEYS: ReadonlySet<string> = new Set(Object.keys(workspace.shape));
