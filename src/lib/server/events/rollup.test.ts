// @vitest-environment node
/** The usage rollups (`./rollup.ts`) on hand-made events with known answers, on both databases. */
import { describe, expect, it } from 'vitest';
import { describeStore } from '../store/fixture';
import { SYSTEM } from '../store/audit';
import type { Store } from '../store/store';
import { rollUpUsage, type RollupOptions } from './rollup';
import type { IngestedEvent } from './spec';

const AS_OF = '2026-12-03';
/** `minutes` past midday UTC, `days` before AS_OF (negative: after it). */
const daysAgo = (days: number, minutes = 0) =>
	new Date(
		Date.parse(`${AS_OF}T12:00:00.000Z`) - days * 86_400_000 + minutes * 60_000
	).toISOString();

let n = 0;
function event(
	type: IngestedEvent['type'],
	user: string | null,
	days: number,
	extra: Partial<IngestedEvent> & { minutes?: number } = {}
): IngestedEvent {
	const { minutes, ...fields } = extra;
	return {
		message_id: `m-${n++}`,
		type,
		user_id: user,
		anonymous_id: user === null ? 'visitor' : null,
		group_id: null,
		event: type === 'track' ? 'Feature 1 Used' : null,
		properties: null,
		traits: null,
		timestamp: daysAgo(days, minutes),
		...fields
	};
}

const used = (
	user: string,
	days: number,
	name: string,
	extra: Partial<IngestedEvent> & { minutes?: number } = {}
) => event('track', user, days, { event: name, ...extra });

const EVENTS: IngestedEvent[] = [
	// Ana, of Acme by her group call, active on 3 of the last 30 days, in 4 sessions, using 4 of
	// the 20 features (one advanced), and completing one workflow; also 40 days ago.
	event('group', 'ana', 100, { group_id: 'acme' }),
	used('ana', 1, 'Feature 1 Used', { group_id: 'globex' }),
	used('ana', 1, 'Report Exported', { minutes: 10, properties: { format: 'pdf' } }),
	used('ana', 1, 'Workflow Completed', { minutes: 50 }),
	event('page', 'ana', 5, { event: 'Dashboard' }),
	used('ana', 20, 'Report Exported', { properties: { format: 'csv' } }),
	used('ana', 20, 'Feature 4 Used', { minutes: 5 }),
	used('ana', 40, 'Feature 2 Used'),
	// Tomorrow's does not count today.
	used('ana', -1, 'Feature 3 Used'),
	// Eve, of Acme: a power user, active on 20 of the last 30 days with 10 features and an integration.
	...Array.from({ length: 20 }, (_, day) =>
		used('eve', day, `Feature ${(day % 10) + 1} Used`, { group_id: 'acme' })
	),
	used('eve', 2, 'Integration Connected', { minutes: 5, properties: { kind: 'slack' } }),
	// Bo, of Acme by his events' context: last seen 181 days ago, dormant.
	used('bo', 181, 'Feature 1 Used', { group_id: 'acme' }),
	// Cy, of Globex: last seen 179 days ago, not dormant yet.
	used('cy', 179, 'Feature 1 Used', { group_id: 'globex' }),
	// Di, of Globex, identified but never active: dormant.
	event('identify', 'di', 10, { traits: { email: 'di@globex.example' } }),
	event('group', 'di', 10, { group_id: 'globex' }),
	// A visitor is nobody's.
	event('page', null, 2, { group_id: 'acme' })
];

const personUsage = async (db: Store['database'], options: RollupOptions) =>
	(await rollUpUsage(db, options)).people;
const accountUsage = async (db: Store['database'], options: RollupOptions) =>
	(await rollUpUsage(db, { ...options, people: false })).accounts;

/** Twenty features, the 19th advanced and the 20th an integration, and the rules that map events. */
async function catalogue(store: Store): Promise<void> {
	for (let i = 1; i <= 20; i++)
		await store.catalogue.saveFeature({
			id: `f${String(i).padStart(2, '0')}`,
			name: `Feature ${i}`,
			advanced: i === 19,
			integration: i === 20
		});
	for (let i = 1; i <= 18; i++)
		await store.catalogue.saveRule({
			event: `Feature ${i} Used`,
			feature_id: `f${String(i).padStart(2, '0')}`
		});
	// A property's value picks the feature; the name alone is the fallback.
	await store.catalogue.saveRule({ event: 'Report Exported', feature_id: 'f05' });
	await store.catalogue.saveRule({
		event: 'Report Exported',
		property: 'format',
		value: 'pdf',
		feature_id: 'f19'
	});
	await store.catalogue.saveRule({
		event: 'Integration Connected',
		property: 'kind',
		value: 'slack',
		feature_id: 'f20'
	});
	await store.catalogue.saveRule({ event: 'Workflow Completed', completion: true });
}

