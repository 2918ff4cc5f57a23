import { describe, expect, it } from 'vitest';
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
