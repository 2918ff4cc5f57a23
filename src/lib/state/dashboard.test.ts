import { describe, expect, it } from 'vitest';
import type { AccountHistory } from '$lib/engine';
import { trendOf } from '$lib/db';
import { viewRows } from './account-query';
import {
	anomalies,
	atRiskRenewals,
	atRiskView,
	dropsView,
	inScope,
	movers,
	moversView,
	trendInScope
} from './dashboard';
import { accountRow, BANDS, viewSearch } from './testing';

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

/** A row whose score went from `previous` to `overall`, with the exact change between them. */
const moved = (id: string, previous: number, overall: number) =>
	accountRow(id, { previous, overall, delta30d: overall - previous });

describe('movers', () => {
	it('takes every rise and fall over 30 days, biggest first, no unchanged or unknown', () => {
		const rows = [
			moved('flat', 50, 50),
			accountRow('unknown', { delta30d: null }),
			...[3, 12, 7, 1, 9, 15].map((delta, i) => moved(`up${i}`, 40, 40 + delta)),
			...[-2, -30, -8].map((delta, i) => moved(`down${i}`, 60, 60 + delta))
		];
		const { up, down } = movers(rows);
		expect(ids(up)).toEqual(['up5', 'up1', 'up4', 'up2', 'up0', 'up3']);
		expect(ids(down)).toEqual(['down1', 'down2', 'down0']);
	});

	it('orders by the change as shown, +34, +33, +32, whatever the hidden decimals say', () => {
		// Shown as scores rounded down: 40 → 74 (+34), 40 → 73 (+33), 41 → 73 (+32). By the exact
		// change (33.2, 33.8, 32.1) the +33 would come first; so it did on the dashboard.
		const rows = [
			moved('plus33', 40.1, 73.9),
			moved('plus32', 41.5, 73.6),
			moved('plus34', 40.9, 74.1),
			moved('minus20', 70.9, 50.1),
			moved('minus21', 70.1, 49.9),
			moved('minus19', 70.2, 51.3)
		];
		const { up, down } = movers(rows);
		expect(ids(up)).toEqual(['plus34', 'plus33', 'plus32']);
		expect(ids(down)).toEqual(['minus21', 'minus20', 'minus19']);
	});

	it('leaves out a change too small to show', () => {
		const { up, down } = movers([moved('tiny', 60.2, 60.9), moved('tinier', 60.9, 60.1)]);
		expect(up).toEqual([]);
		expect(down).toEqual([]);
	});
});

describe('the views behind the dashboard’s lists', () => {
	const scope = { segment: 'mid', csm: 'kim@vendor.example' };
	const rows = [
		moved('rise', 40, 60),
		moved('fall', 60, 40),
		accountRow('red-soon', { overall: 20, renewalDate: '2026-12-01' }),
		accountRow('drop', { overall: 30, drop30d: 25, anomaly: true })
	].map((row) => ({ ...row, segment: 'mid' }));

	it('select in the Accounts list exactly the accounts of each list, in scope', () => {
		const collator = new Intl.Collator('en');
		const all = { segment: '', csm: '' };
		const asOf = '2026-11-24';
		expect(ids(viewRows(rows, moversView(scope, 'up'), asOf, collator))).toEqual(
			ids(movers(rows).up)
		);
		expect(ids(viewRows(rows, moversView(scope, 'down'), asOf, collator))).toEqual(
			ids(movers(rows).down)
		);
		expect(ids(viewRows(rows, atRiskView(scope), asOf, collator))).toEqual(
			ids(atRiskRenewals(rows, asOf))
		);
		expect(ids(viewRows(rows, dropsView(scope), asOf, collator))).toEqual(ids(anomalies(rows)));
		// Out of scope, none of them.
		const other = { segment: 'scale', csm: '' };
		expect(viewRows(rows, atRiskView(other), asOf, collator)).toEqual([]);
		expect(ids(viewRows(rows, atRiskView(all), asOf, collator))).toEqual(['red-soon']);
	});

	it('write the link of each list with its scope, filter and order', () => {
		expect(viewSearch(atRiskView(scope))).toBe(
			'?segment=mid&csm=kim%40vendor.example&band=Red&band=Orange&renewal=90&sort=renewal'
		);
		expect(viewSearch(moversView(scope, 'up'))).toBe(
			'?segment=mid&csm=kim%40vendor.example&change=up&sort=delta&dir=desc'
		);
		expect(viewSearch(dropsView({ segment: '', csm: '' }))).toBe('?drop=1&sort=delta');
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
	): AccountHistory => ({
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
