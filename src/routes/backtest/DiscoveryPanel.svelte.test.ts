import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Discovery } from '$lib/engine/backtest';
import DiscoveryPanel from './DiscoveryPanel.svelte';

const found: Discovery = {
	ok: true,
	target: 'churn',
	horizon: 90,
	start: 'scorecard',
	baseId: 'three-dimensions',
	steps: [
		{ action: 'start', crossValidatedAuc: 0.7, heldOutAuc: 0.74, trainAuc: 0.72, measures: 3 },
		{
			action: 'add',
			measureId: 'fit-nps',
			fact: 'nps',
			crossValidatedAuc: 0.75,
			heldOutAuc: 0.78,
			trainAuc: 0.76,
			measures: 4
		},
		{
			action: 'remove',
			measureId: 'logins',
			crossValidatedAuc: 0.751,
			heldOutAuc: 0.781,
			trainAuc: 0.76,
			measures: 3
		}
	],
	scorecard: {
		id: 'three-dimensions-discovered',
		name: 'X (discovered)',
		status: 'draft',
		groups: []
	},
	heldOut: { before: 0.74, after: 0.781, accounts: 200, events: 40 },
	train: { accounts: 400, events: 80 },
	skippedCopies: []
};

function setup(props: Partial<Parameters<typeof DiscoveryPanel>[1]> = {}) {
	const onDiscover = vi.fn();
	const onSave = vi.fn();
	const view = render(DiscoveryPanel, {
		discovery: undefined,
		saving: false,
		disabled: false,
		onDiscover,
		onSave,
		...props
	});
	return { ...view, onDiscover, onSave, user: userEvent.setup() };
}

describe('DiscoveryPanel', () => {
	it('starts a discovery and shows it running', async () => {
		const { user, onDiscover, rerender } = setup();
		await user.click(screen.getByRole('button', { name: 'Discover measures' }));
		expect(onDiscover).toHaveBeenCalledOnce();
		await rerender({ discovery: { kind: 'running' } });
		expect(screen.getByRole('status')).toHaveTextContent('Discovering measures…');
		expect(screen.getByRole('button', { name: 'Discover measures' })).toBeDisabled();
		await rerender({ discovery: { kind: 'error', message: 'boom' } });
		expect(screen.getByRole('alert')).toHaveTextContent('The discovery failed: boom');
	});

	it('shows the path and the result, and saves it as a draft', async () => {
		const { user, onSave } = setup({ discovery: { kind: 'done', value: found } });
		const path = screen.getByRole('table', { name: 'The steps of the discovery' });
		const rows = within(path).getAllByRole('row').slice(1);
		expect(rows.map((row) => row.dataset.action)).toEqual(['start', 'add', 'remove']);
		expect(rows[1]).toHaveTextContent(/1\s*add\s*nps\s*0\.78\s*4/);
		expect(rows[2]).toHaveTextContent('logins');
		expect(
			screen.getByText(/Held-out AUC: 0\.74 for this scorecard → 0\.78 discovered/)
		).toBeVisible();
		await user.click(screen.getByRole('button', { name: 'Open as draft in the builder' }));
		expect(onSave).toHaveBeenCalledOnce();
	});

	it('says why nothing was discovered', () => {
		setup({ discovery: { kind: 'done', value: { ok: false, reason: 'nothing-found' } } });
		expect(screen.getByText('No fact improved the scorecard.')).toBeInTheDocument();
		expect(screen.queryByRole('button', { name: 'Open as draft in the builder' })).toBeNull();
	});
});
