import { describe, expect, it } from 'vitest';
import { shippedScorecards } from '$lib/engine/sample';
import type { Scorecard } from '$lib/engine';
import { diffScorecards } from './diff';
import { describeChanges } from './diff-text';

const scale = (): Scorecard => shippedScorecards()[0]!;
const diff = (before: Scorecard, after: Scorecard) =>
	describeChanges(diffScorecards(before, after));

describe('the diff between two versions', () => {
	it('is empty for the same scorecard', () => {
		expect(diff(scale(), scale())).toEqual([]);
	});

	it('reads as a person would say it', () => {
		const before = scale();
		const after = scale();
		after.groups[1]!.weight = 70;
		const steps = after.groups[0]!.measures[0]!.scoring as {
			steps: { min?: number; score: number }[];
		};
		steps.steps[0]!.min = 0.75;
		expect(diff(before, after)).toEqual([
			'Adoption weight 50 → 70',
			'Seat penetration: step ≥ 0.8 → 95 changed to ≥ 0.75 → 95'
		]);
	});

	it('names groups and measures added, removed, renamed, moved and reordered', () => {
		const before = scale();
		const after = scale();
		after.name = 'Scale v2';
		after.priority = 0;
		const [deployment, adoption] = after.groups as [Scorecard['groups'][0], Scorecard['groups'][0]];
		adoption.name = 'Usage';
		deployment.measures.push(adoption.measures.pop()!);
		after.groups = [
			adoption,
			deployment,
			{ id: 'relationship', name: 'Relationship', measures: [] }
		];
		expect(diff(before, after)).toEqual([
			'Name “Scale segment” → “Scale v2”',
			'Priority 1 → 0',
			'Group Relationship added',
			'Group Adoption renamed Usage',
			'Groups reordered: Usage, Deployment, Relationship',
			'Active days in the last 30 moved from Adoption to Deployment'
		]);
		const removed = scale();
		removed.groups[1]!.measures = [];
		removed.groups.pop();
		expect(diff(before, removed)).toEqual([
			'Group Adoption removed',
			'Active days in the last 30 removed from Adoption'
		]);
	});

	it('describes scoring, values, bands, conditions and options', () => {
		const before = scale();
		const after = scale();
		after.applies_to = { '==': [{ var: 'segment' }, 'smb'] };
		after.bands![2]!.min = 65;
		after.bands![3]!.name = 'Healthy';
		after.bands!.push({ name: 'Top', min: 95 });
		const active = after.groups[1]!.measures[0]!;
		active.weight = 2;
		active.value = { var: 'active_days_7d' };
		active.scoring = {
			type: 'linear',
			points: [
				[0, 0],
				[20, 100]
			]
		};
		active.missing = { policy: 'score', score: 0 };
		const seats = after.groups[0]!.measures[0]!;
		seats.scoring = { type: 'steps', steps: [{ min: 0.8, score: 95 }], else: 20 };
		expect(diff(before, after)).toEqual([
			'Applies to {"==":[{"var":"segment"},"scale"]} → {"==":[{"var":"segment"},"smb"]}',
			'Band Green renamed Healthy',
			'Band Yellow from 60 → 65',
			'Band Top added, from 95',
			'Seat penetration: step ≥ 0.6 → 80 removed',
			'Seat penetration: step ≥ 0.4 → 60 removed',
			'Seat penetration: otherwise 25 → 20',
			'Active days in the last 30 weight 1 → 2',
			'Active days in the last 30: value {"var":"active_days_30d"} → {"var":"active_days_7d"}',
			'Active days in the last 30: (0, 0) (4, 40) (12, 70) (20, 100) → (0, 0) (20, 100)',
			'Active days in the last 30: missing data none → scored 0'
		]);
	});

	it('reads an id changed in place as an id change, not as a removal and an addition', () => {
		const before = scale();
		const after = scale();
		after.groups[1]!.id = 'usage';
		after.groups[1]!.weight = 60;
		after.groups[0]!.measures[0]!.id = 'seats';
		expect(diff(before, after)).toEqual([
			'Seat penetration: id seat_penetration → seats (plays read ids)',
			'Group Adoption: id adoption → usage (plays read ids)',
			'Adoption weight 50 → 60'
		]);
		// A group removed and another added in its place are what they are.
		const replaced = scale();
		replaced.groups[1] = { id: 'relationship', name: 'Relationship', measures: [] };
		expect(diff(before, replaced)).toEqual([
			'Group Relationship added',
			'Group Adoption removed',
			'Active days in the last 30 removed from Adoption'
		]);
	});
});
