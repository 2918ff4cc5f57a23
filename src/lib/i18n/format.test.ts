import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import {
	formatBytes,
	formatChange,
	formatDate,
	formatDateTime,
	formatDaysAhead,
	formatMoney,
	formatNumber,
	formatPercent,
	formatPoints,
	formatScore,
	formatShortDate,
	formatValue,
	shownChange
} from './format';
import { t } from './messages';

describe('format', () => {
	it('shows a size in the unit that keeps the number readable', () => {
		expect(formatBytes(0)).toBe('0 bytes');
		expect(formatBytes(999)).toBe('999 bytes');
		expect(formatBytes(1_500)).toBe('1.5 kB');
		expect(formatBytes(42_300_000)).toBe('42 MB');
		expect(formatBytes(296_000_000_000)).toBe('296 GB');
	});

	it('shows scores as whole numbers that stay inside their band', () => {
		expect(formatScore(79.6)).toBe('79');
		expect(formatScore(80)).toBe('80');
		expect(formatScore(0.4)).toBe('0');
		expect(formatScore(100)).toBe('100');
	});

	it('formats money in whole units', () => {
		expect(formatMoney(12000)).toBe('$12,000');
		expect(formatMoney(1234.56, 'EUR')).toBe('€1,235');
	});

	it('formats calendar dates without shifting them by the time zone', () => {
		expect(formatDate('2027-01-01')).toBe('Jan 1, 2027');
		expect(formatDate('2026-12-31')).toBe('Dec 31, 2026');
	});

	it('formats a moment to the second, and an unreadable one as it is', () => {
		const shown = formatDateTime('2027-03-04T12:00:05.000Z');
		expect(shown).toMatch(/2027/);
		expect(shown).toMatch(/:05/);
		expect(formatDateTime('not a date')).toBe('not a date');
	});

	it('formats shares and counts', () => {
		expect(formatPercent(0.25)).toBe('25%');
		expect(formatPercent(1 / 3)).toBe('33.3%');
		expect(formatNumber(2000)).toBe('2,000');
	});
});

describe('format for the score pages', () => {
	it('shows a change as the difference of the scores shown, with its sign', () => {
		expect(shownChange(63.9, 60.1)).toBe(-3);
		expect(shownChange(59.9, 60)).toBe(1);
		expect(formatChange(4)).toBe('+4');
		expect(formatChange(-12)).toBe('-12');
		expect(formatChange(0)).toBe('0');
	});

	it('shows points with one decimal, signed when asked', () => {
		expect(formatPoints(47.5)).toBe('47.5');
		expect(formatPoints(-1.25, true)).toBe('-1.3');
		expect(formatPoints(3, true)).toBe('+3.0');
	});

	it('shows raw values as people read them', () => {
		expect(formatValue(1234.5678)).toBe('1,234.568');
		expect(formatValue(true)).toBe('yes');
		expect(formatValue(false)).toBe('no');
		expect(formatValue('2027-03-01')).toBe('Mar 1, 2027');
		expect(formatValue('EMEA')).toBe('EMEA');
		expect(formatValue(['a', 2])).toBe('a, 2');
		expect(formatValue([])).toBe('');
		expect(formatValue(null)).toBe('');
	});

	it('shows dates as short axis labels and days ahead as words', () => {
		expect(formatShortDate('2026-12-01')).toBe('Dec 1');
		expect(formatDaysAhead(0)).toBe('today');
		expect(formatDaysAhead(1)).toBe('tomorrow');
		expect(formatDaysAhead(12)).toBe('in 12 days');
	});
});

describe('format in Japanese', () => {
	let restore: () => void;
	beforeAll(() => {
		const before = getLocale;
		overwriteGetLocale(() => 'ja');
		restore = () => overwriteGetLocale(before);
	});
	afterAll(() => restore());

	it('shows yen without decimals, with the yen sign', () => {
		expect(formatMoney(1234567, 'JPY')).toBe('￥1,234,567');
		expect(formatMoney(1234.56, 'JPY')).toBe('￥1,235');
	});

	it('writes dates the Japanese way', () => {
		expect(formatDate('2026-04-01')).toBe('2026/04/01');
		expect(formatShortDate('2026-12-05')).toBe('12月5日');
	});

	it('shows percentages and numbers', () => {
		expect(formatPercent(0.125)).toBe('12.5%');
		expect(formatNumber(1234567.5)).toBe('1,234,567.5');
	});

	it('says relative days as Japanese readers do', () => {
		expect(formatDaysAhead(-3)).toBe('3日前');
		expect(formatDaysAhead(0)).toBe('今日');
		expect(formatDaysAhead(12)).toBe('12日後');
	});

	it('writes the messages in Japanese, one form for any count', () => {
		expect([0, 1, 2].map((count) => t('count.accounts', { count }))).toEqual([
			'アカウント0件',
			'アカウント1件',
			'アカウント2件'
		]);
	});
});
