// @vitest-environment node
/**
 * The usage rollup written into the team workspace (`./usage-job.ts`), on both databases: each
 * account's figures as its snapshot for the day, each person's on their contact (matched by the
 * email their `identify` call gave), an account a `group` call named added from its traits, the
 * same rollup twice a change of nothing, and a deleted account left deleted.
 */
import { describe, expect, it } from 'vitest';
import type { Account, Contact, Snapshot } from '$lib/engine';
import { emailRecipients } from '$lib/engine/plays/recipients';
import { SYSTEM } from '../store/audit';
import { describeStore } from '../store/fixture';
import type { RecordKind } from '../../sync/protocol';
import type { Store } from '../store/store';
import type { IngestedEvent } from './spec';
import { latestRollup } from './rollup-days';
import { rollUp } from './usage-job';

const DAY = '2026-12-03';
const at = (days: number, minutes = 0) =>
	new Date(Date.parse(`${DAY}T12:00:00.000Z`) - days * 86_400_000 + minutes * 60_000).toISOString();

let n = 0;
const event = (fields: Partial<IngestedEvent> & Pick<IngestedEvent, 'type'>): IngestedEvent => ({
	message_id: `job-${n++}`,
	user_id: null,
	anonymous_id: null,
	group_id: null,
	event: null,
	properties: null,
	traits: null,
	timestamp: at(0),
	...fields
});

const EVENTS: IngestedEvent[] = [
	// Acme is in the workspace; Ana is its contact, whose email differs in case.
	event({
		type: 'identify',
		user_id: 'u-ana',
		traits: { email: 'ANA@acme.example' },
		timestamp: at(50)
	}),
	event({ type: 'group', user_id: 'u-ana', group_id: 'acme', timestamp: at(50) }),
	...[0, 1, 2].map((days) =>
		event({ type: 'track', user_id: 'u-ana', event: 'Report Built', timestamp: at(days) })
	),
	// Bo, of Acme, identified but last active 200 days ago: dormant, a new contact.
	event({
		type: 'identify',
		user_id: 'u-bo',
		traits: { email: 'bo@acme.example', name: 'Bo Berg' },
		timestamp: at(300)
	}),
	event({
		type: 'track',
		user_id: 'u-bo',
		group_id: 'acme',
		event: 'Report Built',
		timestamp: at(200)
	}),
	// Initech is new: its group call's traits make the account.
	event({
		type: 'group',
		user_id: 'u-cy',
		group_id: 'initech',
		traits: { name: 'Initech', segment: 'scale', seats: 12, plan: 'pro', arr: 9000 },
		timestamp: at(10)
	}),
	event({ type: 'track', user_id: 'u-cy', event: 'Report Built', timestamp: at(3) }),
	// Umbrella's people act, but the team deleted the account.
	event({ type: 'group', user_id: 'u-di', group_id: 'umbrella', traits: { name: 'Umbrella' } }),
	event({ type: 'track', user_id: 'u-di', event: 'Report Built' })
];

async function seed(store: Store): Promise<void> {
	const acme: Account = {
		id: 'acme',
		name: 'Acme',
		segment: 'scale',
		facts: { seats_purchased: 5 }
	};
	const ana: Contact = { id: 'c-ana', account_id: 'acme', email: 'ana@acme.example', name: 'Ana' };
	const older: Snapshot = { account_id: 'acme', date: DAY, metrics: { nps: 9 } };
	await store.published.records.locked(async (locked) => {
		await locked.write(
			[
				{ kind: 'accounts', id: 'acme', body: acme },
				{ kind: 'accounts', id: 'umbrella', body: null },
				{ kind: 'contacts', id: 'c-ana', body: ana },
				{ kind: 'snapshots', id: JSON.stringify(['acme', DAY]), body: older }
			],
			{ actor: SYSTEM, client: null }
		);
		await locked.finish();
	});
	const { source } = await store.eventSources.create('Product', SYSTEM);
	await store.productEvents.store(source.id, EVENTS);
	await store.catalogue.saveFeature({ id: 'reports', name: 'Reports' });
	await store.catalogue.saveFeature({ id: 'alerts', name: 'Alerts' });
	await store.catalogue.saveRule({ event: 'Report Built', feature_id: 'reports' });
	// Two tickets at Acme, one still open, answered in 2 and 4 hours.
	await store.tickets.upsert(source.id, [
		{
			ticket_id: 't-1',
			account_id: 'acme',
			opened_at: at(5),
			first_response_at: at(5, 120),
			closed_at: at(4),
			priority: 'high',
			subject: 'Export broken',
			body: 'The export is broken and we are frustrated.'
		},
		{
			ticket_id: 't-2',
			account_id: 'acme',
			opened_at: at(1),
			first_response_at: at(1, 240),
			closed_at: null,
			priority: null,
			subject: 'Great reports',
			body: 'We love the new reports, excellent work.'
		}
	]);
}

