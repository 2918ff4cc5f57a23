import { describe, expect, it } from 'vitest';
import { scoreWorkspace } from '$lib/engine';
import { exampleWorkspace, workspaceWith } from '../../../tests/support/workspace';
import { accountRows, bandOrder, bandTotals, lowestScores } from './account-rows';

describe('account rows', () => {
	it('joins accounts with their scores, scorecard names and band colours', () => {
		const workspace = exampleWorkspace();
		const bands = bandOrder(workspace);
		expect(bands.map((band) => (band.kind === 'band' ? band.name : band.kind))).toEqual([
			'Red',
			'Orange',
			'Yellow',
			'Green',
			'no-data',
			'unscored'
		]);
		// The example's bands have no colour: they borrow the default band's of the same name.
		expect(bands[0]).toMatchObject({ name: 'Red', color: '#c62828' });

		const scores = scoreWorkspace(workspace, '2026-11-24');
		const rows = accountRows(workspace, scores, bands);
		expect(rows.map((row) => row.id)).toEqual(['acme', 'globex']);
		expect(rows[0]).toMatchObject({
			name: 'Acme Ltd',
			scorecardName: 'Scale segment',
			arr: 12000,
			missing: 0
		});
		expect(rows[0]!.overall).toBe(scores[0]!.overall);
		expect(rows[0]!.band).toBe(
			bands.find((band) => band.kind === 'band' && band.name === scores[0]!.band)
		);
	});

	it('tells accounts with no data from accounts no scorecard applies to', () => {
		const workspace = exampleWorkspace();
		workspace.accounts.push(
			{ id: 'new', name: 'New Co', segment: 'scale' },
			{ id: 'ent', name: 'Ent', segment: 'enterprise', arr: 50 }
		);
		const bands = bandOrder(workspace);
		const rows = accountRows(workspace, scoreWorkspace(workspace, '2026-11-24'), bands);
		expect(rows[2]!.band.kind).toBe('no-data');
		expect(rows[2]!.overall).toBeNull();
		expect(rows[3]!.band.kind).toBe('unscored');
		expect(rows[3]!.scorecardName).toBeNull();

		const totals = bandTotals(rows, bands);
		expect(totals.reduce((sum, total) => sum + total.count, 0)).toBe(rows.length);
		expect(totals.at(-1)).toMatchObject({
			band: { kind: 'unscored' },
			count: 1,
			share: 0.25,
			arr: 50
		});
		expect(lowestScores(rows, 10).map((row) => row.id)).toEqual(['globex', 'acme']);
	});

	it('falls back to the default bands when there is no scorecard', () => {
		expect(bandOrder(workspaceWith({})).filter((band) => band.kind === 'band')).toHaveLength(4);
	});
});
