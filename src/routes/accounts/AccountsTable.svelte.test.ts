import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Random } from '$lib/engine';
import { formatPercent } from '$lib/i18n/format';
import type { ListView } from '$lib/state/account-query';
import { shownDelta } from '$lib/state/account-rows';
import { accountRow } from '$lib/state/testing';
import ListHarness from './ListHarness.svelte';

/** 10,000 accounts with scores, changes and segments spread out by a seeded generator. */
function manyRows(count = 10_000) {
	const random = new Random(7);
	return Array.from({ length: count }, (_, i) => {
		const overall = Math.floor(random.next() * 10_000) / 100;
		const delta30d = Math.round((random.next() - 0.5) * 6000) / 100;
		return accountRow(`a${i}`, {
			name: `Account ${String(i).padStart(5, '0')}`,
			overall,
			previous: overall - delta30d,
			delta30d,
			segment: i % 3 === 0 ? 'enterprise' : 'scale',
			csm: i % 2 === 0 ? 'kim@vendor.example' : 'lee@vendor.example',
			churnedOn: i % 1000 === 999 ? '2026-06-01' : null,
			churnProbability: i % 7 === 0 ? null : { p: (i % 100) / 100, low: 0, high: 1 }
		});
	});
}

function setup(rows = manyRows(), view: Partial<ListView> = {}) {
	const user = userEvent.setup();
	render(ListHarness, { rows, view });
	const table = screen.getByRole('table', { name: 'Account health scores' });
	const viewport = screen.getByTestId('accounts-viewport');
	/** The data rows rendered now, as [aria-rowindex, name]. */
	const rendered = (): [number, string][] =>
		within(table)
			.getAllByRole('row')
			.filter((row) => row.querySelector('th[scope="row"]'))
			.map((row) => [
				Number(row.getAttribute('aria-rowindex')),
				row.querySelector('a')!.textContent!
			]);
	const header = (name: RegExp) => within(table).getByRole('columnheader', { name });
	const scrollTo = async (top: number) => {
		viewport.scrollTop = top;
		await fireEvent.scroll(viewport);
	};
	return { user, table, viewport, rendered, header, scrollTo, rows };
}

