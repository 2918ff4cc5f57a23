// @vitest-environment node
/**
 * The server posts a webhook only from its own plan: a request names an entry (key, play,
 * account, action), and the URL and body are the published play's, whatever the caller knows or
 * says. Made-up keys, emails named as webhooks, plays whose `when` is false, approve-mode entries
 * nobody approved are refused; one key asked for twenty times at once is posted once; an address
 * inside the network is refused before connecting.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { planPlays, type Play, type Workspace } from '$lib/engine';
import { call, freshServerEnv } from '../../../../tests/support/api';
import { closeHooks, hook } from '../../../../tests/support/hooks';
import { exampleWorkspace } from '../../../../tests/support/workspace';

const AS_OF = '2026-03-01';
let post: typeof import('./+server').POST;
let publish: typeof import('../workspace/+server').PUT;
let approve: typeof import('../approvals/+server').POST;

beforeAll(async () => {
	freshServerEnv({ WEBHOOK_ALLOW_INTERNAL: '1' });
	({ POST: post } = await import('./+server'));
	({ PUT: publish } = await import('../workspace/+server'));
	({ POST: approve } = await import('../approvals/+server'));
});

afterEach(closeHooks);

afterAll(async () => {
	delete process.env.WEBHOOK_ALLOW_INTERNAL;
	await (await import('$lib/server/mail/service')).resetMailService();
});

function alert(id: string, url: string, over: Partial<Play> = {}): Play {
	return {
		id,
		name: id,
		enabled: true,
		mode: 'auto',
		when: true,
		actions: [{ type: 'webhook', url, body: { text: '{{ account.name }} needs a look' } }],
		cooldown_days: 7,
		...over
	};
}

function withPlays(...plays: Play[]): Workspace {
	return { ...exampleWorkspace(), plays };
}

async function published(workspace: Workspace): Promise<string> {
	const response = await call(publish, '/api/workspace', {
		method: 'PUT',
		body: JSON.stringify(workspace)
	});
	expect(response.status).toBe(200);
	return (await response.json()).published.version;
}

const planned = (workspace: Workspace) =>
	planPlays({ workspace, asOf: AS_OF }).entries.filter((e) => e.status === 'planned');

const named = (entry: {
	key: string;
	play_id: string;
	account_id: string;
	action_index: number;
}) => ({
	key: entry.key,
	play_id: entry.play_id,
	account_id: entry.account_id,
	action_index: entry.action_index
});

async function ask(version: string, entries: unknown[]) {
	const response = await call(post, '/api/webhooks', {
		body: JSON.stringify({ as_of: AS_OF, version, entries })
	});
	expect(response.status).toBe(200);
	return (await response.json()).results as { key: string; status: string; error?: string }[];
}

describe('POST /api/webhooks', () => {
	it('posts the plan’s URL and body once, whatever the request says besides the key', async () => {
		const target = await hook();
		const workspace = withPlays(alert('alert', target.url));
		const version = await published(workspace);
		const entries = planned(workspace);
		expect(entries.map((e) => e.account_id).sort()).toEqual(['acme', 'globex']);
		// A URL and a body in the request are not asked for, and not used.
		const tampered = { ...named(entries[0]!), url: 'http://127.0.0.1:1/evil', body: { x: 1 } };
		const results = await ask(version, [tampered, named(entries[1]!)]);
		expect(results.map((r) => r.status)).toEqual(['sent', 'sent']);
		expect(results[0]).toMatchObject({ http_status: 200, attempts: 1 });
		expect(target.bodies.map((b) => (b as { text: string }).text).sort()).toEqual([
			'Acme Ltd needs a look',
			'Globex needs a look'
		]);
		// Asked again: answered from the ledger, posted no more.
		const again = await ask(version, [named(entries[0]!)]);
		expect(again[0]).toMatchObject({ status: 'sent', replayed: true });
		expect(target.bodies).toHaveLength(2);
	});

	it('refuses what the server’s plan does not hold as a planned webhook', async () => {
		const target = await hook();
		const workspace = withPlays(
			alert('alert', target.url),
			alert('never', target.url, { when: false }),
			{
				...alert('mail', target.url),
				actions: [{ type: 'email', template: 'training-invitation', to: 'contacts' }]
			}
		);
		const version = await published(workspace);
		const [entry] = planned(workspace).filter((e) => e.play_id === 'alert');
		const [email] = planned(workspace).filter((e) => e.play_id === 'mail');
		const results = await ask(version, [
			{ ...named(entry!), key: `${entry!.key}x` },
			{ ...named(entry!), key: entry!.key.replace('alert', 'never'), play_id: 'never' },
			{ ...named(entry!), account_id: entry!.account_id === 'acme' ? 'globex' : 'acme' },
			{ ...named(entry!), action_index: 1 },
			named(email!)
		]);
		expect(results.map((r) => [r.status, r.error])).toEqual([
			['refused', "key: not in the server's plan for this date"],
			['refused', "key: not in the server's plan for this date"],
			['refused', "key: the server's plan has it for another play, account or recipient"],
			['refused', "key: the server's plan has it for another play, account or recipient"],
			['refused', 'key: not a webhook']
		]);
		expect(target.bodies).toEqual([]);
	});

	it('posts an approve-mode entry only once ops approved it on the server', async () => {
		const target = await hook();
		const workspace = withPlays(alert('alert', target.url, { mode: 'approve' }));
		const version = await published(workspace);
		const [entry] = planned(workspace);
		expect((await ask(version, [named(entry!)]))[0]).toMatchObject({
			status: 'refused',
			error: 'key: this play needs an approval by ops first'
		});
		await call(approve, '/api/approvals', {
			body: JSON.stringify({ as_of: AS_OF, version, keys: [entry!.key] })
		});
		expect((await ask(version, [named(entry!)]))[0]!.status).toBe('sent');
		expect(target.bodies).toHaveLength(1);
	});

	it('posts one key asked for twenty times at once once', async () => {
		const target = await hook();
		const workspace = withPlays(alert('alert', target.url));
		const version = await published(workspace);
		const [entry] = planned(workspace);
		const answers = await Promise.all(
			Array.from({ length: 20 }, () => ask(version, [named(entry!)]))
		);
		expect(target.bodies).toHaveLength(1);
		expect(answers.every(([r]) => r!.status === 'sent' || r!.status === 'retry')).toBe(true);
	});

	it('refuses an internal address before connecting and keeps the key free for a fix', async () => {
		const target = await hook();
		const workspace = withPlays(alert('alert', target.url));
		const version = await published(workspace);
		const [entry] = planned(workspace);
		delete process.env.WEBHOOK_ALLOW_INTERNAL;
		try {
			expect((await ask(version, [named(entry!)]))[0]).toEqual({
				key: entry!.key,
				status: 'failed',
				error: 'webhook delivery failed',
				attempts: 0,
				replayed: false
			});
		} finally {
			process.env.WEBHOOK_ALLOW_INTERNAL = '1';
		}
		expect(target.bodies).toEqual([]);
		// The owner allowed it: the same key now goes out.
		expect((await ask(version, [named(entry!)]))[0]!.status).toBe('sent');
		expect(target.bodies).toHaveLength(1);
	});

	it('refuses the old shape naming a URL, and bad entries, with what is wrong', async () => {
		const old = await call(post, '/api/webhooks', {
			body: JSON.stringify({ url: 'https://hooks.example/x', body: {} })
		});
		expect(old.status).toBe(400);
		expect(await old.json()).toEqual({
			error: 'expected { as_of, version, entries: [{ key, play_id, account_id, action_index }] }'
		});
		const bad = await call(post, '/api/webhooks', {
			body: JSON.stringify({ as_of: AS_OF, version: 'x', entries: [{ key: 'k', play_id: 'p' }] })
		});
		expect(await bad.json()).toEqual({ error: 'entries[0].account_id: expected text' });
		const stale = await call(post, '/api/webhooks', {
			body: JSON.stringify({ as_of: AS_OF, version: 'not-it', entries: [] })
		});
		expect(stale.status).toBe(409);
	});
});
