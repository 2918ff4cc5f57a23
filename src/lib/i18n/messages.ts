/**
 * UI text, from one message library: Paraglide compiles the catalogue (`messages/{locale}/*.json`,
 * English the reference, Japanese beside it) into a typed function per message. `t(key, params)` is
 * the one way pages and modules read a message, so a key passed around as data (a label's key in a
 * table) reads like one written in place.
 *
 * A count that changes the words is a plural selector in the catalogue (`countPlural = count:
 * plural`, by `Intl.PluralRules`), and `{countCount}` is the count formatted for the locale.
 * English has `one` and `*`; Japanese needs only `*`.
 */
import { m } from '$lib/paraglide/messages.js';
import { baseLocale, getLocale, locales, type Locale } from '$lib/paraglide/runtime.js';

export { baseLocale, getLocale, locales, type Locale };

type Messages = typeof m;
export type MessageKey = keyof Messages;

type InputsOf<K extends MessageKey> = Parameters<Messages[K]>[0];

/** The keys of messages without placeholders: what a label passed around as data can be. */
export type PlainMessageKey = {
	[K in MessageKey]: undefined extends InputsOf<K> ? K : never;
}[MessageKey];

export type MessageParams<K extends MessageKey> = NonNullable<InputsOf<K>>;

/** The message for `key` in the current locale, with its placeholders filled from `params`. */
export function t<K extends MessageKey>(
	key: K,
	...params: K extends PlainMessageKey ? [] : [MessageParams<K>]
): string {
	const message = m[key] as (inputs?: object) => string;
	return message(params[0]);
}

/** Whether `value` names a locale the catalogue has. */
export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);
