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

	it('says which measure cannot run in SQL yet, and why', async () => {
		const user = userEvent.setup();
		const decayed: Scorecard = structuredClone(scale);
		decayed.groups[0]!.measures[0]!.decay = { periods: 3 };
		render(SqlView, { scorecard: decayed, facts: null, asOf: '2026-11-23' });
		await user.click(screen.getByRole('button', { name: 'Show as SQL' }));
		expect(
			screen.getByText(
				'This scorecard cannot run in SQL yet: scorecards[scale].measures[active_days]: time decay is not compiled to SQL yet'
			)
		).toBeTruthy();
		expect(screen.queryByLabelText('Scorecard SQL')).toBeNull();
	});
});
