import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import Invitations from './Invitations.svelte';
import PeopleTable from './PeopleTable.svelte';
import type { InvitationRow, PersonRow, Role } from './types';

const ROLES: readonly Role[] = ['owner', 'leader', 'ops', 'csm', 'viewer'];
const ana: PersonRow = {
	id: 'u1',
	email: 'ana@acme.example',
	name: 'Ana Lima',
	role: 'owner',
	since: '2027-01-04T09:00:00.000Z',
	manager: null
};
const bo: PersonRow = {
	...ana,
	id: 'u2',
	email: 'bo@acme.example',
	name: '',
	role: 'csm',
	manager: 'u1'
};

function setup() {
	const onremove = vi.fn();
	render(PeopleTable, { people: [ana, bo], roles: ROLES, self: 'u1', onremove });
	return { user: userEvent.setup(), onremove };
}

describe('People → the team', () => {
	it('offers each person’s manager among the others, sent with its own button', async () => {
		setup();
		const select = screen.getByRole('combobox', { name: 'Manager of bo@acme.example' });
		expect(select).toHaveValue('u1');
		expect(
			within(select)
				.getAllByRole('option')
				.map((option) => option.textContent)
		).toEqual(['None (a leader)', 'Ana Lima']);
		expect(select.closest('form')).toHaveFormValues({ user_id: 'u2', manager_id: 'u1' });
		expect(screen.getByRole('combobox', { name: 'Manager of Ana Lima' })).toHaveValue('');
		expect(
			screen.getByRole('button', { name: 'Set the manager of bo@acme.example' })
		).toHaveAttribute('type', 'submit');
	});

	it('shows each person’s role in a select, saved only by its own button', async () => {
		const { user } = setup();
		const select = screen.getByRole('combobox', { name: 'Role of bo@acme.example' });
		expect(select).toHaveValue('csm');
		expect(
			within(select)
				.getAllByRole('option')
				.map((option) => option.textContent)
		).toEqual(['Owner', 'Leader', 'Ops', 'CSM', 'Viewer']);
		const save = screen.getByRole('button', { name: 'Change the role of bo@acme.example' });
		expect(save).toBeDisabled();
		await user.selectOptions(select, 'ops');
		expect(save).toBeEnabled();
		expect(select.closest('form')).toHaveFormValues({ user_id: 'u2', role: 'ops' });
	});

	it('marks the signed-in person and asks the page to confirm a removal', async () => {
		const { user, onremove } = setup();
		const [, first] = screen.getAllByRole('row');
		expect(within(first!).getByRole('rowheader')).toHaveTextContent('Ana Lima (you)');
		await user.click(screen.getByRole('button', { name: 'Remove bo@acme.example' }));
		expect(onremove).toHaveBeenCalledWith(bo);
	});
});

describe('People → pending invitations', () => {
	const invitation: InvitationRow = {
		id: 'i1',
		email: 'cy@acme.example',
		role: 'leader',
		expires: '2027-01-11T09:00:00.000Z'
	};

	it('lists each invitation with its role and a Revoke button for it', () => {
		render(Invitations, { invitations: [invitation] });
		const list = screen.getByRole('list', { name: 'Pending invitations' });
		const [item] = within(list).getAllByRole('listitem');
		expect(item).toHaveTextContent('cy@acme.example');
		expect(item).toHaveTextContent('Leader');
		const revoke = within(item!).getByRole('button', {
			name: 'Revoke the invitation for cy@acme.example'
		});
		expect(revoke.closest('form')).toHaveFormValues({ invitation_id: 'i1' });
	});

	it('says when none is waiting', () => {
		render(Invitations, { invitations: [] });
		expect(screen.getByText('No invitation is waiting.')).toBeInTheDocument();
	});
});
