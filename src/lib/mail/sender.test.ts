import { describe, expect, it } from 'vitest';
import {
	EMPTY_SENDER,
	formatMailbox,
	parseSender,
	POSTAL_PLACEHOLDER,
	resolveSender,
	senderWarnings,
	smtpRefusal,
	type SenderIdentity
} from './sender';

const FULL: SenderIdentity = {
	from_name: 'Acme Customer Success',
	from_address: 'cs@acme.example',
	reply_to: 'team@acme.example',
	postal_address: 'Acme Inc. · 1 Main Street · Springfield',
	public_url: 'https://cs.acme.example',
	training_url: 'https://acme.example/training',
	community_url: 'https://community.acme.example',
	help_url: 'http://help.acme.example/start?from=email'
};

const fieldsOf = (input: unknown) => {
	const result = parseSender(input);
	return result.ok ? [] : result.errors.map((e) => [e.field, e.code, e.scheme ?? null]);
};

describe('parseSender', () => {
	it('accepts a full identity, trimmed, the public URL without its trailing slash', () => {
		const result = parseSender({
			...FULL,
			from_name: '  Acme  ',
			public_url: 'https://cs.acme.example//'
		});
		expect(result).toEqual({
			ok: true,
			value: { ...FULL, from_name: 'Acme', public_url: 'https://cs.acme.example' }
		});
		expect(parseSender({})).toEqual({ ok: true, value: EMPTY_SENDER });
	});

	it('refuses header injection in every field', () => {
		expect(
			fieldsOf({
				from_name: 'Acme\r\nBcc: victim@elsewhere.example',
				from_address: 'cs@acme.example\nBcc: victim@elsewhere.example',
				reply_to: 'team@acme.example\r\n',
				postal_address: '1 Main Street\r\nX-Evil: yes'
			})
		).toEqual([
			['from_name', 'control', null],
			['from_address', 'control', null],
			['reply_to', 'control', null],
			['postal_address', 'control', null]
		]);
	});

	it('wants a real address form for From and Reply-To', () => {
		for (const bad of [
			'cs',
			'cs@localhost',
			'cs @acme.example',
			'Acme <cs@acme.example>',
			'cs@acme.example, victim@elsewhere.example',
			'"cs"@acme.example',
			'cs@@acme.example'
		])
			expect(fieldsOf({ from_address: bad }), bad).toEqual([['from_address', 'address', null]]);
		expect(fieldsOf({ reply_to: 'nobody' })).toEqual([['reply_to', 'address', null]]);
		expect(fieldsOf({ from_address: 'first.last+cs@mail.acme.example' })).toEqual([]);
	});

	it('takes only https: and http: web addresses for every link, naming the scheme refused', () => {
		expect(
			fieldsOf({
				training_url: 'javascript:alert(document.cookie)',
				community_url: '  JavaScript:alert(1)',
				help_url: 'data:text/html,<script>alert(1)</script>',
				public_url: 'vbscript:msgbox(1)'
			})
		).toEqual([
			['public_url', 'public_url', 'vbscript'],
			['training_url', 'link', 'javascript'],
			['community_url', 'link', 'javascript'],
			['help_url', 'link', 'data']
		]);
		expect(fieldsOf({ training_url: 'ftp://files.acme.example/a' })).toEqual([
			['training_url', 'link', 'ftp']
		]);
		expect(fieldsOf({ training_url: 'acme.example/training' })).toEqual([
			['training_url', 'link', null]
		]);
		expect(fieldsOf({ help_url: 'https://user:secret@acme.example/' })).toEqual([
			['help_url', 'link', null]
		]);
		expect(fieldsOf({ public_url: 'https://cs.acme.example/?x=1' })).toEqual([
			['public_url', 'public_url', null]
		]);
	});

	it('refuses what is not text, or too long', () => {
		expect(fieldsOf({ from_name: 42, postal_address: 'x'.repeat(301) })).toEqual([
			['from_name', 'type', null],
			['postal_address', 'too_long', null]
		]);
		expect(fieldsOf(null)).toEqual([['from_address', 'type', null]]);
	});
});