describeStore(({ fresh }) => {
	describe('usage rollups', () => {
		it('counts each person’s days, sessions, features, workflows, dormancy and power', async () => {
			const store = await fresh();
			const { source } = await store.eventSources.create('Test', SYSTEM);
			await store.productEvents.store(source.id, EVENTS);
			await catalogue(store);

			const people = await personUsage(store.database, { asOf: AS_OF });
			expect(people.map((p) => [p.account_id, p.user_id])).toEqual([
				['acme', 'ana'],
				['acme', 'bo'],
				['acme', 'eve'],
				['globex', 'cy'],
				['globex', 'di']
			]);
			expect(people[0]).toEqual({
				user_id: 'ana',
				account_id: 'acme',
				active_days_7: 2,
				active_days_30: 3,
				active_days_90: 4,
				last_seen: daysAgo(1, 50),
				days_since_seen: 1,
				// 12:00 and 12:10 on day 1 are one session; 12:50 starts another; days 5 and 20.
				sessions_30: 4,
				events_30: 6,
				// Breadth: 4 of the 20 (f01, f19 by the pdf rule, f05 by the name alone, f04).
				features_30: 4,
				advanced_features_30: 1,
				workflows_30: 1,
				integrations_30: 0,
				dormant: false,
				power_user: false
			});
			expect(people[1]).toMatchObject({ user_id: 'bo', days_since_seen: 181, dormant: true });
			expect(people[2]).toMatchObject({
				user_id: 'eve',
				active_days_30: 20,
				sessions_30: 20,
				features_30: 11,
				integrations_30: 1,
				power_user: true
			});
			expect(people[3]).toMatchObject({ user_id: 'cy', days_since_seen: 179, dormant: false });
			expect(people[4]).toMatchObject({
				user_id: 'di',
				active_days_90: 0,
				last_seen: null,
				days_since_seen: null,
				dormant: true,
				power_user: false
			});

			expect(await accountUsage(store.database, { asOf: AS_OF })).toEqual([
				{
					account_id: 'acme',
					people: 3,
					active_people_30: 2,
					dormant_people: 1,
					power_users: 1,
					active_days_7: 7,
					active_days_30: 21,
					active_days_90: 22,
					active_days_per_person_30: 11.5,
					days_since_seen: 0,
					sessions_30: 24,
					events_30: 27,
					feature_events_30: 25,
					features_30: 12,
					advanced_features_30: 1,
					workflows_30: 1,
					integrations_30: 1
				},
				{
					account_id: 'globex',
					people: 2,
					active_people_30: 0,
					dormant_people: 1,
					power_users: 0,
					active_days_7: 0,
					active_days_30: 0,
					active_days_90: 0,
					active_days_per_person_30: null,
					days_since_seen: 179,
					sessions_30: 0,
					events_30: 0,
					feature_events_30: 0,
					features_30: 0,
					advanced_features_30: 0,
					workflows_30: 0,
					integrations_30: 0
				}
			]);
		});

		it('moves dormancy and power with the day and the team’s thresholds', async () => {
			const store = await fresh();
			const { source } = await store.eventSources.create('Test', SYSTEM);
			await store.productEvents.store(source.id, EVENTS);
			await catalogue(store);
			// Two days later Cy is dormant too; the team's own threshold moves it.
			const later = await personUsage(store.database, { asOf: '2026-12-05' });
			expect(later.find((p) => p.user_id === 'cy')).toMatchObject({
				days_since_seen: 181,
				dormant: true
			});
			const strict = await personUsage(store.database, {
				asOf: AS_OF,
				settings: { dormant_days: 30 }
			});
			expect(strict.filter((p) => p.dormant).map((p) => p.user_id)).toEqual(['bo', 'cy', 'di']);
			// Ana is a power user for a team asking 3 active days and a fifth of the features.
			const lenient = await personUsage(store.database, {
				asOf: AS_OF,
				settings: { power_user_days: 3, power_user_breadth: 0.2 }
			});
			expect(lenient.filter((p) => p.power_user).map((p) => p.user_id)).toEqual(['ana', 'eve']);
			// Without a catalogue, active days alone make a power user.
			const empty = await fresh();
			const other = await empty.eventSources.create('Test', SYSTEM);
			await empty.productEvents.store(other.source.id, EVENTS);
			const bare = await personUsage(empty.database, { asOf: AS_OF });
			expect(bare.filter((p) => p.power_user).map((p) => p.user_id)).toEqual(['eve']);
			expect(bare.find((p) => p.user_id === 'ana')).toMatchObject({ features_30: 0 });
		});
	});
});
