import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '$lib/engine';
import { shippedScorecards } from '$lib/engine/sample';
import type { ScorecardRow } from '$lib/state/builder/list.svelte';
import ScorecardTable from './ScorecardTable.svelte';

const [scale, dream, mid] = shippedScorecards() as [Scorecard, Scorecard, Scorecard];
const v2: Scorecard = { ...scale, id: 'scale_v2', name: 'Scale v2', priority: 0 };
const row = (scorecard: Scorecard, scores: number | null): ScorecardRow => ({
	scorecard,
	draft: null,
	scores
});

function cellOf(name: string): HTMLElement {
	const table = screen.getByRole('table', { name: 'Scorecards in the order they are tried' });
	const header = within(table).getByRole('rowheader', { name });
	const column = within(table)
		.getAllByRole('columnheader')
		.findIndex((cell) => cell.textContent === 'Scores today');
	return header.closest('tr')!.cells[column]!;
}

describe('the scorecards table', () => {
	it('shows how many accounts each scores today, and why one scores none', () => {
		render(ScorecardTable, {
			rows: [row(v2, 912), row(scale, 0), row(dream, 1), row(mid, 0)],
			reasons: {
				scale: { kind: 'shadowed', by: ['Scale v2'] },
				'three-dimensions': { kind: 'noMatch' }
			},
			busy: false,
			onmove: () => {}
		});
		expect(cellOf('Scale v2')).toHaveTextContent('912 accounts');
		expect(cellOf('Enterprise (DREAM)')).toHaveTextContent(/^1 account$/);
		expect(cellOf('Scale segment')).toHaveTextContent(
			'Scores no account: Scale v2 comes first for all its accounts'
		);
		expect(cellOf('Mid-market (three dimensions)')).toHaveTextContent(
			'Scores no account: no account matches its segment'
		);
	});

	it('says it is counting while the scores are computed again, and marks none before the reason', () => {
		render(ScorecardTable, {
			rows: [row(v2, null), row(scale, 0)],
			busy: false,
			onmove: () => {}
		});
		expect(cellOf('Scale v2')).toHaveTextContent('Counting…');
		expect(cellOf('Scale segment')).toHaveTextContent(/^Scores no account$/);
	});
});
