/**
 * What is wrong with a workspace, a rule or a record, as a code and its values. The engine words
 * each problem in English here (the file checker, the command line and the API's scripts read
 * that); pages word the code in the reader's language from the message catalogue (`problem.<code>`),
 * so the two never parse each other's text.
 */

/** A value seen where another was expected, as a problem names it: its kind and, for scalars, the value. */
export type ValueKind = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'other';

/** Kinds of id that must be unique in their list. */
export type IdKind =
	'account' | 'contact' | 'scorecard' | 'play' | 'template' | 'group' | 'measure' | 'band';

/** The wording of every problem, by code; the parameter's type is the values the code carries. */
const ENGLISH = {
	not_object: () => 'expected a JSON object',
	not_json: (p: { detail: string }) => `not JSON: ${p.detail}`,
	newer_version: (p: { version: number; supported: number }) =>
		`this workspace is version ${p.version}, newer than this Scorecraft reads (${p.supported}); update Scorecraft to open it`,
	required: (p: { expected: string }) => `required: expected ${typeName(p.expected)}`,
	wrong_type: (p: { expected: string; got: ValueKind; value: string }) =>
		`expected ${typeName(p.expected)}, got ${valueName(p.got, p.value)}`,
	one_of: (p: { values: string }) =>
		p.values.includes(', ') ? `expected one of ${p.values}` : `expected "${p.values}"`,
	not_url: () => 'expected a URL',
	bad_format: (p: { format: string }) => `expected ${p.format}`,
	too_small: (p: { minimum: number }) => `expected >= ${p.minimum}`,
	too_large: (p: { maximum: number }) => `expected <= ${p.maximum}`,
	too_few: (p: { minimum: number }) => `expected at least ${p.minimum} ${items(p.minimum)}`,
	too_many: (p: { maximum: number }) => `expected at most ${p.maximum} ${items(p.maximum)}`,
	empty_text: () => 'expected a non-empty text',
	too_long: (p: { maximum: number }) => `expected at most ${p.maximum} characters`,
	no_shape: () => 'does not match any allowed shape',
	not_finite: () => 'expected a finite number',
	empty_id: () => 'expected a non-empty id',
	bad_key: () => 'expected an id of letters, digits, "_" or "-", starting with a letter or "_"',
	reserved_id: () => 'this id is reserved',
	bad_date: (p: { value: string }) => `expected a date as YYYY-MM-DD, got ${quoted(p.value)}`,
	bad_date_time: (p: { value: string }) =>
		`expected an ISO 8601 date or date-time, got ${quoted(p.value)}`,
	no_such_date: (p: { value: string }) => `no such date: ${quoted(p.value)}`,
	no_such_time: (p: { value: string }) => `no such time: ${quoted(p.value)}`,
	control_characters: () => 'control characters (CR/LF) are refused',
	link_scheme: (p: { scheme: string }) =>
		`${p.scheme}: links are refused: expected a web address starting with https:// or http://`,
	not_web_address: () => 'expected a web address starting with https:// or http://',
	link_credentials: () => 'a web address with a user name or password is refused',
	step_min_or_max: () => 'expected a step with either "min" or "max"',
	points_order: () => 'expected points in increasing order of value',
	too_deep: (p: { maximum: number }) => `nested deeper than ${p.maximum} levels`,
	rule_list_too_long: (p: { count: number; maximum: number }) =>
		`a list of ${p.count} items: at most ${p.maximum} are allowed in a rule`,
	unknown_operator: (p: { operator: string }) => `unknown JSON-logic operator "${p.operator}"`,
	too_few_arguments: (p: { operator: string; minimum: number }) =>
		`"${p.operator}" needs at least ${p.minimum} argument${p.minimum === 1 ? '' : 's'}`,
	forbidden_var: (p: { name: string }) => `a var path may not name "${p.name}"`,
	duplicate_id: (p: { kind: IdKind; id: string; first: string }) =>
		`duplicate ${p.kind === 'band' ? 'band name' : `${p.kind} id`} "${p.id}" (first at ${p.first})`,
	duplicate_snapshot: (p: { account: string; date: string; first: string }) =>
		`duplicate snapshot for "${p.account} on ${p.date}" (first at ${p.first})`,
	duplicate_version: (p: { scorecard: string; version: number; first: string }) =>
		`duplicate scorecard version "${p.scorecard} version ${p.version}" (first at ${p.first})`,
	duplicate_draft: (p: { scorecard: string; first: string }) =>
		`duplicate draft of scorecard "${p.scorecard}" (first at ${p.first})`,
	unknown_account: (p: { id: string }) => `unknown account "${p.id}"`,
	kept_id_mismatch: (p: { expected: string }) =>
		`expected "${p.expected}", the scorecard_id it is kept under`,
	unknown_group: (p: { id: string; path: string }) => `unknown group "${p.id}" (${p.path})`,
	unknown_measure: (p: { id: string; path: string }) => `unknown measure "${p.id}" (${p.path})`,
	unknown_recipients: (p: { to: string; forms: string }) =>
		`unknown recipients "${p.to}" (expected ${p.forms})`,
	name_missing: () => 'give it a name',
	play_id_format: () =>
		'use lower-case letters, digits, "-" and "_" (at most 60), starting with a letter or digit',
	template_id_format: () =>
		'use lower-case letters, digits, "-" and "_", starting with a letter or digit; a variant in another language ends with it (".ja")',
	play_id_taken: (p: { id: string }) => `another play already has the id "${p.id}"`,
	play_id_in_use: (p: { id: string }) =>
		`runs of "${p.id}" are in the outbox: its id can no longer change`,
	no_actions: () => 'add at least one action',
	empty_subject: () => 'the subject is empty',
	template_line: (p: { line: number; text: string }) => `line ${p.line}: ${p.text}`,
	/** A library's own words (zod, MJML, Liquid), which have no code: shown as they are. */
	other: (p: { text: string }) => p.text
} satisfies Record<string, (params: never) => string>;

