import { describe, expect, it } from 'vitest';
import {
	INVALID,
	readAuto,
	readBoolean,
	readDate,
	readDateTime,
	readEmail,
	readList,
	readMetric,
	readNumber
} from './values';

describe('cell readers', () => {
	it('read numbers, with a decimal comma only when the file uses one', () => {
		expect(readNumber('12', false)).toBe(12);
		expect(readNumber('-0.5', false)).toBe(-0.5);
		expect(readNumber('.5', false)).toBe(0.5);
		expect(readNumber('1e3', false)).toBe(1000);
		expect(readNumber('', false)).toBeUndefined();
		expect(readNumber('0,75', false)).toBe(INVALID);
		expect(readNumber('0,75', true)).toBe(0.75);
		expect(readNumber('-12,5', true)).toBe(-12.5);
		for (const text of ['twelve', '0x10', 'Infinity', '1,234.5', '12%', '$12', '1 000'])
			expect(readNumber(text, true), text).toBe(INVALID);
	});

	it('read yes/no words in any case', () => {
		expect(readBoolean('TRUE')).toBe(true);
		expect(readBoolean('yes')).toBe(true);
		expect(readBoolean('No')).toBe(false);
		expect(readBoolean('false')).toBe(false);
		expect(readBoolean('')).toBeUndefined();
		expect(readBoolean('maybe')).toBe(INVALID);
	});

	it('read ISO and year-first slashed dates, nothing day-first', () => {
		expect(readDate('2026-11-02')).toBe('2026-11-02');
		expect(readDate('2026/11/02')).toBe('2026-11-02');
		expect(readDate('2026/1/2')).toBe('2026-01-02');
		expect(readDate('')).toBeUndefined();
		for (const text of ['02/11/2026', '11/02/2026', '2026-02-30', '2026-13-01', 'soon'])
			expect(readDate(text), text).toBe(INVALID);
	});

	it('read dates and ISO date-times for timestamps', () => {
		expect(readDateTime('2026-11-02')).toBe('2026-11-02');
		expect(readDateTime('2026-11-02T09:30:00Z')).toBe('2026-11-02T09:30:00Z');
		expect(readDateTime('2026-11-02 09:30')).toBe('2026-11-02T09:30');
		expect(readDateTime('2026-11-02T25:00:00Z')).toBe(INVALID);
		expect(readDateTime('yesterday')).toBe(INVALID);
	});

	it('refuse dates and times that do not exist, which Date.parse rolls on to another day', () => {
		expect(readDateTime('2026-02-30T10:00:00Z')).toBe(INVALID);
		expect(readDateTime('2026-02-28T24:00:00Z')).toBe(INVALID);
		expect(readDateTime('2026-02-28T10:60')).toBe(INVALID);
		expect(readDateTime('2026-02-28T10:00:00+25:00')).toBe(INVALID);
		expect(readDateTime('2026-02-30')).toBe(INVALID);
		expect(readDateTime('2028-02-29T10:00:00+02:00')).toBe('2028-02-29T10:00:00+02:00');
	});

	it('read metrics strictly and free values loosely', () => {
		expect(readMetric('3', false)).toBe(3);
		expect(readMetric('yes', false)).toBe(true);
		expect(readMetric('n/a', false)).toBe(INVALID);
		expect(readAuto('3', false)).toBe(3);
		expect(readAuto('no', false)).toBe(false);
		expect(readAuto('EMEA', false)).toBe('EMEA');
		// Codes written with leading zeros stay text.
		expect(readAuto('0042', false)).toBe('0042');
		expect(readAuto('0.42', false)).toBe(0.42);
	});

	it('read emails and lists', () => {
		expect(readEmail('ana@acme.example')).toBe('ana@acme.example');
		expect(readEmail('ana at acme')).toBe(INVALID);
		// What sending refuses (a header's punctuation) is refused here too.
		expect(readEmail('ana<x>@acme.example')).toBe(INVALID);
		expect(readList('a; b|c ,')).toEqual(['a', 'b', 'c']);
		expect(readList('')).toBeUndefined();
	});
});
