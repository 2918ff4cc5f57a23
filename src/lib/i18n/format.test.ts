import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatNumber, formatPercent, formatScore } from './format';

describe('format', () => {
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

	it('formats shares and counts', () => {
		expect(formatPercent(0.25)).toBe('25%');
		expect(formatPercent(1 / 3)).toBe('33.3%');
		expect(formatNumber(2000)).toBe('2,000');
	});
});
