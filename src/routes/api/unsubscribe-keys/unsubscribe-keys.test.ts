// @vitest-environment node
/**
 * The owner rotates the unsubscribe key: links signed before keep unsubscribing (the grace
 * period), links signed after use the new key, and no answer carries key material.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken, type UnsubscribeClaim } from '$lib/server/mail/unsubscribe';
import { loadUnsubscribeKeys } from '$lib/server/mail/unsubscribe-keys';
import { call, freshServerEnv, TEST_OWNER } from '../../../../tests/support/api';

let dataDir: string;
let status: typeof import('./+server').GET;
let rotate: typeof import('./rotate/+server').POST;
let unsubscribe: typeof import('../../unsubscribe/[token]/+server');

beforeAll(async () => {
	dataDir = freshServerEnv();
	({ GET: status } = await import('./+server'));
	({ POST: rotate } = await import('./rotate/+server'));
	unsubscribe = await import('../../unsubscribe/[token]/+server');
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

const claim = (email: string): UnsubscribeClaim => ({
	contact_id: 'c1',
	account_id: 'acme',
	email
});
/** A link as the server signs it now (with the ring's current key). */
const linkFor = (email: string) => unsubscribeToken(loadUnsubscribeKeys(dataDir), claim(email));

/** Every answer of the key API, to look for key material in. */
const answers: string[] = [];
async function answer(response: Response) {
	const text = await response.text();
	answers.push(text);
	return { status: response.status, body: JSON.parse(text) };
}

async function oneClick(token: string) {
	const path = `/unsubscribe/${token}`;
	const clicked = await call(unsubscribe.POST, path, {
		body: 'List-Unsubscribe=One-Click',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		params: { token }
	});
	const page = await call(unsubscribe.GET, path, { params: { token } });
	return { status: clicked.status, page: await page.text() };
}

describe('/api/unsubscribe-keys', () => {
	it('rotates: old links still unsubscribe, new links are signed with the new key', async () => {
		const before = await answer(await call(status, '/api/unsubscribe-keys'));
		expect(before.status).toBe(200);
		const old = linkFor('ana@acme.example');

		const rotated = await answer(
			await call(rotate, '/api/unsubscribe-keys/rotate', { method: 'POST' })
		);
		expect(rotated.status).toBe(200);
		expect(Object.keys(rotated.body)).toEqual(['created_at']);
		expect(Date.parse(rotated.body.created_at)).toBeGreaterThanOrEqual(
			Date.parse(before.body.created_at)
		);
		const after = await answer(await call(status, '/api/unsubscribe-keys'));
		expect(after.body).toEqual(rotated.body);

		const fresh = linkFor('bo@acme.example');
		expect(fresh.split('.')[0]).not.toBe(old.split('.')[0]);
		for (const [token, email] of [
			[old, 'ana@acme.example'],
			[fresh, 'bo@acme.example']
		] as const) {
			const { status, page } = await oneClick(token);
			expect(status, email).toBe(200);
			expect(page, email).toContain(`<strong>${email}</strong> is already unsubscribed.`);
		}
	});

	it('records the rotation in the audit log, as the owner', async () => {
		const { store } = await (await import('$lib/server/app')).app();
		const entries = await store.audit.list({ action: 'settings.unsubscribe_key' });
		expect(entries).toMatchObject([{ actor_email: TEST_OWNER.email, detail: { rotated: true } }]);
	});

	it('never answers with a key', () => {
		const ring = loadUnsubscribeKeys(dataDir);
		expect(ring).toHaveLength(2);
		expect(answers).toHaveLength(3);
		for (const text of answers)
			for (const key of ring) {
				expect(text).not.toContain(key.secret);
				expect(text).not.toContain(key.id);
			}
	});
});