export type ProblemCode = keyof typeof ENGLISH;
/** What `problem(code, …)` takes after the code: nothing, or the values the code carries. */
type ArgsOf<C extends ProblemCode> = Parameters<(typeof ENGLISH)[C]>;

/** One problem: its code, its values, and the engine's English wording of both. */
export interface Problem {
	code: ProblemCode;
	params: Record<string, string | number>;
	message: string;
}

/** The problem `code` with its values, worded in English. */
export function problem<C extends ProblemCode>(code: C, ...params: ArgsOf<C>): Problem {
	const values = (params[0] ?? {}) as Record<string, string | number>;
	const word = ENGLISH[code] as (values: Record<string, string | number>) => string;
	return { code, params: values, message: word(values) };
}

/** Every problem code: the catalogue has a message for each (a test checks it). */
export const PROBLEM_CODES = Object.keys(ENGLISH) as ProblemCode[];

/**
 * Zod carries a refinement's problem as a message string only: the problem travels in it, encoded,
 * and `decodeProblem` reads it back where zod's issues are turned into the workspace's.
 */
const MARK = '\u0000problem:';

export function encodeProblem<C extends ProblemCode>(code: C, ...params: ArgsOf<C>): string {
	return `${MARK}${JSON.stringify({ code, params: params[0] ?? {} })}`;
}

export function decodeProblem(message: string): Problem | null {
	if (!message.startsWith(MARK)) return null;
	const { code, params } = JSON.parse(message.slice(MARK.length)) as Pick<
		Problem,
		'code' | 'params'
	>;
	return (problem as (code: ProblemCode, params: object) => Problem)(code, params);
}

/** The kind of a value, for a problem that says what was found instead. */
export function valueKind(value: unknown): ValueKind {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	const type = typeof value;
	return type === 'object' || type === 'string' || type === 'number' || type === 'boolean'
		? type
		: 'other';
}

/** A scalar value as a problem quotes it (cut to a readable length); empty for lists and objects. */
export function valueText(value: unknown): string {
	if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value;
	if (value === null || typeof value === 'object') return '';
	return String(value);
}

/** A value the problem quotes: already cut by `valueText` where it was found. */
const quoted = (value: string) => JSON.stringify(value);

const items = (count: number) => (count === 1 ? 'item' : 'items');

const TYPE_NAMES: Record<string, string> = { tuple: 'a [value, score] pair', int: 'an integer' };
const typeName = (expected: string) => TYPE_NAMES[expected] ?? expected;

function valueName(kind: ValueKind, value: string): string {
	switch (kind) {
		case 'null':
			return 'null';
		case 'array':
			return 'an array';
		case 'object':
			return 'an object';
		case 'string':
			return `the string ${JSON.stringify(value)}`;
		default:
			return `${kind} ${value}`;
	}
}
