import { describe, expect, it } from 'vitest';
import { paletteEntry } from '$lib/engine/palette';
import { shippedScorecards } from '$lib/engine/sample';
import type { Scorecard } from '$lib/engine';
import * as edit from './edits';

const scale = (): Scorecard => shippedScorecards()[0]!;
const layoutOf = (card: Scorecard) =>
	card.groups.map((group) => [group.id, group.measures.map((m) => m.id)]);
const nps = paletteEntry('nps')!.measure;

describe('edits', () => {
	it('never touch their input', () => {
		const card = scale();
		const frozen = structuredClone(card);
		edit.addGroup(card, 'Relationship');
		edit.renameGroup(card, 'adoption', 'Usage');
		edit.setGroupWeight(card, 'adoption', 70);
		edit.moveGroup(card, 'adoption', -1);
		edit.removeGroup(card, 'adoption');
		edit.addMeasure(card, 'adoption', nps);
		edit.moveMeasure(card, 'active_days', 'deployment', 0);
		edit.removeMeasure(card, 'active_days');
		edit.setMeasureWeight(card, 'active_days', 3);
		edit.replaceMeasure(card, 'active_days', { ...nps, id: 'active_days' });
		edit.updateScorecard(card, { name: 'X', applies_to: undefined });
		expect(card).toEqual(frozen);
	});

	it('return the same scorecard when nothing applies', () => {
		const card = scale();
		expect(edit.renameGroup(card, 'nope', 'X')).toBe(card);
		expect(edit.moveGroup(card, 'deployment', -1)).toBe(card);
		expect(edit.removeMeasure(card, 'nope')).toBe(card);
		expect(
			edit.arrangeMeasures(card, { adoption: [{ kind: 'measure', id: 'active_days' }] }).scorecard
		).toBe(card);
	});

	it('keep at least one group', () => {
		const one = edit.removeGroup(scale(), 'adoption');
		expect(one.groups.map((g) => g.id)).toEqual(['deployment']);
		expect(edit.removeGroup(one, 'deployment')).toBe(one);
	});

	it('give new groups and measures ids of their own', () => {
		const { scorecard, id } = edit.addGroup(scale(), 'Adoption');
		expect(id).toBe('adoption_2');
		const first = edit.addMeasure(scorecard, 'adoption', nps);
		const second = edit.addMeasure(first.scorecard, 'adoption_2', nps);
		expect([first.id, second.id]).toEqual(['nps', 'nps_2']);
	});

	it('move measures between groups, and within one', () => {
		const card = scale();
		const moved = edit.moveMeasure(card, 'active_days', 'deployment', 0);
		expect(layoutOf(moved)).toEqual([
			['deployment', ['active_days', 'seat_penetration']],
			['adoption', []]
		]);
		const back = edit.moveMeasure(moved, 'active_days', 'adoption', 5);
		expect(layoutOf(back)).toEqual(layoutOf(card));
		const within = edit.moveMeasure(moved, 'seat_penetration', 'deployment', 0);
		expect(layoutOf(within)[0]).toEqual(['deployment', ['seat_penetration', 'active_days']]);
	});

	it('lay out measures as a drag and drop leaves them, new ones from the palette included', () => {
		const card = scale();
		const { scorecard, added } = edit.arrangeMeasures(card, {
			deployment: [
				{ kind: 'measure', id: 'seat_penetration' },
				{ kind: 'measure', id: 'active_days' }
			],
			adoption: [{ kind: 'new', measure: paletteEntry('active_days')!.measure }]
		});
		expect(added).toEqual(['active_days_2']);
		expect(layoutOf(scorecard)).toEqual([
			['deployment', ['seat_penetration', 'active_days']],
			['adoption', ['active_days_2']]
		]);
		// Only the target named: the measure still leaves its old group (no duplicates).
		const target = edit.arrangeMeasures(card, {
			deployment: [
				{ kind: 'measure', id: 'active_days' },
				{ kind: 'measure', id: 'seat_penetration' }
			]
		});
		expect(layoutOf(target.scorecard)).toEqual([
			['deployment', ['active_days', 'seat_penetration']],
			['adoption', []]
		]);
	});

	it('keep measure ids unique when an edited measure takes a taken id', () => {
		const card = scale();
		const next = edit.replaceMeasure(card, 'active_days', { ...nps, id: 'seat_penetration' });
		expect(layoutOf(next)[1]).toEqual(['adoption', ['active_days']]);
		const renamed = edit.replaceMeasure(card, 'active_days', { ...nps, id: 'usage' });
		expect(layoutOf(renamed)[1]).toEqual(['adoption', ['usage']]);
	});

	it('drop a field set to undefined', () => {
		const card = edit.updateScorecard(scale(), { applies_to: undefined, priority: 0 });
		expect('applies_to' in card).toBe(false);
		expect(card.priority).toBe(0);
	});
});
