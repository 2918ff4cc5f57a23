import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import InviteForm from './InviteForm.svelte';
import type { Role } from './types';

const ROLES: readonly Role[] = ['owner', 'leader', 'ops', 'csm', 'viewer'];

describe('People → invite someone', () => {
	it('starts on Viewer, and goes back to Viewer once an invitation is sent', async () => {
		const user = userEvent.setup();
		const { rerender } = render(InviteForm, { roles: ROLES });
		const role = screen.getByRole('combobox', { name: 'Role' });
		expect(role).toHaveValue('viewer');
		await user.type(screen.getByRole('textbox', { name: 'Email' }), 'lea@acme.example');
		await user.selectOptions(role, 'leader');
		expect(role.closest('form')).toHaveFormValues({ email: 'lea@acme.example', role: 'leader' });
		// What SvelteKit does after an action succeeds: the form is reset, the answer shown.
		role.closest('form')!.reset();
		await rerender({ roles: ROLES, invited: { email: 'lea@acme.example', via: 'sink' } });
		expect(screen.getByRole('status')).toHaveTextContent('lea@acme.example');
		expect(role).toHaveValue('viewer');
		expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('');
	});

	it('keeps what was typed and chosen when the server refused it', () => {
		render(InviteForm, {
			roles: ROLES,
			failed: { email: 'bo@', role: 'ops', message: 'Not invited: “bo@” is not an email address.' }
		});
		expect(screen.getByRole('combobox', { name: 'Role' })).toHaveValue('ops');
		expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('bo@');
		expect(screen.getByRole('alert')).toHaveTextContent('is not an email address');
	});
});
