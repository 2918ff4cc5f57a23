/**
 * Spec conformance: Segment's own Node library (`@segment/analytics-node`) sends identify, group
 * and track calls to the running server, pointed at it by `host` and `path` alone, with a write key
 * the owner created; the events it retries or resends are stored once, and a wrong key's are
 * refused (the library reports the delivery failure). And a server killed in the middle of batches
 * loses none it acknowledged and stores each once when the sender sends everything again.
 */
import { rm } from 'node:fs/promises';
import { Analytics } from '@segment/analytics-node';
import { describe, expect, inject, it } from 'vitest';
import { setUpOwner, startAppServer } from './global-setup';

const baseURL = inject('baseURL');
const { cookie } = inject('owner');
const asOwner = {
	cookie: `${cookie.name}=${encodeURIComponent(cookie.value)}`,
	origin: baseURL,
	'content-type': 'application/json'
};

async function sourceCount(id: string, at = baseURL, headers = asOwner): Promise<number> {
	const response = await fetch(`${at}/api/event-sources`, { headers });
	const { sources } = (await response.json()) as { sources: { id: string; events: number }[] };
	return sources.find((source) => source.id === id)!.events;
}

function client(writeKey: string) {
	const analytics = new Analytics({
		writeKey,
		host: baseURL,
		path: '/api/v1/batch',
		flushAt: 10,
		flushInterval: 200,
		maxRetries: 1
	});
	const failures: unknown[] = [];
	analytics.on('error', (error) => failures.push(error));
	return { analytics, failures };
}

describe('the events API, as Segment’s Node library calls it', () => {
	it('stores what the library sends once, and the library hears of a wrong key', async () => {
		const created = await fetch(`${baseURL}/api/event-sources`, {
			method: 'POST',
			headers: asOwner,
			body: JSON.stringify({ name: 'Backend (Node library)' })
		});
		expect(created.status).toBe(201);
		const { source, write_key } = (await created.json()) as {
			source: { id: string };
			write_key: string;
		};

		const { analytics, failures } = client(write_key);
		analytics.identify({ userId: 'u-ana', traits: { email: 'ana@acme.example', name: 'Ana' } });
		analytics.group({ userId: 'u-ana', groupId: 'acme', traits: { name: 'Acme Ltd' } });
		analytics.track({
			userId: 'u-ana',
			event: 'Report Exported',
			properties: { format: 'csv' },
			context: { groupId: 'acme' }
		});
		// The same event twice (a retry by the sender's own code): stored once.
		for (let i = 0; i < 2; i++)
			analytics.track({ userId: 'u-ana', event: 'Dashboard Viewed', messageId: 'dashboard-1' });
		analytics.page({ anonymousId: 'visitor-1', name: 'Pricing' });
		await analytics.closeAndFlush({ timeout: 10_000 });
		expect(failures).toEqual([]);
		expect(await sourceCount(source.id)).toBe(5);

		const wrong = client('sc_not-this-servers-key');
		wrong.analytics.track({ userId: 'u-ana', event: 'Login' });
		await wrong.analytics.closeAndFlush({ timeout: 10_000 });
		expect(wrong.failures).toEqual([expect.objectContaining({ code: 'delivery_failure' })]);
		expect(await sourceCount(source.id)).toBe(5);
	});
});

describe('the events API when the server is killed mid-batch', () => {
	it('keeps every event it acknowledged, and stores each once when all are sent again', async () => {
		const first = await startAppServer();
		const folder = first.dataDir;
		let second: Awaited<ReturnType<typeof startAppServer>> | null = null;
		try {
			const cookie = await setUpOwner(first.baseURL);
			const owner = (at: string) => ({
				cookie: `${cookie.name}=${encodeURIComponent(cookie.value)}`,
				origin: at,
				'content-type': 'application/json'
			});
			const created = await fetch(`${first.baseURL}/api/event-sources`, {
				method: 'POST',
				headers: owner(first.baseURL),
				body: JSON.stringify({ name: 'Crash test' })
			});
			const { source, write_key } = (await created.json()) as {
				source: { id: string };
				write_key: string;
			};
			const authorization = `Basic ${Buffer.from(`${write_key}:`).toString('base64')}`;
			const batches = Array.from({ length: 40 }, (_, b) =>
				JSON.stringify({
					batch: Array.from({ length: 250 }, (_, i) => ({
						type: 'track',
						messageId: `crash-${b}-${i}`,
						userId: `u-${i % 25}`,
						event: 'Report Exported',
						context: { groupId: `acc-${b}` }
					}))
				})
			);
			const post = (at: string, body: string) =>
				fetch(`${at}/api/v1/batch`, {
					method: 'POST',
					headers: { authorization, 'content-type': 'application/json' },
					body
				});

			// Two senders; the server is killed (no chance to finish anything) after the 6th answer.
			const acknowledged = new Set<number>();
			let next = 0;
			const sender = async () => {
				while (next < batches.length) {
					const b = next++;
					try {
						const response = await post(first.baseURL, batches[b]!);
						if (response.status === 200) acknowledged.add(b);
						if (acknowledged.size === 6) process.kill(-first.pid, 'SIGKILL');
					} catch {
						return;
					}
				}
			};
			await Promise.all([sender(), sender()]);
			expect(acknowledged.size).toBeGreaterThanOrEqual(6);
			expect(acknowledged.size).toBeLessThan(batches.length);

			second = await startAppServer({ SCORECRAFT_DATA: folder });
			// Every event acknowledged before the kill is there.
			const kept = await sourceCount(source.id, second.baseURL, owner(second.baseURL));
			expect(kept).toBeGreaterThanOrEqual(acknowledged.size * 250);
			// The sender cannot know what the rest became: it sends everything again.
			for (const body of batches) expect((await post(second.baseURL, body)).status).toBe(200);
			expect(await sourceCount(source.id, second.baseURL, owner(second.baseURL))).toBe(
				batches.length * 250
			);
		} finally {
			await second?.stop();
			await first.stop();
			await rm(folder, { recursive: true, force: true });
		}
	});
});
