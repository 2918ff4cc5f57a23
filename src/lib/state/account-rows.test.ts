import { describe, expect, it } from 'vitest';
import type { PortfolioRow, ScoreRow } from '$lib/db';
import { scoreWorkspace, type AccountScore } from '$lib/engine';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { accountRows, bandOrder, bandTotals } from './account-rows';

/** A score row as the store caches it, from the engine's score and a 30-day change. */
function scoreRow(score: AccountScore, extra: Partial<ScoreRow> = {}): ScoreRow {
	return {
		...score,
		previous: null,
		delta_30d: null,
		drop_30d: 0,
		anomaly: 0,
		...extra
	};
}

describe('account rows', () => {
	it('joins accounts with their scores, scorecard names, bands and 30-day change', () => {
		const workspace = exampleWorkspace();
		const bands = bandOrder(workspace.scorecards);
		expect(bands.map((band) => band.key)).toEqual([
			'band:Red',
			'band:Orange',
			'band:Yellow',
			'band:Green',
			'no-data',
			'unscored'
		]);
		// The example's bands have no colour: they borrow the default band's of the same name.
		expect(bands[0]).toMatchObject({ name: 'Red', color: '#c62828' });

		const [acme, globex] = scoreWorkspace(workspace, '2026-11-24');
		const portfolio: PortfolioRow[] = [
			{
				account: workspace.accounts[0]!,
				score: scoreRow(acme!, { previous: 80, delta_30d: 10, anomaly: 0 })
			},
			{
				account: workspace.accounts[1]!,
				score: scoreRow(globex!, { drop_30d: 25, anomaly: 1, churned_on: '2026-10-01' })
			}
		];
		const rows = accountRows(portfolio, workspace.scorecards, bands);
		expect(rows[0]).toMatchObject({
			id: 'acme',
			name: 'Acme Ltd',
			scorecardName: 'Scale segment',
			arr: 12000,
			csm: 'kim@vendor.example',
			overall: acme!.overall,
			previous: 80,
			delta30d: 10,
			anomaly: false,
			churnedOn: null,
			missing: 0
		});
		expect(rows[0]!.band).toBe(bands.find((band) => band.key === `band:${acme!.band}`));
		expect(rows[1]).toMatchObject({ drop30d: 25, anomaly: true, churnedOn: '2026-10-01' });
	});

	it('tells accounts with no data from accounts no scorecard applies to or not scored yet', () => {
		const workspace = exampleWorkspace();
		workspace.accounts.push(
			{ id: 'new', name: 'New Co', segment: 'scale' },
			{ id: 'ent', name: 'Ent', segment: 'enterprise', arr: 50 }
		);
		const bands = bandOrder(workspace.scorecards);
		const scores = scoreWorkspace(workspace, '2026-11-24');
		const portfolio: PortfolioRow[] = workspace.accounts.map((account, i) => ({
			account,
			score: scoreRow(scores[i]!)
		}));
		portfolio.push({ account: { id: 'later', name: 'Later', segment: 'scale' }, score: null });
		const rows = accountRows(portfolio, workspace.scorecards, bands);
		expect(rows.map((row) => row.band.key)).toEqual([
			'band:Green',
			'band:Orange',
			'no-data',
			'unscored',
			'unscored'
		]);
		expect(rows[2]!.overall).toBeNull();
		expect(rows[3]!.scorecardName).toBeNull();

		const totals = bandTotals(rows, bands);
		expect(totals.reduce((sum, total) => sum + total.count, 0)).toBe(rows.length);
		expect(totals.at(-1)).toMatchObject({ band: { kind: 'unscored' }, count: 2, arr: 50 });
		const allArr = rows.reduce((sum, row) => sum + (row.arr ?? 0), 0);
		expect(totals.at(-1)!.arrShare).toBeCloseTo(50 / allArr);
		expect(totals.reduce((sum, total) => sum + total.share, 0)).toBeCloseTo(1);
	});

	it('falls back to the default bands when there is no scorecard', () => {
		expect(bandOrder([]).filter((band) => band.kind === 'band')).toHaveLength(4);
	});
});
