// @vitest-environment node
/**
 * Manual entries imported on the server, on both databases: measures named by id or name, values
 * on their scales, and unsigned entries signed by the importer.
 */
import { describe, expect, it } from 'vitest';
import { manualScorecard } from '../../../../tests/support/manual-scorecard';
import { expectRowErrors } from '../../import/testing';
import { describeStore } from '../store/fixture';
import { importCsv } from './csv-import';
import { fixture, request } from './csv-import-fixture';
import { teamOf, withOutcomes } from './team-fixture';

describeStore((fixture_) => {
	const { team } = teamOf(fixture_);

	describe('a CSV file imported on the server', () => {
		it('imports manual entries: measures named by id or name, values on their scale, unsigned ones the importer’s', async () => {
			const { store, owner, leader } = await team();
			const { records } = store.published;
			const base = withOutcomes();
			const workspace = { ...base, scorecards: [...base.scorecards, manualScorecard()] };
			await store.published.publish(JSON.stringify(workspace), owner);
			const send = async () =>
				importCsv(
					records,
					{
						...(await request('manual_entries', fixture('manual-entries.csv'))),
						latestDate: '2026-12-04'
					},
					leader
				);
			const first = await send();
			if (!first.ok) throw new Error(first.error);
			expect(first.answer.summary.manual_entries).toEqual({ added: 3, updated: 0, unchanged: 0 });
			expectRowErrors(first.answer.errors, [
				[5, 'Score', 'not_on_scale'],
				[6, 'Measure', 'unknown_measure'],
				[7, 'Date', 'after_as_of']
			]);
			const entries = (await records.locked((locked) => locked.list(['manualEntries']))).map(
				({ body }) => body
			);
			expect(entries).toEqual([
				{
					account_id: 'acme',
					measure_id: 'relationship',
					value: 4,
					entered_at: '2026-10-01T00:00:00.000Z',
					entered_by: 'kim@vendor.example',
					comment: 'QBR went well'
				},
				{
					account_id: 'globex',
					measure_id: 'relationship',
					value: 2,
					entered_at: '2026-10-01T09:30',
					entered_by: 'lee@vendor.example',
					comment: 'Sponsor left; new one not engaged'
				},
				{
					account_id: 'acme',
					measure_id: 'sponsor',
					value: 'yes',
					entered_at: '2026-10-01T00:00:00.000Z',
					entered_by: 'lea@team.example'
				}
			]);
			const again = await send();
			if (!again.ok) throw new Error(again.error);
			expect(again.answer.summary.manual_entries).toEqual({ added: 0, updated: 0, unchanged: 3 });
			expect(again.answer.revision).toBe(first.answer.revision);
		});
	});
});
