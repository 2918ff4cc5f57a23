import { describe, expect, it } from 'vitest';
import {
	catalogue,
	catalogueFiles,
	declaredOf,
	inputsOf,
	patternsOf,
	referencesOf
} from '../../../tests/support/catalogue';
import { m } from '$lib/paraglide/messages.js';
import { t } from './messages';

describe('t', () => {
	it('returns plain messages', () => {
		expect(t('nav.accounts')).toBe('Accounts');
	});

	it('fills placeholders', () => {
		expect(t('table.pageOf', { page: 2, pages: 20 })).toBe('Page 2 of 20');
	});

	it('takes the plural form of a count by the locale’s plural rules', () => {
		expect(t('count.accounts', { count: 0 })).toBe('0 accounts');
		expect(t('count.accounts', { count: 1 })).toBe('1 account');
		expect(t('count.accounts', { count: 2 })).toBe('2 accounts');
		expect(t('count.accounts', { count: 1602 })).toBe('1,602 accounts');
	});
});

const en = catalogue('en');
const ja = catalogue('ja');

describe('the compiled catalogue', () => {
	it('has a message function of its own for every key', () => {
		// Paraglide names a message's function after its key: keys differing only in punctuation
		// (`a.+` and `a.-`) would become one function, and one message would be lost.
		expect(Object.keys(m).sort()).toEqual([...en.keys()].sort());
	});
});

describe('the Japanese catalogue', () => {
	it('has the same files as the English', () => {
		expect(catalogueFiles('ja')).toEqual(catalogueFiles('en'));
	});

	it('has every English key, and no other', () => {
		expect([...en.keys()].filter((key) => !ja.has(key))).toEqual([]);
		expect([...ja.keys()].filter((key) => !en.has(key))).toEqual([]);
	});

	it('takes the same placeholders as the English, message by message', () => {
		const differing = [...en]
			.filter(
				([key, message]) =>
					ja.has(key) && inputsOf(ja.get(key)!).join() !== inputsOf(message).join()
			)
			.map(([key, message]) => `${key}: ${inputsOf(message)} ≠ ${inputsOf(ja.get(key)!)}`);
		expect(differing).toEqual([]);
	});
});

describe.each([
	['en', en],
	['ja', ja]
])('the %s catalogue', (_locale, messages) => {
	it('references only what each message declares', () => {
		const undeclared = [...messages].flatMap(([key, message]) =>
			patternsOf(message)
				.flatMap(referencesOf)
				.filter((name) => !declaredOf(message).has(name))
				.map((name) => `${key}: {${name}}`)
		);
		expect(undeclared).toEqual([]);
	});

	it('leaves no message empty', () => {
		const empty = [...messages]
			.filter(([, message]) => patternsOf(message).some((pattern) => pattern.trim() === ''))
			.map(([key]) => key);
		expect(empty).toEqual([]);
	});
});

describe('the English catalogue', () => {
	/** Nouns that follow a count in UI text; a `{n} <noun>s` written without plural forms reads "1 accounts". */
	const COUNTED =
		/\{(\w+)\} (accounts|entries|emails|contacts|plays|measures|tasks|days|groups|messages|rows|problems|periods|characters|outcomes|snapshots|columns|scorecards|versions|points|weeks|runs|unsubscribes|actions|templates|recipients|users|items|changes|values|files|errors|records)\b/;
	/** Messages where the word before the noun is not a count. */
	const NOT_COUNTS = new Set(['builder.palette.zone']);

	it('writes every count before a noun with plural forms', () => {
		const unpluralised = [...en]
			.filter(
				([key, message]) =>
					!NOT_COUNTS.has(key) && typeof message === 'string' && COUNTED.test(message)
			)
			.map(([key, message]) => `${key}: ${message}`);
		expect(unpluralised).toEqual([]);
	});
});
