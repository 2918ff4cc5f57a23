// @vitest-environment node
/**
 * Settings' server part against the real endpoints (in process, the sink for mail), from a
 * browser's replica of the team workspace: the daily run hour is a workspace setting that reaches
 * the server through the replica, and "run now" runs the plays there and brings the run into the
 * outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEntries, workspaceSettings } from '$lib/db';
import { appFetch as appFetchFor, freshServerEnv } from '../../../../tests/support/api';
import { publishTo, replicaOf } from '../../../../tests/support/replica';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { MailApi } from './api';
import { ServerSettings } from './server-settings.svelte';

let appFetch: typeof fetch;

beforeAll(async () => {
	// The app runs and delivers as of the clock's today: so does the server here.
	freshServerEnv({ SCORECRAFT_TODAY: new Date().toISOString().slice(0, 10) });
	appFetch = await appFetchFor();
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

describe('ServerSettings', () => {
	it('carries the daily run hour to the server through the replica, and runs the plays there on demand', async () => {
		await publishTo(appFetch, exampleWorkspace());
		const replica = await replicaOf(appFetch);
		const db = replica.db;
		const server = new ServerSettings(db, new MailApi(appFetch));
		await server.load();
		expect(server.status).toMatchObject({ transport: 'sink', published: { accounts: 2 } });
		expect(server.hour).toBeNull();

		await server.setHour(6);
		expect((await workspaceSettings(db)).daily_run_hour).toBe(6);
		await replica.sync();
		await server.load();
		expect(server.status?.published).toMatchObject({ daily_run_hour: 6, accounts: 2 });

		await server.runNow((counts) => `sent ${counts.sent}`);
		expect(server.error).toBeNull();
		expect(server.message).toMatch(/^sent [1-9]/);
		// The server's run is in the outbox, its emails recorded as sent (the server's ledger answered).
		const emails = (await outboxEntries(db)).filter((e) => e.action === 'email');
		expect(emails.length).toBeGreaterThan(0);
		expect(emails.filter((e) => e.status !== 'suppressed').every((e) => e.status === 'sent')).toBe(
			true
		);

		await server.setHour(null);
		expect((await workspaceSettings(db)).daily_run_hour).toBeUndefined();
		replica.stop();
	});
});
