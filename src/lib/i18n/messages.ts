/**
 * The one message catalogue for UI text. English is the reference: its keys and `{param}`
 * placeholders define the types, so a `ja` dictionary added later must cover the same keys with
 * the same placeholders (a missing key falls back to English rather than showing the key).
 */
import { en } from './en';

export type MessageKey = keyof typeof en;
export type Locale = 'en';
export type Dictionary = { readonly [K in MessageKey]: string };

/** The names between braces in a message, e.g. `'{from}–{to}'` gives `'from' | 'to'`. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
	? Name | Placeholders<Rest>
	: never;

/** The keys of messages without placeholders: what a label passed around as data can be. */
export type PlainMessageKey = {
	[K in MessageKey]: Placeholders<(typeof en)[K]> extends never ? K : never;
}[MessageKey];

export type MessageParams<K extends MessageKey> = Record<
	Placeholders<(typeof en)[K]>,
	string | number
>;

const dictionaries: Record<Locale, Partial<Dictionary>> = { en };

let current: Locale = 'en';

export function setLocale(locale: Locale): void {
	current = locale;
	// Screen readers and the browser's hyphenation read the document's language.
	if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The BCP 47 tag `Intl` formatters use for the current locale. */
export function getLocale(): Locale {
	return current;
}

/** The message for `key` in the current locale, with its `{placeholders}` filled from `params`. */
export function t<K extends MessageKey>(
	key: K,
	...params: Placeholders<(typeof en)[K]> extends never ? [] : [MessageParams<K>]
): string {
	const message: string = dictionaries[current][key] ?? en[key];
	const values = params[0] as Record<string, string | number> | undefined;
	if (!values) return message;
	return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(values, name) ? String(values[name]) : whole
	);
}
