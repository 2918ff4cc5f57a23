import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ResolvedPathname } from '$app/types';
import { anomalies, atRiskRenewals, atRiskView, movers, moversView } from '$lib/state/dashboard';
import { accountRow, viewSearch } from '$lib/state/testing';
import AnomalyList from './AnomalyList.svelte';
import AtRiskTable from './AtRiskTable.svelte';
import MoversList from './MoversList.svelte';

const texts = (table: HTMLElement) =>
	within(table)
		.getAllByRole('row')
		.slice(1)
		.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()));

describe('MoversList', () => {
	const rows = [
		accountRow('up-small', { name: 'Up small', previous: 50.9, overall: 53.2, delta30d: 2.3 }),
		accountRow('up-big', { name: 'Up big', previous: 40, overall: 71.5, delta30d: 31.5 }),
		accountRow('down', { name: 'Down', previous: 80.2, overall: 61.7, delta30d: -18.5 }),
		accountRow('same', { name: 'Same', previous: 60, overall: 60, delta30d: 0 })
	];

	it('lists the rises and the falls apart, biggest first, with the scores and the change as shown', () => {
		const { up, down } = movers(rows);
		render(MoversList, { up, down });
		expect(texts(screen.getByRole('table', { name: 'Rising' }))).toEqual([
			['Up big', '40 → 71', '+31'],
			['Up small', '50 → 53', '+3']
		]);
		expect(texts(screen.getByRole('table', { name: 'Falling' }))).toEqual([
			['Down', '80 → 61', '-19']
		]);
		expect(screen.getByRole('link', { name: 'Up big' })).toHaveAttribute(
			'href',
			'/accounts/up-big'
		);
	});

	it('says so when nothing moved one way', () => {
		render(MoversList, { up: [], down: [] });
		expect(screen.getByText('No account rose.')).toBeInTheDocument();
		expect(screen.getByText('No account fell.')).toBeInTheDocument();
	});
});

describe('AnomalyList', () => {
	it('shows each drop of 20 points or more from the 30-day high to now, biggest first', () => {
		const rows = anomalies([
			accountRow('a', { name: 'Acme', overall: 41.5, drop30d: 22.7, anomaly: true }),
			accountRow('b', { name: 'Beta', overall: 18, drop30d: 35, anomaly: true }),
			accountRow('c', { name: 'Calm', overall: 70, drop30d: 4, anomaly: false })
		]);
		render(AnomalyList, { rows });
		const table = screen.getByRole('table', { name: /fell 20 points or more/ });
		expect(texts(table)).toEqual([
			['Beta', '53 → 18', '-35', 'Red'],
			['Acme', '64 → 41', '-23', 'Orange']
		]);
	});

	it('shows the first few and how many there are in all', () => {
		const rows = Array.from({ length: 12 }, (_, i) =>
			accountRow(`a${i}`, { overall: 30, drop30d: 20 + i, anomaly: true })
		);
		render(AnomalyList, { rows, limit: 10 });
		expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(11);
		expect(screen.getByText('10 of 12 shown.')).toBeInTheDocument();
	});

	it('links to all of them in the Accounts list', () => {
		const rows = Array.from({ length: 12 }, (_, i) =>
			accountRow(`a${i}`, { overall: 30, drop30d: 20 + i, anomaly: true })
		);
		render(AnomalyList, { rows, href: '/accounts?drop=1&sort=delta' as ResolvedPathname });
		const link = screen.getByRole('link', { name: /^Show all 12 accounts of “Sudden drops”/ });
		expect(link).toHaveTextContent('Show all 12');
		expect(link).toHaveAttribute('href', '/accounts?drop=1&sort=delta');
	});

	it('says so when no score fell', () => {
		render(AnomalyList, { rows: [] });
		expect(screen.getByText(/No score fell 20 points or more/)).toBeInTheDocument();
	});
});

describe('“Show all” under a dashboard list', () => {
	const AS_OF = '2026-11-24';
	const scope = { segment: 'scale', csm: '' };

	it('links the at-risk renewals to the Accounts list with their scope, bands, window and order', () => {
		const rows = atRiskRenewals(
			Array.from({ length: 125 }, (_, i) =>
				accountRow(`r${i}`, { overall: 20 + (i % 40), renewalDate: '2026-12-01' })
			),
			AS_OF
		);
		const href = `/accounts${viewSearch(atRiskView(scope))}` as ResolvedPathname;
		render(AtRiskTable, { rows, asOf: AS_OF, currency: 'USD', href });
		expect(screen.getByText('10 of 125 shown.')).toBeInTheDocument();
		const link = screen.getByRole('link', { name: /^Show all 125 accounts of “At risk/ });
		expect(link).toHaveTextContent('Show all 125');
		const url = new URL(link.getAttribute('href')!, 'http://localhost');
		expect(url.pathname).toBe('/accounts');
		expect(url.searchParams.get('segment')).toBe('scale');
		expect(url.searchParams.getAll('band')).toEqual(['Red', 'Orange']);
		expect(url.searchParams.get('renewal')).toBe('90');
		expect(url.searchParams.get('sort')).toBe('renewal');
	});

	it('offers no link when the list shows everything', () => {
		const rows = atRiskRenewals(
			[accountRow('one', { overall: 20, renewalDate: '2026-12-01' })],
			AS_OF
		);
		render(AtRiskTable, {
			rows,
			asOf: AS_OF,
			currency: 'USD',
			href: '/accounts?x' as ResolvedPathname
		});
		expect(screen.queryByRole('link', { name: /Show all/ })).not.toBeInTheDocument();
		expect(screen.queryByText(/shown\./)).not.toBeInTheDocument();
	});

	it('links each movers list past its first five, rising and falling apart', () => {
		const rows = [
			...Array.from({ length: 7 }, (_, i) =>
				accountRow(`up${i}`, { previous: 40, overall: 45 + i, delta30d: 5 + i })
			),
			accountRow('down', { previous: 60, overall: 50, delta30d: -10 })
		];
		const { up, down } = movers(rows);
		const hrefs = {
			up: `/accounts${viewSearch(moversView(scope, 'up'))}` as ResolvedPathname,
			down: `/accounts${viewSearch(moversView(scope, 'down'))}` as ResolvedPathname
		};
		render(MoversList, { up, down, hrefs });
		expect(within(screen.getByRole('table', { name: 'Rising' })).getAllByRole('row')).toHaveLength(
			6
		);
		const link = screen.getByRole('link', { name: /^Show all 7 accounts of “Rising/ });
		expect(link).toHaveAttribute('href', '/accounts?segment=scale&change=up&sort=delta&dir=desc');
		// One fall: all shown, no link.
		expect(screen.getAllByRole('link', { name: /Show all/ })).toHaveLength(1);
	});
});
