import { expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { FactsSource } from '../facts';
import { scoreContextFields } from './fields';

it('offers the score context and the accounts’ facts as typed fields, named after the scorecards', () => {
	const workspace = exampleWorkspace();
	const source = new FactsSource(workspace);
	const facts = workspace.accounts.map((account) => source.on(account, '2026-11-02'));
	const fields = scoreContextFields(workspace.scorecards, facts);
	const byPath = Object.fromEntries(fields.map((field) => [field.path, field]));
	expect(byPath['score.groups.adoption']).toEqual({
		path: 'score.groups.adoption',
		label: 'Score · Adoption',
		type: 'number'
	});
	expect(byPath['score.band']?.values).toEqual(['Red', 'Orange', 'Yellow', 'Green', 'No data']);
	expect(byPath['score.measures.seat_penetration']?.type).toBe('number');
	expect(byPath['account.segment']).toMatchObject({ type: 'text', values: ['scale'] });
	expect(byPath['account.seats_active']?.type).toBe('number');
	expect(byPath['now']?.type).toBe('date');
	expect(byPath['days_to_renewal']?.type).toBe('number');
});
