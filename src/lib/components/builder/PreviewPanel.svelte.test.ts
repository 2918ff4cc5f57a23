// Dexie reads the global IndexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { replaceWorkspace } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import type { Scorecard } from '$lib/engine';
import { PreviewClient } from '$lib/state/preview/client';
import type { PreviewResult } from '$lib/state/preview/types';
import { account, AS_OF, measure, snapshot } from '../../../../tests/support/builders';
import { workspaceWith } from '../../../../tests/support/workspace';
import PreviewPanel from './PreviewPanel.svelte';

beforeAll(() => {
	vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

const usage = { a: 10, b: 30, c: 50, d: 70, e: 90 };

function card(green: number): Scorecard {
	return {
		id: 'scale',
		name: 'Scale',
		groups: [
			{
				id: 'adoption',
				name: 'Adoption',
				measures: [
					measure(
						'usage',
						{ var: 'usage' },
						{
							type: 'steps',
							steps: [
								{ min: green, score: 90 },
								{ min: 40, score: 50 }
							],
							else: 10
						}
					)
				]
			}
		]
	};
}

/** A store of five accounts, previewed on this thread (jsdom has no workers). */
async function setup(draft: Scorecard, published: Scorecard | null) {
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
	const onresult = vi.fn<(result: PreviewResult) => void>();
	const view = render(PreviewPanel, { draft, published, asOf: AS_OF, client, onresult });
	return { ...view, onresult };
}

describe('PreviewPanel', () => {
	it('shows the matching accounts, their bands and the accounts that move band', async () => {
		const { onresult } = await setup(card(60), card(80));
		await screen.findByText('Accounts this scorecard applies to: 5 of 5');
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
		expect(onresult).toHaveBeenCalledWith(expect.objectContaining({ matching: 5 }));
	});

	it('previews again when the draft changes', async () => {
		const { rerender } = await setup(card(60), card(80));
		await screen.findByText('Accounts moving band: 1 (1 up, 0 down)');
		await rerender({ draft: card(95) });
		await screen.findByText('Accounts moving band: 1 (0 up, 1 down)');
		const moves = screen.getByRole('table', { name: /move band/ });
		expect(within(moves).getByRole('link', { name: 'Account E' }).closest('tr')).toHaveTextContent(
			/Green.*Orange.*down/
		);
		await waitFor(() =>
			expect(screen.getByRole('region', { name: 'Preview' })).toHaveAttribute('aria-busy', 'false')
		);
	});

	it('says there is nothing to compare with before the first publication', async () => {
		await setup(card(80), null);
		await screen.findByText('Never published: nothing to compare with yet.');
	});

	it('keeps the last preview and says why while the draft is invalid', async () => {
		const { rerender } = await setup(card(60), null);
		await screen.findByText('Accounts this scorecard applies to: 5 of 5');
		const broken = card(60);
		broken.groups[0]!.measures[0]!.value = { bogus: [] };
		await rerender({ draft: broken });
		expect(await screen.findByRole('alert')).toHaveTextContent(
			/unknown JSON-logic operator "bogus"/
		);
		expect(screen.getByText('Accounts this scorecard applies to: 5 of 5')).toBeInTheDocument();
	});
});
