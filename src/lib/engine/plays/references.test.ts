import { describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import type { Play, Scorecard } from '../types';
import { brokenReferences, scoreReferences, unresolvedReferences } from './references';

const play = (overrides: Partial<Play>): Play => ({
	id: 'training',
	name: 'Training',
	enabled: true,
	mode: 'auto',
	when: { '<': [{ var: 'score.groups.adoption' }, 50] },
	actions: [{ type: 'email', template: 'training-invitation', to: 'contacts' }],
	cooldown_days: 30,
	...overrides
});

const scale = exampleWorkspace().scorecards[0]!;
/** A new Scale scorecard built in the builder, its groups keyed group_1 and group_2. */
const builtInBuilder: Scorecard = {
	...scale,
	id: 'scale-v2',
	groups: scale.groups.map((group, i) => ({ ...group, id: `group_${i + 1}` }))
};
const scaleAccounts = (scorecard: string, count: number) =>
	Array.from({ length: count }, (_, i) => ({
		id: `a${i}`,
		segment: 'scale',
		scorecard_id: scorecard
	}));

describe('scoreReferences', () => {
	it('lists the groups and measures a play reads in its condition and its webhook placeholders', () => {
		const references = scoreReferences(
			play({
				when: {
					and: [
						{ '<': [{ var: 'score.groups.adoption' }, 50] },
						{ '!=': [{ var: 'score.measures.nps' }, null] },
						{ '<': [{ var: 'score.overall' }, 60] },
						{ '==': [{ var: 'account.segment' }, 'scale'] }
					]
				},
				actions: [
					{
						type: 'webhook',
						url: 'https://hooks.example/x',
						body: { text: '{{ account.name }} deployment {{ score.groups.deployment }}' }
					}
				]
			})
		);
		expect(references.map((r) => [r.kind, r.id, r.path])).toEqual([
			['group', 'adoption', 'score.groups.adoption'],
			['measure', 'nps', 'score.measures.nps'],
			['group', 'deployment', 'score.groups.deployment']
		]);
	});
});

describe('unresolvedReferences', () => {
	it('counts the reachable accounts whose scorecard lacks what the play reads', () => {
		const accounts = [
			...scaleAccounts('scale', 3),
			{ id: 'm1', segment: 'mid', scorecard_id: 'scale-v2' },
			{ id: 'u1', segment: 'mid', scorecard_id: null }
		];
		expect(unresolvedReferences([play({})], accounts, [scale, builtInBuilder])).toEqual([
			{
				play_id: 'training',
				path: 'score.groups.adoption',
				kind: 'group',
				id: 'adoption',
				accounts: 2,
				reachable: 5,
				scorecards: ['scale-v2', null]
			}
		]);
		const scaleOnly = play({ audience: { segments: ['scale'] } });
		expect(unresolvedReferences([scaleOnly], accounts, [scale, builtInBuilder])).toEqual([]);
	});
});

describe('brokenReferences', () => {
	const plays = [
		play({}),
		play({ id: 'deployment-nudge', when: { '<': [{ var: 'score.groups.deployment' }, 50] } })
	];

	it('reports a play whose group the newly published scorecard does not have', () => {
		const broken = brokenReferences(
			plays,
			{ accounts: scaleAccounts('scale', 4), scorecards: [scale] },
			{ accounts: scaleAccounts('scale-v2', 4), scorecards: [scale, builtInBuilder] }
		);
		expect(broken.map((b) => [b.play_id, b.path, b.accounts, b.reachable, b.before])).toEqual([
			['training', 'score.groups.adoption', 4, 4, 0],
			['deployment-nudge', 'score.groups.deployment', 4, 4, 0]
		]);
	});

	it('reports nothing once the new scorecard keeps the ids the plays read', () => {
		const keptIds: Scorecard = { ...scale, id: 'scale-v2', name: 'Scale v2' };
		expect(
			brokenReferences(
				plays,
				{ accounts: scaleAccounts('scale', 4), scorecards: [scale] },
				{ accounts: scaleAccounts('scale-v2', 4), scorecards: [scale, keptIds] }
			)
		).toEqual([]);
	});

	it('does not blame a change for what was already unresolved', () => {
		const before = { accounts: scaleAccounts('scale-v2', 4), scorecards: [builtInBuilder] };
		expect(brokenReferences(plays, before, before)).toEqual([]);
	});
});
