// @vitest-environment node
/**
 * Settings' server part against the real endpoints (in process, the sink for mail): the daily run
 * hour is a workspace setting that publishing carries to the server, and "run now" runs the
 * published plays there and brings the run into the outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEntries, replaceWorkspace, workspaceSettings } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import { appFetch as appFetchFor, freshServerEnv } from '../../../../tests/support/api';
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
	it('publishes the daily run hour with the workspace, and runs the published plays on demand', async () => {
		const db = testDatabase();
		await replaceWorkspace(db, exampleWorkspace());
		const server = new ServerSettings(db, new MailApi(appFetch));
		await server.load();
		expect(server.status).toMatchObject({ transport: 'sink', published: null });
		expect(server.hour).toBeNull();

		await server.setHour(6);
		expect((await workspaceSettings(db)).daily_run_hour).toBe(6);
		await server.publish(() => 'published');
		expect(server.error).toBeNull();
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
	});
});
