import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PublishCheck } from '$lib/state/builder/session.svelte';
import PublishDialog from './PublishDialog.svelte';

const confirm: PublishCheck = {
	kind: 'confirm',
	by: 'Ana',
	breaks: [
		{
			id: 'scale-training-invitation',
			name: 'Scale training invitation',
			references: [
				{
					path: 'score.groups.adoption',
					kind: 'group',
					id: 'adoption',
					name: 'Adoption',
					lost: 912,
					reachable: 912
				}
			]
		},
		{
			id: 'reads-nps',
			name: 'Detractor follow-up',
			references: [
				{
					path: 'score.measures.nps',
					kind: 'measure',
					id: 'nps',
					name: null,
					lost: 1,
					reachable: 1
				}
			]
		}
	]
};

function setup(check: PublishCheck | null) {
	const onconfirm = vi.fn();
	const oncancel = vi.fn();
	render(PublishDialog, { check, name: 'Scale v2', onconfirm, oncancel });
	return { user: userEvent.setup(), onconfirm, oncancel };
}

describe('the publish confirmation', () => {
	it('lists the plays it would break, each linked, with what it reads and how many accounts lose it', async () => {
		const { user, onconfirm, oncancel } = setup(confirm);
		const dialog = await screen.findByRole('alertdialog', {
			name: 'Publishing would stop 2 plays for some of their accounts'
		});
		expect(dialog).toHaveAccessibleDescription(/once “Scale v2” is published/);
		const plays = within(dialog).getByRole('list', {
			name: 'Plays that would stop, and what they read'
		});
		const training = within(plays).getByRole('link', { name: 'Scale training invitation' });
		expect(training).toHaveAttribute('href', '/plays/scale-training-invitation');
		expect(training.closest('li')).toHaveTextContent(
			'Scale training invitation reads Adoption (score.groups.adoption): 912 of 912 accounts it reaches would no longer have it'
		);
		// One account, and a measure without a name in any scorecard: its id stands in.
		expect(
			within(plays).getByRole('link', { name: 'Detractor follow-up' }).closest('li')
		).toHaveTextContent(
			'reads nps (score.measures.nps): 1 of 1 account it reaches would no longer have it'
		);
		// It starts on the safe choice.
		expect(within(dialog).getByRole('button', { name: 'Go back' })).toHaveFocus();
		await user.click(within(dialog).getByRole('button', { name: 'Publish anyway' }));
		expect(onconfirm).toHaveBeenCalledOnce();
		expect(oncancel).not.toHaveBeenCalled();
	});

	it('goes back on "Go back" and on Escape', async () => {
		const { user, oncancel, onconfirm } = setup(confirm);
		await screen.findByRole('alertdialog');
		await user.keyboard('{Escape}');
		expect(oncancel).toHaveBeenCalledOnce();
		await user.click(screen.getByRole('button', { name: 'Go back' }));
		expect(oncancel).toHaveBeenCalledTimes(2);
		expect(onconfirm).not.toHaveBeenCalled();
	});

	it('asks whether to publish unchecked when the plays could not be checked, and is closed otherwise', async () => {
		setup({ kind: 'unchecked', error: 'no preview after 30 s', by: 'Ana' });
		const dialog = await screen.findByRole('alertdialog', {
			name: 'The plays could not be checked'
		});
		expect(dialog).toHaveAccessibleDescription(/\(no preview after 30 s\)/);
		expect(within(dialog).queryByRole('list')).toBeNull();
	});

	it('is not shown while nothing waits for a decision', () => {
		setup({ kind: 'checking' });
		expect(screen.queryByRole('alertdialog')).toBeNull();
	});
});
