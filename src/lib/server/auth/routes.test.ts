// @vitest-environment node
/**
 * Every route × every kind of caller → what the server's hook answers: anonymous, each role, a
 * session of another Scorecraft instance, forged cookies and headers. Real sessions, made by
 * better-auth on the server's own database. No answer of any kind sets a session for someone who
 * did not sign in, or carries a server secret.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshServerEnv } from '../../../../tests/support/api';
import { openApp, type App } from '../app';
import { mailConfig } from '../mail/config';
import { loadUnsubscribeKeys } from '../mail/unsubscribe-keys';
import type { Role } from '../store/people';
import { ANONYMOUS, ROUTES } from './access';

const ORIGIN = 'http://app.local';
let handle: typeof import('../../../hooks.server').handle;
let server: App;
let other: App;
const cookies = new Map<string, string>();

/** A person with a role, signed in: their session cookie. */
async function personWith(
	app: App,
	role: Role,
	ownerId?: string
): Promise<{ id: string; cookie: string }> {
	const email = `${role}-${Math.random().toString(36).slice(2)}@team.example`;
	const invitation = ownerId ? await app.store.people.invite(email, role, ownerId) : null;
	const response = await app.auth.api.signUpEmail({
		body: { name: role, email, password: 'a-long-enough-password' },
		asResponse: true
	});
	expect(response.status, `${role} signs up`).toBe(200);
	const { user } = (await response.json()) as { user: { id: string } };
	if (invitation)
		expect(await app.store.people.accept(invitation.invitation.id, user.id)).toBe(role);
	else expect(await app.store.people.makeOwner(user.id)).toBe(true);
	const cookie = response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
	expect(cookie).toMatch(/^scorecraft\.session_token=/);
	return { id: user.id, cookie };
}

beforeAll(async () => {
	freshServerEnv({ ORIGIN });
	({ handle } = await import('../../../hooks.server'));
	const { app } = await import('../app');
	server = await app();
	const owner = await personWith(server, 'owner');
	cookies.set('owner', owner.cookie);
	for (const role of ['leader', 'ops', 'csm', 'viewer'] as const)
		cookies.set(role, (await personWith(server, role, owner.id)).cookie);
	// Another instance, with its own database and keys: its sessions mean nothing here.
	const elsewhere = freshServerEnv({ ORIGIN });
	other = await openApp(mailConfig({ ...process.env, SCORECRAFT_DATA: elsewhere }), {
		...process.env,
		DATABASE_URL: 'memory:'
	});
	cookies.set('another instance', (await personWith(other, 'owner')).cookie);
}, 120_000);

afterAll(async () => {
	await other?.store.close();
	await (await import('../mail/service')).resetMailService();
});

const FORGED: Record<string, Record<string, string>> = {
	anonymous: {},
	'forged session cookie': { cookie: 'scorecraft.session_token=3f8a1c.forged-signature' },
	'the old API token cookie': { cookie: `scorecraft_token=${'x'.repeat(43)}` },
	'the old API token header': { 'x-scorecraft-token': 'x'.repeat(43) },
	'a role claimed in headers': { 'x-scorecraft-role': 'owner', 'x-user': 'owner' }
};

function urlOf(routeId: string): string {
	return routeId.replace(/\[(\w+)\]/g, (_, name) => `sample-${name}`);
}

const answers: Response[] = [];

