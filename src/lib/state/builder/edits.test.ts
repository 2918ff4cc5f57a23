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
		edit.renameGroup(card, 'adoption', 'Usage', { followId: true });
		edit.setGroupId(card, 'adoption', 'usage');
		edit.renameMeasure(card, 'active_days', 'Usage days', { followId: true });
		edit.setMeasureId(card, 'active_days', 'usage_days');
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
		expect(edit.renameGroup(card, 'nope', 'X').scorecard).toBe(card);
		expect(edit.renameGroup(card, 'adoption', 'Adoption').scorecard).toBe(card);
		expect(edit.setGroupId(card, 'adoption', 'adoption')).toBe(card);
		expect(edit.renameMeasure(card, 'nope', 'X').scorecard).toBe(card);
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

	it('make a new group’s id from its name, and carry it along on rename until published', () => {
		const empty: Scorecard = {
			id: 'built',
			name: 'Built',
			groups: [{ id: 'group_1', name: 'Group 1', measures: [] }]
		};
		const added = edit.addGroup(empty, 'Group 2');
		expect(added.id).toBe('group_2');
		// Never published: the id follows the name, as the person types it.
		const typed = ['A', 'Ad', 'Adoption'].reduce(
			(step, name) => edit.renameGroup(step.scorecard, step.id, name, { followId: true }),
			{ scorecard: added.scorecard, id: added.id }
		);
		expect(typed.id).toBe('adoption');
		expect(typed.scorecard.groups.map((g) => [g.id, g.name])).toEqual([
			['group_1', 'Group 1'],
			['adoption', 'Adoption']
		]);
		// Unique within the scorecard: a second "Adoption" is adoption_2.
		const second = edit.renameGroup(typed.scorecard, 'group_1', 'Adoption', { followId: true });
		expect(second.id).toBe('adoption_2');
		// Published: the name changes, the id stays.
		const published = edit.renameGroup(typed.scorecard, 'adoption', 'Usage');
		expect(published.id).toBe('adoption');
		expect(published.scorecard.groups[1]).toMatchObject({ id: 'adoption', name: 'Usage' });
	});

	it('keep an id set by hand when the name changes', () => {
		const { scorecard } = edit.addGroup(scale(), 'Group 3');
		const byHand = edit.setGroupId(scorecard, 'group_3', 'usage');
		expect(byHand.groups[2]!.id).toBe('usage');
		const renamed = edit.renameGroup(byHand, 'usage', 'Product usage', { followId: true });
		expect(renamed.id).toBe('usage');
		expect(renamed.scorecard.groups[2]).toMatchObject({ id: 'usage', name: 'Product usage' });
	});

	it('refuse an id that is not a key or that another group has', () => {
		const card = scale();
		expect(edit.setGroupId(card, 'adoption', 'deployment')).toBe(card);
		expect(edit.setGroupId(card, 'adoption', '2nd')).toBe(card);
		expect(edit.setGroupId(card, 'adoption', '')).toBe(card);
		expect(edit.setGroupId(card, 'nope', 'usage')).toBe(card);
		// A group may share an id with a measure: they are read under different paths.
		expect(edit.setGroupId(card, 'adoption', 'active_days').groups[1]!.id).toBe('active_days');
	});

	it('carry a measure’s id along with its name the same way, unique across groups', () => {
		const custom = { ...nps, id: 'custom_measure', name: 'Custom measure' };
		const { scorecard, id } = edit.addMeasure(scale(), 'adoption', custom);
		expect(id).toBe('custom_measure');
		const renamed = edit.renameMeasure(scorecard, 'custom_measure', 'Seat penetration', {
			followId: true
		});
		expect(renamed.id).toBe('seat_penetration_2');
		// A palette measure keeps its palette id (the one plays for the shipped scorecards read).
		const palette = edit.renameMeasure(scorecard, 'active_days', 'Usage', { followId: true });
		expect(palette.id).toBe('active_days');
		expect(edit.setMeasureId(scorecard, 'active_days', 'seat_penetration')).toBe(scorecard);
		expect(layoutOf(edit.setMeasureId(scorecard, 'active_days', 'usage'))[1]).toEqual([
			'adoption',
			['usage', 'custom_measure']
		]);
	});

	it('keep a manual measure reading its own entries when its id changes', () => {
		const manual = {
			...nps,
			id: 'relationship',
			name: 'Relationship',
			value: { var: 'manual.relationship' },
			manual: { validity_days: 35 }
		};
		const { scorecard } = edit.addMeasure(scale(), 'adoption', manual);
		const moved = edit.setMeasureId(scorecard, 'relationship', 'rapport');
		expect(edit.findMeasure(moved, 'rapport')!.measure.value).toEqual({ var: 'manual.rapport' });
		// A value of the person's own is left alone.
		const own = edit.setMeasureId(scorecard, 'active_days', 'usage');
		expect(edit.findMeasure(own, 'usage')!.measure.value).toEqual(
			edit.findMeasure(scorecard, 'active_days')!.measure.value
		);
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