const bodies = (store: Store, kind: RecordKind, ids: string[]) =>
	store.published.records.locked((locked) => locked.bodies(kind, ids));

describeStore(({ fresh }) => {
	describe('the usage rollup', () => {
		it('writes snapshots, contacts and new accounts, once', async () => {
			const store = await fresh();
			await seed(store);
			const result = await rollUp(store, { today: DAY });
			expect(result).toEqual({
				days: [DAY],
				accounts: 2,
				// Ana and Bo; Cy gave no email.
				people: 2,
				added: { accounts: 1, contacts: 1 }
			});

			const snapshots = await bodies(store, 'snapshots', [
				JSON.stringify(['acme', DAY]),
				JSON.stringify(['initech', DAY]),
				JSON.stringify(['umbrella', DAY])
			]);
			const acme = snapshots.get(JSON.stringify(['acme', DAY])) as Snapshot;
			// What was there stays; the usage joins it.
			expect(acme.metrics).toMatchObject({
				nps: 9,
				users_total: 2,
				seats_active: 1,
				dormant_users: 1,
				active_days_30d: 3,
				days_since_last_login: 0,
				features_used: 1,
				features_available: 2,
				events_per_active_day: 1,
				open_tickets: 1,
				tickets_30d: 2,
				// Two tickets in 30 days, one active seat.
				tickets_per_active_seat: 2,
				first_response_hours: 3
			});
			expect(acme.metrics.ticket_sentiment).toEqual(expect.any(Number));
			expect(snapshots.has(JSON.stringify(['umbrella', DAY]))).toBe(false);

			const accounts = await bodies(store, 'accounts', ['initech', 'umbrella']);
			expect(accounts.get('initech')).toEqual({
				id: 'initech',
				name: 'Initech',
				segment: 'scale',
				arr: 9000,
				facts: { seats_purchased: 12, plan: 'pro' }
			});
			expect(accounts.get('umbrella')).toBeNull();

			const contacts = await bodies(store, 'contacts', ['c-ana', 'u-bo', 'u-cy']);
			const ana = contacts.get('c-ana') as Contact;
			expect(ana).toMatchObject({
				name: 'Ana',
				email: 'ana@acme.example',
				last_seen: at(0),
				metrics: { active_days_30d: 3, features_used: 1, dormant: false, power_user: false }
			});
			const bo = contacts.get('u-bo') as Contact;
			expect(bo).toMatchObject({
				account_id: 'acme',
				email: 'bo@acme.example',
				name: 'Bo Berg',
				last_seen: at(200),
				metrics: { dormant: true }
			});
			// Cy gave no email: no contact, though Initech counts them.
			expect(contacts.has('u-cy')).toBe(false);

			// A play emailing dormant users reaches Bo, not Ana.
			expect(
				emailRecipients(
					'dormant_users',
					{ id: 'acme', name: 'Acme', segment: 'scale' },
					[ana, bo],
					DAY
				).map((recipient) => recipient.address)
			).toEqual(['bo@acme.example']);

			expect(await latestRollup(store.database)).toMatchObject({
				day: DAY,
				accounts: 2,
				people: 2
			});
			const revision = (await store.published.records.head()).revision;
			await rollUp(store, { today: DAY });
			expect((await store.published.records.head()).revision).toBe(revision);
		});

		it('rolls up past days into history without touching the contacts', async () => {
			const store = await fresh();
			await seed(store);
			await rollUp(store, { today: DAY });
			const before = await bodies(store, 'contacts', ['c-ana']);
			const result = await rollUp(store, { days: ['2026-11-30', '2026-12-01'], today: DAY });
			expect(result.days).toEqual(['2026-11-30', '2026-12-01']);
			const history = await bodies(store, 'snapshots', [JSON.stringify(['acme', '2026-12-01'])]);
			expect(
				(history.get(JSON.stringify(['acme', '2026-12-01'])) as Snapshot).metrics
			).toMatchObject({
				// Ana's events of two and three days before DAY, by then the 1st and 2nd of December.
				active_days_30d: 1,
				days_since_last_login: 0
			});
			expect(await bodies(store, 'contacts', ['c-ana'])).toEqual(before);
		});

		it('leaves a workspace no source sends to as it is', async () => {
			const store = await fresh();
			const revision = (await store.published.records.head()).revision;
			expect(await rollUp(store, { today: DAY })).toMatchObject({ days: [], accounts: 0 });
			expect((await store.published.records.head()).revision).toBe(revision);
			expect(await latestRollup(store.database)).toBeNull();
		});
	});
});