// 10,000 rows through jsdom: slow on a busy machine, so more time than the default 5 s.
describe('the accounts list', { timeout: 20_000 }, () => {
	it('renders a window of rows out of 10,000 and tells assistive technology the full size', () => {
		const { table, rendered, header } = setup();
		// 10 churned accounts are hidden by default; plus the header row.
		expect(table).toHaveAttribute('aria-rowcount', String(9_990 + 1));
		const rows = rendered();
		expect(rows.length).toBeGreaterThan(5);
		expect(rows.length).toBeLessThan(40);
		expect(rows[0]![0]).toBe(2);
		expect(rows.map(([index]) => index)).toEqual(rows.map((_, i) => i + 2));
		expect(header(/^Score/)).toHaveAttribute('aria-sort', 'ascending');
		expect(screen.getByTestId('count')).toHaveTextContent('9990');
	});

	it('renders other rows as it scrolls, keeping their places in the list', async () => {
		const { rendered, scrollTo, table } = setup();
		const before = rendered();
		await scrollTo(33 * 5_000);
		const after = rendered();
		expect(after.length).toBeLessThan(40);
		expect(after[0]![0]).toBeGreaterThan(4_900);
		expect(after.map(([, name]) => name)).not.toContain(before[0]![1]);
		// The space above stands for the rows not rendered.
		const spacer = table.querySelector('tbody tr[aria-hidden="true"]') as HTMLElement;
		expect(parseFloat(spacer.style.height)).toBe((Number(after[0]![0]) - 2) * 33);

		await scrollTo(33 * 10_000);
		expect(rendered().at(-1)![0]).toBe(9_990 + 1);
	});

	it('sorts by score and by change, both ways, from the headers', async () => {
		const { user, rendered, header, rows, table } = setup();
		const live = rows.filter((row) => row.churnedOn === null);
		const nameOf = new Map(rows.map((row) => [row.name, row]));
		const shown = () => rendered().map(([, name]) => nameOf.get(name)!);

		const lowest = Math.min(...live.map((row) => row.overall!));
		expect(shown()[0]!.overall).toBe(lowest);

		await user.click(within(header(/^Score/)).getByRole('button'));
		expect(header(/^Score/)).toHaveAttribute('aria-sort', 'descending');
		const scores = shown().map((row) => row.overall!);
		expect(scores[0]).toBe(Math.max(...live.map((row) => row.overall!)));
		expect(scores).toEqual([...scores].sort((a, b) => b - a));

		// By the change as the column shows it: the two scores rounded down first.
		await user.click(within(header(/^Change/)).getByRole('button'));
		expect(header(/^Change/)).toHaveAttribute('aria-sort', 'ascending');
		expect(header(/^Score/)).not.toHaveAttribute('aria-sort');
		const falls = shown().map((row) => shownDelta(row)!);
		expect(falls[0]).toBe(Math.min(...live.map((row) => shownDelta(row)!)));
		expect(falls).toEqual([...falls].sort((a, b) => a - b));
		const cells = within(table)
			.getAllByRole('row')
			.slice(1)
			.filter((row) => row.querySelector('th[scope="row"]'))
			.map((row) => Number(row.querySelectorAll('td')[4]!.textContent!.trim().replace('−', '-')));
		expect(cells).toEqual(falls);

		await user.click(within(header(/^Change/)).getByRole('button'));
		expect(header(/^Change/)).toHaveAttribute('aria-sort', 'descending');
		expect(shownDelta(shown()[0]!)).toBe(Math.max(...live.map((row) => shownDelta(row)!)));
	});

	it('sorts by the probability of churn, likeliest first, and shows it as a percentage', async () => {
		const { user, rendered, header, rows, table } = setup();
		const nameOf = new Map(rows.map((row) => [row.name, row]));
		await user.click(within(header(/^Churn risk/)).getByRole('button'));
		expect(header(/^Churn risk/)).toHaveAttribute('aria-sort', 'descending');
		const shown = rendered().map(([, name]) => nameOf.get(name)!);
		const risks = shown.map((row) => row.churnProbability!.p);
		expect(risks[0]).toBe(
			Math.max(...rows.filter((row) => !row.churnedOn).map((row) => row.churnProbability?.p ?? 0))
		);
		expect(risks).toEqual([...risks].sort((a, b) => b - a));
		const first = within(table)
			.getAllByRole('row')
			.find((row) => row.querySelector('th[scope="row"]'))!;
		expect(first.querySelectorAll('td')[7]!.textContent!.trim()).toBe(
			formatPercent(shown[0]!.churnProbability!.p)
		);
	});

	it('filters by segment, band, CSM and name, and shows churned accounts on request', async () => {
		const { user, table, rendered } = setup();
		await user.selectOptions(screen.getByLabelText('Segment'), 'enterprise');
		await user.selectOptions(screen.getByLabelText('CSM'), 'kim@vendor.example');
		// Every 6th account (i % 6 === 0; none of them churned), and the header row.
		expect(table).toHaveAttribute('aria-rowcount', String(1_667 + 1));
		await user.selectOptions(screen.getByLabelText('Band'), 'Green');
		const green = Number(table.getAttribute('aria-rowcount')) - 1;
		expect(green).toBeGreaterThan(200);
		expect(green).toBeLessThan(500);
		for (const row of within(table).getAllByRole('row').slice(1))
			expect(row).toHaveTextContent('Green');

		await user.click(screen.getByRole('button', { name: 'Clear filters' }));
		await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), '0004');
		// Accounts 00004 and 00040–00049.
		const found = rendered().map(([, name]) => name);
		expect(found).toHaveLength(11);
		expect(found.every((name) => name.includes('0004'))).toBe(true);
		expect(screen.getByTestId('count')).toHaveTextContent('11');

		await user.clear(screen.getByRole('searchbox', { name: 'Search by name' }));
		await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), '00999');
		expect(within(table).getByText('No accounts match.')).toBeInTheDocument();
		await user.click(screen.getByRole('checkbox', { name: 'Show churned accounts (10)' }));
		const [churned] = rendered();
		expect(churned![1]).toBe('Account 00999');
		expect(within(table).getByText('Churned')).toBeInTheDocument();
	});

	it('links every account to its page', () => {
		const { table } = setup(manyRows(3));
		const links = within(table).getAllByRole('link');
		expect(links.map((link) => link.getAttribute('href')).sort()).toEqual([
			'/accounts/a0',
			'/accounts/a1',
			'/accounts/a2'
		]);
	});
});

describe('the accounts list opened from a link', () => {
	it('starts from the view the link gave, its extra filters shown and removable', async () => {
		const rows = [
			accountRow('red-soon', { overall: 20, renewalDate: '2026-12-01', segment: 'mid' }),
			accountRow('orange-soon', { overall: 45, renewalDate: '2026-12-10', segment: 'mid' }),
			accountRow('red-late', { overall: 20, renewalDate: '2027-06-01', segment: 'mid' }),
			accountRow('green-soon', { overall: 90, renewalDate: '2026-12-01', segment: 'mid' }),
			accountRow('red-other', { overall: 20, renewalDate: '2026-12-01', segment: 'scale' })
		];
		const { user, rendered } = setup(rows, {
			segment: 'mid',
			bands: ['band:Red', 'band:Orange'],
			renewalDays: 90,
			sortKey: 'renewal'
		});
		expect(rendered().map(([, name]) => name)).toEqual(['red-soon', 'orange-soon']);
		// The two bands as one choice; the renewal window as a chip.
		expect(screen.getByLabelText('Band')).toHaveDisplayValue('Red or Orange');
		const more = screen.getByRole('list', { name: 'More filters' });
		expect(within(more).getByRole('listitem')).toHaveTextContent('Renewing within 90 days');

		await user.click(
			within(more).getByRole('button', { name: 'Remove the filter “Renewing within 90 days”' })
		);
		expect(screen.queryByRole('list', { name: 'More filters' })).not.toBeInTheDocument();
		expect(rendered().map(([, name]) => name)).toEqual(['red-soon', 'orange-soon', 'red-late']);

		await user.selectOptions(screen.getByLabelText('Band'), 'Orange');
		expect(rendered().map(([, name]) => name)).toEqual(['orange-soon']);
		expect(screen.getByLabelText('Band')).toHaveDisplayValue('Orange');
		expect(screen.queryByRole('option', { name: 'Red or Orange' })).not.toBeInTheDocument();
	});
});
