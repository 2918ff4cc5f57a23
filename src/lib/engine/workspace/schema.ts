/**
 * The workspace file, version 1: one JSON document holding a whole workspace (its shared fields
 * in `fields.ts`; its plays, outbox and tasks in `plays-schema.ts`). Objects keep the keys the
 * schema does not know (free account attributes, fields of later versions), so an import followed
 * by an export loses nothing.
 */
import * as z from 'zod';
import { MAX_SCORING_ENTRIES } from '../limits';
import { encodeProblem } from '../problems';
import {
	boundedList,
	count,
	footerText,
	id,
	isoDate,
	isoDateTime,
	key,
	logic,
	metricValue,
	points,
	webLink,
	weight
} from './fields';
import { bandPlaybook, outboxEntry, play, task, template } from './plays-schema';

export const WORKSPACE_FORMAT = 'scorecraft-workspace';
export const WORKSPACE_VERSION = 1;

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
	/**
	 * The person's language as a BCP 47 tag (`ja`, `en-GB`): an email goes out in the template's
	 * variant for it when there is one (`<template id>.ja`). None: the template itself.
	 */
	locale: z.string().optional(),
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
		message: encodeProblem('step_min_or_max')
	});

const linearPoints = boundedList(z.tuple([points, points]))
	.min(1)
	.refine(
		(list) => list.every((point, index) => index === 0 || point[0] > list[index - 1]![0]),
		encodeProblem('points_order')
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
					encodeProblem('too_many', { maximum: MAX_SCORING_ENTRIES })
				),
			else: points.optional()
		}),
		z.looseObject({ type: z.literal('logic'), logic })
	],
	{ error: encodeProblem('one_of', { values: 'steps, linear, map, logic' }) }
);

/**
 * Time decay: the measure's value is averaged over 30-day periods back from the as-of date, each
 * period weighted half the one after it (1, ½, ¼, …), so recent behaviour counts most.
 */
export const decay = z.looseObject({
	periods: z.number().int().min(2).max(24).optional()
});

const days = z.number().int().min(1);

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
	{ error: encodeProblem('one_of', { values: 'leave_out, score, last_known' }) }
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
	name: z.string().min(1),
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
	bands: boundedList(band).min(1).optional(),
	groups: z.array(group).min(1)
});

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

export const workspace = z.looseObject({
	format: z.literal(WORKSPACE_FORMAT),
	version: z.literal(WORKSPACE_VERSION),
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
