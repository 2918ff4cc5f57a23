// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Task } from '../../engine';
import { inLocale } from '../locale';
import { escalationMessage } from './mail';

const escalation: Task = {
	id: 'sla-escalation:sla:acme:Orange:2026-12-01T09:00:00.000Z',
	account_id: 'acme',
	play_id: 'band-playbook',
	title: 'Overdue: Respond: <b>Acme</b> went from Yellow to Orange',
	assignee: 'lee@team.example',
	due_date: '2026-12-04',
	due_at: '2026-12-04T09:00:00.000Z',
	status: 'open',
	created_at: '2026-12-03T09:00:00.000Z',
	sla: { band: 'Orange', kind: 'escalation', csm: 'cam@team.example' }
};

describe('the escalation email', () => {
	it('names the account, the CSM and the due time, escaping what people typed', () => {
		const message = escalationMessage(
			escalation,
			'Acme <script>\r\nBcc: all@x',
			'https://cs.example/accounts/acme'
		);
		expect(message.subject).toBe('Overdue response for Acme <script> Bcc: all@x: Orange account');
		expect(message.subject).not.toMatch(/[\r\n]/);
		expect(message.text).toContain('cam@team.example has not completed');
		expect(message.text).toContain('due 2026-12-04 09:00 UTC');
		expect(message.html).toContain('&lt;b&gt;Acme&lt;/b&gt;');
		expect(message.html).toContain('Open Acme &lt;script&gt;');
		expect(message.html).not.toContain('<script>');
		expect(message.html).toContain('href="https://cs.example/accounts/acme"');
	});

	it('is written in the manager’s language', () => {
		const message = inLocale('ja', () =>
			escalationMessage(escalation, '株式会社アクメ', 'https://cs.example/accounts/acme')
		);
		expect(message.subject).toBe('対応期限超過：株式会社アクメ（Orangeのアカウント）');
		expect(message.text).toContain('cam@team.exampleさんが');
		expect(message.text).toContain('2026-12-04 09:00 UTC');
		expect(message.html).toContain('<html lang="ja">');
		expect(message.html).toContain('株式会社アクメを開く');
	});
});
