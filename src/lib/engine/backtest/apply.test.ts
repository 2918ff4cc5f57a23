import { describe, expect, it } from 'vitest';
import { compileScorecard } from '../scoring';
import { shippedScorecards } from '../sample';
import { parseWorkspace } from '../workspace/load';
import { workspaceWith } from '../../../../tests/support/workspace';
import { addFactMeasure, applyWeights } from './apply';
import type { FactSuggestion, ProposedWeights } from './types';

const threeDimensions = () => shippedScorecards().find((card) => card.id === 'three-dimensions')!;

function proposal(): ProposedWeights {
	const card = threeDimensions();
	return {
		ok: true,
		changed: true,
		lambda: 1,
		crossValidated: { current: 0.7, fitted: 0.75 },
		groups: card.groups.map((group, g) => ({
			id: group.id,
			name: group.name,
			weight: [60, 40, 0][g]!,
			currentShare: 0
		})),
		measures: card.groups.flatMap((group) =>
			group.measures.map((measure, i) => ({
				id: measure.id,
				name: measure.name,
				groupId: group.id,
				weight: i === 0 ? 100 : 0,
				currentShare: 0,
				proposedShare: 0,
				coefficient: 0
			}))
		),
		heldOut: { current: 0.7, proposed: 0.75, accounts: 100, churned: 10 },
		train: { current: 0.7, proposed: 0.75, accounts: 200, churned: 20 }
	};
}

const valid = (scorecard: ReturnType<typeof threeDimensions>) =>
	parseWorkspace(workspaceWith({ scorecards: [scorecard] })).ok;

describe('applyWeights', () => {
	it('sets group and measure weights by id and leaves the scorecard given untouched', () => {
		const base = threeDimensions();
		const before = structuredClone(base);
		const applied = applyWeights(base, proposal());
		expect(base).toEqual(before);
		expect(applied.groups.map((group) => group.weight)).toEqual([60, 40, 0]);
		expect(applied.groups[0]!.measures.map((measure) => measure.weight)).toEqual(
			applied.groups[0]!.measures.map((_, i) => (i === 0 ? 100 : 0))
		);
		expect(applied.groups[0]!.measures[0]!.value).toEqual(base.groups[0]!.measures[0]!.value);
		expect(valid(applied)).toBe(true);
	});

	it('keeps the weights of groups the proposal does not know', () => {
		const base = threeDimensions();
		base.groups.push({ ...structuredClone(base.groups[0]!), id: 'extra', weight: 7 });
		expect(applyWeights(base, proposal()).groups.at(-1)!.weight).toBe(7);
	});
});

describe('addFactMeasure', () => {
	const suggestion: FactSuggestion = {
		fact: 'champion_changed',
		kind: 'boolean',
		auc: 0.6,
		direction: 'higher-churns',
		missingShare: 0,
		measure: {
			id: 'champion_changed',
			name: 'Champion changed',
			weight: 1,
			value: { var: 'champion_changed' },
			scoring: { type: 'map', map: { false: 100, true: 0 }, else: 50 }
		},
		share: 0.2,
		heldOut: { current: 0.7, withFact: 0.72 }
	};

	it('adds the measure in a group of its own at its share, the others in proportion', () => {
		const base = threeDimensions();
		const added = addFactMeasure(base, suggestion);
		expect(added.groups.map((group) => [group.id, group.weight])).toEqual([
			['product', 32],
			['relationship', 24],
			['business', 24],
			['champion_changed', 20]
		]);
		expect(added.groups.at(-1)!.measures).toEqual([suggestion.measure]);
		// A fact id a measure of another group already has gets a suffix.
		const clash = addFactMeasure(base, {
			...suggestion,
			measure: { ...suggestion.measure, id: 'invoices_late' }
		});
		expect(clash.groups.at(-1)!.measures[0]!.id).toBe('invoices_late_2');
		expect(valid(clash)).toBe(true);
		expect(base.groups).toHaveLength(3);
		expect(valid(added)).toBe(true);
		// The scorecard compiles and scores the new measure.
		const compiled = compileScorecard(added);
		expect(compiled.plan.measures.at(-1)!.id).toBe('champion_changed');
	});

	it('replaces the group when the same fact is added again', () => {
		const twice = addFactMeasure(addFactMeasure(threeDimensions(), suggestion), {
			...suggestion,
			share: 0.5
		});
		expect(twice.groups.map((group) => group.id)).toEqual([
			'product',
			'relationship',
			'business',
			'champion_changed'
		]);
		expect(twice.groups.at(-1)!.weight).toBe(50);
		expect(twice.groups.reduce((sum, group) => sum + group.weight!, 0)).toBe(100);
	});
});
