// @vitest-environment node
/**
 * Survey answers imported on the server, on both databases: rolled into the metrics of the
 * people's accounts and into the people's own, the same file twice a change of nothing.
 */
import { describe, expect, it } from 'vitest';
import { expectRowErrors } from '../../import/testing';
import { describeStore } from '../store/fixture';
import { importCsv } from './csv-import';
import { fixture, held, request, snapshotId } from './csv-import-fixture';
import { teamOf } from './team-fixture';

describeStore((fixture_) => {
	const { team } = teamOf(fixture_);

	describe('a CSV file imported on the server', () => {
		it('rolls survey answers into the accounts’ metrics and the people’s, the same file twice a change of nothing', async () => {
			const { store, ops } = await team();
			const { records } = store.published;
			const send = async () =>
				importCsv(
					records,
					{
						...(await request('survey_answers', fixture('survey-answers.csv'))),
						latestDate: '2026-12-04'
					},
					ops
				);
			const first = await send();
			if (!first.ok) throw new Error(first.error);
			expectRowErrors(first.answer.errors, [
				[6, 'Respondent Email', 'unknown_contact'],
				[7, 'NPS', 'not_on_scale'],
				[8, '', 'no_answer']
			]);
			// Four answers: one day each, and the held snapshot of 2026-11-01 of both accounts after.
			expect(first.answer.summary.survey_answers).toEqual({ added: 4, updated: 2, unchanged: 0 });
			expect(first.answer.summary.contacts).toEqual({ added: 0, updated: 2, unchanged: 0 });
			const snapshots = await held(store, 'snapshots', [
				snapshotId('acme', '2026-11-01'),
				snapshotId('acme', '2026-11-10'),
				snapshotId('globex', '2026-11-15')
			]);
			expect(snapshots.get(snapshotId('acme', '2026-11-01'))).toEqual({
				account_id: 'acme',
				date: '2026-11-01',
				metrics: {
					seats_active: 18,
					active_days_30d: 16,
					nps: 9,
					nps_detractors: 0,
					nps_responses: 1,
					csat: 5,
					csat_responses: 1
				}
			});
			expect(snapshots.get(snapshotId('acme', '2026-11-10'))).toMatchObject({
				metrics: { seats_active: 18, nps: 6, nps_detractors: 1, csat: 4 }
			});
			expect(snapshots.get(snapshotId('globex', '2026-11-15'))).toMatchObject({
				metrics: { seats_active: 8, nps: 4, nps_detractors: 1, csat: 2, csat_responses: 1 }
			});
			const people = await held(store, 'contacts', ['c1', 'c2']);
			expect(people.get('c1')).toMatchObject({ metrics: { nps: 6, csat: 4 } });
			expect(people.get('c2')).toMatchObject({ metrics: { nps: 4, csat: 2 } });

			const again = await send();
			if (!again.ok) throw new Error(again.error);
			expect(again.answer.summary.survey_answers).toEqual({ added: 0, updated: 0, unchanged: 6 });
			expect(again.answer.revision).toBe(first.answer.revision);
		});
	});
});
