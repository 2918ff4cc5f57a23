// @vitest-environment node
/** The language the server writes in: the caller's choice, the page's cookie, the browser's. */
import { describe, expect, it } from 'vitest';
import { t } from '$lib/i18n/messages';
import { TEST_OWNER } from '../../../tests/support/api';
import { authorize } from './auth/access';
import { fieldsOf } from './auth/form-fields';
import { inLocale, localeOfRequest } from './locale';

const request = (headers: Record<string, string>) =>
	new Request('http://app.local/api/sync', { headers });

describe('localeOfRequest', () => {
	it('takes the signed-in person’s remembered choice first', () => {
		const caller = { ...TEST_OWNER, locale: 'ja' as const };
		const asked = request({ cookie: 'PARAGLIDE_LOCALE=en', 'accept-language': 'en-US' });
		expect(localeOfRequest(asked, caller)).toBe('ja');
	});

	it('then the switch’s cookie, then the browser’s language, then English', () => {
		const ja = { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.8' };
		expect(localeOfRequest(request({ ...ja, cookie: 'PARAGLIDE_LOCALE=en' }), TEST_OWNER)).toBe(
			'en'
		);
		expect(localeOfRequest(request(ja), null)).toBe('ja');
		expect(localeOfRequest(request({ 'accept-language': 'fr-FR' }), null)).toBe('en');
		expect(localeOfRequest(request({}), null)).toBe('en');
	});
});

describe('inLocale', () => {
	it('writes the messages of the work it runs in its language, and only those', async () => {
		const inJapanese = inLocale('ja', async () => {
			await new Promise((resolve) => setTimeout(resolve, 5));
			return t('nav.accounts');
		});
		expect(t('nav.accounts')).toBe('Accounts');
		expect(await inJapanese).toBe('アカウント');
		expect(t('nav.accounts')).toBe('Accounts');
	});
});

describe('the server’s refusals', () => {
	const viewer = { ...TEST_OWNER, role: 'viewer' as const };

	it('name the roles in the caller’s language', () => {
		expect(authorize('PUT', '/api/workspace', viewer)).toMatchObject({
			status: 403,
			reason: 'your role (Viewer) may not do this; it takes Owner, Leader, or Ops'
		});
		expect(inLocale('ja', () => authorize('PUT', '/api/workspace', viewer))).toMatchObject({
			status: 403,
			reason:
				'あなたのロール（閲覧者）ではこの操作はできません。必要なロール：オーナー、リーダー、またはオペレーション'
		});
		expect(inLocale('ja', () => authorize('GET', '/settings', null))).toMatchObject({
			status: 401,
			reason: '先にサインインしてください'
		});
	});
});

describe('the sign-in pages’ errors', () => {
	it('say what is missing in the reader’s language', () => {
		const form = new FormData();
		form.set('email', ' ');
		expect(fieldsOf(form, ['email'])).toEqual({ ok: false, message: 'email: required' });
		expect(inLocale('ja', () => fieldsOf(form, ['email']))).toEqual({
			ok: false,
			message: 'メールアドレスを入力してください'
		});
	});
});
