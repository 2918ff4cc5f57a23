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

it('never offers two fields with the same label: a shared name is told apart by scorecard', () => {
	const workspace = exampleWorkspace();
	const [card] = workspace.scorecards;
	// A new card for the same segment, built with generic ids but the same group names.
	const copy = {
		...card!,
		id: 'scale-v2',
		name: 'Scale v2',
		groups: card!.groups.map((group, g) => ({
			...group,
			id: `group_${g + 1}`,
			measures: group.measures.map((measure, m) => ({ ...measure, id: `m_${g}_${m}` }))
		}))
	};
	const fields = scoreContextFields([card!, copy], [{ segment: 'scale', nps: 8 }]);
	const labels = fields.map((field) => field.label);
	expect(new Set(labels).size).toBe(labels.length);
	const byPath = Object.fromEntries(fields.map((field) => [field.path, field.label]));
	expect(byPath['score.groups.adoption']).toBe(`Score · Adoption (${card!.name})`);
	expect(byPath['score.groups.group_2']).toBe('Score · Adoption (Scale v2)');
	expect(byPath['score.measures.seat_penetration']).toMatch(/^Measure · .+ \(.+\)$/);
	// Names used once stay short.
	expect(scoreContextFields([card!], [])).toContainEqual({
		path: 'score.groups.adoption',
		label: 'Score · Adoption',
		type: 'number'
	});
});

it('gives the path to labels that the scorecards’ names cannot tell apart', () => {
	const workspace = exampleWorkspace();
	const card = workspace.scorecards[0]!;
	const twin = { ...card, id: 'twin', groups: [{ ...card.groups[0]!, id: 'other' }] };
	const fields = scoreContextFields([card, twin], []);
	const first = card.groups[0]!;
	const labels = fields.map((field) => field.label);
	expect(new Set(labels).size).toBe(labels.length);
	expect(labels).toContain(`Score · ${first.name} (${card.name}) · score.groups.${first.id}`);
	expect(labels).toContain(`Score · ${first.name} (${card.name}) · score.groups.other`);
});
