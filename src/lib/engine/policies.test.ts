import { describe, expect, it } from 'vitest';
import {
	account,
	card,
	linear100,
	measure,
	scoreWith,
	snapshot
} from '../../../tests/support/builders';
import type { ManualEntry, Measure } from '.';

const AS_OF = '2026-11-23';

describe.each(['function', 'closure'] as const)(
	'missing-data policies and manual measures (%s backend)',
	(backend) => {
		const score = scoreWith(backend);
		const usage = (extra: Partial<Measure>): Measure => ({
			...measure('usage', { var: 'x' }, linear100),
			...extra
		});
		const other = measure('other', { var: 'y' }, linear100);

		it('counts a missing measure as the given score when told to, and says so', () => {
			const [result] = score({
				accounts: [account('a')],
				snapshots: [snapshot('a', { y: 80 }, '2026-11-20')],
				scorecards: [
					card([
						{
							id: 'g',
							name: 'G',
							measures: [usage({ missing: { policy: 'score', score: 20 } }), other]
						}
					])
				]
			});
			expect(result!.measures.usage).toEqual({
				value: null,
				score: 20,
				weight_share: 0.5,
				imputed: 'score'
			});
			expect(result!.missing).toEqual([]);
			expect(result!.overall).toBe(50);
		});

		it('uses the last known value within the days allowed, and not beyond', () => {
			const snapshots = [
				snapshot('a', { x: 60, y: 80 }, '2026-11-06'),
				snapshot('a', { x: null, y: 80 }, '2026-11-13'),
				snapshot('a', { y: 80 }, '2026-11-20')
			];
			const within = score(
				{
					accounts: [account('a')],
					snapshots,
					scorecards: [
						card([
							{
								id: 'g',
								name: 'G',
								measures: [usage({ missing: { policy: 'last_known', max_days: 20 } }), other]
							}
						])
					]
				},
				AS_OF
			)[0]!;
			expect(within.measures.usage).toMatchObject({
				value: 60,
				score: 60,
				imputed: 'last_known',
				value_date: '2026-11-06'
			});
			const beyond = score(
				{
					accounts: [account('a')],
					snapshots,
					scorecards: [
						card([
							{
								id: 'g',
								name: 'G',
								measures: [usage({ missing: { policy: 'last_known', max_days: 14 } }), other]
							}
						])
					]
				},
				AS_OF
			)[0]!;
			expect(beyond.measures.usage).toEqual({ value: null, score: null, weight_share: 0 });
			expect(beyond.missing).toEqual(['usage']);
		});

		it('scores a manual measure from its latest entry until it goes stale', () => {
			const relationship = (validity: number): Measure => ({
				...measure('relationship', { var: 'manual.relationship' }, linear100),
				manual: { validity_days: validity }
			});
			const entries: ManualEntry[] = [
				{
					account_id: 'a',
					measure_id: 'relationship',
					value: 40,
					entered_by: 'kim',
					entered_at: '2026-10-01T09:00:00Z'
				},
				{
					account_id: 'a',
					measure_id: 'relationship',
					value: 70,
					comment: 'agreed at the monthly review',
					entered_by: 'lee',
					entered_at: '2026-11-03T16:30:00Z'
				},
				{
					account_id: 'a',
					measure_id: 'relationship',
					value: 10,
					entered_by: 'kim',
					entered_at: '2026-12-01T09:00:00Z'
				}
			];
			const scored = (validity: number) =>
				score({
					accounts: [account('a')],
					snapshots: [snapshot('a', { y: 80 }, '2026-11-20')],
					scorecards: [card([{ id: 'g', name: 'G', measures: [relationship(validity), other] }])],
					manual_entries: entries
				})[0]!;
			// 20 days old on the as-of date: fresh within 30 days; the later entry is not known yet.
			expect(scored(30).measures.relationship).toEqual({ value: 70, score: 70, weight_share: 0.5 });
			expect(scored(14).measures.relationship).toEqual({
				value: null,
				score: null,
				weight_share: 0,
				stale: true
			});
			expect(scored(14).missing).toEqual(['relationship']);
		});
	}
);
