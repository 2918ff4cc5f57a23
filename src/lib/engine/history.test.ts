import { describe, expect, it } from 'vitest';
import { account, card, linear100, measure, snapshot } from '../../../tests/support/builders';
import { workspaceWith } from '../../../tests/support/workspace';
import {
	ANOMALY_DROP,
	scoreChange,
	scoreHistories,
	scorePortfolio,
	scoreWorkspace,
	weeklyDates,
	type AccountHistory
} from '.';
import { generateSample } from './sample';

const usage = card([
	{ id: 'usage', name: 'Usage', measures: [measure('x', { var: 'x' }, linear100)] }
]);

describe('weeklyDates', () => {
	it('ends at the as-of date, a week apart, oldest first', () => {
		expect(weeklyDates('2026-11-23', 3)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
		expect(weeklyDates('2026-11-23')).toHaveLength(53);
	});
});

describe('scoreHistories', () => {
	it('scores each date from the latest snapshot on or before it', () => {
		const workspace = workspaceWith({
			accounts: [account('a'), account('b', { segment: 'other' })],
			snapshots: [
				snapshot('a', { x: 40 }, '2026-11-05'),
				snapshot('a', { x: 70 }, '2026-11-19'),
				snapshot('a', { x: 90 }, '2026-11-30')
			],
			scorecards: [{ ...usage, applies_to: { '==': [{ var: 'segment' }, 'scale'] } }]
		});
		const [a, b] = scoreHistories(workspace, [
			'2026-11-01',
			'2026-11-09',
			'2026-11-16',
			'2026-11-23'
		]);
		expect(a).toMatchObject({
			account_id: 'a',
			scorecard_id: ['card', 'card', 'card', 'card'],
			overall: [null, 40, 40, 70],
			band: ['No data', 'Orange', 'Orange', 'Yellow'],
			groups: { usage: [null, 40, 40, 70] }
		});
		expect(b).toMatchObject({
			scorecard_id: [null, null, null, null],
			overall: [null, null, null, null],
			groups: {}
		});
	});

	it('gives on every date what scoring the workspace as of that date gives', () => {
		const workspace = generateSample({ accounts: 120, weeks: 20 });
		const dates = weeklyDates('2026-11-23', 24);
		const histories = scoreHistories(workspace, dates);
		for (const [d, date] of dates.entries()) {
			const scores = scoreWorkspace(workspace, date);
			histories.forEach((history, i) => {
				expect(history.overall[d]).toBe(scores[i]!.overall);
				expect(history.band[d]).toBe(scores[i]!.band);
				for (const [group, score] of Object.entries(scores[i]!.groups))
					expect(history.groups[group]![d]).toBe(score);
			});
		}
	});
});

describe('scoreChange', () => {
	const history = (overall: (number | null)[]): AccountHistory => {
		const dates = weeklyDates('2026-11-23', overall.length);
		return {
			account_id: 'a',
			dates,
			scorecard_id: overall.map(() => 'card'),
			overall,
			band: overall.map(() => null),
			groups: {}
		};
	};

	it('is the change since the score 30 days before', () => {
		expect(scoreChange(history([50, 60, 65, 70, 72]), 60)).toMatchObject({
			previous: 60,
			delta_30d: 12,
			drop_30d: 0,
			anomaly: false
		});
		expect(scoreChange(history([50, null]), 60)).toMatchObject({ delta_30d: null, anomaly: false });
		expect(scoreChange(history([50, 60]), null)).toMatchObject({ delta_30d: null });
	});

	it(`flags a drop of ${ANOMALY_DROP} points or more within 30 days, whatever the level`, () => {
		// 90 three weeks ago, 69 now: a fall of 21 from a Green account still Yellow.
		expect(scoreChange(history([88, 90, 85, 75, 69]), 88)).toMatchObject({
			drop_30d: 21,
			anomaly: true,
			delta_30d: -19
		});
		// 19 points is not enough.
		expect(scoreChange(history([60, 50, 45, 41]), 60)).toMatchObject({
			drop_30d: 19,
			anomaly: false
		});
		// A fall from the score 30 days before counts too, and older peaks do not.
		expect(scoreChange(history([99, 40, 40, 40, 40, 30]), 50)).toMatchObject({
			drop_30d: 20,
			anomaly: true
		});
	});
});

describe('scorePortfolio', () => {
	it('joins the scores, the weekly history and the 30-day change of every account', () => {
		const workspace = generateSample({ accounts: 80, weeks: 30 });
		const portfolio = scorePortfolio(workspace, '2026-11-23', { weeks: 10 });
		const before = scoreWorkspace(workspace, '2026-10-24');
		expect(portfolio.scores).toEqual(scoreWorkspace(workspace, '2026-11-23'));
		expect(portfolio.histories.every((history) => history.dates.length === 10)).toBe(true);
		portfolio.changes.forEach((change, i) => {
			const now = portfolio.scores[i]!.overall;
			const then = before[i]!.overall;
			expect(change.delta_30d).toBe(now !== null && then !== null ? now - then : null);
		});
	});
});
