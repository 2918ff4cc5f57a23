// @vitest-environment node
/**
 * A CRM's outcomes imported on the server, on both databases: its words for how a renewal ended
 * read, bad rows named, and the same file twice a change of nothing.
 */
import { describe, expect, it } from 'vitest';
import { expectRowErrors } from '../../import/testing';
import { describeStore } from '../store/fixture';
import { importCsv } from './csv-import';
import { fixture, request } from './csv-import-fixture';
import { teamOf } from './team-fixture';

describeStore((fixture_) => {
	const { team } = teamOf(fixture_);

	describe('a CSV file imported on the server', () => {
		it('imports a CRM’s outcomes: its words read, bad rows named, the same file twice a change of nothing', async () => {
			const { store, ops } = await team();
			const { records } = store.published;
			const sent = await request('outcomes', fixture('outcomes-crm.csv'));
			const first = await importCsv(records, { ...sent, latestDate: '2026-12-04' }, ops);
			if (!first.ok) throw new Error(first.error);
			// Acme's renewal of 2026-01-10 was held already: the file says it was an upsell.
			expect(first.answer.summary.outcomes).toEqual({ added: 2, updated: 1, unchanged: 0 });
			expectRowErrors(first.answer.errors, [
				[5, 'Account ID', 'unknown_account'],
				[6, 'Close Date', 'not_a_date'],
				[7, 'Stage', 'not_an_outcome'],
				[8, 'Close Date', 'after_as_of']
			]);
			const outcomes = async () =>
				(await records.locked((locked) => locked.list(['outcomes']))).map(({ body }) => body);
			expect(await outcomes()).toEqual(
				expect.arrayContaining([
					{ account_id: 'acme', date: '2026-01-10', type: 'renewed' },
					{
						account_id: 'acme',
						date: '2026-01-10',
						type: 'expanded',
						arr_before: 12000,
						arr_after: 18000
					},
					{
						account_id: 'acme',
						date: '2025-09-01',
						type: 'churned',
						arr_before: 12000,
						arr_after: 0,
						reason: 'Budget cut, moved to a competitor'
					},
					{
						account_id: 'globex',
						date: '2026-02-15',
						type: 'renewed',
						arr_before: 240000,
						arr_after: 240000
					}
				])
			);
			expect(await outcomes()).toHaveLength(4);

			const again = await importCsv(
				records,
				{ ...(await request('outcomes', fixture('outcomes-crm.csv'))), latestDate: '2026-12-04' },
				ops
			);
			if (!again.ok) throw new Error(again.error);
			expect(again.answer.summary.outcomes).toEqual({ added: 0, updated: 0, unchanged: 3 });
			expect(again.answer.revision).toBe(first.answer.revision);
			expect(await outcomes()).toHaveLength(4);
		});
	});
});
