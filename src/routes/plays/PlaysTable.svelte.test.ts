import { render, screen, within } from '@testing-library/svelte';
import { expect, it } from 'vitest';
import type { Play } from '$lib/engine';
import { exampleWorkspace } from '../../../tests/support/workspace';
import PlaysTable from './PlaysTable.svelte';

const training: Play = {
	id: 'training',
	name: 'Scale training invitation',
	enabled: true,
	mode: 'auto',
	when: { '<': [{ var: 'score.groups.adoption' }, 50] },
	actions: [{ type: 'email', template: 'training-invitation', to: 'contacts' }],
	cooldown_days: 1
};
const call: Play = { ...training, id: 'call', name: 'Call', when: true, cooldown_days: 30 };

it('marks a play that cannot fire for some of its accounts, saying what it reads and for how many', () => {
	render(PlaysTable, {
		plays: [training, call],
		scorecards: exampleWorkspace().scorecards,
		unresolved: [
			{
				play_id: 'training',
				path: 'score.groups.adoption',
				kind: 'group',
				id: 'adoption',
				accounts: 912,
				reachable: 912,
				scorecards: ['scale-v2']
			}
		],
		ontoggle: () => {}
	});
	const [, first, second] = screen.getAllByRole('row');
	const link = within(first!).getByRole('link', { name: 'Scale training invitation' });
	expect(link).toHaveAccessibleDescription(
		'Cannot fire for some of its accounts: Reads Adoption (score.groups.adoption), which 912 of its 912 accounts do not have: it cannot fire for them.'
	);
	expect(first).toHaveTextContent('1 day');
	expect(within(second!).getByRole('link', { name: 'Call' })).not.toHaveAccessibleDescription();
	expect(second).toHaveTextContent('30 days');
});
