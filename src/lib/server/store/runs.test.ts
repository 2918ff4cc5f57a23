// @vitest-environment node
/** Runs of the published plays (`./runs.ts`), on both databases (`./fixture.ts`). */
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxEntryOf } from '../mail/runs';
import type { Database } from './database';
import { describeStore, runReport } from './fixture';
import { Runs } from './runs';

describeStore((store) => {
	const { fresh } = store;
	let db: Database;
	beforeAll(() => {
		db = store.db;
	});

	describe('Runs', () => {
		it('keeps runs in the order they started, for the app to bring in after the last it has', async () => {
			const { runs } = await fresh();
			const morning = await runs.save(runReport('2026-03-01T07:00:00.000Z'), 'schedule');
			expect(morning).toEqual({
				id: '2026-03-01T07-00-00-000Z-schedule',
				trigger: 'schedule',
				...runReport('2026-03-01T07:00:00.000Z')
			});
			const noon = await runs.save(runReport('2026-03-01T12:00:00.000Z'), 'cli');
			// Another process's run, started in the same millisecond: an id of its own.
			const twin = await new Runs(db).save(runReport('2026-03-01T12:00:00.000Z'), 'cli');
			expect(twin.id).toBe(`${noon.id}-2`);

			expect(await runs.after(null)).toEqual([morning, noon, twin]);
			expect(await runs.after(morning.id)).toEqual([noon, twin]);
			expect(await runs.after(twin.id)).toEqual([]);
			expect(await runs.latest('schedule')).toEqual({
				id: morning.id,
				trigger: 'schedule',
				started_at: morning.started_at
			});
			expect(await runs.latest('settings')).toBeNull();
		});

		it('answers every entry of every run as outbox history', async () => {
			const { runs } = await fresh();
			const saved = [
				await runs.save(runReport('2026-03-01T07:00:00.000Z'), 'schedule'),
				await runs.save(runReport('2026-03-02T07:00:00.000Z'), 'schedule')
			];
			const history = await runs.history();
			expect(history).toEqual(
				saved.flatMap((run) => run.entries.map((item) => outboxEntryOf(run, item)))
			);
			expect(history.filter((entry) => entry.status === 'sent')).toHaveLength(2);
		});

		it('keeps a report as written, text no jsonb would take included', async () => {
			const { runs } = await fresh();
			const report = runReport('2026-03-01T07:00:00.000Z');
			report.entries[0]!.error = 'a NUL \u0000 from a fact';
			const saved = await runs.save(report, 'cli');
			expect(await runs.after(null)).toEqual([saved]);
		});

		it('imports runs with their ids, once', async () => {
			const { runs } = await fresh();
			const older = [
				{ id: 'r1', trigger: 'schedule', ...runReport('2026-02-01T07:00:00.000Z') },
				{ id: 'r2', trigger: 'settings', ...runReport('2026-02-02T07:00:00.000Z') }
			];
			expect(await runs.importRuns(older)).toBe(2);
			expect(await runs.importRuns(older)).toBe(0);
			expect(await runs.after(null)).toEqual(older);
		});
	});
});
