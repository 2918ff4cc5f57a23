import { describe, expect, it } from 'vitest';
import type { ScorecardDraft } from '$lib/engine';
import { shippedScorecards } from '$lib/engine/sample';
import { newScorecardId, scorecardRows, unpublishedDrafts } from './list-rows';

const draftOf = (id: string, name = id): ScorecardDraft => ({
	scorecard_id: id,
	updated_at: '2026-11-23T12:00:00Z',
	scorecard: { id, name, status: 'draft', groups: [{ id: 'g', name: 'G', measures: [] }] }
});

describe('the scorecards list', () => {
	const [scale, dream, mid] = shippedScorecards();

	it('lists published scorecards in trial order, each with its pending draft', () => {
		const rows = scorecardRows([mid!, scale!, dream!], [draftOf('scale'), draftOf('new_one')]);
		expect(rows.map((row) => [row.scorecard.id, row.draft?.scorecard_id ?? null])).toEqual([
			['scale', 'scale'],
			['enterprise-dream', null],
			['three-dimensions', null]
		]);
		expect(unpublishedDrafts([scale!], [draftOf('scale'), draftOf('new_one')])).toEqual([
			draftOf('new_one')
		]);
	});

	it('gives a new scorecard an id of its own, from its name', () => {
		expect(newScorecardId('Scale', [scale!], [])).toBe('scale_2');
		expect(newScorecardId('Scale (built)', [scale!], [draftOf('scale_built')])).toBe(
			'scale_built_2'
		);
		expect(newScorecardId('***', [], [])).toBe('scorecard');
	});
});
