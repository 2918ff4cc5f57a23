// @vitest-environment node
/** The usage rollups (`./rollup.ts`) on hand-made events with known answers, on both databases. */
import { describe, expect, it } from 'vitest';
import { describeStore } from '../store/fixture';
import { SYSTEM } from '../store/audit';
import { accountActivity, personActivity } from './rollup';
import type { IngestedEvent } from './spec';

const AS_OF = '2026-12-03';
/** Midday UTC, `days` before AS_OF (negative: after it). */
const daysAgo = (days: number) =>
	new Date(Date.parse(`${AS_OF}T12:00:00.000Z`) - days * 86_400_000).toISOString();

let n = 0;
function event(
	type: IngestedEvent['type'],
	user: string | null,
	days: number,
	extra: Partial<IngestedEvent> = {}
): IngestedEvent {
	return {
		message_id: `m-${n++}`,
		type,
		user_id: user,
		anonymous_id: user === null ? 'visitor' : null,
		group_id: null,
		event: type === 'track' ? 'Report Exported' : null,
		properties: null,
		traits: null,
		timestamp: daysAgo(days),
		...extra
	};
}

const EVENTS: IngestedEvent[] = [
	// Ana, of Acme by her group call, active on 3 of the last 30 days (twice on one), and 40 days ago.
	event('group', 'ana', 100, { group_id: 'acme' }),
	event('track', 'ana', 1, { group_id: 'globex' }),
	event('track', 'ana', 1),
	event('page', 'ana', 5),
	event('track', 'ana', 20),
	event('track', 'ana', 40),
	// Tomorrow's does not count today.
	event('track', 'ana', -1),
	// Bo, of Acme by his events' context: last seen 181 days ago, dormant.
	event('track', 'bo', 181, { group_id: 'acme' }),
	// Cy, of Globex: last seen 179 days ago, not dormant yet.
	event('track', 'cy', 179, { group_id: 'globex' }),
	// Di, of Globex, identified but never active: dormant.
	event('identify', 'di', 10, { traits: { email: 'di@globex.example' } }),
	event('group', 'di', 10, { group_id: 'globex' }),
	// A visitor is nobody's.
	event('page', null, 2, { group_id: 'acme' })
];

describeStore(({ fresh }) => {
	describe('usage rollups', () => {
		it('counts each person’s active days, last seen and dormancy, and each account’s people', async () => {
			const store = await fresh();
			const { source } = await store.eventSources.create('Test', SYSTEM);
			await store.productEvents.store(source.id, EVENTS);

			expect(await personActivity(store.database, { asOf: AS_OF })).toEqual([
				{
					user_id: 'ana',
					account_id: 'acme',
					active_days_7: 2,
					active_days_30: 3,
					active_days_90: 4,
					days_since_seen: 1,
					dormant: false
				},
				expect.objectContaining({
					user_id: 'bo',
					account_id: 'acme',
					days_since_seen: 181,
					dormant: true
				}),
				expect.objectContaining({
					user_id: 'cy',
					account_id: 'globex',
					days_since_seen: 179,
					dormant: false
				}),
				expect.objectContaining({
					user_id: 'di',
					account_id: 'globex',
					active_days_90: 0,
					days_since_seen: null,
					dormant: true
				})
			]);
			expect(await accountActivity(store.database, { asOf: AS_OF })).toEqual([
				{
					account_id: 'acme',
					people: 2,
					active_people_30: 1,
					dormant_people: 1,
					active_days_30: 3,
					days_since_seen: 1
				},
				{
					account_id: 'globex',
					people: 2,
					active_people_30: 0,
					dormant_people: 1,
					active_days_30: 0,
					days_since_seen: 179
				}
			]);
			// Two days later Cy is dormant too; the team's own threshold moves it.
			const later = await personActivity(store.database, { asOf: '2026-12-05' });
			expect(later.find((p) => p.user_id === 'cy')).toMatchObject({
				days_since_seen: 181,
				dormant: true
			});
			const strict = await personActivity(store.database, { asOf: AS_OF, dormantDays: 30 });
			expect(strict.filter((p) => p.dormant).map((p) => p.user_id)).toEqual(['bo', 'cy', 'di']);
		});
	});
});
