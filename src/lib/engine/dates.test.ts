import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDate } from './dates';

describe('dates', () => {
	it('adds days across months, years and leap days', () => {
		expect(addDays('2026-11-23', 7)).toBe('2026-11-30');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('counts days between dates, negative backwards', () => {
		expect(daysBetween('2026-11-23', '2027-01-22')).toBe(60);
		expect(daysBetween('2026-11-23', '2026-11-01')).toBe(-22);
	});

	it('adds months, clamping to the end of a shorter month', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2026-11-23', -12)).toBe('2025-11-23');
		expect(addMonths('2026-11-23', 2)).toBe('2027-01-23');
	});

	it('accepts only real calendar dates', () => {
		expect(isIsoDate('2026-02-28')).toBe(true);
		expect(isIsoDate('2026-02-30')).toBe(false);
		expect(isIsoDate('2026-2-3')).toBe(false);
		expect(isIsoDate('2026-13-01')).toBe(false);
		expect(isIsoDate('2026-00-10')).toBe(false);
	});
});
