/**
 * Ids for new groups and measures. Ids key score objects and appear in `var` paths of plays
 * (`score.measures.nps`), so they are plain keys, made from a name and unique in their scorecard.
 */

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** A key from free text: "Seats / Licences (%)" gives "seats_licences". */
export function keyFrom(text: string, fallback = 'measure'): string {
	const key = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 40)
		.replace(/_+$/, '');
	if (key === '' || RESERVED.has(key)) return fallback;
	return KEY.test(key) ? key : `${fallback}_${key}`;
}

/** `base`, or `base_2`, `base_3`, … : the first not in `taken`. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base}_${n}`;
		if (!taken.has(candidate)) return candidate;
	}
}

/** Why a typed id cannot be used, or null when it can. */
export type KeyProblem = 'empty' | 'format' | 'reserved' | 'taken';

/**
 * Checks an id typed by a person with the workspace's own rule for group and measure ids (a plain
 * key, not reserved) and against the ids `taken` by the others of its kind in the scorecard.
 */
export function keyProblem(text: string, taken: ReadonlySet<string>): KeyProblem | null {
	if (text === '') return 'empty';
	if (!KEY.test(text)) return 'format';
	if (RESERVED.has(text)) return 'reserved';
	return taken.has(text) ? 'taken' : null;
}
