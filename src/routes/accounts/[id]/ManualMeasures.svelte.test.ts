// Dexie's live queries watch the global IndexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { addManualEntry, manualEntriesOf, replaceWorkspace } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import type { Measure, Scorecard } from '$lib/engine';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import ManualMeasures from './ManualMeasures.svelte';

const AS_OF = '2026-11-24';

const relationship: Measure = {
	id: 'relationship',
	name: 'Relationship',
	value: { var: 'manual.relationship' },
	manual: { validity_days: 30 },
	scoring: {
		type: 'linear',
		points: [
			[0, 0],
			[10, 100]
		]
	}
};
const sponsor: Measure = {
	id: 'sponsor',
	name: 'Executive sponsor',
	value: { var: 'manual.sponsor' },
	manual: { validity_days: 90 },
	scoring: { type: 'map', map: { true: 100, false: 0 } }
};

function scorecard(measures: Measure[]): Scorecard {
	return {
		id: 'card',
		name: 'Card',
		groups: [
			{ id: 'people', name: 'People', measures },
			{
				id: 'usage',
				name: 'Usage',
				measures: [
					{ id: 'seats', name: 'Seats', value: { var: 'seats' }, scoring: { type: 'map', map: {} } }
				]
			}
		]
	};
}

afterEach(() => localStorage.clear());

async function setup(measures: Measure[] = [relationship, sponsor]) {
	const db = testDatabase('manual');
	await replaceWorkspace(db, exampleWorkspace());
	const user = userEvent.setup();
	render(ManualMeasures, { accountId: 'acme', scorecard: scorecard(measures), asOf: AS_OF, db });
	return { db, user };
}

const article = (name: string) => screen.getByRole('heading', { name }).closest('article')!;

describe('ManualMeasures', () => {
	it('shows nothing for a scorecard without manual measures', async () => {
		await setup([]);
		expect(screen.queryByRole('heading', { name: 'Manual measures' })).toBeNull();
	});

	it('shows the value that counts, who entered it, when and why, and the earlier entries', async () => {
		const { db } = await setup();
		await addManualEntry(db, {
			account_id: 'acme',
			measure_id: 'relationship',
			value: 6,
			entered_by: 'Kim',
			entered_at: '2026-11-01T09:00:00.000Z'
		});
		await addManualEntry(db, {
			account_id: 'acme',
			measure_id: 'relationship',
			value: 8,
			comment: 'Good QBR, sponsor engaged',
			entered_by: 'Lee',
			entered_at: '2026-11-20T15:30:00.000Z'
		});
		const card = article('Relationship');
		await within(card).findByText('Latest: 8');
		expect(within(card).getByText('by Lee on Nov 20, 2026 15:30 UTC')).toBeInTheDocument();
		expect(card.querySelector('blockquote')).toHaveTextContent('Good QBR, sponsor engaged');
		expect(within(card).getByText('Valid: 26 of 30 days left')).toBeInTheDocument();
		expect(card).toHaveAttribute('data-stale', 'false');
		const history = within(card).getByRole('table', {
			name: 'Entries for Relationship, newest first'
		});
		const rows = within(history).getAllByRole('row').slice(1);
		const cells = (row: HTMLElement) =>
			[...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent!.trim());
		expect(rows.map(cells)).toEqual([
			['Nov 20, 2026 15:30 UTC', '8', 'Lee', 'Good QBR, sponsor engaged'],
			['Nov 1, 2026 09:00 UTC', '6', 'Kim', '']
		]);
		expect(within(article('Executive sponsor')).getByText('No entry yet')).toBeInTheDocument();
	});

	it('marks an entry older than its validity as stale', async () => {
		const { db } = await setup();
		await addManualEntry(db, {
			account_id: 'acme',
			measure_id: 'relationship',
			value: 3,
			entered_by: 'Kim',
			entered_at: '2026-09-01T09:00:00.000Z'
		});
		const card = article('Relationship');
		await within(card).findByText('Stale: entered 84 days ago, valid for 30 days');
		expect(card).toHaveAttribute('data-stale', 'true');
	});

	it('saves a new value with a comment, under the name the user set', async () => {
		localStorage.setItem('scorecraft.author', 'Ana');
		const { db, user } = await setup();
		const card = article('Relationship');
		await user.type(within(card).getByRole('spinbutton', { name: 'New value' }), '7.5');
		await user.type(within(card).getByRole('textbox', { name: 'Comment' }), 'Monthly review');
		await user.click(within(card).getByRole('button', { name: 'Save entry' }));
		await within(card).findByText('Saved. The score follows in a moment.');
		const [entry] = await manualEntriesOf(db, 'acme', 'relationship');
		expect(entry).toMatchObject({
			account_id: 'acme',
			measure_id: 'relationship',
			value: 7.5,
			comment: 'Monthly review',
			entered_by: 'Ana'
		});
		expect(Date.parse(entry!.entered_at)).not.toBeNaN();
		await within(card).findByText('Latest: 7.5');
		expect(within(card).getByRole('spinbutton', { name: 'New value' })).toHaveValue(null);
	});

	it('offers the values of a map, kept as yes/no', async () => {
		const { db, user } = await setup();
		const card = article('Executive sponsor');
		await user.selectOptions(within(card).getByRole('combobox', { name: 'New value' }), 'true');
		await user.click(within(card).getByRole('button', { name: 'Save entry' }));
		await waitFor(async () =>
			expect(await manualEntriesOf(db, 'acme', 'sponsor')).toMatchObject([
				{ value: true, entered_by: 'You' }
			])
		);
		await within(card).findByText('Latest: yes');
	});

	it('asks for a value instead of saving an empty one', async () => {
		const { db, user } = await setup();
		const card = article('Relationship');
		await user.click(within(card).getByRole('button', { name: 'Save entry' }));
		expect(within(card).getByRole('status')).toHaveTextContent('Enter a value.');
		expect(await manualEntriesOf(db, 'acme')).toEqual([]);
	});
});
