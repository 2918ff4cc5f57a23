/** What the Mailbox shows of one message: pure helpers, no state. */
import { getLocale } from '$lib/i18n/messages';
import type { StoredMessage } from '$lib/server/mail/mailbox';

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

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** The origin (scheme, host, port) of a web address, or null. */
function originOf(url: string): string | null {
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
	} catch {
		return null;
	}
}

/**
 * The origins a message's links to the app start with: the public URL it was sent with (kept
 * by the sink), the one its List-Unsubscribe header shows, and the server's current one; a
 * loopback address under each of its names (`localhost`, `127.0.0.1`, `[::1]`), which are one
 * machine but three origins to a browser.
 */
export function appBases(message: StoredMessage, serverPublicUrl?: string | null): string[] {
	const found = new Set<string>();
	const add = (url: string | null | undefined) => {
		const base = url ? originOf(url) : null;
		if (!base) return;
		found.add(base);
		const parsed = new URL(base);
		if (!LOOPBACK.includes(parsed.hostname)) return;
		for (const name of LOOPBACK) {
			parsed.hostname = name;
			found.add(parsed.origin);
		}
	};
	add(message.public_url);
	const unsubscribe = message.headers.find(([name]) => name.toLowerCase() === 'list-unsubscribe');
	const link = unsubscribe && /<(https?:\/\/[^>]+?)\/unsubscribe\/[^>]*>/i.exec(unsubscribe[1]);
	add(link ? link[1] : null);
	add(serverPublicUrl);
	return [...found];
}

/**
 * The message's HTML for display on this page: links and images pointing at the app under
 * another address (`localhost` while the page is at `127.0.0.1`, or the public URL) are pointed
 * at the page's own origin, which the page's Content Security Policy lets images load from. Only
 * `href` and `src` attributes change; the stored message stays exactly as sent.
 */
export function displayHtml(
	html: string,
	bases: readonly string[],
	origin: string
): { html: string; rewritten: number } {
	const others = bases.filter((base) => base !== origin);
	let rewritten = 0;
	const out = html.replace(
		/(\s(?:href|src)\s*=\s*)("([^"]*)"|'([^']*)')/gi,
		(whole, before: string, quoted: string, double?: string, single?: string) => {
			const value = double ?? single ?? '';
			const base = others.find(
				(candidate) =>
					value === candidate ||
					(value.startsWith(candidate) && /^[/?#]/.test(value.slice(candidate.length)))
			);
			if (!base) return whole;
			rewritten++;
			const quote = quoted[0];
			return `${before}${quote}${origin}${value.slice(base.length)}${quote}`;
		}
	);
	return { html: out, rewritten };
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
