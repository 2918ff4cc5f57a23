import { describe, expect, it } from 'vitest';
import { paletteEntry } from '$lib/engine/palette';
import { shippedScorecards } from '$lib/engine/sample';
import type { Scorecard } from '$lib/engine';
import { ScorecardBuilder } from './builder.svelte';

const scale = (): Scorecard => shippedScorecards()[0]!;
const nps = paletteEntry('nps')!.measure;

/** Every edit the builder offers, each as a person would make it. */
const EDITS: [string, (b: ScorecardBuilder) => void][] = [
	['rename', (b) => b.rename('Scale v2')],
	['setDescription', (b) => b.setDescription('Two groups.')],
	['setPriority', (b) => b.setPriority(0)],
	['setAppliesTo', (b) => b.setAppliesTo({ '==': [{ var: 'segment' }, 'smb'] })],
	['setAppliesTo (every account)', (b) => b.setAppliesTo(undefined)],
	['addGroup', (b) => b.addGroup('Relationship')],
	['renameGroup', (b) => b.renameGroup('adoption', 'Usage')],
	['setGroupId', (b) => b.setGroupId('adoption', 'usage')],
	['renameMeasure', (b) => b.renameMeasure('active_days', 'Days active')],
	['setMeasureId', (b) => b.setMeasureId('active_days', 'days_active')],
	['setGroupWeight', (b) => b.setGroupWeight('adoption', 70)],
	['moveGroup', (b) => b.moveGroup('adoption', -1)],
	['removeGroup', (b) => b.removeGroup('adoption')],
	['arrange', (b) => b.arrange({ deployment: [{ kind: 'measure', id: 'active_days' }] })],
	['addMeasure', (b) => b.addMeasure('adoption', nps)],
	['moveMeasure', (b) => b.moveMeasure('active_days', 'deployment', 0)],
	['removeMeasure', (b) => b.removeMeasure('seat_penetration')],
	['setMeasureWeight', (b) => b.setMeasureWeight('active_days', 3)],
	['updateMeasure', (b) => b.updateMeasure('active_days', { ...nps, id: 'active_days' })],
	['addBand', (b) => b.addBand('Blue')],
	['updateBand', (b) => b.updateBand(2, { min: 65 })],
	['removeBand', (b) => b.removeBand(0)],
	['replace', (b) => b.replace({ ...scale(), id: 'other', name: 'Imported' })]
];