describe('resolveSender', () => {
	it('takes each part from the identity first', () => {
		const sender = resolveSender(FULL, {
			settings: { sender_postal_address: 'Old Street', training_url: 'https://old.example' },
			mailFrom: 'Env <env@acme.example>',
			publicUrl: 'https://env.example'
		});
		expect(sender).toEqual({
			name: 'Acme Customer Success',
			address: 'cs@acme.example',
			from: '"Acme Customer Success" <cs@acme.example>',
			reply_to: 'team@acme.example',
			postal_address: FULL.postal_address,
			public_url: 'https://cs.acme.example',
			links: {
				training: FULL.training_url,
				community: FULL.community_url,
				help: FULL.help_url
			},
			missing: []
		});
	});

	it('falls back on the workspace’s older settings, then MAIL_FROM and PUBLIC_URL, then placeholders it reports', () => {
		const fromSettings = resolveSender(EMPTY_SENDER, {
			settings: {
				sender_name: 'Old Team',
				sender_postal_address: 'Old Street 1',
				help_url: 'https://old.example/help'
			},
			mailFrom: 'Env Team <env@acme.example>',
			publicUrl: 'https://env.example/'
		});
		expect(fromSettings).toMatchObject({
			name: 'Old Team',
			from: '"Old Team" <env@acme.example>',
			reply_to: null,
			postal_address: 'Old Street 1',
			public_url: 'https://env.example',
			links: { help: 'https://old.example/help', training: 'https://example.com/training' },
			missing: ['training_url', 'community_url']
		});
		const bare = resolveSender();
		expect(bare).toMatchObject({
			name: 'The Customer Success team',
			from: '"The Customer Success team" <scorecraft@localhost>',
			postal_address: POSTAL_PLACEHOLDER,
			public_url: 'http://localhost:3000',
			missing: ['from', 'postal_address', 'public_url', 'training_url', 'community_url', 'help_url']
		});
	});

	it('never carries an unsafe value that got into a file: it counts as not set', () => {
		const sender = resolveSender(
			{
				...EMPTY_SENDER,
				training_url: 'javascript:alert(1)',
				from_address: 'x\r\nBcc: y@z.example'
			},
			{ settings: { community_url: 'data:text/html,x' }, mailFrom: 'not an address' }
		);
		expect(sender.links.training).toBe('https://example.com/training');
		expect(sender.links.community).toBe('https://example.com/community');
		expect(sender.address).toBe('scorecraft@localhost');
		expect(sender.missing).toEqual(
			expect.arrayContaining(['from', 'training_url', 'community_url'])
		);
	});

	it('quotes the From name so that nothing in it ends the header or adds an address', () => {
		expect(formatMailbox('Acme "CS", <evil@x.example>', 'cs@acme.example')).toBe(
			'"Acme \\"CS\\", <evil@x.example>" <cs@acme.example>'
		);
		expect(formatMailbox('A\r\nBcc: b@x.example', 'cs@acme.example')).toBe(
			'"A Bcc: b@x.example" <cs@acme.example>'
		);
		expect(formatMailbox('', 'cs@acme.example')).toBe('cs@acme.example');
	});
});

describe('what is missing, in words', () => {
	it('refuses SMTP until the From and the postal address are set, saying where to set them', () => {
		expect(smtpRefusal(resolveSender())).toBe(
			'the sender identity is incomplete: set the From address (Settings → Sender, or MAIL_FROM) and the postal address for the footer (Settings → Sender) before sending through SMTP. The local Mailbox (without SMTP_URL) works without them.'
		);
		const onlyPostal = resolveSender(EMPTY_SENDER, { mailFrom: 'cs@acme.example' });
		expect(smtpRefusal(onlyPostal)).toMatch(
			/set the postal address for the footer \(Settings → Sender\) before/
		);
		expect(smtpRefusal(onlyPostal)).not.toMatch(/From address/);
		expect(
			smtpRefusal(
				resolveSender({
					...EMPTY_SENDER,
					from_address: 'cs@acme.example',
					postal_address: '1 Main St',
					public_url: 'https://cs.acme.example'
				})
			)
		).toBeNull();
	});

	it('refuses SMTP while links point at this machine, and the command line warns of it', () => {
		const complete = {
			...EMPTY_SENDER,
			from_address: 'cs@acme.example',
			postal_address: '1 Main St'
		};
		expect(smtpRefusal(resolveSender(complete))).toBe(
			'the public URL is not set, so links point at http://localhost:3000, this machine: the unsubscribe links in the emails would open nowhere for the people who receive them. Set PUBLIC_URL (or the public URL in Settings → Sender) to the address customers reach.'
		);
		for (const url of [
			'http://127.0.0.1:5173',
			'http://LOCALHOST.',
			'http://app.localhost',
			'http://[::1]:3000',
			'http://0.0.0.0'
		])
			expect(smtpRefusal(resolveSender(complete, { publicUrl: url })), url).toMatch(
				/^the public URL is .*, this machine: the unsubscribe links/
			);
		for (const url of [
			'https://cs.acme.example',
			'http://10.0.0.5',
			'https://localhost.acme.example'
		])
			expect(smtpRefusal(resolveSender(complete, { publicUrl: url })), url).toBeNull();
		expect(senderWarnings(resolveSender(FULL, { publicUrl: 'http://127.0.0.1:5173' }))).toEqual([]);
		expect(
			senderWarnings(
				resolveSender({ ...FULL, public_url: '' }, { publicUrl: 'http://127.0.0.1:5173' })
			)
		).toEqual([
			'warning: the public URL is http://127.0.0.1:5173, this machine: the unsubscribe links in the emails would open nowhere for the people who receive them. Set PUBLIC_URL (or the public URL in Settings → Sender) to the address customers reach'
		]);
	});

	it('gives one warning per missing part, with what messages carry instead', () => {
		const warnings = senderWarnings(
			resolveSender(EMPTY_SENDER, {
				mailFrom: 'cs@acme.example',
				publicUrl: 'https://cs.acme.example'
			})
		);
		expect(warnings).toEqual([
			`warning: the postal address for the footer is not set (Settings → Sender): footers show "${POSTAL_PLACEHOLDER}"`,
			'warning: the training link is not set (Settings → Sender): templates link to https://example.com/training',
			'warning: the community link is not set (Settings → Sender): templates link to https://example.com/community',
			'warning: the help link is not set (Settings → Sender): templates link to https://example.com/help'
		]);
		expect(senderWarnings(resolveSender(FULL))).toEqual([]);
	});
});
