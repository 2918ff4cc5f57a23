/**
 * How a message leaves the server: nodemailer over SMTP (`SMTP_URL`, pooled connections, TLS as
 * the URL says: `smtps://` at once, `smtp://` upgrades with STARTTLS when offered), or, with no
 * SMTP set, the local sink (the same MIME message, stored for the Mailbox page).
 */
import nodemailer from 'nodemailer';
import { addressOf } from '../../mail/sender';
import type { MessageSink } from './mailbox';

export interface OutgoingMessage {
	/** The outbox entry's idempotency key; null for a test send. */
	key: string | null;
	from: string;
	to: string;
	/** Where replies go (the sender identity's Reply-To); none: to the From. */
	replyTo?: string | null;
	subject: string;
	html: string;
	text: string;
	/** `<…@…>`, chosen by us so that a message keeps one id across tries. */
	messageId: string;
	/** Extra headers (List-Unsubscribe…), already checked for CR/LF. */
	headers: Record<string, string>;
	test?: boolean;
	/** The app's public address the message's links were made with (kept by the sink for the Mailbox). */
	publicUrl?: string;
}

export interface SendOutcome {
	messageId: string;
	/** The server's last answer (`250 OK …`), or where the sink stored it. */
	response: string;
}

/** A send that did not go through; `transient` when trying again later may work (4xx, network). */
export class SendFailure extends Error {
	constructor(
		message: string,
		readonly transient: boolean
	) {
		super(message);
		this.name = 'SendFailure';
	}
}

export interface MailTransport {
	readonly kind: 'smtp' | 'sink';
	send(message: OutgoingMessage): Promise<SendOutcome>;
	close(): void;
}

const NETWORK_CODES = new Set([
	'ECONNECTION',
	'ETIMEDOUT',
	'ESOCKET',
	'EDNS',
	'ECONNRESET',
	'ETLS',
	'EPROTOCOL'
]);

/** Sorts a nodemailer error: a 4xx answer or a lost connection may pass later; a 5xx will not. */
export function failureOf(error: unknown): SendFailure {
	const { responseCode, code, response, message } = error as {
		responseCode?: number;
		code?: string;
		response?: string;
		message?: string;
	};
	const text = (response || message || String(error)).trim();
	if (typeof responseCode === 'number')
		return new SendFailure(text, responseCode >= 400 && responseCode < 500);
	return new SendFailure(text, code === undefined || NETWORK_CODES.has(code));
}

function mailOptions(message: OutgoingMessage) {
	return {
		from: message.from,
		to: message.to,
		...(message.replyTo ? { replyTo: message.replyTo } : {}),
		subject: message.subject,
		html: message.html,
		text: message.text,
		messageId: message.messageId,
		headers: message.headers,
		// Never let an address in a header reach the envelope other than `to`.
		envelope: { from: addressOf(message.from), to: [message.to] },
		disableFileAccess: true,
		disableUrlAccess: true
	};
}

/**
 * How long an SMTP server may keep us waiting: to connect, to greet, and for any answer once
 * talking (nodemailer drops the connection then, and the message is a transient failure, left
 * queued for the next run). A URL's own `connectionTimeout`… parameters win.
 */
export const SMTP_DEADLINES = {
	connectionTimeout: 10_000,
	greetingTimeout: 10_000,
	socketTimeout: 30_000
} as const;

/**
 * Messages a pooled connection carries before it is closed and opened again (nodemailer's default
 * is 100): each new connection is a handshake, TLS and AUTH with a real server. A server that
 * allows fewer refuses the next message with a 4xx (tried again) or closes the connection
 * (nodemailer sends the message again on a new one).
 */
export const MESSAGES_PER_CONNECTION = 1_000;

/**
 * SMTP through a pool of connections (up to `maxConnections`, default 3: Exchange Online refuses a
 * fourth connection of one mailbox), each carrying up to `MESSAGES_PER_CONNECTION` messages.
 */
export function smtpTransport(
	url: string,
	maxConnections = 3,
	deadlines: Partial<Record<keyof typeof SMTP_DEADLINES, number>> = {}
): MailTransport {
	const options = new URL(url);
	if (!options.searchParams.has('pool')) options.searchParams.set('pool', 'true');
	if (!options.searchParams.has('maxConnections'))
		options.searchParams.set('maxConnections', String(maxConnections));
	if (!options.searchParams.has('maxMessages'))
		options.searchParams.set('maxMessages', String(MESSAGES_PER_CONNECTION));
	for (const [name, ms] of Object.entries({ ...SMTP_DEADLINES, ...deadlines }))
		if (!options.searchParams.has(name)) options.searchParams.set(name, String(ms));
	const transporter = nodemailer.createTransport(options.toString());
	return {
		kind: 'smtp',
		async send(message) {
			try {
				const info = await transporter.sendMail(mailOptions(message));
				return {
					messageId: info.messageId ?? message.messageId,
					response: String(info.response ?? '')
				};
			} catch (error) {
				throw failureOf(error);
			}
		},
		close: () => transporter.close()
	};
}

/** The local sink: builds the real MIME message and stores it instead of sending it. */
export function sinkTransport(sink: MessageSink): MailTransport {
	const builder = nodemailer.createTransport({
		streamTransport: true,
		buffer: true,
		newline: 'unix'
	});
	return {
		kind: 'sink',
		async send(message) {
			const info = await builder.sendMail(mailOptions(message));
			const raw = info.message as Buffer;
			const headers = Object.entries(message.headers);
			const stored = await sink.store(raw, {
				key: message.key,
				message_id: message.messageId,
				date: new Date().toISOString(),
				from: message.from,
				to: message.to,
				subject: message.subject,
				headers: [
					['From', message.from],
					['To', message.to],
					...(message.replyTo ? [['Reply-To', message.replyTo] as [string, string]] : []),
					['Subject', message.subject],
					['Message-ID', message.messageId],
					...headers
				],
				html: message.html,
				text: message.text,
				test: message.test ?? false,
				...(message.publicUrl ? { public_url: message.publicUrl } : {})
			});
			return { messageId: message.messageId, response: `stored in the mailbox as ${stored.id}` };
		},
		close: () => builder.close()
	};
}
