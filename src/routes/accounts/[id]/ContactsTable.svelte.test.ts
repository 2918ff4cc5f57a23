import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Contact } from '$lib/engine';
import { contactLines } from '$lib/state/account-detail';
import ContactsTable from './ContactsTable.svelte';

const AS_OF = '2026-11-24';

const contacts: Contact[] = [
	{ id: 'ok', account_id: 'a', email: 'ok@a.example', name: 'Olive' },
	{
		id: 'unsub',
		account_id: 'a',
		email: 'una@a.example',
		name: 'Una',
		unsubscribed_at: '2026-10-05T08:30:00Z'
	},
	{ id: 'bad', account_id: 'a', email: 'bert at a.example', name: 'Bert' },
	{ id: 'own', account_id: 'a', email: 'dora@a.example', name: 'Dora', do_not_contact: true }
];

function setup(account: { do_not_contact?: boolean } = {}) {
	render(ContactsTable, { contacts: contactLines(contacts, undefined, AS_OF, account) });
	const table = screen.getByRole('table', { name: /contacts/ });
	/** The row of a contact, found by the name in its row header. */
	const row = (name: string) =>
		within(table)
			.getAllByRole('row')
			.find((candidate) => within(candidate).queryByRole('rowheader', { name }))!;
	return { table, row };
}

describe('the contacts table', () => {
	it('marks in words who plays may not email, and why', () => {
		const { row } = setup();
		expect(within(row('Una')).getByText('Unsubscribed on Oct 5, 2026')).toBeInTheDocument();
		expect(within(row('Bert')).getByText('Invalid address')).toBeInTheDocument();
		expect(within(row('Dora')).getByText('Do not contact')).toBeInTheDocument();
		expect(row('Olive')).not.toHaveTextContent(/Unsubscribed|Do not contact|Invalid address/);
		expect(row('Olive')).toHaveAttribute('data-reachable', 'true');
		expect(row('Una')).toHaveAttribute('data-reachable', 'false');
	});

	it('marks everyone when the account is do-not-contact, unsubscribes still shown', () => {
		const { row } = setup({ do_not_contact: true });
		for (const name of ['Olive', 'Una', 'Bert', 'Dora'])
			expect(within(row(name)).getByText('Do not contact')).toHaveAttribute(
				'title',
				expect.stringMatching(/account is marked do-not-contact/)
			);
		expect(within(row('Una')).getByText('Unsubscribed on Oct 5, 2026')).toBeInTheDocument();
	});

	it('shows an address exactly as typed, as text', () => {
		render(ContactsTable, {
			contacts: contactLines(
				[{ id: 'x', account_id: 'a', email: '<b>bold</b>@x.example', name: '<i>Ivy</i>' }],
				undefined,
				AS_OF
			)
		});
		expect(screen.getByText('<b>bold</b>@x.example')).toBeInTheDocument();
		expect(screen.getByRole('rowheader', { name: '<i>Ivy</i>' })).toBeInTheDocument();
		expect(screen.getByText('Invalid address')).toBeInTheDocument();
	});
});
