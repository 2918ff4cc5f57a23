/** The preview among the published scorecards: priority decides which accounts the draft scores. */
import { describe, expect, it } from 'vitest';
import { AS_OF } from '../../../../tests/support/builders';
import { PreviewModel } from './preview';
import { preview, usageCard, usageWorkspace } from './testing';

describe('PreviewModel', () => {
	describe('among the published scorecards', () => {
		/** Published Scale (priority 1), and a Mid card (priority 2) for account F. */
		const shipped = () => [
			usageCard(80, { priority: 1, status: 'published' }),
			usageCard(80, {
				id: 'mid',
				name: 'Mid',
				priority: 2,
				status: 'published',
				applies_to: { '==': [{ var: 'segment' }, 'mid'] }
			})
		];
		/** A new scorecard for the Scale segment, Green from 60. */
		const newScale = (priority: number) =>
			usageCard(60, { id: 'scale_v2', name: 'Scale v2', priority, status: 'draft' });

		it('scores only what no scorecard tried before it takes, and says who takes it', () => {
			const model = new PreviewModel(usageWorkspace(), AS_OF);
			const shadowed = preview(model, newScale(3), null, shipped());
			expect(shadowed.matching).toBe(5);
			expect(shadowed.scored).toBe(0);
			expect(shadowed.lostTo).toEqual([{ id: 'scale', name: 'Scale', priority: 1, count: 5 }]);
			expect(shadowed.bands.every((band) => band.count === 0)).toBe(true);
			expect(shadowed.histogram.counts.every((count) => count === 0)).toBe(true);
			expect(shadowed.changes).toMatchObject({ moved: 0, entered: 0, left: 0 });
			// The measures can still be tuned on the accounts it applies to.
			expect(shadowed.measures.usage).toMatchObject({ accounts: 5, present: 5 });
		});

		it('compares the accounts it takes with how the scorecard scoring them today bands them', () => {
			const model = new PreviewModel(usageWorkspace(), AS_OF);
			const replacing = preview(model, newScale(1), null, shipped());
			expect(replacing.scored).toBe(5);
			expect(replacing.lostTo).toEqual([]);
			expect(replacing.takenFrom).toEqual([{ id: 'scale', name: 'Scale', priority: 1, count: 5 }]);
			// Green from 60 rather than 80: D (70) moves Orange → Green, against Scale's bands today.
			expect(replacing.changes).toMatchObject({ moved: 1, up: 1, down: 0, entered: 0, left: 0 });
			expect(replacing.changes!.moves[0]).toMatchObject({ accountId: 'd', from: 'Orange' });
			expect(replacing.bands.map((band) => [band.name, band.count, band.today])).toEqual([
				['Red', 2, 2],
				['Orange', 1, 2],
				['Yellow', 0, 0],
				['Green', 2, 1]
			]);
			expect(replacing.todayHistogram!.counts.reduce((a, b) => a + b)).toBe(5);
		});

		it('says which scorecard scores each account before and after, for the publish check', () => {
			const model = new PreviewModel(usageWorkspace(), AS_OF);
			const { assignment } = preview(model, newScale(1), null, shipped());
			expect(assignment.cards).toEqual(['scale', 'mid', 'scale_v2']);
			// Accounts a–f by position.
			const segments = [...assignment.segment].map((i) => assignment.segments[i]);
			expect(segments).toEqual(['scale', 'scale', 'scale', 'scale', 'scale', 'mid']);
			const named = (list: Int16Array) => [...list].map((i) => assignment.cards[i] ?? null);
			expect(named(assignment.before)).toEqual([
				'scale',
				'scale',
				'scale',
				'scale',
				'scale',
				'mid'
			]);
			expect(named(assignment.after)).toEqual([
				'scale_v2',
				'scale_v2',
				'scale_v2',
				'scale_v2',
				'scale_v2',
				'mid'
			]);
		});

		it('keeps a published scorecard’s place while its priority stays, even when tied', () => {
			const tied = [
				...shipped(),
				usageCard(80, {
					id: 'all',
					name: 'All',
					priority: 1,
					status: 'published',
					applies_to: undefined
				})
			];
			const model = new PreviewModel(usageWorkspace(), AS_OF);
			// "All" ties with Scale at 1 and comes after it in workspace order: it scores F alone (Mid is
			// tried after both). Edited at the same priority, it keeps that place.
			const same = preview(model, { ...tied[2]!, name: 'All (edited)' }, tied[2]!, tied);
			expect(same.scored).toBe(1);
			expect(same.lostTo).toEqual([{ id: 'scale', name: 'Scale', priority: 1, count: 5 }]);
			expect(same.changes).toMatchObject({ moved: 0, entered: 0, left: 0 });
			// Moved to priority 0 it takes the Scale accounts too.
			const first = preview(model, { ...tied[2]!, priority: 0 }, tied[2]!, tied);
			expect(first.scored).toBe(6);
			expect(first.takenFrom.map((card) => [card.id, card.count])).toEqual([['scale', 5]]);
		});

		it('counts the accounts no scorecard scores today as entering', () => {
			const onlyMid = [shipped()[1]!];
			const result = preview(new PreviewModel(usageWorkspace(), AS_OF), newScale(5), null, onlyMid);
			expect(result.scored).toBe(5);
			expect(result.takenFrom).toEqual([]);
			expect(result.changes).toMatchObject({ moved: 0, entered: 5, left: 0 });
		});
	});
});
