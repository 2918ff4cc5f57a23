import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { anomalies, movers } from '$lib/state/dashboard';
import { accountRow } from '$lib/state/testing';
import AnomalyList from './AnomalyList.svelte';
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
		const { up, down } = movers(rows, 5);
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

	it('says so when no score fell', () => {
		render(AnomalyList, { rows: [] });
		expect(screen.getByText(/No score fell 20 points or more/)).toBeInTheDocument();
	});
});