describe('ScorecardBuilder', () => {
	it.each(EDITS)('%s can be undone and redone', (_, apply) => {
		const builder = new ScorecardBuilder(scale());
		const before = builder.scorecard;
		apply(builder);
		const after = builder.scorecard;
		expect(after).not.toEqual(before);
		expect(builder.canUndo).toBe(true);
		builder.undo();
		expect(builder.scorecard).toEqual(before);
		expect(builder.canUndo).toBe(false);
		expect(builder.canRedo).toBe(true);
		builder.redo();
		expect(builder.scorecard).toEqual(after);
		expect(builder.canRedo).toBe(false);
	});

	it('undoes a long series of edits one by one, back to the start', () => {
		const builder = new ScorecardBuilder(scale());
		const states = [builder.scorecard];
		for (const [, apply] of EDITS.slice(0, 12)) {
			apply(builder);
			builder.seal();
			// Some edits no longer apply after the earlier ones (the group is gone): no step then.
			if (builder.scorecard !== states.at(-1)) states.push(builder.scorecard);
		}
		expect(states.length).toBeGreaterThan(8);
		for (let i = states.length - 2; i >= 0; i--) {
			builder.undo();
			expect(builder.scorecard).toEqual(states[i]);
		}
		for (let i = 1; i < states.length; i++) {
			builder.redo();
			expect(builder.scorecard).toEqual(states[i]);
		}
	});

	it('joins edits of the same field into one step until sealed', () => {
		const builder = new ScorecardBuilder(scale());
		for (const weight of [55, 60, 65, 70]) builder.setGroupWeight('adoption', weight);
		expect(builder.undoLabel).toBe('change the weight of Adoption');
		builder.seal();
		builder.setGroupWeight('adoption', 80);
		builder.setGroupWeight('deployment', 20);
		builder.undo();
		builder.undo();
		expect(builder.scorecard.groups[1]!.weight).toBe(70);
		builder.undo();
		expect(builder.scorecard).toEqual(scale());
		expect(builder.announcement).toBe('Undone: change the weight of Adoption');
	});

	it('forgets what could be redone once a new edit is made, and ignores edits that change nothing', () => {
		const builder = new ScorecardBuilder(scale());
		builder.rename('A');
		builder.undo();
		builder.setPriority(1);
		builder.renameGroup('nope', 'X');
		builder.removeMeasure('nope');
		expect(builder.canRedo).toBe(true);
		builder.setGroupWeight('adoption', -5);
		builder.moveGroup('deployment', -1);
		expect(builder.canUndo).toBe(false);
		builder.rename('B');
		expect(builder.canRedo).toBe(false);
	});

	it('moves measures between groups', () => {
		const builder = new ScorecardBuilder(scale());
		builder.moveMeasure('active_days', 'deployment', 1);
		const ids = () => builder.scorecard.groups.map((g) => g.measures.map((m) => m.id));
		expect(ids()).toEqual([['seat_penetration', 'active_days'], []]);
		builder.arrange(
			{
				adoption: [{ kind: 'measure', id: 'seat_penetration' }],
				deployment: [{ kind: 'measure', id: 'active_days' }]
			},
			{ moved: 'seat_penetration' }
		);
		expect(ids()).toEqual([['active_days'], ['seat_penetration']]);
		expect(builder.undoLabel).toBe('move Seat penetration');
		builder.undo();
		builder.undo();
		expect(ids()).toEqual([['seat_penetration'], ['active_days']]);
	});

	it('selects a measure when it is added, and forgets it when it is gone', () => {
		const builder = new ScorecardBuilder(scale());
		const [id] = builder.arrange({
			adoption: [
				{ kind: 'measure', id: 'active_days' },
				{ kind: 'new', measure: nps }
			]
		});
		expect(id).toBe('nps');
		expect(builder.selected?.measure.name).toBe('NPS response');
		expect(builder.selected?.group.id).toBe('adoption');
		builder.undo();
		expect(builder.selected).toBeNull();
		builder.select('active_days');
		builder.updateMeasure('active_days', { ...builder.selected!.measure, id: 'days_active' });
		expect(builder.selectedId).toBe('days_active');
		builder.removeMeasure('days_active');
		expect(builder.selectedId).toBeNull();
	});

	it('shows weights as shares adding up to 100 %', () => {
		const builder = new ScorecardBuilder(scale());
		expect(builder.groupShares).toEqual([50, 50]);
		builder.addGroup('Relationship');
		expect(builder.groupShares).toEqual([50, 49, 1]);
		builder.setGroupWeight('deployment', 1);
		builder.setGroupWeight('adoption', 1);
		expect(builder.groupShares).toEqual([34, 33, 33]);
		builder.addMeasure('adoption', nps);
		builder.addMeasure('adoption', nps);
		expect(builder.measureShares.adoption).toEqual([34, 33, 33]);
		for (const shares of [builder.groupShares, ...Object.values(builder.measureShares)])
			if (shares.length && shares.some((s) => s > 0))
				expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
	});

	it('keeps the id when a whole scorecard replaces it, and says what is invalid', () => {
		const builder = new ScorecardBuilder(scale());
		builder.replace({ ...scale(), id: 'other' });
		expect(builder.scorecard.id).toBe('scale');
		expect(builder.canUndo).toBe(false);
		builder.replace({ ...scale(), name: 'Imported' });
		expect(builder.undoLabel).toBe('replace the scorecard from JSON');
		expect(builder.valid).toBe(true);
		builder.updateBand(0, { name: '' });
		expect(builder.valid).toBe(false);
		expect(builder.validation).toMatchObject({ ok: false, errors: [{ path: 'bands[0].name' }] });
	});

	describe('ids', () => {
		/** A scorecard never published, with the one group a new empty one starts with. */
		const fresh = (): Scorecard => ({
			id: 'built',
			name: 'Built',
			groups: [{ id: 'group_1', name: 'Group 1', measures: [] }]
		});

		it('follow the name as it is typed before the first publication, one undo step', () => {
			const builder = new ScorecardBuilder(fresh());
			const added = builder.addGroup('Group 2');
			builder.seal();
			const key = builder.groupKey(added);
			let id = added;
			for (const name of ['A', 'Ado', 'Adoption']) id = builder.renameGroup(id, name);
			expect(id).toBe('adoption');
			expect(builder.scorecard.groups[1]).toMatchObject({ id: 'adoption', name: 'Adoption' });
			// The group keeps its key, so the page keeps its elements (and the focus).
			expect(builder.groupKey('adoption')).toBe(key);
			expect(builder.undoLabel).toBe('rename group Group 2');
			builder.undo();
			expect(builder.scorecard.groups[1]).toMatchObject({ id: 'group_2', name: 'Group 2' });
			expect(builder.groupKey('group_2')).toBe(key);
			builder.redo();
			expect(builder.groupKey('adoption')).toBe(key);
		});

		it('stay once published', () => {
			const published = new ScorecardBuilder(scale());
			expect(published.idsFollowNames).toBe(false);
			expect(published.renameGroup('adoption', 'Usage')).toBe('adoption');
			// The session says so for a scorecard whose draft has no version number yet.
			const told = new ScorecardBuilder(fresh(), { published: () => true });
			expect(told.renameGroup('group_1', 'Adoption')).toBe('group_1');
			expect(new ScorecardBuilder(fresh()).renameGroup('group_1', 'Adoption')).toBe('adoption');
		});

		it('can be set by hand, valid and unique only, and then stay', () => {
			const builder = new ScorecardBuilder(fresh());
			const key = builder.groupKey('group_1');
			expect(builder.setGroupId('group_1', 'has space')).toBe(false);
			expect(builder.setGroupId('group_1', 'usage')).toBe(true);
			expect(builder.groupKey('usage')).toBe(key);
			expect(builder.renameGroup('usage', 'Adoption')).toBe('usage');
			builder.addGroup('Other');
			expect(builder.setGroupId('other', 'usage')).toBe(false);
		});

		it('move a measure’s selection along with its id', () => {
			const builder = new ScorecardBuilder(fresh());
			const custom = { ...nps, id: 'custom_measure', name: 'Custom measure' };
			builder.addMeasure('group_1', custom);
			expect(builder.selectedId).toBe('custom_measure');
			expect(builder.renameMeasure('custom_measure', 'Logins')).toBe('logins');
			expect(builder.selectedId).toBe('logins');
			expect(builder.setMeasureId('logins', 'weekly_logins')).toBe(true);
			expect(builder.selected?.measure).toMatchObject({ id: 'weekly_logins', name: 'Logins' });
		});
	});

	it('starts over with no history on load', () => {
		const builder = new ScorecardBuilder(scale());
		builder.rename('X');
		builder.load(scale());
		expect(builder.canUndo).toBe(false);
		expect(builder.scorecard.name).toBe('Scale segment');
	});
});
