import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ConfirmDialog from './ConfirmDialog.svelte';

function setup(open = true) {
	const onConfirm = vi.fn();
	const onDismiss = vi.fn();
	render(ConfirmDialog, {
		open,
		title: 'Leave without saving?',
		description: 'Your changes to welcome are not saved: they are lost if you leave this page.',
		confirmLabel: 'Leave without saving',
		cancelLabel: 'Stay on this page',
		onConfirm,
		onDismiss
	});
	return { user: userEvent.setup(), onConfirm, onDismiss };
}

describe('the confirmation before edits are lost', () => {
	it('asks in an alert dialog that starts on the safe choice', async () => {
		const { user, onConfirm, onDismiss } = setup();
		const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
		expect(dialog).toHaveAccessibleDescription(/lost if you leave/);
		expect(screen.getByRole('button', { name: 'Stay on this page' })).toHaveFocus();
		await user.keyboard('{Enter}');
		expect(onDismiss).toHaveBeenCalled();
		expect(onConfirm).not.toHaveBeenCalled();
	});

	it('goes on only when the user confirms', async () => {
		const { user, onConfirm } = setup();
		await user.click(await screen.findByRole('button', { name: 'Leave without saving' }));
		expect(onConfirm).toHaveBeenCalledOnce();
	});

	it('shows nothing while closed', () => {
		setup(false);
		expect(screen.queryByRole('alertdialog')).toBeNull();
	});
});
