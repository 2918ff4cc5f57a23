import { describe, expect, it } from 'vitest';
import type { Scorecard } from '$lib/engine';
import { shippedPlays, shippedScorecards } from '$lib/engine/sample';
import { addGroup, setGroupId, setMeasureId } from './edits';
import { formerId, playsReading, scorePath } from './id-readers';

const scale = (): Scorecard => shippedScorecards()[0]!;

describe('who reads an id', () => {
	it('finds the enabled plays reading a group or measure', () => {
		const plays = shippedPlays();
		expect(playsReading(plays, 'group', 'adoption').map((play) => play.id)).toEqual([
			'scale-training-invitation',
			'scale-community-invitation'
		]);
		expect(playsReading(plays, 'measure', 'adoption')).toEqual([]);
		const off = plays.map((play) => ({ ...play, enabled: false }));
		expect(playsReading(off, 'group', 'adoption')).toEqual([]);
		expect(scorePath('measure', 'nps')).toBe('score.measures.nps');
	});

	it('tells the id a group or measure had before the draft changed it', () => {
		const published = scale();
		const renamed = setGroupId(published, 'adoption', 'usage');
		expect(formerId(published, renamed, 'group', 'usage')).toBe('adoption');
		expect(formerId(published, renamed, 'group', 'deployment')).toBeNull();
		expect(formerId(null, renamed, 'group', 'usage')).toBeNull();
		// A group added after the others had no id before.
		const added = addGroup(published, 'Relationship').scorecard;
		expect(formerId(published, added, 'group', 'relationship')).toBeNull();
		const measure = setMeasureId(published, 'active_days', 'days_active');
		expect(formerId(published, measure, 'measure', 'days_active')).toBe('active_days');
		expect(formerId(published, measure, 'measure', 'seat_penetration')).toBeNull();
	});
});
