// @vitest-environment node
/**
 * Support tickets in: the tickets API (`POST /api/v1/tickets`) with a source's write key, and the
 * CSV upload (`POST /api/tickets/import`) of the signed-in: the invalid tickets and rows named,
 * the rest stored, a ticket sent or a file uploaded again stored once, and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize } from '$lib/server/auth/access';
import type { Store } from '$lib/server/store/store';
import { TicketIntake } from '$lib/server/tickets/intake';
import { call, TEST_OWNER } from '../../../../../tests/support/api';
import { freshServerEnv } from '../../../../../tests/support/api';

let post: typeof import('./+server').POST;
let upload: typeof import('../../tickets/import/+server').POST;
let sources: typeof import('../../event-sources/+server');
let revoke: typeof import('../../event-sources/[id]/+server').DELETE;
let store: Store;

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

async function send(body: unknown, key: string | null) {
	const response = await call(post, '/api/v1/tickets', {
		body: typeof body === 'string' ? body : JSON.stringify(body),
		origin: null,
		headers: key === null ? {} : { authorization: basic(key) }
	});
	return { status: response.status, headers: response.headers, body: await response.json() };
}

async function importCsv(csv: string, options: { query?: string; role?: 'viewer' | 'csm' } = {}) {
	const response = await call(upload, `/api/tickets/import${options.query ?? ''}`, {
		body: csv,
		headers: { 'content-type': 'text/csv' },
		caller: options.role ? { ...TEST_OWNER, role: options.role } : undefined
	});
	return { status: response.status, body: await response.json() };
}

async function newSource(name: string): Promise<{ id: string; key: string }> {
	const response = await call(sources.POST, '/api/event-sources', {
		body: JSON.stringify({ name })
	});
	const answer = (await response.json()) as { source: { id: string }; write_key: string };
	return { id: answer.source.id, key: answer.write_key };
}

beforeAll(async () => {
	freshServerEnv();
	({ POST: post } = await import('./+server'));
	({ POST: upload } = await import('../../tickets/import/+server'));
	sources = await import('../../event-sources/+server');
	({ DELETE: revoke } = await import('../../event-sources/[id]/+server'));
	({ store } = await (await import('$lib/server/mail/server')).mailServer());
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

const ticket = (id: string, extra: Record<string, unknown> = {}) => ({
	id,
	account_id: 'acme',
	opened_at: '2026-12-01T09:00:00Z',
	first_response_at: '2026-12-01T11:00:00Z',
	priority: 'high',
	subject: 'Export broken',
	text: 'The export is broken again.',
	...extra
});

describe('POST /api/v1/tickets', () => {
	it('stores the valid tickets, names the refused ones, and stores a ticket sent again once', async () => {
		const { id, key } = await newSource('Zendesk');
		const tickets = [
			ticket('Z-1'),
			ticket('Z-2', { opened_at: 'last Tuesday' }),
			ticket('Z-3', { closed_at: '2026-12-02T10:00:00Z', text: null, body: 'Thanks, all good' }),
			{ account_id: 'acme', opened_at: '2026-12-01T09:00:00Z' }
		];
		expect(await send({ tickets }, key)).toMatchObject({
			status: 200,
			body: {
				success: true,
				accepted: 2,
				added: 2,
				updated: 0,
				unchanged: 0,
				refused: [
					{
						index: 1,
						id: 'Z-2',
						reason: 'opened_at is not an ISO 8601 date and time, e.g. 2026-03-01T09:30:00Z'
					},
					{ index: 3, id: null, reason: 'id is required' }
				]
			}
		});
		expect(await store.tickets.count(id)).toBe(2);
		// Sent again: nothing changes; then Z-1 closed: one update.
		expect((await send({ tickets }, key)).body).toMatchObject({
			added: 0,
			updated: 0,
			unchanged: 2
		});
		const closed = [ticket('Z-1', { closed_at: '2026-12-03T08:00:00Z' })];
		expect((await send({ tickets: closed }, key)).body).toMatchObject({
			accepted: 1,
			added: 0,
			updated: 1,
			unchanged: 0,
			refused: []
		});
		const [row] = await store.database.query<{ closed_at: Date; sentiment: number }>(
			"select closed_at, sentiment from support_ticket where ticket_id = 'Z-1'"
		);
		expect(new Date(row!.closed_at).toISOString()).toBe('2026-12-03T08:00:00.000Z');
		// broken −1 (subject and text): −1 / 5.
		expect(row!.sentiment).toBeCloseTo(-0.2);
	});

	it('refuses a request without a live key, too large, not JSON, or of too many tickets', async () => {
		const { id, key } = await newSource('Freshdesk');
		const none = await send({ tickets: [ticket('F-1')] }, null);
		expect(none.status).toBe(401);
		expect(none.headers.get('www-authenticate')).toBe('Basic realm="Scorecraft events"');
		expect(await send({ tickets: [ticket('F-1')] }, 'sc_not-a-key')).toMatchObject({
			status: 401,
			body: {
				success: false,
				error: 'this write key is not a source of this server, or it was revoked'
			}
		});
		expect(await send('{"tickets": [', key)).toMatchObject({
			status: 400,
			body: { error: 'the body is not JSON' }
		});
		expect(await send({ batch: [] }, key)).toMatchObject({
			status: 400,
			body: { error: 'the body must be a JSON object with a "tickets" list' }
		});
		const many = Array.from({ length: 1_001 }, (_, i) => ticket(`F-${i}`, { text: null }));
		expect(await send({ tickets: many }, key)).toMatchObject({
			status: 400,
			body: { error: '1,001 tickets: a request may send at most 1,000' }
		});
		const large = Array.from({ length: 120 }, (_, i) =>
			ticket(`F-${i}`, { text: 'x'.repeat(19_000) })
		);
		expect(await send({ tickets: large }, key)).toMatchObject({
			status: 400,
			body: { error: 'the request is larger than the 2 MB it may be' }
		});
		expect(await store.tickets.count(id)).toBe(0);

		await call(revoke, `/api/event-sources/${id}`, { method: 'DELETE', params: { id } });
		expect((await send({ tickets: [ticket('F-1')] }, key)).status).toBe(401);
	});

	it('holds a source to its rate, and says when to send again', async () => {
		const { key } = await newSource('Runaway desk');
		const slow = new TicketIntake(store.eventSources, store.tickets, { ticketsPerSecond: 2 });
		const request = (...ids: string[]) => ({
			authorization: basic(key),
			contentLength: null,
			body: new Response(JSON.stringify({ tickets: ids.map((id) => ticket(id)) })).body
		});
		const at = Date.parse('2026-12-03T12:00:00.000Z');
		expect((await slow.handle(request('r-1', 'r-2', 'r-3'), at)).status).toBe(200);
		expect(await slow.handle(request('r-4', 'r-5'), at + 100)).toMatchObject({
			status: 429,
			headers: { 'retry-after': '1' }
		});
	});
});

const CSV = [
	'Ticket ID,Account,Created At,First Response,Closed,Priority,Subject,Description,Assignee',
	'C-1,acme,2026-11-20T09:00:00Z,2026-11-20T13:00:00Z,,high,Export broken,"The export fails, again.",ana',
	'C-2,,2026-11-21T09:00:00Z,,,low,No account,,bo',
	'C-3,globex,2026-11-22 10:00,2026-11-22 11:30,2026-11-23 08:00,,Question,"How do I add a seat?",ana',
	'',
	'C-4,globex,2026-11-25T09:00:00Z,,2026-11-24T09:00:00Z,,Closed before opened,,bo',
	'C-5,initech,2026-11-26T09:00:00Z,,,urgent,エクスポートが壊れています,,ana'
].join('\n');

describe('POST /api/tickets/import', () => {
	it('stores the valid rows under "Ticket uploads", lists the bad ones, and changes nothing the second time', async () => {
		const first = await importCsv(CSV);
		expect(first).toMatchObject({
			status: 200,
			body: {
				rows: 5,
				added: 3,
				updated: 0,
				unchanged: 0,
				refused: 2,
				errors: [
					{ row: 3, reason: 'account_id is required' },
					{ row: 6, reason: 'closed_at is before opened_at' }
				],
				ignored_columns: ['Assignee']
			}
		});
		const uploads = (await store.eventSources.list()).filter(
			(source) => source.name === 'Ticket uploads'
		);
		expect(uploads).toHaveLength(1);
		expect(first.body.source_id).toBe(uploads[0]!.id);
		expect(await store.tickets.count(uploads[0]!.id)).toBe(3);
		const rows = await store.database.query<{
			ticket_id: string;
			account_id: string;
			body: string | null;
		}>(
			'select ticket_id, account_id, body from support_ticket where source_id = $1 order by ticket_id',
			[uploads[0]!.id]
		);
		expect(rows).toEqual([
			{ ticket_id: 'C-1', account_id: 'acme', body: 'The export fails, again.' },
			{ ticket_id: 'C-3', account_id: 'globex', body: 'How do I add a seat?' },
			{ ticket_id: 'C-5', account_id: 'initech', body: null }
		]);

		// The same file again: the same source, nothing added or updated.
		expect((await importCsv(CSV)).body).toMatchObject({
			source_id: uploads[0]!.id,
			added: 0,
			updated: 0,
			unchanged: 3,
			refused: 2
		});
		// The export a day later: C-1 closed, C-2's account filled in.
		const later = CSV.replace(
			',,high,Export broken',
			',2026-11-21T09:00:00Z,high,Export broken'
		).replace('C-2,,', 'C-2,acme,');
		expect((await importCsv(later)).body).toMatchObject({ added: 1, updated: 1, unchanged: 2 });
		const [entry] = await store.audit.list({ action: 'tickets.import' });
		expect(entry).toMatchObject({
			subject: uploads[0]!.id,
			actor_email: TEST_OWNER.email,
			detail: { added: 1, updated: 1, refused: 1 }
		});
	});

	it('stores under the source it names, and refuses an unknown source, a file without the columns, and a viewer', async () => {
		const { id } = await newSource('Help Scout export');
		const csv = 'id,account_id,opened_at\nH-1,acme,2026-11-20T09:00:00Z\n';
		expect(await importCsv(csv, { query: `?source=${id}` })).toMatchObject({
			status: 200,
			body: { source_id: id, added: 1 }
		});
		expect(await store.tickets.count(id)).toBe(1);
		expect(await importCsv(csv, { query: '?source=nope' })).toMatchObject({
			status: 400,
			body: { error: 'source: nope is not a live source of this server' }
		});
		expect(await importCsv('id,account\nH-2,acme\n')).toMatchObject({
			status: 422,
			body: {
				error:
					'the heading has no column for opened_at or opened or created_at or created; its first row must name the columns, e.g. id,account_id,opened_at,first_response_at,closed_at,priority,subject,text'
			}
		});
		expect(await importCsv('id,text,body\n')).toMatchObject({
			status: 422,
			body: { error: 'the columns “text” and “body” both give the ticket’s text: keep one' }
		});
		expect(await importCsv('')).toMatchObject({
			status: 422,
			body: { error: 'the file is empty' }
		});

		// The hook refuses a viewer or a CSM; the handler does too, should it be reached.
		for (const role of ['viewer', 'csm'] as const) {
			expect(authorize('POST', '/api/tickets/import', { ...TEST_OWNER, role })).toMatchObject({
				allowed: false,
				status: 403
			});
			expect(await importCsv(csv, { query: `?source=${id}`, role })).toMatchObject({
				status: 403,
				body: { error: `your role (${role}) may not import tickets` }
			});
		}
		expect(authorize('POST', '/api/tickets/import', { ...TEST_OWNER, role: 'ops' })).toEqual({
			allowed: true
		});
		expect(await store.tickets.count(id)).toBe(1);
	});
});
