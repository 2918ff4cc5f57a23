import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	dayNumber,
	daysBetween,
	isIsoDate,
	isIsoDateTime,
	isoDateProblem,
	isoDateTimeProblem,
	utcDate
} from './dates';

describe('dates', () => {
	it('adds days across months, years and leap days', () => {
		expect(addDays('2026-11-23', 7)).toBe('2026-11-30');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('takes an instant’s date in UTC, whatever the hour', () => {
		expect(utcDate(new Date('2026-11-23T23:59:59.999Z'))).toBe('2026-11-23');
		expect(utcDate(new Date('2026-11-24T08:30:00+09:00'))).toBe('2026-11-23');
	});

	it('counts days between dates, negative backwards', () => {
		expect(daysBetween('2026-11-23', '2027-01-22')).toBe(60);
		expect(daysBetween('2026-11-23', '2026-11-01')).toBe(-22);
	});

	it('reads every date as Date.parse does, the days it rolls on and the strings it refuses included', () => {
		const reference = (from: string, to: string) =>
			Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
		const pad = (n: number, width: number) => String(n).padStart(width, '0');
		const dates = ['0050-01-01', '0099-12-31', '2026-1-01', '2026-01-1x', 'x026-01-01', '20260101'];
		for (let year = 1999; year <= 2031; year += 4)
			for (let month = 0; month <= 13; month++)
				for (let day = 0; day <= 32; day += 3)
					dates.push(`${year}-${pad(month, 2)}-${pad(day, 2)}`);
		for (const date of dates) {
			const expected = reference('2026-11-23', date);
			expect(daysBetween('2026-11-23', date), date).toEqual(expected);
			expect(dayNumber(date) - dayNumber('2026-11-23'), date).toEqual(expected);
		}
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

describe('dates and times', () => {
	it('accepts real dates and times, with or without seconds, fractions and a zone', () => {
		for (const value of [
			'2026-02-28',
			'2026-02-28T10:00',
			'2026-02-28T23:59:59Z',
			'2026-02-28T10:00:00.123Z',
			'2026-02-28 10:00:00+02:00',
			'2028-02-29T00:00:00-0530'
		])
			expect(isIsoDateTime(value), value).toBe(true);
	});

	it('refuses impossible dates and times that Date.parse rolls on to another day', () => {
		// Date.parse reads 30 February as 2 March, and 24:00 as the next midnight.
		expect(Number.isNaN(Date.parse('2026-02-30T10:00:00Z'))).toBe(false);
		for (const value of [
			'2026-02-30T10:00:00Z',
			'2027-02-29T10:00:00Z',
			'2026-04-31',
			'2026-02-28T24:00:00Z',
			'2026-02-28T10:60:00Z',
			'2026-02-28T10:00:60Z',
			'2026-02-28T10:00:00+24:00',
			'2026-02-28T',
			'yesterday'
		])
			expect(isIsoDateTime(value), value).toBe(false);
	});

	it('says what is wrong, naming the value', () => {
		expect(isoDateProblem('2026-02-28')).toBeNull();
		expect(isoDateProblem('2026-02-30')).toMatchObject({
			code: 'no_such_date',
			params: { value: '2026-02-30' },
			message: 'no such date: "2026-02-30"'
		});
		expect(isoDateProblem('30/02/2026')?.message).toBe(
			'expected a date as YYYY-MM-DD, got "30/02/2026"'
		);
		expect(isoDateTimeProblem('2026-02-28T10:00:00Z')).toBeNull();
		expect(isoDateTimeProblem('2026-02-30T10:00:00Z')?.message).toBe(
			'no such date: "2026-02-30T10:00:00Z"'
		);
		expect(isoDateTimeProblem('2026-02-28T25:00:00Z')?.message).toBe(
			'no such time: "2026-02-28T25:00:00Z"'
		);
		expect(isoDateTimeProblem('soon')?.message).toBe(
			'expected an ISO 8601 date or date-time, got "soon"'
		);
	});
});
