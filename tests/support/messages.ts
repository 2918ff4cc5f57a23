import type { StoredMessage } from '../../src/lib/server/mail/mailbox';

/** What the sink transport keeps of a message (all but its id). */
export function message(to: string, subject: string, test = false): Omit<StoredMessage, 'id'> {
	return {
		key: test ? null : `play:${to}`,
		message_id: `<${to}@scorecraft>`,
		date: '2026-11-02T08:00:00.000Z',
		from: 'Scorecraft <scorecraft@localhost>',
		to,
		subject,
		headers: [
			['From', 'Scorecraft <scorecraft@localhost>'],
			['To', to]
		],
		html: `<p>Hello ${to}</p>`,
		text: `Hello ${to}`,
		test
	};
}
