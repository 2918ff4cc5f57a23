import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OpenMessage } from '$lib/state/mail/mailbox.svelte';
import MessageView from './MessageView.svelte';

const UNSUBSCRIBE = 'http://localhost:3000/unsubscribe/abc.def';
const TO = 'Eve <script>alert(1)</script> <eve@example.com>';

function sample(): OpenMessage {
	return {
		id: '00mh1x2y3-0a1b2c3d',
		key: 'nurture:acc-1:c-1:2026-11-02',
		message_id: '<k1@scorecraft>',
		date: '2026-11-02T08:00:00.000Z',
		from: 'Scorecraft <scorecraft@localhost>',
		to: TO,
		subject: 'Your training invitation',
		headers: [
			['X-Mailer', 'Scorecraft'],
			['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
			['List-Unsubscribe', `<${UNSUBSCRIBE}>`],
			['To', TO],
			['From', 'Scorecraft <scorecraft@localhost>'],
			['Subject', 'Your training invitation']
		],
		html: `<!doctype html><html><head><title>x</title></head><body><p>Hi Eve</p><a href="${UNSUBSCRIBE}">Unsubscribe</a></body></html>`,
		text: 'Hi Eve\n\nUnsubscribe: ' + UNSUBSCRIBE,
		test: false,
		raw: 'From: Scorecraft <scorecraft@localhost>\r\nSubject: Your training invitation\r\n\r\n…'
	};
}

function setup(message = sample(), origin = 'http://localhost:3000') {
	const user = userEvent.setup();
	render(MessageView, { message, origin });
	return { user, headers: screen.getByRole('table', { name: 'Headers' }) };
}

describe('MessageView', () => {
	it('shows the headers, the usual ones first, values as text', () => {
		const { headers } = setup();
		const names = within(headers)
			.getAllByRole('rowheader')
			.map((cell) => cell.textContent);
		expect(names).toEqual([
			'From',
			'To',
			'Subject',
			'Date',
			'Message-ID',
			'List-Unsubscribe',
			'List-Unsubscribe-Post',
			'X-Mailer'
		]);
		expect(within(headers).getByRole('row', { name: /^To/ })).toHaveTextContent(TO);
		expect(headers.querySelector('script')).toBeNull();
		expect(within(headers).getByRole('row', { name: /^Message-ID/ })).toHaveTextContent(
			'<k1@scorecraft>'
		);
		expect(within(headers).getByRole('row', { name: /^List-Unsubscribe-Post/ })).toHaveTextContent(
			'List-Unsubscribe=One-Click'
		);
	});

	it('shows the HTML in a sandboxed frame whose links open in a new tab', async () => {
		const { user } = setup();
		const frame = screen.getByTitle(
			'The message as the customer sees it: Your training invitation'
		);
		expect(frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
		const srcdoc = frame.getAttribute('srcdoc') ?? '';
		expect(srcdoc).toContain('<head><base target="_blank"><title>x</title>');
		expect(srcdoc).toContain(`<a href="${UNSUBSCRIBE}">Unsubscribe</a>`);
		expect(frame.style.width).toBe('700px');

		await user.click(screen.getByRole('button', { name: 'Mobile (375 px)' }));
		expect(frame.style.width).toBe('375px');
		expect(screen.getByRole('button', { name: 'Mobile (375 px)' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	});

	it('shows the text part and the raw source on their tabs', async () => {
		const { user } = setup();
		await user.click(screen.getByRole('tab', { name: 'Text' }));
		expect(screen.getByRole('tabpanel')).toHaveTextContent(`Unsubscribe: ${UNSUBSCRIBE}`);
		await user.click(screen.getByRole('tab', { name: 'Source' }));
		expect(screen.getByLabelText('The raw message source')).toHaveTextContent(
			'Subject: Your training invitation'
		);
	});

	it('shows the logo and links from this page’s own address when opened at 127.0.0.1, the source as sent', async () => {
		const message = sample();
		message.html = message.html.replace(
			'<p>Hi Eve</p>',
			'<img src="http://localhost:3000/email-logo.png" alt="CS"><p>Hi Eve</p>'
		);
		message.raw = `${message.raw}\n<img src="http://localhost:3000/email-logo.png">`;
		const { user } = setup(message, 'http://127.0.0.1:3000');
		const srcdoc =
			screen
				.getByTitle('The message as the customer sees it: Your training invitation')
				.getAttribute('srcdoc') ?? '';
		expect(srcdoc).toContain('<img src="http://127.0.0.1:3000/email-logo.png" alt="CS">');
		expect(srcdoc).toContain('<a href="http://127.0.0.1:3000/unsubscribe/abc.def">');
		expect(srcdoc).not.toContain('localhost:3000');
		expect(screen.getByTestId('rewritten')).toHaveTextContent(
			'2 links and images to the app are shown at this page’s address (http://127.0.0.1:3000)'
		);
		// The headers and the source are the message exactly as sent.
		expect(
			within(screen.getByRole('table', { name: 'Headers' })).getByRole('row', {
				name: /^List-Unsubscribe /
			})
		).toHaveTextContent(UNSUBSCRIBE);
		await user.click(screen.getByRole('tab', { name: 'Source' }));
		expect(screen.getByLabelText('The raw message source')).toHaveTextContent(
			'<img src="http://localhost:3000/email-logo.png">'
		);
	});

	it('says nothing of addresses when the page is where the message points', () => {
		setup();
		expect(screen.queryByTestId('rewritten')).toBeNull();
	});
});
