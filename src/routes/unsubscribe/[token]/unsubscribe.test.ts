// @vitest-environment node
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken, type UnsubscribeClaim } from '$lib/server/mail/unsubscribe';
import { loadUnsubscribeKeys, rotate } from '$lib/server/mail/unsubscribe-keys';
import { mailServer } from '$lib/server/mail/server';
import { resetMailService } from '$lib/server/mail/service';
import { t } from '$lib/i18n/messages';
import { inLocale, localeOfRequest } from '$lib/server/locale';

const SECRET = 'unsubscribe-route-test-secret-32';
const dataDir = mkdtempSync(join(tmpdir(), 'scorecraft-unsubscribe-route-'));
const claim: UnsubscribeClaim = {
	contact_id: 'c-1',
	account_id: 'acc-1',
	email: '"<b>ana</b>"@example.com'
};
// The ring the route reads, made here first: links are signed with its current key.
const tokenFor = (who: UnsubscribeClaim) => unsubscribeToken(loadUnsubscribeKeys(dataDir), who);
const token = tokenFor(claim);

/** A first-format token, signed as the server did before key rings (with its secret). */
function legacyToken(secret: string, who: UnsubscribeClaim): string {
	const key = createHmac('sha256', secret).update('scorecraft-unsubscribe').digest();
	const payload = Buffer.from(JSON.stringify([who.contact_id, who.account_id, who.email])).toString(
		'base64url'
	);
	return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

type Route = typeof import('./+server');
let route: Route;

beforeAll(async () => {
	process.env.SCORECRAFT_DATA = dataDir;
	// Imported only now, so the server's mail state opens in the folder above.
	route = await import('./+server');
});

afterAll(async () => {
	await resetMailService();
	rmSync(dataDir, { recursive: true, force: true });
});

/** Every body the route answered, to check that none holds a key. */
const answered: string[] = [];

async function send(method: 'GET' | 'POST', tokenInPath: string, body?: string, origin?: string) {
	const url = new URL(`http://localhost:3000/unsubscribe/${tokenInPath}`);
	const headers: Record<string, string> = {};
	if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
	if (origin) headers.origin = origin;
	const request = new Request(url, { method, body, headers });
	const event = { request, url, params: { token: tokenInPath } } as unknown as Parameters<
		Route['GET']
	>[0];
	const response = await (method === 'GET' ? route.GET(event) : route.POST(event));
	const text = await response.text();
	answered.push(text, JSON.stringify([...response.headers]));
	return { status: response.status, type: response.headers.get('content-type'), text };
}

const ONE_CLICK = 'List-Unsubscribe=One-Click';
/** The server's unsubscribe list, in the order people asked. */
const records = async () => (await mailServer()).store.unsubscribes.all();
const emails = async () => (await records()).map((entry) => entry.email);

describe('/unsubscribe/[token]', () => {
	it('speaks the customer’s browser’s language: a Japanese browser gets the page in Japanese', async () => {
		const browser = new Request('http://localhost:3000/', {
			headers: { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' }
		});
		const response = await inLocale(localeOfRequest(browser, null), () => send('GET', token));
		expect(response.text).toContain('<html lang="ja">');
		expect(response.text).toContain(
			`<title>${inLocale('ja', () => t('unsubscribe.title'))}</title>`
		);
		expect(response.text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
		expect(response.text).not.toContain('Unsubscribe');
		expect(await emails()).toEqual([]);
	});

	it('asks to confirm, showing the address escaped, and unsubscribes nobody on GET', async () => {
		const response = await send('GET', token);
		expect(response.status).toBe(200);
		expect(response.type).toMatch(/^text\/html/);
		const html = response.text;
		expect(html).toContain('<html lang="en">');
		expect(html).toContain('<title>Unsubscribe</title>');
		expect(html).toContain(
			'Stop these emails to <strong>&quot;&lt;b&gt;ana&lt;/b&gt;&quot;@example.com</strong>?'
		);
		expect(html).not.toContain('<b>ana</b>');
		expect(html).toMatch(/<form method="post">\s*<button type="submit">Unsubscribe<\/button>/);
		expect(await records()).toEqual([]);
	});

	it('refuses a tampered token with 400', async () => {
		const [keyId, payload, signature] = token.split('.') as [string, string, string];
		const other = tokenFor({ ...claim, contact_id: 'c-2' }).split('.')[1];
		for (const bad of [
			`${keyId}.${other}.${signature}`,
			`${keyId}.${payload}.${signature.slice(1)}x`,
			`${keyId.slice(1)}x.${payload}.${signature}`,
			`${payload}.${signature}`,
			legacyToken('another-secret-of-thirty-two-chr', claim),
			'nonsense'
		]) {
			const page = await send('GET', bad);
			expect(page.status).toBe(400);
			expect(page.text).toContain('This unsubscribe link is not valid.');
			expect((await send('POST', bad, ONE_CLICK)).status).toBe(400);
		}
		expect(await records()).toEqual([]);
	});

	it('records a one-click unsubscribe from a mail provider’s server once', async () => {
		const response = await send('POST', token, ONE_CLICK, 'https://mail.example');
		expect(response.status).toBe(200);
		expect(response.type).toMatch(/^text\/plain/);
		expect(await records()).toEqual([{ ...claim, at: expect.any(String), via: 'one-click' }]);

		const again = await send('POST', token, ONE_CLICK);
		expect(again.status).toBe(200);
		const fromPage = await send('POST', token, '');
		expect(fromPage.status).toBe(200);
		expect(fromPage.text).toContain(
			'<strong>&quot;&lt;b&gt;ana&lt;/b&gt;&quot;@example.com</strong> is already unsubscribed.'
		);
		expect(await records()).toHaveLength(1);
	});

	it('says so on GET once unsubscribed', async () => {
		const { text } = await send('GET', token);
		expect(text).toContain('is already unsubscribed.');
		expect(text).not.toContain('<form');
	});

	it('confirms an unsubscribe from the page’s own button', async () => {
		const bo = tokenFor({ ...claim, contact_id: 'c-2', email: 'bo@example.com' });
		const response = await send('POST', bo, '');
		expect(response.status).toBe(200);
		expect(response.text).toContain(
			'You are unsubscribed: <strong>bo@example.com</strong> will get no more of these emails.'
		);
		expect((await records())[1]).toMatchObject({ email: 'bo@example.com', via: 'link' });
	});

	it('takes a link of a key rotated out, and of the new key, without a restart', async () => {
		const old = tokenFor({ ...claim, email: 'cy@example.com' });
		rotate(dataDir);
		const fresh = tokenFor({ ...claim, email: 'di@example.com' });
		expect(fresh.split('.')[0]).not.toBe(old.split('.')[0]);
		expect((await send('POST', old, ONE_CLICK)).status).toBe(200);
		expect((await send('POST', fresh, ONE_CLICK)).status).toBe(200);
		expect((await emails()).slice(2)).toEqual(['cy@example.com', 'di@example.com']);
	});

	it('refuses a link signed with the old server secret (every browser received it)', async () => {
		const legacy = legacyToken(SECRET, { ...claim, email: 'ed@example.com' });
		expect((await send('GET', legacy)).status).toBe(400);
		expect((await send('POST', legacy, ONE_CLICK)).status).toBe(400);
		expect(await emails()).not.toContain('ed@example.com');
		// The ring's current key signs and verifies.
		expect((await send('GET', tokenFor({ ...claim, email: 'fa@example.com' }))).status).toBe(200);
	});

	it('never answers with a key', () => {
		const secrets = [SECRET, ...loadUnsubscribeKeys(dataDir).map((key) => key.secret)];
		expect(answered.length).toBeGreaterThan(20);
		for (const text of answered) for (const secret of secrets) expect(text).not.toContain(secret);
	});
});
