// @vitest-environment node
/** Event sources and their events (`./event-sources.ts`, `./product-events.ts`), on both databases. */
import { describe, expect, it } from 'vitest';
import type { IngestedEvent } from '../events/spec';
import { describeStore } from './fixture';

const event = (message_id: string, extra: Partial<IngestedEvent> = {}): IngestedEvent => ({
	message_id,
	type: 'track',
	user_id: 'u-1',
	anonymous_id: null,
	group_id: 'acme',
	event: 'Login',
	properties: { plan: 'scale', nested: { seats: 3 } },
	traits: null,
	timestamp: '2026-12-01T09:00:00.000Z',
	...extra
});

describeStore(({ fresh, user }) => {
	describe('EventSources and ProductEvents', () => {
		it('keeps a hash of the key only, finds the source by its key until it is revoked, and stores each event once', async () => {
			const store = await fresh();
			const owner = await user('olivia@team.example');
			const { source, writeKey } = await store.eventSources.create('Segment', owner);
			expect(writeKey).toMatch(/^sc_[A-Za-z0-9_-]{43}$/);
			expect(source).toMatchObject({
				name: 'Segment',
				key_hint: writeKey.slice(-4),
				revoked_at: null
			});
			const [held] = await store.database.query<{ key_hash: string }>(
				'select key_hash from event_source'
			);
			expect(held!.key_hash).not.toContain(writeKey.slice(3, 20));

			expect(await store.eventSources.sender(writeKey)).toEqual({ id: source.id, name: 'Segment' });
			expect(await store.eventSources.sender(`${writeKey}x`)).toBeNull();

			// Two events, one of them twice in the same request, then the same request again.
			const events = [
				event('m-1'),
				event('m-2', { type: 'identify', event: null, traits: { email: 'ana@acme.example' } }),
				event('m-1')
			];
			expect(await store.productEvents.store(source.id, events)).toBe(2);
			expect(await store.productEvents.store(source.id, events)).toBe(0);
			const rows = await store.database.query<{
				message_id: string;
				properties: unknown;
				traits: unknown;
				timestamp: Date;
			}>('select message_id, properties, traits, timestamp from product_event order by message_id');
			expect(
				rows.map((row) => [
					row.message_id,
					row.properties,
					row.traits,
					new Date(row.timestamp).toISOString()
				])
			).toEqual([
				['m-1', { plan: 'scale', nested: { seats: 3 } }, null, '2026-12-01T09:00:00.000Z'],
				[
					'm-2',
					{ plan: 'scale', nested: { seats: 3 } },
					{ email: 'ana@acme.example' },
					'2026-12-01T09:00:00.000Z'
				]
			]);

			expect(await store.eventSources.revoke(source.id)).toMatchObject({
				revoked_at: expect.any(String),
				events: 2
			});
			expect(await store.eventSources.sender(writeKey)).toBeNull();
			expect(await store.eventSources.list()).toEqual([
				expect.objectContaining({
					id: source.id,
					events: 2,
					created_by_email: 'olivia@team.example'
				})
			]);
			expect(await store.eventSources.revoke('00000000-0000-4000-8000-000000000000')).toBeNull();
		});
	});
});
