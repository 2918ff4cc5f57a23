import { describe, expect, it } from 'vitest';
import { inLocale } from '../locale';
import { invitationMessage } from './invite-mail';

const link = 'https://cs.example.com/invite/abc_DEF-123';

describe('invitationMessage', () => {
	it('says who invites, as what, and gives the link in both parts', () => {
		const message = invitationMessage({ inviter: 'Ana Lima', role: 'ops', link });
		expect(message.subject).toBe('Ana Lima invited you to Scorecraft as Ops');
		expect(message.text).toContain(link);
		expect(message.html).toContain(`<a href="${link}"`);
		expect(message.text).toContain('7 days');
	});

	it('escapes the inviter’s name in the HTML and keeps the subject on one line', () => {
		const message = invitationMessage({
			inviter: 'Eve <script>alert("x")</script>\r\nBcc: all@example.com',
			role: 'viewer',
			link
		});
		expect(message.subject).not.toMatch(/[\r\n]/);
		expect(message.html).not.toContain('<script>');
		expect(message.html).toContain('Eve &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
	});

	it('is written in the inviter’s language', () => {
		const message = inLocale('ja', () =>
			invitationMessage({ inviter: '山田 花子', role: 'ops', link })
		);
		expect(message.subject).toBe(
			'山田 花子さんから Scorecraft にオペレーションとして招待されました'
		);
		expect(message.text).toContain('招待されました。\n');
		expect(message.text).toContain(link);
		expect(message.text).toContain('7日間');
		expect(message.html).toContain('<html lang="ja">');
		expect(message.html).toContain(`href="${link}"`);
	});
});
