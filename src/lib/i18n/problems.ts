/**
 * A problem the engine found (a workspace file's, a scorecard's, a rule's, a play's), worded in the
 * reader's language from its code and values. The engine's English `message` is the fallback for a
 * code this catalogue does not know (a newer server's).
 */
import type { Problem } from '$lib/engine';
import { m } from '$lib/paraglide/messages.js';
import { t } from './messages';

type Worded = Pick<Problem, 'code' | 'params' | 'message'>;

/** A message whose key is built from data; `undefined` when the catalogue has no such key. */
function lookup(key: string, params?: object): string | undefined {
	if (!Object.hasOwn(m, key)) return undefined;
	return (m as unknown as Record<string, (inputs?: object) => string>)[key]!(params);
}

/** Values that are themselves names (a type, a kind of value, a kind of id) are worded too. */
function wordedParams({ code, params }: Worded): Record<string, string | number> {
	const worded = { ...params };
	const word = (prefix: string, value: string | number | undefined, inputs?: object) =>
		lookup(`problem.${prefix}.${String(value)}`, inputs) ?? String(value ?? '');
	if (code === 'required' || code === 'wrong_type') worded.expected = word('type', params.expected);
	if (code === 'wrong_type') worded.got = word('value', params.got, { value: params.value });
	if (code === 'duplicate_id') worded.kind = word('idKind', params.kind);
	return worded;
}

/** What is wrong, in the reader's language. */
export function problemText(found: Worded): string {
	return lookup(`problem.${found.code}`, wordedParams(found)) ?? found.message;
}

/** A problem at a JSON path, as lists of problems show it; the document itself has no path to show. */
export function problemAt(found: Worded & { path: string }): string {
	const text = problemText(found);
	return found.path && found.path !== '(root)'
		? t('problem.at', { path: found.path, problem: text })
		: text;
}
