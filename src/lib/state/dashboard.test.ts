import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '$lib/db';
import { trendOf } from '$lib/db';
import { anomalies, atRiskRenewals, inScope, movers, trendInScope } from './dashboard';
import { accountRow, BANDS } from './testing';

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

describe('movers', () => {
	it('takes the biggest rises and falls over 30 days, biggest first, no unchanged or unknown', () => {
		const rows = [
			accountRow('flat', { delta30d: 0 }),
			accountRow('unknown', { delta30d: null }),
			...[3, 12, 7, 1, 9, 15].map((delta, i) => accountRow(`up${i}`, { delta30d: delta })),
			...[-2, -30, -8].map((delta, i) => accountRow(`down${i}`, { delta30d: delta }))
		];
		const { up, down } = movers(rows, 5);
		expect(ids(up)).toEqual(['up5', 'up1', 'up4', 'up2', 'up0']);
		expect(ids(down)).toEqual(['down1', 'down2', 'down0']);
	});
});

describe('atRiskRenewals', () => {
	it('keeps Red and Orange accounts renewing within 90 days, soonest first', () => {
		const rows = [
			accountRow('red-soon', { overall: 20, renewalDate: '2026-12-01' }),
			accountRow('orange-first', { overall: 45, renewalDate: '2026-11-25' }),
			accountRow('red-same-day', { overall: 10, renewalDate: '2026-12-01' }),
			accountRow('edge', { overall: 30, renewalDate: '2027-02-22' }),
			accountRow('too-late', { overall: 30, renewalDate: '2027-02-23' }),
			accountRow('past', { overall: 30, renewalDate: '2026-11-23' }),
			accountRow('healthy', { overall: 85, renewalDate: '2026-12-01' }),
			accountRow('no-data', { overall: null, renewalDate: '2026-12-01' }),
			accountRow('no-renewal', { overall: 20, renewalDate: null })
		];
		expect(ids(atRiskRenewals(rows, '2026-11-24'))).toEqual([
			'orange-first',
			'red-same-day',
			'red-soon',
			'edge'
		]);
	});
});

describe('anomalies', () => {
	it('lists flagged accounts with a score, biggest drop first', () => {
		const rows = [
			accountRow('small', { anomaly: true, drop30d: 21 }),
			accountRow('none', { anomaly: false, drop30d: 5 }),
			accountRow('big', { anomaly: true, drop30d: 40 }),
			accountRow('no-score', { anomaly: true, drop30d: 30, overall: null })
		];
		expect(ids(anomalies(rows))).toEqual(['big', 'small']);
	});
});

describe('inScope', () => {
	it('matches a segment and a CSM, empty meaning any', () => {
		const row = accountRow('a', { segment: 'mid', csm: 'kim' });
		expect(inScope(row, { segment: '', csm: '' })).toBe(true);
		expect(inScope(row, { segment: 'mid', csm: 'kim' })).toBe(true);
		expect(inScope(row, { segment: 'scale', csm: '' })).toBe(false);
		expect(inScope(row, { segment: '', csm: 'lee' })).toBe(false);
		expect(BANDS.Red.rank).toBe(0);
	});
});

describe('trendOf', () => {
	const dates = ['2026-11-10', '2026-11-17', '2026-11-24'];
	const history = (
		id: string,
		overall: (number | null)[],
		band: (string | null)[]
	): HistoryRow => ({
		account_id: id,
		dates,
		scorecard_id: overall.map(() => 'scale'),
		overall,
		band,
		groups: {}
	});
	const histories = [
		history('a', [80, 70, 60], ['Green', 'Yellow', 'Yellow']),
		history('b', [40, 50, null], ['Orange', 'Orange', 'No data']),
		history('gone', [10, 10, 10], ['Red', 'Red', 'Red'])
	];

	it('averages the scored accounts per date and counts the bands, churned ones until they left', () => {
		const trend = trendOf(histories, new Map([['gone', '2026-11-17']]), null);
		expect(trend.map((point) => point.mean)).toEqual([130 / 3, 60, 60]);
		expect(trend.map((point) => point.scored)).toEqual([3, 2, 1]);
		expect(trend[0]!.bands).toEqual({ Green: 1, Orange: 1, Red: 1 });
		expect(trend[2]!.bands).toEqual({ Yellow: 1, 'No data': 1 });
	});

	it('keeps to the accounts in scope', () => {
		const trend = trendOf(histories, new Map(), new Set(['b']));
		expect(trend.map((point) => point.mean)).toEqual([40, 50, null]);
		expect(trendOf([], new Map(), null)).toEqual([]);
	});

	it('scopes by segment and CSM from the account rows, churned accounts until they left', () => {
		const rows = [
			accountRow('a', { segment: 'mid' }),
			accountRow('b', { segment: 'scale' }),
			accountRow('gone', { segment: 'mid', churnedOn: '2026-11-17' })
		];
		const mid = trendInScope(histories, rows, { segment: 'mid', csm: '' });
		expect(mid.map((point) => point.mean)).toEqual([45, 70, 60]);
		const all = trendInScope(histories, rows, { segment: '', csm: '' });
		expect(all.map((point) => point.scored)).toEqual([3, 2, 1]);
	});
});
