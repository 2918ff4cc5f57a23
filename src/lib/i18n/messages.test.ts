import { describe, expect, it } from 'vitest';
import { t } from './messages';

describe('t', () => {
	it('returns plain messages', () => {
		expect(t('nav.accounts')).toBe('Accounts');
	});

	it('fills placeholders', () => {
		expect(t('table.pageOf', { page: 2, pages: 20 })).toBe('Page 2 of 20');
	});
});
