import { render, screen, within } from '@testing-library/svelte';
import { expect, it } from 'vitest';
import type { PlanEntry } from '$lib/engine';
import PlanTable from './PlanTable.svelte';

const base = {
	account_id: 'acme',
	action: 'email',
	action_index: 0,
	mode: 'auto'
} as const;

const entries: PlanEntry[] = [
	{
		...base,
		conditions: [],
		play_id: 'nurture',
		recipient: 'ana@acme.example',
		key: 'k1',
		status: 'planned',
		reason: 'score.band == "Yellow" (score.band = "Yellow")',
		detail: { type: 'email', template: 'content-nurture', contact_name: 'Ana <b>Ops</b>' },
		conflicts: ['training']
	},
	{
		...base,
		conditions: [],
		play_id: 'training',
		recipient: 'gone@acme.example',
		key: 'k2',
		status: 'suppressed',
		suppression: 'unsubscribed',
		reason: 'score.groups.adoption < 60 (score.groups.adoption = 42.3)',
		detail: { type: 'email', template: 'training-invitation' }
	}
];

it('shows who gets what and why, says why a suppressed entry is, and flags contacts several plays reach', () => {
	render(PlanTable, {
		entries,
		accountNames: { acme: 'Acme Ltd' },
		playNames: { nurture: 'Nurture', training: 'Training' }
	});
	const rows = screen.getAllByRole('row').slice(1);
	expect(within(rows[0]!).getByRole('link', { name: 'Acme Ltd' })).toHaveAttribute(
		'href',
		'/accounts/acme'
	);
	// A customer's name is text, never markup.
	expect(rows[0]).toHaveTextContent('Ana <b>Ops</b> <ana@acme.example>');
	expect(rows[0]).toHaveTextContent('Planned Also reached this week by Training');
	expect(rows[0]).toHaveClass('conflict');
	expect(rows[1]).toHaveTextContent('Suppressed: unsubscribed');
	expect(rows[1]).toHaveTextContent('score.groups.adoption < 60 (score.groups.adoption = 42.3)');
	expect(rows[1]).not.toHaveClass('conflict');
});
