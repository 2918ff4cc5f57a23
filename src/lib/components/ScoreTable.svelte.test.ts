import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AccountRow, BandView } from '$lib/state/account-rows';
import ScoreTable from './ScoreTable.svelte';

const red: BandView = { kind: 'band', name: 'Red', color: '#c62828', rank: 0 };
const yellow: BandView = { kind: 'band', name: 'Yellow', color: '#f9a825', rank: 2 };
const green: BandView = { kind: 'band', name: 'Green', color: '#2e7d32', rank: 3 };

function row(id: string, name: string, overall: number | null, band: BandView): AccountRow {
	return {
		id,
		name,
		segment: 'scale',
		arr: 12_000,
		renewalDate: '2027-03-01',
		scorecardName: band.kind === 'unscored' ? null : 'Scale segment',
		overall,
		band,
		missing: overall === null ? 2 : 0
	};
}

const rows: AccountRow[] = [
	row('acme', 'Acme Ltd', 86.4, green),
	row('globex', 'Globex', 31.7, red),
	row('initech', 'Initech', 64.2, yellow),
	row('hooli', 'Hooli', null, { kind: 'no-data', rank: 4 }),
	row('umbrella', 'Umbrella', null, { kind: 'unscored', rank: 5 })
];

function setup(props: Partial<{ pageSize: number }> = {}) {
	const user = userEvent.setup();
	render(ScoreTable, { rows, caption: 'Account health scores', ...props });
	const table = screen.getByRole('table', { name: 'Account health scores' });
	/** Account names in the order the table shows them. */
	const names = () =>
		within(table)
			.getAllByRole('rowheader')
			.map((cell) => cell.textContent?.trim());
	const header = (name: RegExp) => within(table).getByRole('columnheader', { name });
	return { user, table, names, header };
}

describe('ScoreTable', () => {
	it('lists every account, lowest score first, accounts without a score last', () => {
		const { table, names, header } = setup();
		expect(within(table).getAllByRole('row')).toHaveLength(rows.length + 1);
		expect(names()).toEqual(['Globex', 'Initech', 'Acme Ltd', 'Hooli', 'Umbrella']);
		expect(header(/^Score$/)).toHaveAttribute('aria-sort', 'ascending');
		expect(screen.getByText('Showing 1–5 of 5 accounts')).toBeInTheDocument();
	});

	it('sorts by a header on click, and flips the order on a second click', async () => {
		const { user, names, header } = setup();
		await user.click(within(header(/^Score$/)).getByRole('button'));
		expect(header(/^Score$/)).toHaveAttribute('aria-sort', 'descending');
		expect(names()).toEqual(['Acme Ltd', 'Initech', 'Globex', 'Hooli', 'Umbrella']);

		await user.click(within(header(/^Account$/)).getByRole('button'));
		expect(header(/^Account$/)).toHaveAttribute('aria-sort', 'ascending');
		expect(header(/^Score$/)).not.toHaveAttribute('aria-sort');
		expect(names()).toEqual(['Acme Ltd', 'Globex', 'Hooli', 'Initech', 'Umbrella']);
	});

	it('shows the band as text beside its colour, and no number without a score', () => {
		const { table } = setup();
		const cells = (name: string) =>
			within(within(table).getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell');

		const globex = cells('Globex');
		expect(globex[2]).toHaveTextContent('31');
		expect(globex[3]).toHaveTextContent('Red');
		expect(globex[3]!.querySelector('[data-band="Red"]')).toHaveStyle({
			'--band-color': '#c62828'
		});

		const hooli = cells('Hooli');
		expect(hooli[2]).toHaveTextContent(/^$/);
		expect(hooli[3]).toHaveTextContent('No data');
		expect(cells('Umbrella')[3]).toHaveTextContent('Unscored');
	});

	it('filters by name and pages through long lists', async () => {
		const { user, names } = setup({ pageSize: 2 });
		expect(names()).toEqual(['Globex', 'Initech']);
		const pager = screen.getByRole('navigation', { name: 'Pages' });
		await user.click(within(pager).getByRole('button', { name: 'Next' }));
		expect(names()).toEqual(['Acme Ltd', 'Hooli']);
		expect(within(pager).getByText('Page 2 of 3')).toBeInTheDocument();

		await user.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'glo');
		expect(names()).toEqual(['Globex']);
		expect(
			screen.getByText('Showing 1–1 of 1 accounts matching “glo” (5 in all)')
		).toBeInTheDocument();
		expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
	});
});
