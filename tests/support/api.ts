/**
 * Calling the app's endpoints in tests: a request event as SvelteKit builds it after the server's
 * hook (URL, params, the caller the hook found: the owner unless a test says otherwise), and the
 * server's data in a fresh temporary folder with an in-memory database. Who may call what is the
 * hook's, tested with real sessions in `src/lib/server/auth/routes.test.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import type { Caller } from '../../src/lib/server/auth/access';

export const APP_ORIGIN = 'http://app.local';

/** The caller a test's requests come from unless it says otherwise (the hook is not in the way). */
export const TEST_OWNER: Caller = {
	id: '00000000-0000-4000-8000-000000000001',
	email: 'owner@app.example',
	name: 'Owner',
	role: 'owner',
	locale: null
};

/** Points the server at a fresh data folder and the test secret, with the local sink; returns the folder. */
export function freshServerEnv(extra: Record<string, string> = {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'scorecraft-server-'));
	process.env.SCORECRAFT_DATA = dir;
	delete process.env.SMTP_URL;
	delete process.env.PUBLIC_URL;
	delete process.env.MAIL_FROM;
	delete process.env.OPERATOR_EMAIL;
	process.env.DATABASE_URL = 'memory:';
	// The date the shared test data is about: the send API plans as of the server's today.
	process.env.SCORECRAFT_TODAY = '2026-03-01';
	Object.assign(process.env, extra);
	return dir;
}

export interface CallOptions {
	method?: string;
	/** A form is sent as `multipart/form-data`, its boundary in the content type. */
	body?: string | Blob | FormData;
	/** The request's Origin header; null sends none. */
	origin?: string | null;
	/** Who the hook found calling; null: nobody signed in. */
	caller?: Caller | null;
	params?: Record<string, string>;
	headers?: Record<string, string>;
}

/** Any endpoint handler, whatever its route's params. */
type Handler = (event: never) => Response | Promise<Response>;

export function call(handler: Handler, path: string, options: CallOptions = {}): Promise<Response> {
	const url = new URL(path, APP_ORIGIN);
	const headers: Record<string, string> = {
		...(options.body instanceof FormData ? {} : { 'content-type': 'application/json' }),
		...options.headers
	};
	const origin = options.origin === undefined ? APP_ORIGIN : options.origin;
	if (origin) headers.origin = origin;
	const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
	const request = new Request(url, { method, body: options.body, headers });
	const cookies = { get: () => undefined, set: () => {} };
	const caller = options.caller === undefined ? TEST_OWNER : options.caller;
	return Promise.resolve(
		handler({
			request,
			url,
			params: options.params ?? {},
			cookies,
			locals: { caller },
			getClientAddress: () => '127.0.0.1'
		} as unknown as RequestEvent as never)
	);
}

/**
 * `fetch` as the app's pages do it, answered in process by the app's own endpoints (call it after
 * `freshServerEnv`), as `caller` (the test owner unless given).
 */
export async function appFetch(caller?: Caller): Promise<typeof fetch> {
	const [workspace, send, unsubscribes, runs, approvals, webhooks, sync, backup, sample, csv] =
		await Promise.all([
			import('../../src/routes/api/workspace/+server'),
			import('../../src/routes/api/mail/send/+server'),
			import('../../src/routes/api/unsubscribes/+server'),
			import('../../src/routes/api/runs/+server'),
			import('../../src/routes/api/approvals/+server'),
			import('../../src/routes/api/webhooks/+server'),
			import('../../src/routes/api/sync/+server'),
			import('../../src/routes/api/workspace/export/+server'),
			import('../../src/routes/api/workspace/sample/+server'),
			import('../../src/routes/api/import/[kind]/+server')
		]);
	const routes: Record<string, Record<string, Handler | undefined>> = {
		'/api/workspace': { GET: workspace.GET, PUT: workspace.PUT },
		'/api/mail/send': { POST: send.POST },
		'/api/unsubscribes': { GET: unsubscribes.GET },
		'/api/runs': { GET: runs.GET, POST: runs.POST },
		'/api/approvals': { POST: approvals.POST },
		'/api/webhooks': { POST: webhooks.POST },
		'/api/sync': { GET: sync.GET, POST: sync.POST },
		'/api/workspace/export': { GET: backup.GET },
		'/api/workspace/sample': { POST: sample.POST }
	};
	// `/api/import/{kind}`: the one route with a parameter.
	const imports: Record<string, Handler | undefined> = { POST: csv.POST };
	return async (input, init) => {
		const url = new URL(String(input), APP_ORIGIN);
		const method = init?.method ?? 'GET';
		const kind = /^\/api\/import\/([^/]+)$/.exec(url.pathname)?.[1];
		const handler = kind ? imports[method] : routes[url.pathname]?.[method];
		if (!handler) return new Response('not found', { status: 404 });
		return call(handler, `${url.pathname}${url.search}`, {
			method,
			body: init?.body as string | Blob | FormData | undefined,
			headers: init?.headers as Record<string, string> | undefined,
			params: kind ? { kind: decodeURIComponent(kind) } : undefined,
			caller
		});
	};
}
