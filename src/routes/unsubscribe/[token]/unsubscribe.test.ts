// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken, type UnsubscribeClaim } from '$lib/server/mail/unsubscribe';

const SECRET = 'unsubscribe-route-test-secret-32';
const dataDir = mkdtempSync(join(tmpdir(), 'scorecraft-unsubscribe-route-'));
const claim: UnsubscribeClaim = {
	contact_id: 'c-1',
	account_id: 'acc-1',
	email: '"<b>ana</b>"@example.com'
};
const token = unsubscribeToken(SECRET, claim);

type Route = typeof import('./+server');
let route: Route;

beforeAll(async () => {
	process.env.SCORECRAFT_DATA = dataDir;
	process.env.SCORECRAFT_SECRET = SECRET;
	// Imported only now, so the server's mail state opens in the folder above.
	route = await import('./+server');
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function event(method: 'GET' | 'POST', tokenInPath: string, body?: string) {
	const url = new URL(`http://localhost:3000/unsubscribe/${tokenInPath}`);
	const request = new Request(url, {
		method,
		...(body === undefined
			? {}
			: { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
	});
	return { request, url, params: { token: tokenInPath } } as unknown as Parameters<Route['GET']>[0];
}

const records = () =>
	readFileSync(join(dataDir, 'unsubscribes.jsonl'), 'utf8').trim().split('\n').filter(Boolean);

describe('/unsubscribe/[token]', () => {
	it('asks to confirm, showing the address escaped, and unsubscribes nobody on GET', async () => {
		const response = await route.GET(event('GET', token));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await response.text();
		expect(html).toContain('<html lang="en">');
		expect(html).toContain('<title>Unsubscribe</title>');
		expect(html).toContain(
			'Stop these emails to <strong>&quot;&lt;b&gt;ana&lt;/b&gt;&quot;@example.com</strong>?'
		);
		expect(html).not.toContain('<b>ana</b>');
		expect(html).toMatch(/<form method="post">\s*<button type="submit">Unsubscribe<\/button>/);
		expect(records()).toEqual([]);
	});

	it('refuses a tampered token with 400', async () => {
		const [payload, signature] = token.split('.') as [string, string];
		const other = unsubscribeToken(SECRET, { ...claim, contact_id: 'c-2' }).split('.')[0];
		for (const bad of [`${other}.${signature}`, `${payload}.${signature.slice(1)}x`, 'nonsense']) {
			const page = await route.GET(event('GET', bad));
			expect(page.status).toBe(400);
			expect(await page.text()).toContain('This unsubscribe link is not valid.');
			expect((await route.POST(event('POST', bad, 'List-Unsubscribe=One-Click'))).status).toBe(400);
		}
		expect(records()).toEqual([]);
	});

	it('records a one-click unsubscribe once', async () => {
		const response = await route.POST(event('POST', token, 'List-Unsubscribe=One-Click'));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(records()).toHaveLength(1);
		expect(JSON.parse(records()[0]!)).toMatchObject({ ...claim, via: 'one-click' });

		const again = await route.POST(event('POST', token, 'List-Unsubscribe=One-Click'));
		expect(again.status).toBe(200);
		const fromPage = await route.POST(event('POST', token, ''));
		expect(fromPage.status).toBe(200);
		expect(await fromPage.text()).toContain(
			'<strong>&quot;&lt;b&gt;ana&lt;/b&gt;&quot;@example.com</strong> is already unsubscribed.'
		);
		expect(records()).toHaveLength(1);
	});

	it('says so on GET once unsubscribed', async () => {
		const html = await (await route.GET(event('GET', token))).text();
		expect(html).toContain('is already unsubscribed.');
		expect(html).not.toContain('<form');
	});

	it('confirms an unsubscribe from the page’s own button', async () => {
		const bo = unsubscribeToken(SECRET, { ...claim, contact_id: 'c-2', email: 'bo@example.com' });
		const response = await route.POST(event('POST', bo, ''));
		expect(response.status).toBe(200);
		expect(await response.text()).toContain(
			'You are unsubscribed: <strong>bo@example.com</strong> will get no more of these emails.'
		);
		expect(JSON.parse(records()[1]!)).toMatchObject({ email: 'bo@example.com', via: 'link' });
	});
});
