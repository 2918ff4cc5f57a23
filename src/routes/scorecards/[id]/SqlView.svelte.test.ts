import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '$lib/engine';
import SqlView from './SqlView.svelte';

const scale: Scorecard = {
	id: 'scale',
	name: 'Scale',
	status: 'draft',
	groups: [
		{
			id: 'adoption',
			name: 'Adoption',
			measures: [
				{
					id: 'active_days',
					name: 'Active days',
					value: { var: 'active_days_30d' },
					scoring: { type: 'steps', steps: [{ min: 15, score: 85 }], else: 20 }
				}
			]
		}
	]
};

describe('the scorecard as SQL', () => {
	it('shows the query in the dialect chosen, as of the scores’ date, even for a draft', async () => {
		const user = userEvent.setup();
		render(SqlView, { scorecard: scale, facts: [{ active_days_30d: 12 }], asOf: '2026-11-23' });
		expect(screen.queryByLabelText('Scorecard SQL')).toBeNull();
		await user.click(screen.getByRole('button', { name: 'Show as SQL' }));
		const sql = (screen.getByLabelText('Scorecard SQL') as HTMLTextAreaElement).value;
		expect(sql).toContain(`date <= cast('2026-11-23' as date)`);
		expect(sql).toContain(`(metrics ->> 'active_days_30d')`);
		expect(sql).toContain(`then 'scale' end) as scorecard_id`);
		await user.selectOptions(screen.getByLabelText('Dialect'), 'DuckDB');
		const duckdb = (screen.getByLabelText('Scorecard SQL') as HTMLTextAreaElement).value;
		expect(duckdb).toContain(`(metrics ->> '$."active_days_30d"')`);
		expect(screen.getByRole('button', { name: 'Copy the SQL' })).toBeTruthy();
	});

	it('says which measure cannot run in SQL, and why', async () => {
		const user = userEvent.setup();
		const sliced: Scorecard = structuredClone(scale);
		sliced.groups[0]!.measures[0]!.value = { substr: [{ var: 'plan' }, 0, 2] };
		render(SqlView, { scorecard: sliced, facts: [{ plan: 'team' }], asOf: '2026-11-23' });
		await user.click(screen.getByRole('button', { name: 'Show as SQL' }));
		expect(
			screen.getByText(
				'This scorecard cannot run in SQL: scorecards[scale].measures[active_days].value: the operator substr has no SQL translation'
			)
		).toBeTruthy();
		expect(screen.queryByLabelText('Scorecard SQL')).toBeNull();
	});

	it('writes the portable SQL of the generic dialect for a warehouse', async () => {
		const user = userEvent.setup();
		const decayed: Scorecard = structuredClone(scale);
		decayed.groups[0]!.measures[0]!.decay = { periods: 3 };
		render(SqlView, { scorecard: decayed, facts: [{ active_days_30d: 12 }], asOf: '2026-11-23' });
		await user.click(screen.getByRole('button', { name: 'Show as SQL' }));
		await user.selectOptions(screen.getByLabelText('Dialect'), 'Generic (portable SQL)');
		const sql = (screen.getByLabelText('Scorecard SQL') as HTMLTextAreaElement).value;
		expect(sql).toContain(`json_extract_path_text(metrics, 'active_days_30d')`);
		// Time decay averages the periods' rows in a window over the account's rows.
		expect(sql).toContain('over (partition by account_id)');
	});
});
