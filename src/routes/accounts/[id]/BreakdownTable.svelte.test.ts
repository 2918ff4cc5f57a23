import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { FactsSource, scoreWorkspace } from '$lib/engine';
import { breakdown } from '$lib/state/account-detail';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import BreakdownTable from './BreakdownTable.svelte';

const AS_OF = '2026-11-24';

/** Acme of the example workspace, its latest snapshot without the seats it had. */
function setup() {
	const workspace = exampleWorkspace();
	workspace.snapshots.push({
		account_id: 'acme',
		date: '2026-11-20',
		metrics: { active_days_30d: 16 }
	});
	const [score] = scoreWorkspace(workspace, AS_OF);
	const facts = new FactsSource(workspace).on(workspace.accounts[0]!, AS_OF);
	const groups = breakdown(workspace.scorecards[0]!, score!, facts);
	render(BreakdownTable, { groups, overall: score!.overall });
	const table = screen.getByRole('table', { name: /adds up to the overall score/ });
	const row = (name: string) =>
		within(table).getByRole('rowheader', { name }).closest('tr') as HTMLTableRowElement;
	const cells = (name: string) =>
		[...row(name).cells].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
	return { table, row, cells, score: score! };
}

describe('BreakdownTable', () => {
	it('shows each measure as raw value → score → share of the overall → points', () => {
		const { cells, score } = setup();
		expect(score.overall).toBe(85);
		expect(cells('Active days in the last 30')).toEqual([
			'Active days in the last 30',
			'16',
			'85',
			'100%',
			'85.0'
		]);
		expect(cells('Adoption')).toEqual(['Adoption', '', '85', '100%', '85.0']);
		expect(cells('Overall')).toEqual(['Overall', '', '85', '100%', '85.0']);
	});

	it('marks a missing measure "No data", with the facts it lacked, and its group too', () => {
		const { row, cells } = setup();
		const seats = row('Seat penetration');
		expect(seats).toHaveAttribute('data-missing', 'true');
		expect(cells('Seat penetration')).toEqual([
			'Seat penetration',
			'No data Left out: no seats_active',
			'0%',
			'0.0'
		]);
		expect(cells('Deployment')).toEqual(['Deployment', '', 'No data', '0%', '0.0']);
		expect(row('Active days in the last 30')).toHaveAttribute('data-missing', 'false');
	});
});
