// @vitest-environment node
/**
 * The sample's usage from events (`./sample-events.ts`), on both databases: the team set up on the
 * sample holds its product's catalogue and the events of its Scale accounts, and the last day of
 * those accounts is what the rollup computes from the events, not the story they were drawn from;
 * the other accounts keep theirs. Starting over stores no event twice; a store holding a team's
 * own events gets none of the sample's.
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '$lib/engine';
import { eventAccounts, sampleEvents } from '$lib/engine/sample/events';
import { generateSample } from '$lib/engine/sample';
import { rollUpUsage } from '../events/rollup';
import { accountMetrics } from '../events/usage-records';
import { SYSTEM } from '../store/audit';
import { describeStore } from '../store/fixture';
import type { Store } from '../store/store';
import { SAMPLE_SOURCE, seedSampleUsage } from './sample-events';
import { seedWorkspace } from './seed';

const TODAY = '2026-12-03';
const generated = generateSample({ end: TODAY, accounts: 60 });

async function snapshotOf(store: Store, account: string): Promise<Snapshot> {
	const [row] = await store.database.query<{ body: Snapshot }>(
		`select body from workspace_record where kind = 'snapshots' and id = $1`,
		[JSON.stringify([account, TODAY])]
	);
	return row!.body;
}

describeStore(({ fresh }) => {
	describe('the sample from events', () => {
		it('seeds the catalogue and the events, and rolls the last day up from them', async () => {
			const store = await fresh();
			expect(await seedWorkspace(store, SYSTEM, { sample: true, today: TODAY, accounts: 60 })).toBe(
				true
			);

			const features = await store.catalogue.features();
			expect(features).toHaveLength(20);
			expect(features.filter((f) => f.advanced)).toHaveLength(4);
			expect(await store.productEvents.count()).toBe(sampleEvents(generated).length);
			const [source] = await store.eventSources.list();
			expect(source).toMatchObject({ name: SAMPLE_SOURCE });
			expect(source!.revoked_at).not.toBeNull();
			// The catalogue page shows what the product sends but no rule names.
			const unmapped = (await store.catalogue.seenEvents()).filter((e) => !e.mapped);
			expect(unmapped.map((e) => e.event).sort()).toEqual([
				'Help Center Opened',
				'Settings Viewed'
			]);

			const { accounts } = await rollUpUsage(store.database, {
				asOf: TODAY,
				settings: await store.catalogue.settings(),
				people: false
			});
			const withEvents = eventAccounts(generated);
			expect(accounts.map((a) => a.account_id).sort()).toEqual(withEvents.map((a) => a.id).sort());
			for (const usage of accounts) {
				const snapshot = await snapshotOf(store, usage.account_id);
				expect(snapshot.metrics).toMatchObject(accountMetrics(usage, 20));
				// What the account's story alone would not have: people judged dormant by the rollup.
				expect(typeof snapshot.metrics.dormant_users).toBe('number');
			}
			expect(accounts.some((usage) => usage.dormant_people > 0)).toBe(true);

			// An account without events keeps its generated day as it was.
			const other = generated.snapshots.find(
				(s) => s.date === TODAY && !withEvents.some((a) => a.id === s.account_id)
			)!;
			expect(await snapshotOf(store, other.account_id)).toEqual(other);

			// The people the events named are the event accounts' contacts, with their usage.
			const [people] = await store.database.query<{ n: number }>(
				`select count(*)::int as n from workspace_record
				 where kind = 'contacts' and body -> 'metrics' ->> 'dormant' is not null`
			);
			expect(people!.n).toBeGreaterThan(withEvents.length);
		});

		it('stores no event twice on starting over, and none beside a team’s own', async () => {
			const store = await fresh();
			await seedWorkspace(store, SYSTEM, { sample: true, today: TODAY, accounts: 60 });
			const count = await store.productEvents.count();
			await store.published.replace(generated, SYSTEM);
			const again = await seedSampleUsage(store, generated, { today: TODAY, actor: SYSTEM });
			expect(again.events).toBe(0);
			expect(again.accounts).toBe(eventAccounts(generated).length);
			expect(await store.productEvents.count()).toBe(count);

			const team = await fresh();
			const { source } = await team.eventSources.create('Backend', SYSTEM);
			await team.productEvents.store(source.id, [
				{
					message_id: 'm-1',
					type: 'track',
					user_id: 'u-1',
					anonymous_id: null,
					group_id: 'acme',
					event: 'Report Built',
					properties: null,
					traits: null,
					timestamp: `${TODAY}T10:00:00.000Z`
				}
			]);
			await seedWorkspace(team, SYSTEM, { sample: true, today: TODAY, accounts: 60 });
			expect(await team.productEvents.count()).toBe(1);
			expect(await team.catalogue.features()).toEqual([]);
		});
	});
});
