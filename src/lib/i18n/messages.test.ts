import { describe, expect, it } from 'vitest';
import { en } from './en';
import { t } from './messages';

describe('t', () => {
	it('returns plain messages', () => {
		expect(t('nav.accounts')).toBe('Accounts');
	});

	it('fills placeholders', () => {
		expect(t('table.pageOf', { page: 2, pages: 20 })).toBe('Page 2 of 20');
	});

	it('takes the plural form of a count by the locale’s plural rules', () => {
		expect(t('count.accounts', { count: 1 })).toBe('1 account');
		expect(t('count.accounts', { count: 0 })).toBe('0 accounts');
		expect(t('count.accounts', { count: 2 })).toBe('2 accounts');
		expect(t('count.accounts', { count: 1602 })).toBe('1,602 accounts');
	});
});

describe('the English catalogue', () => {
	/** Nouns that follow a count in UI text; a `{n} <noun>s` written without plural forms reads "1 accounts". */
	const COUNTED =
		/\{(\w+)\} (accounts|entries|emails|contacts|plays|measures|tasks|days|groups|messages|rows|problems|periods|characters|outcomes|snapshots|columns|scorecards|versions|points|weeks|runs|unsubscribes|actions|templates|recipients|users|items|changes|values|files|errors|records)\b/;
	/** Messages where the word before the noun is not a count. */
	const NOT_COUNTS = new Set(['builder.palette.zone']);

	it('writes every count before a noun with plural forms', () => {
		const unpluralised = Object.entries(en)
			.filter(([key, message]) => !NOT_COUNTS.has(key) && COUNTED.test(message))
			.map(([key, message]) => `${key}: ${message}`);
		expect(unpluralised).toEqual([]);
	});
});
