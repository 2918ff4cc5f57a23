// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dailyRunDue } from './service';

describe('dailyRunDue', () => {
	const at = (iso: string) => new Date(iso);
	const scheduled = (started_at: string) => ({ trigger: 'schedule', started_at });

	it('runs once a day, from the hour on (UTC), and never without an hour', () => {
		expect(dailyRunDue(at('2026-12-02T06:59:00Z'), 7, [])).toBe(false);
		expect(dailyRunDue(at('2026-12-02T07:00:00Z'), 7, [])).toBe(true);
		// A server that was down at 07:00 still runs when it comes back that day.
		expect(dailyRunDue(at('2026-12-02T15:30:00Z'), 7, [])).toBe(true);
		expect(dailyRunDue(at('2026-12-02T15:30:00Z'), 7, [scheduled('2026-12-02T07:00:04Z')])).toBe(
			false
		);
		expect(dailyRunDue(at('2026-12-03T07:00:00Z'), 7, [scheduled('2026-12-02T07:00:04Z')])).toBe(
			true
		);
		// A run from Settings does not stand in for the daily one.
		expect(
			dailyRunDue(at('2026-12-02T08:00:00Z'), 7, [
				{ trigger: 'settings', started_at: '2026-12-02T07:30:00Z' }
			])
		).toBe(true);
		expect(dailyRunDue(at('2026-12-02T23:00:00Z'), null, [])).toBe(false);
	});
});
