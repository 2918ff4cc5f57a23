/**
 * The fields the workspace file's records share: ids, dates, rules, weights, links and one-line
 * texts, each refused with a message that says what was expected.
 */
import * as z from 'zod';
import { isoDateProblem, isoDateTimeProblem } from '../dates';
import { MAX_SCORING_ENTRIES, MAX_WEIGHT } from '../limits';
import { encodeProblem, problem, type Problem } from '../problems';

export const id = z.string().refine((value) => value.trim() !== '', encodeProblem('empty_id'));

/**
 * Group and measure ids become keys of score objects and segments of `var` paths in plays
 * (`score.groups.adoption`), so they are plain names.
 */
export const key = z
	.string()
	.regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, encodeProblem('bad_key'))
	.refine(
		(value) => !['__proto__', 'constructor', 'prototype'].includes(value),
		encodeProblem('reserved_id')
	);

/** A string refused, with the reason `problemOf` gives (null: accepted). */
function checkedString(problemOf: (value: string) => Problem | null) {
	return z.string().superRefine((value, context) => {
		const found = problemOf(value);
		if (found) context.addIssue({ code: 'custom', message: carried(found) });
	});
}

/** A problem found by a check of its own, carried through zod like a refinement's. */
const carried = (found: Problem) =>
	(encodeProblem as (code: string, params: object) => string)(found.code, found.params);

/** A calendar date, `YYYY-MM-DD`, that exists (no 31 February). */
export const isoDate = checkedString(isoDateProblem);

/** A date, or a date and time in ISO 8601 (`unsubscribed_at`, `last_seen`), that exists. */
export const isoDateTime = checkedString(isoDateTimeProblem);

/** A list of at most MAX_SCORING_ENTRIES: each entry is one more branch of the compiled scorer. */
export function boundedList<T extends z.ZodType>(item: T) {
	return z.array(item).max(MAX_SCORING_ENTRIES);
}

/** A JSON-logic rule: any JSON value (its operators are checked separately, with their paths). */
export const logic = z.json();

/** A weight in [0, MAX_WEIGHT]: the sums of weights in scoring stay finite. */
export const weight = z.number().min(0).max(MAX_WEIGHT);
export const points = z.number().refine(Number.isFinite, encodeProblem('not_finite'));

export const metricValue = z.union([z.number(), z.boolean(), z.string(), z.null()]);

export const count = z.number().int().min(0);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why `value` is not a link an email may carry, or null: only `https:` and `http:` web addresses,
 * since a link in a setting ends up as an `href` in every message (`javascript:` or `data:` there
 * would run or show whatever it holds). The message names the scheme that was refused.
 */
export function webLinkProblem(value: string): Problem | null {
	if (CONTROL.test(value)) return problem('control_characters');
	const text = value.trim();
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
	if (scheme && scheme !== 'http' && scheme !== 'https') return problem('link_scheme', { scheme });
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return problem('not_web_address');
	}
	if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
		return problem('not_web_address');
	if (url.username || url.password) return problem('link_credentials');
	return null;
}

/** A link setting: a web address, or empty (not set). */
export const webLink = z.string().superRefine((value, context) => {
	const found = value.trim() === '' ? null : webLinkProblem(value);
	if (found) context.addIssue({ code: 'custom', message: carried(found) });
});

/** Text shown in every footer: one line, no control characters. */
export const footerText = z
	.string()
	.max(300)
	.refine((value) => !CONTROL.test(value), encodeProblem('control_characters'));
