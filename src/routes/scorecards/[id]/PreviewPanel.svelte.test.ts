// Dexie reads the global IndexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { replaceWorkspace } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import type { Scorecard } from '$lib/engine';
import { PreviewBoard } from '$lib/state/preview/board.svelte';
import { PreviewClient } from '$lib/state/preview/client';
import { usageCard } from '$lib/state/preview/testing';
import { account, AS_OF, snapshot } from '../../../../tests/support/builders';
import { workspaceWith } from '../../../../tests/support/workspace';
import PreviewPanel from './PreviewPanel.svelte';

beforeAll(() => {
	vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

const usage = { a: 10, b: 30, c: 50, d: 70, e: 90 };

/** A store of five accounts, previewed on this thread (jsdom has no workers). */
async function setup(draft: Scorecard, published: Scorecard | null, scorecards?: Scorecard[]) {
	const db = testDatabase('preview-panel');
	await replaceWorkspace(
		db,
		workspaceWith({
			accounts: Object.keys(usage).map((id) =>
				account(id, { name: `Account ${id.toUpperCase()}` })
			),
			snapshots: Object.entries(usage).map(([id, value]) => snapshot(id, { usage: value }))
		})
	);
	const client = new PreviewClient(
		() => null,
		() => db
	);
	const board = new PreviewBoard();
	const view = render(PreviewPanel, {
		draft,
		published,
		...(scorecards ? { scorecards } : {}),
		asOf: AS_OF,
		client,
		board
	});
	return { ...view, board, client };
}

describe('PreviewPanel', () => {
	it('shows the accounts it scores, their bands and the accounts that move band', async () => {
		const draft = usageCard(60);
		const { board } = await setup(draft, usageCard(80));
		await screen.findByText('Scores 5 of the 5 accounts it applies to');
		const bands = screen.getByRole('table', { name: 'Matching accounts per band' });
		const row = (name: string) =>
			[...within(bands).getByRole('rowheader', { name }).closest('tr')!.cells].map((cell) =>
				cell.textContent!.trim()
			);
		expect(row('Green')).toEqual(['Green', '', '2', '1']);
		expect(row('Orange')).toEqual(['Orange', '', '1', '2']);
		expect(screen.getByText('Accounts moving band: 1 (1 up, 0 down)')).toBeInTheDocument();
		const moves = screen.getByRole('table', { name: /move band/ });
		const link = within(moves).getByRole('link', { name: 'Account D' });
		expect(link).toHaveAttribute('href', '/accounts/d');
		expect(link.closest('tr')).toHaveTextContent(/Orange.*Green.*up/);
		// Each preview is on the board with the very draft it is of (the publish check waits for that one).
		expect(await board.resultFor('scale', draft, 1_000)).toMatchObject({ matching: 5 });
		expect(board.get('scale')).toMatchObject({ matching: 5 });
	});

	it('previews again when the draft changes', async () => {
		const { rerender } = await setup(usageCard(60), usageCard(80));
		await screen.findByText('Accounts moving band: 1 (1 up, 0 down)');
		await rerender({ draft: usageCard(95) });
		await screen.findByText('Accounts moving band: 1 (0 up, 1 down)');
		const moves = screen.getByRole('table', { name: /move band/ });
		expect(within(moves).getByRole('link', { name: 'Account E' }).closest('tr')).toHaveTextContent(
			/Green.*Orange.*down/
		);
		await waitFor(() =>
			expect(screen.getByRole('region', { name: 'Preview' })).toHaveAttribute('aria-busy', 'false')
		);
	});

	it('asks again when what it depends on changes, not when it is only read again', async () => {
		const draft = usageCard(60);
		const { rerender, client } = await setup(draft, usageCard(80));
		const asked = vi.spyOn(client, 'request');
		await screen.findByText('Accounts moving band: 1 (1 up, 0 down)');
		// The published scorecard read again by a live query: a new object, the same scorecard.
		await rerender({ published: usageCard(80) });
		await rerender({ draft });
		expect(asked).not.toHaveBeenCalled();
		await rerender({ published: usageCard(95) });
		await screen.findByText('Accounts moving band: 2 (2 up, 0 down)');
		expect(asked).toHaveBeenCalledTimes(1);
	});

	it('says there is nothing to compare with while no scorecard is published', async () => {
		await setup(usageCard(80), null);
		await screen.findByText('No scorecard is published: nothing to compare with yet.');
	});

	it('counts only what the scorecards tried before it leave, and says which take the rest', async () => {
		const scale = usageCard(80, { priority: 1, status: 'published' });
		const behind = usageCard(60, { id: 'scale_v2', name: 'Scale v2', priority: 2 });
		await setup(behind, null, [scale]);
		const line = await screen.findByText(/^Scores 0 of the 5 accounts it applies to/);
		expect(line).toHaveTextContent(
			'Scores 0 of the 5 accounts it applies to: 5 are scored first by Scale (priority 1)'
		);
		expect(line).toHaveAttribute('data-lost', '5');
		expect(screen.getByText('Accounts moving band: 0 (0 up, 0 down)')).toBeInTheDocument();
	});

	it('compares a new scorecard with how its accounts are scored today, by whichever scorecard', async () => {
		const scale = usageCard(80, { priority: 1, status: 'published' });
		await setup(usageCard(60, { id: 'scale_v2', name: 'Scale v2', priority: 0 }), null, [scale]);
		await screen.findByText('Scores 5 of the 5 accounts it applies to');
		expect(screen.getByText('Scored today by Scale: 5 accounts')).toBeInTheDocument();
		// D moves Orange (Scale, today) → Green (the new one).
		expect(screen.getByText('Accounts moving band: 1 (1 up, 0 down)')).toBeInTheDocument();
		const moves = screen.getByRole('table', { name: /move band/ });
		expect(within(moves).getByRole('link', { name: 'Account D' }).closest('tr')).toHaveTextContent(
			/Orange.*Green.*up/
		);
	});

	it('keeps the last preview and says why while the draft is invalid', async () => {
		const { rerender } = await setup(usageCard(60), null);
		await screen.findByText('Scores 5 of the 5 accounts it applies to');
		const broken = usageCard(60);
		broken.groups[0]!.measures[0]!.value = { bogus: [] };
		await rerender({ draft: broken });
		expect(await screen.findByRole('alert')).toHaveTextContent(
			/Unknown JSON-logic operator “bogus”/
		);
		expect(screen.getByText('Scores 5 of the 5 accounts it applies to')).toBeInTheDocument();
	});
});
