import { describe, expect, it } from 'vitest';
import type { OpenMessage } from '$lib/state/mail/mailbox.svelte';
import { appBases, displayHtml, formatSentAt, previewDocument } from './message';

describe('previewDocument', () => {
	it('puts the base right after the head, whatever its attributes', () => {
		expect(
			previewDocument('<html><HEAD lang="en"><title>t</title></HEAD><body>x</body></html>')
		).toBe(
			'<html><HEAD lang="en"><base target="_blank"><title>t</title></HEAD><body>x</body></html>'
		);
	});

	it('does not take a <header> for the head, and puts the base first without one', () => {
		expect(previewDocument('<header>Hi</header>')).toBe(
			'<base target="_blank"><header>Hi</header>'
		);
	});
});

describe('formatSentAt', () => {
	it('shows an unreadable date as it is', () => {
		expect(formatSentAt('someday')).toBe('someday');
		expect(formatSentAt('2026-11-02T08:00:00.000Z')).toMatch(/2026/);
	});
});

function stored(overrides: Partial<OpenMessage> = {}): OpenMessage {
	return {
		id: 'm1',
		key: null,
		message_id: '<m1@x>',
		date: '2026-11-02T08:00:00.000Z',
		from: 'cs@acme.example',
		to: 'ana@acme.example',
		subject: 'Hi',
		headers: [['List-Unsubscribe', '<http://localhost:3000/unsubscribe/abc.def>']],
		html: '',
		text: '',
		test: false,
		raw: '',
		...overrides
	};
}

describe('appBases', () => {
	it('knows the app by the public URL a message was sent with, its unsubscribe header, and the server’s; loopback under each name', () => {
		expect(appBases(stored()).sort()).toEqual([
			'http://127.0.0.1:3000',
			'http://[::1]:3000',
			'http://localhost:3000'
		]);
		expect(
			appBases(
				stored({ headers: [], public_url: 'https://cs.acme.example' }),
				'https://other.acme.example/'
			)
		).toEqual(['https://cs.acme.example', 'https://other.acme.example']);
		expect(appBases(stored({ headers: [['List-Unsubscribe', '<mailto:x@y.example>']] }))).toEqual(
			[]
		);
	});
});

describe('displayHtml', () => {
	const sent = [
		'<img src="http://localhost:3000/email-logo.png" alt="CS">',
		'<a href="http://localhost:3000/unsubscribe/abc.def">Unsubscribe</a>',
		"<a href='http://localhost:3000'>App</a>",
		'<a href="http://localhost:30001/x">other port</a>',
		'<a href="http://localhost:3000.evil.example/x">lookalike</a>',
		'<a href="https://acme.example/training">Training</a>',
		'<p>http://localhost:3000/email-logo.png in the text stays</p>'
	].join('\n');

	it('points links and images at the app under this page’s address, leaving everything else', () => {
		const bases = appBases(stored());
		const { html, rewritten } = displayHtml(sent, bases, 'http://127.0.0.1:3000');
		expect(rewritten).toBe(3);
		expect(html.split('\n')).toEqual([
			'<img src="http://127.0.0.1:3000/email-logo.png" alt="CS">',
			'<a href="http://127.0.0.1:3000/unsubscribe/abc.def">Unsubscribe</a>',
			"<a href='http://127.0.0.1:3000'>App</a>",
			'<a href="http://localhost:30001/x">other port</a>',
			'<a href="http://localhost:3000.evil.example/x">lookalike</a>',
			'<a href="https://acme.example/training">Training</a>',
			'<p>http://localhost:3000/email-logo.png in the text stays</p>'
		]);
	});

	it('changes nothing when the page is at the address the message was sent with', () => {
		expect(displayHtml(sent, appBases(stored()), 'http://localhost:3000')).toEqual({
			html: sent,
			rewritten: 0
		});
	});
});
