import { describe, expect, it } from 'vitest';
import type { ScorecardDraft } from '$lib/engine';
import { shippedScorecards } from '$lib/engine/sample';
import type { PreviewResult } from '../preview/types';
import { newScorecardId, scorecardRows, unpublishedDrafts, zeroReason } from './list-rows';

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

	it('count the accounts each scorecard scores, once the cache is current', () => {
		const counts = { counts: { scale: 912, 'enterprise-dream': 40 }, unscored: 3, current: true };
		const rows = scorecardRows([scale!, dream!, mid!], [], counts);
		expect(rows.map((row) => [row.scorecard.id, row.scores])).toEqual([
			['scale', 912],
			['enterprise-dream', 40],
			['three-dimensions', 0]
		]);
		const behind = scorecardRows([scale!], [], { ...counts, current: false });
		expect(behind[0]!.scores).toBeNull();
	});

	it('say why a scorecard scores none: no account matches, or others come first', () => {
		const result = (part: Partial<PreviewResult>) =>
			({ scored: 0, matching: 0, lostTo: [], ...part }) as PreviewResult;
		expect(zeroReason(result({}))).toEqual({ kind: 'noMatch' });
		expect(
			zeroReason(
				result({
					matching: 912,
					lostTo: [{ id: 'scale_v2', name: 'Scale v2', priority: 1, count: 912 }]
				})
			)
		).toEqual({ kind: 'shadowed', by: ['Scale v2'] });
		// The preview finds it scores some: the cache it was counted from is behind.
		expect(zeroReason(result({ scored: 5, matching: 5 }))).toBeNull();
	});
});
