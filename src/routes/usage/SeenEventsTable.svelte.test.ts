import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '$lib/i18n/format';
import type { FeatureRule, SeenEvent } from '$lib/server/store/feature-catalogue';
import { Catalogue, type CatalogueAnswer } from '$lib/state/usage/catalogue.svelte';
import RulesTable from './RulesTable.svelte';
import SeenEventsTable from './SeenEventsTable.svelte';

const SEEN = '2027-02-01T10:30:00.000Z';

const seen = (event: string, count: number, mapped: boolean): SeenEvent => ({
	event,
	type: 'track',
	count,
	last_seen: SEEN,
	mapped
});

/**
 * A server holding a catalogue: a rule it is sent names its event mapped; `refuse` answers every
 * rule with this error instead. The events table and the rule form, as the page shows them.
 */
async function setup(options: { editable?: boolean; refuse?: string } = {}) {
	const asked: string[] = [];
	const bodies: unknown[] = [];
	const data: CatalogueAnswer = {
		features: [{ id: 'reports', name: 'Reports', advanced: false, integration: false }],
		rules: [],
		events: [
			seen('Report Exported', 1234, true),
			seen('Dashboard Shared', 56, false),
			seen('Login', 7, false)
		],
		settings: { dormant_days: 180, power_user_days: 20, power_user_breadth: 0.5 },
		last_rollup: null
	};
	const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
	const fetchFn = (async (path: string, init?: RequestInit) => {
		const method = init?.method ?? 'GET';
		asked.push(`${method} ${path}`);
		if (method === 'GET') return answer(200, data);
		const body = JSON.parse(String(init?.body)) as Omit<FeatureRule, 'id'>;
		bodies.push(body);
		if (options.refuse) return answer(400, { error: options.refuse });
		const rule = { ...body, id: `rule-${bodies.length}` };
		data.rules = [...data.rules, rule];
		data.events = data.events.map((each) =>
			each.event === rule.event ? { ...each, mapped: true } : each
		);
		return answer(201, { rule });
	}) as typeof fetch;
	const catalogue = new Catalogue(fetchFn);
	await catalogue.load();
	const editable = options.editable ?? true;
	render(SeenEventsTable, { catalogue, editable });
	render(RulesTable, { catalogue, editable });
	return { user: userEvent.setup(), asked, bodies };
}

const rowOf = (event: string) =>
	within(screen.getByRole('table', { name: 'Events seen' }))
		.getByRole('rowheader', { name: event })
		.closest('tr')!;

describe('Product usage → the events seen', () => {
	it('shows the unmapped events first and as such, and only them when asked', async () => {
		const { user } = await setup();
		const table = screen.getByRole('table', { name: 'Events seen' });
		expect(
			within(table)
				.getAllByRole('rowheader')
				.map((cell) => cell.textContent)
		).toEqual(['Dashboard Shared', 'Login', 'Report Exported']);
		expect(rowOf('Dashboard Shared')).toHaveAttribute('data-state', 'unmapped');
		expect(within(rowOf('Dashboard Shared')).getByText('Unmapped')).toBeVisible();
		expect(within(rowOf('Dashboard Shared')).getByText('56')).toBeVisible();
		expect(within(rowOf('Dashboard Shared')).getByText(formatDateTime(SEEN))).toBeVisible();
		expect(rowOf('Report Exported')).toHaveAttribute('data-state', 'mapped');
		expect(within(rowOf('Report Exported')).getByText('Mapped')).toBeVisible();
		expect(within(rowOf('Report Exported')).getByText('1,234')).toBeVisible();

		await user.click(screen.getByRole('checkbox', { name: 'Only unmapped events (2)' }));
		expect(
			within(table)
				.getAllByRole('rowheader')
				.map((cell) => cell.textContent)
		).toEqual(['Dashboard Shared', 'Login']);
	});

	it('fills the rule form with the event Map is next to, and shows it mapped once the rule is added', async () => {
		const { user, asked, bodies } = await setup();
		await user.click(screen.getByRole('button', { name: 'Map Dashboard Shared' }));
		const event = screen.getByRole('textbox', { name: 'Event' });
		expect(event).toHaveValue('Dashboard Shared');
		expect(event).toHaveFocus();
		expect(screen.getByRole('textbox', { name: 'Property (optional)' })).toHaveValue('');

		await user.selectOptions(screen.getByRole('combobox', { name: 'Feature' }), 'Reports');
		await user.click(screen.getByRole('button', { name: 'Add the rule' }));
		expect(
			await screen.findByRole('button', { name: 'Delete the rule for Dashboard Shared' })
		).toBeVisible();
		expect(bodies).toEqual([
			{
				event: 'Dashboard Shared',
				property: null,
				value: null,
				feature_id: 'reports',
				completion: false
			}
		]);
		expect(rowOf('Dashboard Shared')).toHaveAttribute('data-state', 'mapped');
		expect(event).toHaveValue('');
		expect(asked).toEqual([
			'GET /api/catalogue',
			'POST /api/catalogue/rules',
			'GET /api/catalogue'
		]);
	});

	it('says why a rule was refused and keeps what was typed', async () => {
		const error = 'a rule maps its events to a feature, marks them completions, or both';
		const { user } = await setup({ refuse: error });
		await user.click(screen.getByRole('button', { name: 'Map Login' }));
		await user.click(screen.getByRole('button', { name: 'Add the rule' }));
		expect(await screen.findByText(`Not saved: ${error}`)).toBeVisible();
		expect(screen.getByRole('textbox', { name: 'Event' })).toHaveValue('Login');
		expect(rowOf('Login')).toHaveAttribute('data-state', 'unmapped');
	});

	it('offers no Map and no rule form to a role that may not change the catalogue', async () => {
		await setup({ editable: false });
		expect(within(rowOf('Login')).getByText('Unmapped')).toBeVisible();
		expect(screen.queryByRole('button', { name: /^Map / })).toBeNull();
		expect(screen.queryByRole('textbox', { name: 'Event' })).toBeNull();
		expect(screen.getByText('No rules yet: map an event seen above.')).toBeVisible();
	});
});
