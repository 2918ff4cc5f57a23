// @vitest-environment node
/**
 * A CSV file of past events (`POST /api/events/import`) and the rollup asked for its days
 * (`POST /api/usage/rollup`): the valid rows stored, the others named by row, the same file twice
 * storing nothing new, and the days it covers rolled up into the accounts' snapshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '$lib/engine';
import type { Store } from '$lib/server/store/store';
import { call, freshServerEnv } from '../../../../../tests/support/api';

let importEvents: typeof import('./+server').POST;
let rollup: typeof import('../../usage/rollup/+server').POST;
let store: Store;
let sourceId: string;

beforeAll(async () => {
	freshServerEnv({ SCORECRAFT_TODAY: '2026-12-03' });
	({ POST: importEvents } = await import('./+server'));
	({ POST: rollup } = await import('../../usage/rollup/+server'));
	({ store } = await (await import('$lib/server/mail/server')).mailServer());
	({
		source: { id: sourceId }
	} = await store.eventSources.create('History', { id: null, email: 'owner@example.com' }));
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

const CSV = [
	'type,user_id,group_id,event,timestamp,properties,traits',
	'group,u-1,acme,,2026-11-01T09:00:00Z,,"{""name"":""Acme"",""segment"":""scale""}"',
	'track,u-1,acme,Report Built,2026-11-20T09:00:00Z,"{""format"":""pdf""}",',
	'track,u-1,acme,Report Built,2026-11-21T09:00:00Z,,',
	'track,,acme,Report Built,2026-11-21T10:00:00Z,,',
	'track,u-1,acme,Report Built,yesterday,,',
	'track,u-1,acme,Report Built,2026-11-22T09:00:00Z,{not json,'
].join('\n');

const upload = (csv: string, source = sourceId) =>
	call(importEvents, `/api/events/import?source=${source}`, {
		body: csv,
		headers: { 'content-type': 'text/csv' }
	});

describe('a CSV file of past events', () => {
	it('stores the valid rows once, names the others, and rolls up the days they cover', async () => {
		const first = await upload(CSV);
		expect(first.status).toBe(200);
		expect(await first.json()).toEqual({
			source_id: sourceId,
			rows: 6,
			stored: 3,
			duplicates: 0,
			refused: 3,
			errors: [
				{ row: 5, reason: 'userId or anonymousId is required' },
				{ row: 6, reason: 'timestamp is not an ISO 8601 date' },
				{ row: 7, reason: expect.stringContaining('properties is not JSON') }
			],
			from: '2026-11-01',
			to: '2026-11-21'
		});
		expect(await (await upload(CSV)).json()).toMatchObject({ stored: 0, duplicates: 3 });
		expect(await store.productEvents.count(sourceId)).toBe(3);

		const rolled = await call(rollup, '/api/usage/rollup', {
			body: JSON.stringify({ from: '2026-11-20', to: '2026-11-21' })
		});
		expect(rolled.status).toBe(200);
		expect(await rolled.json()).toMatchObject({
			days: ['2026-11-20', '2026-11-21'],
			accounts: 1,
			added: { accounts: 1, contacts: 0 }
		});
		const snapshots = await store.published.records.locked((locked) =>
			locked.bodies('snapshots', [JSON.stringify(['acme', '2026-11-21'])])
		);
		expect(
			(snapshots.get(JSON.stringify(['acme', '2026-11-21'])) as Snapshot).metrics
		).toMatchObject({ active_days_30d: 2, seats_active: 1, events_30d: 2 });
	});

	it('refuses a file that is not events, an unknown source, and a rollup of bad days', async () => {
		const noType = await upload('user_id,timestamp\nu-1,2026-11-01T00:00:00Z');
		expect(noType.status).toBe(400);
		expect((await noType.json()).error).toContain('no type column');
		const unknown = await upload(CSV, '00000000-0000-0000-0000-000000000000');
		expect(unknown.status).toBe(400);
		expect((await unknown.json()).error).toContain('is not a live source');
		// Without a source, the uploads' own, made once.
		const own = await call(importEvents, '/api/events/import', { body: CSV });
		const { source_id } = (await own.json()) as { source_id: string };
		expect((await store.eventSources.list()).find((s) => s.id === source_id)?.name).toBe(
			'Event uploads'
		);
		const backwards = await call(rollup, '/api/usage/rollup', {
			body: JSON.stringify({ from: '2026-11-21', to: '2026-11-20' })
		});
		expect(backwards.status).toBe(400);
		expect((await backwards.json()).error).toContain('from no later than to');
	});
});
