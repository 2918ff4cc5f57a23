/** What the Mailbox shows of one message: pure helpers, no state. */
import { getLocale } from '$lib/i18n/messages';
import type { StoredMessage } from '$lib/server/mail/mailbox';

export type OpenMessage = StoredMessage & { raw: string };

/** The headers a reader looks for first, in this order; the others follow as the message has them. */
const FIRST_HEADERS = [
	'From',
	'To',
	'Subject',
	'Date',
	'Message-ID',
	'List-Unsubscribe',
	'List-Unsubscribe-Post'
];

/** The message's headers for display: the usual ones first (from its fields when missing), then the rest. */
export function headerRows(message: StoredMessage): [string, string][] {
	const fallback: Record<string, string> = {
		From: message.from,
		To: message.to,
		Subject: message.subject,
		Date: message.date,
		'Message-ID': message.message_id
	};
	const rank = (name: string) => {
		const index = FIRST_HEADERS.findIndex((first) => first.toLowerCase() === name.toLowerCase());
		return index === -1 ? FIRST_HEADERS.length : index;
	};
	const present = new Set(message.headers.map(([name]) => name.toLowerCase()));
	const missing = Object.entries(fallback).filter(
		([name, value]) => value && !present.has(name.toLowerCase())
	);
	// A stable sort keeps the message's own order within the rest.
	return [...message.headers, ...missing].sort(([a], [b]) => rank(a) - rank(b));
}

/**
 * The document the preview frame shows: the message's HTML as sent, with a `<base>` so its links
 * (the unsubscribe link among them) open in a new tab instead of inside the frame.
 */
export function previewDocument(html: string): string {
	const base = '<base target="_blank">';
	const head = /<head(\s[^>]*)?>/i.exec(html);
	if (!head) return `${base}${html}`;
	const at = head.index + head[0].length;
	return `${html.slice(0, at)}${base}${html.slice(at)}`;
}

let dateTimeFormat: Intl.DateTimeFormat | null = null;

/** When a message was sent, to the minute; an unreadable date as it is. */
export function formatSentAt(date: string): string {
	const time = new Date(date);
	if (Number.isNaN(time.getTime())) return date;
	dateTimeFormat ??= new Intl.DateTimeFormat(getLocale(), {
		dateStyle: 'medium',
		timeStyle: 'short'
	});
	return dateTimeFormat.format(time);
}
