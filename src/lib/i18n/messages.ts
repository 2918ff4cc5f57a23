/**
 * The one message catalogue for UI text. English is the reference: its keys and `{param}`
 * placeholders define the types, so a `ja` dictionary added later must cover the same keys with
 * the same placeholders (a missing key falls back to English rather than showing the key).
 *
 * A count that changes the words takes its forms by plural category (`Intl.PluralRules`):
 * `{count|one:# account|other:# accounts}` shows "1 account", "2 accounts", "1,234 accounts"
 * (`#` is the number, formatted for the locale). Such a parameter must be a number; a language
 * lists the categories it has (Japanese only `other`), and `other` is the fallback.
 */
import { en } from './en';

export type MessageKey = keyof typeof en;
export type Locale = 'en';
export type Dictionary = { readonly [K in MessageKey]: string };

/** Every `{…}` in a message, whole: `'{from}–{to|one:# day|other:# days}'` gives both. */
type Braced<S extends string> = S extends `${string}{${infer Inner}}${infer Rest}`
	? Inner | Braced<Rest>
	: never;

type NameOf<Inner extends string> = Inner extends `${infer Name}|${string}` ? Name : Inner;
type PluralNameOf<Inner extends string> = Inner extends `${infer Name}|${string}` ? Name : never;

/** The parameter names of a message: what comes before a `|` in each `{…}`. */
type Placeholders<S extends string> = NameOf<Braced<S>>;

/** The names whose words depend on their count: these take numbers only. */
type PluralPlaceholders<S extends string> = PluralNameOf<Braced<S>>;

/** The keys of messages without placeholders: what a label passed around as data can be. */
export type PlainMessageKey = {
	[K in MessageKey]: Placeholders<(typeof en)[K]> extends never ? K : never;
}[MessageKey];

export type MessageParams<K extends MessageKey> = Record<
	Exclude<Placeholders<(typeof en)[K]>, PluralPlaceholders<(typeof en)[K]>>,
	string | number
> &
	Record<PluralPlaceholders<(typeof en)[K]>, number>;

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

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** The form of `forms` (`one:# account|other:# accounts`) for `count`, with `#` filled in. */
function pluralForm(forms: string, count: number): string {
	let rules = pluralRules.get(current);
	if (!rules) pluralRules.set(current, (rules = new Intl.PluralRules(current)));
	let numbers = numberFormats.get(current);
	if (!numbers) numberFormats.set(current, (numbers = new Intl.NumberFormat(current)));
	const byCategory = new Map<string, string>();
	for (const part of forms.split('|')) {
		const colon = part.indexOf(':');
		if (colon > 0) byCategory.set(part.slice(0, colon).trim(), part.slice(colon + 1));
	}
	const form = byCategory.get(rules.select(count)) ?? byCategory.get('other') ?? '#';
	return form.replaceAll('#', numbers.format(count));
}

/** The message for `key` in the current locale, with its `{placeholders}` filled from `params`. */
export function t<K extends MessageKey>(
	key: K,
	...params: Placeholders<(typeof en)[K]> extends never ? [] : [MessageParams<K>]
): string {
	const message: string = dictionaries[current][key] ?? en[key];
	const values = params[0] as Record<string, string | number> | undefined;
	if (!values) return message;
	return message.replace(/\{(\w+)(?:\|([^{}]*))?\}/g, (whole, name: string, forms?: string) => {
		if (!Object.hasOwn(values, name)) return whole;
		const value = values[name]!;
		return forms === undefined ? String(value) : pluralForm(forms, Number(value));
	});
}