async function ask(
	method: string,
	routeId: string,
	headers: Record<string, string>,
	origin: string | null = ORIGIN
) {
	const url = new URL(urlOf(routeId), ORIGIN);
	const request = new Request(url, {
		method,
		headers: { ...headers, ...(origin ? { origin } : {}) },
		body: method === 'GET' ? undefined : '{}'
	});
	const jar = new Map<string, string>();
	const event = {
		request,
		url,
		route: { id: routeId },
		params: {},
		locals: {},
		cookies: {
			get: (name: string) => jar.get(name),
			set: (name: string, value: string) => jar.set(name, value)
		},
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	const response = await handle({
		event,
		resolve: async () => new Response('reached', { status: 200 })
	});
	answers.push(response.clone());
	return response;
}

const entries = Object.entries(ROUTES).map(([key, access]) => {
	const [method, routeId] = key.split(' ') as [string, string];
	return { method, routeId, access };
});

describe('the route table', () => {
	it('lists every route the app has, each method it answers', () => {
		const root = join(import.meta.dirname, '../../../routes');
		const found: string[] = [];
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) walk(path);
				const id = `/${relative(root, dir)}`.replace(/\/$/, '') || '/';
				if (entry.name === '+page.svelte') found.push(`GET ${id}`);
				if (
					entry.name === '+page.server.ts' &&
					/export const actions/.test(readFileSync(path, 'utf8'))
				)
					found.push(`POST ${id}`);
				if (entry.name === '+server.ts')
					for (const [, method] of readFileSync(path, 'utf8').matchAll(
						/export const (GET|POST|PUT|PATCH|DELETE)\b/g
					))
						found.push(`${method} ${id}`);
			}
		};
		walk(root);
		expect(found.filter((route) => !(route in ROUTES))).toEqual([]);
		expect(Object.keys(ROUTES).filter((route) => !found.includes(route))).toEqual([]);
	});

	it.each(entries)(
		'$method $routeId: each caller gets what the table says',
		async ({ method, routeId, access }) => {
			for (const [who, headers] of Object.entries(FORGED)) {
				const response = await ask(method, routeId, headers);
				if (access === ANONYMOUS) expect(response.status, who).toBe(200);
				else if (method === 'GET' && !routeId.startsWith('/api/')) {
					expect(response.status, who).toBe(303);
					expect(response.headers.get('location'), who).toMatch(/^\/signin\?next=/);
				} else expect(response.status, who).toBe(401);
			}
			const elsewhere = await ask(method, routeId, { cookie: cookies.get('another instance')! });
			expect(elsewhere.status, 'a session of another instance').toBe(
				access === ANONYMOUS ? 200 : method === 'GET' && !routeId.startsWith('/api/') ? 303 : 401
			);
			for (const role of ['owner', 'leader', 'ops', 'csm', 'viewer'] as const) {
				const response = await ask(method, routeId, { cookie: cookies.get(role)! });
				const allowed = access === ANONYMOUS || access.includes(role);
				expect(response.status, role).toBe(allowed ? 200 : 403);
			}
		}
	);

	it('refuses requests from other sites, but for the one-click unsubscribe', async () => {
		const owner = { cookie: cookies.get('owner')! };
		expect((await ask('PUT', '/api/workspace', owner, 'https://evil.example')).status).toBe(403);
		expect(
			(await ask('POST', '/api/mail/send', { ...owner, 'sec-fetch-site': 'cross-site' })).status
		).toBe(403);
		expect((await ask('POST', '/people', owner, 'https://evil.example')).status).toBe(403);
		// A form posted from a page opened under another address says where the app is, as the
		// error its page shows.
		const refused = await ask(
			'POST',
			'/setup',
			{ 'x-sveltekit-action': 'true' },
			'http://127.0.0.1:4301'
		);
		expect(refused.status).toBe(403);
		expect(await refused.json()).toEqual({
			type: 'error',
			error: {
				message: `only the app itself may call this: this page was opened at http://127.0.0.1:4301, but the app is served at ${ORIGIN} (ORIGIN): open it there`
			}
		});
		for (const route of ['/api/ledger/retry', '/api/unsubscribe-keys/rotate', '/deliveries'])
			expect((await ask('POST', route, owner, 'https://evil.example')).status, route).toBe(403);
		expect(
			(await ask('POST', '/unsubscribe/[token]', {}, 'https://mail.provider.example')).status
		).toBe(200);
		// Sources send events and tickets from their own servers, with a write key.
		for (const route of ['/api/v1/[call]', '/api/v1/tickets'])
			expect((await ask('POST', route, {}, 'https://tickets.example')).status, route).toBe(200);
	});

	it('serves only the sign-in endpoints of the authentication library', async () => {
		for (const path of [
			'sign-up/email',
			'list-sessions',
			'update-user',
			'delete-user',
			'reset-password'
		]) {
			const url = new URL(`/api/auth/${path}`, ORIGIN);
			const event = {
				request: new Request(url, { method: 'POST', headers: { origin: ORIGIN }, body: '{}' }),
				url,
				route: { id: null },
				locals: {},
				getClientAddress: () => '127.0.0.1'
			} as unknown as RequestEvent;
			const response = await handle({ event, resolve: async () => new Response('reached') });
			expect(response.status, path).toBe(404);
		}
		expect(await server.store.people.count()).toBe(5);
	});

	it('never answers with a session for someone who did not sign in, nor with a server secret', async () => {
		const [auth] = await server.store.database.query<{ value: string }>(
			"select value from server_secret where name = 'auth'"
		);
		const authSecret = auth!.value;
		const secrets = [
			authSecret,
			...loadUnsubscribeKeys(server.config.dataDir).map((key) => key.secret)
		];
		expect(answers.length).toBeGreaterThan(200);
		for (const answer of answers) {
			expect(answer.headers.getSetCookie()).toEqual([]);
			const text = await answer.text();
			for (const secret of secrets) expect(text).not.toContain(secret);
		}
	});
});
