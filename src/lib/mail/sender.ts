/**
 * The sender identity: who every message is from, where replies go, the postal address in every
 * footer (anti-spam laws ask for one), the app's public address and the links templates use.
 * The server keeps it (Settings → Sender); this module checks it and resolves what a message
 * carries, with the defaults in order: the identity, then the workspace's older `settings` keys
 * (`sender_name`, `sender_postal_address`, `training_url`, …), then the environment (`MAIL_FROM`,
 * `PUBLIC_URL`), then placeholders. Pure: the server, the command line and the previews share it.
 */
import type { Workspace } from '../engine';
import { isValidAddress } from '../engine/plays/recipients';
import { webLinkProblem } from '../engine/workspace/fields';

/** The identity as Settings edits it and the server stores it; '' is "not set". */
export interface SenderIdentity {
	from_name: string;
	from_address: string;
	reply_to: string;
	postal_address: string;
	public_url: string;
	training_url: string;
	community_url: string;
	help_url: string;
}

export type SenderField = keyof SenderIdentity;

export const SENDER_FIELDS: readonly SenderField[] = [
	'from_name',
	'from_address',
	'reply_to',
	'postal_address',
	'public_url',
	'training_url',
	'community_url',
	'help_url'
];

export const EMPTY_SENDER: Readonly<SenderIdentity> = Object.freeze({
	from_name: '',
	from_address: '',
	reply_to: '',
	postal_address: '',
	public_url: '',
	training_url: '',
	community_url: '',
	help_url: ''
});

/** What the server tells the app about the sender: its stored identity and its environment's defaults. */
export interface SenderSource {
	identity: SenderIdentity;
	/** `MAIL_FROM`, when set. */
	mail_from: string | null;
	/** `PUBLIC_URL`, when set. */
	public_url: string | null;
}

/** A part of the identity a message may still carry a placeholder for. */
export type SenderPart =
	'from' | 'postal_address' | 'public_url' | 'training_url' | 'community_url' | 'help_url';

/** The parts the server must have before it sends through a real SMTP server. */
export const REQUIRED_FOR_SMTP: readonly SenderPart[] = ['from', 'postal_address'];

/** What messages carry, every part resolved. */
export interface ResolvedSender {
	name: string;
	address: string;
	/** The From header: `"name" <address>`. */
	from: string;
	reply_to: string | null;
	postal_address: string;
	/** No trailing slash. */
	public_url: string;
	links: { training: string; community: string; help: string };
	/** The parts still on a placeholder, in the order of `SenderPart`. */
	missing: SenderPart[];
}

export const DEFAULT_SENDER_NAME = 'The Customer Success team';
export const DEFAULT_FROM_ADDRESS = 'scorecraft@localhost';
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';
/** Shown until a postal address is set: plainly a placeholder, never mistaken for a real one. */
export const POSTAL_PLACEHOLDER = '[postal address not set: Settings → Sender]';
export const LINK_PLACEHOLDERS = {
	training: 'https://example.com/training',
	community: 'https://example.com/community',
	help: 'https://example.com/help'
} as const;

const LIMITS: Record<SenderField, number> = {
	from_name: 100,
	from_address: 254,
	reply_to: 254,
	postal_address: 300,
	public_url: 2000,
	training_url: 2000,
	community_url: 2000,
	help_url: 2000
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why a check failed, as a code the Settings page words for itself, and in English. */
export type SenderProblemCode = 'type' | 'too_long' | 'control' | 'address' | 'link' | 'public_url';

export interface SenderProblem {
	field: SenderField;
	code: SenderProblemCode;
	message: string;
	/** The scheme refused (`javascript`, `data`…), for a link that has one. */
	scheme?: string;
	/** The longest a field may be, for `too_long`. */
	max?: number;
}

function addressProblem(value: string): string | null {
	return isValidAddress(value) ? null : 'expected an email address such as cs@example.com';
}

function publicUrlProblem(value: string): string | null {
	const problem = webLinkProblem(value);
	if (problem) return problem.message;
	const url = new URL(value.trim());
	if (url.search || url.hash) return 'expected the app’s address, without "?" or "#" parts';
	return null;
}

/** The problem with one field's value (already a string), or null. */
export function senderFieldProblem(field: SenderField, value: string): SenderProblem | null {
	const problem = (code: SenderProblemCode, message: string): SenderProblem => ({
		field,
		code,
		message
	});
	if (value.length > LIMITS[field])
		return {
			...problem('too_long', `expected at most ${LIMITS[field]} characters`),
			max: LIMITS[field]
		};
	if (CONTROL.test(value)) return problem('control', 'control characters (CR/LF) are refused');
	const text = value.trim();
	if (!text) return null;
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
	const refused = scheme && scheme !== 'http' && scheme !== 'https' ? { scheme } : {};
	switch (field) {
		case 'from_address':
		case 'reply_to': {
			const message = addressProblem(text);
			return message ? problem('address', message) : null;
		}
		case 'public_url': {
			const message = publicUrlProblem(text);
			return message ? { ...problem('public_url', message), ...refused } : null;
		}
		case 'training_url':
		case 'community_url':
		case 'help_url': {
			const message = webLinkProblem(text)?.message;
			return message ? { ...problem('link', message), ...refused } : null;
		}
		default:
			return null;
	}
}

/**
 * Checks an identity from a request or a file: every field text (absent: empty), each valid;
 * values trimmed, the public URL without its trailing slash. Every problem at once, by field.
 */
export function parseSender(
	input: unknown
): { ok: true; value: SenderIdentity } | { ok: false; errors: SenderProblem[] } {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		return {
			ok: false,
			errors: [{ field: 'from_address', code: 'type', message: 'expected an object' }]
		};
	const record = input as Record<string, unknown>;
	const value = { ...EMPTY_SENDER };
	const errors: SenderProblem[] = [];
	for (const field of SENDER_FIELDS) {
		const raw = record[field] ?? '';
		if (typeof raw !== 'string') {
			errors.push({ field, code: 'type', message: 'expected text' });
			continue;
		}
		const problem = senderFieldProblem(field, raw);
		if (problem) errors.push(problem);
		else value[field] = field === 'public_url' ? raw.trim().replace(/\/+$/, '') : raw.trim();
	}
	return errors.length ? { ok: false, errors } : { ok: true, value };
}

/** The identity with every invalid field emptied: what a hand-edited file can be trusted for. */
export function trustedSender(input: unknown): SenderIdentity {
	const record =
		typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
	const value = { ...EMPTY_SENDER };
	for (const field of SENDER_FIELDS) {
		const raw = record[field];
		if (typeof raw === 'string' && !senderFieldProblem(field, raw))
			value[field] = field === 'public_url' ? raw.trim().replace(/\/+$/, '') : raw.trim();
	}
	return value;
}

/** The display name inside `Name <address>` (quotes removed), or ''. */
export function nameOf(mailbox: string): string {
	const match = /^\s*(.*?)\s*<[^<>]+>\s*$/.exec(mailbox);
	return (match?.[1] ?? '').replace(/^"(.*)"$/, '$1').trim();
}

/** The address inside `Name <address>`, or the whole value. */
export function addressOf(mailbox: string): string {
	const match = /<([^<>]+)>\s*$/.exec(mailbox);
	return (match ? match[1]! : mailbox).trim();
}

/** `"name" <address>`, the name quoted (RFC 5322) so that no character in it can end the header. */
export function formatMailbox(name: string, address: string): string {
	// eslint-disable-next-line no-control-regex
	const clean = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
	return clean ? `"${clean.replace(/["\\]/g, '\\$&')}" <${address}>` : address;
}

export interface SenderDefaults {
	/** The workspace's settings: its older sender keys fill what the identity leaves empty. */
	settings?: Workspace['settings'];
	/** `MAIL_FROM`, or null when not set. */
	mailFrom?: string | null;
	/** `PUBLIC_URL`, or where the app is reached (a request's origin), or null. */
	publicUrl?: string | null;
}

/** The first non-empty valid value, or null. */
function first(...values: (string | null | undefined)[]): string | null {
	for (const value of values) if (typeof value === 'string' && value.trim()) return value.trim();
	return null;
}

function setting(settings: Workspace['settings'] | undefined, key: string): string | null {
	const value = (settings as Record<string, unknown> | undefined)?.[key];
	if (typeof value !== 'string' || !value.trim() || CONTROL.test(value)) return null;
	return value.trim();
}

function link(settings: Workspace['settings'] | undefined, key: string): string | null {
	const value = setting(settings, key);
	return value && !webLinkProblem(value) ? value : null;
}

/** What a message carries: each part from the identity, else the older settings, else the environment. */
export function resolveSender(
	identity: SenderIdentity = EMPTY_SENDER,
	defaults: SenderDefaults = {}
): ResolvedSender {
	const trusted = trustedSender(identity);
	const { settings } = defaults;
	const envFrom = first(defaults.mailFrom);
	const envAddress = envFrom && isValidAddress(addressOf(envFrom)) ? addressOf(envFrom) : null;
	const address = first(trusted.from_address, envAddress);
	const name =
		first(trusted.from_name, setting(settings, 'sender_name'), envFrom && nameOf(envFrom)) ??
		DEFAULT_SENDER_NAME;
	const postal = first(trusted.postal_address, setting(settings, 'sender_postal_address'));
	const envUrl = first(defaults.publicUrl);
	const publicUrl = first(
		trusted.public_url,
		envUrl && !webLinkProblem(envUrl) ? envUrl.replace(/\/+$/, '') : null
	);
	const training = first(trusted.training_url, link(settings, 'training_url'));
	const community = first(trusted.community_url, link(settings, 'community_url'));
	const help = first(trusted.help_url, link(settings, 'help_url'));
	const missing: SenderPart[] = [];
	if (!address) missing.push('from');
	if (!postal) missing.push('postal_address');
	if (!publicUrl) missing.push('public_url');
	if (!training) missing.push('training_url');
	if (!community) missing.push('community_url');
	if (!help) missing.push('help_url');
	const finalAddress = address ?? DEFAULT_FROM_ADDRESS;
	return {
		name,
		address: finalAddress,
		from: formatMailbox(name, finalAddress),
		reply_to: first(trusted.reply_to),
		postal_address: postal ?? POSTAL_PLACEHOLDER,
		public_url: publicUrl ?? DEFAULT_PUBLIC_URL,
		links: {
			training: training ?? LINK_PLACEHOLDERS.training,
			community: community ?? LINK_PLACEHOLDERS.community,
			help: help ?? LINK_PLACEHOLDERS.help
		},
		missing
	};
}

/** The parts a real SMTP send still waits for (empty: it may send). */
export function missingForSmtp(sender: ResolvedSender): SenderPart[] {
	return REQUIRED_FOR_SMTP.filter((part) => sender.missing.includes(part));
}

/** Each part in English, and where it is set: the server's refusal and the command line's warnings. */
const PARTS: Record<SenderPart, { what: string; where: string }> = {
	from: { what: 'the From address', where: 'Settings → Sender, or MAIL_FROM' },
	postal_address: { what: 'the postal address for the footer', where: 'Settings → Sender' },
	public_url: { what: 'the public URL', where: 'Settings → Sender, or PUBLIC_URL' },
	training_url: { what: 'the training link', where: 'Settings → Sender' },
	community_url: { what: 'the community link', where: 'Settings → Sender' },
	help_url: { what: 'the help link', where: 'Settings → Sender' }
};

/**
 * Whether a public URL names this machine (localhost, a loopback or unspecified address): links
 * made with it open nowhere for the people who receive the email.
 */
export function isLocalPublicUrl(publicUrl: string): boolean {
	let host: string;
	try {
		host = new URL(publicUrl).hostname.toLowerCase().replace(/\.$/, '');
	} catch {
		return false;
	}
	return (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		/^127\.\d+\.\d+\.\d+$/.test(host) ||
		host === '0.0.0.0' ||
		host === '[::1]' ||
		host === '[::]'
	);
}

function localPublicUrlProblem(sender: ResolvedSender): string {
	const url = sender.missing.includes('public_url')
		? `the public URL is not set, so links point at ${sender.public_url}`
		: `the public URL is ${sender.public_url}`;
	return `${url}, this machine: the unsubscribe links in the emails would open nowhere for the people who receive them. Set PUBLIC_URL (or the public URL in Settings → Sender) to the address customers reach`;
}

/**
 * The server's refusal to send through SMTP with an incomplete identity, or with links to this
 * machine (`isLocalPublicUrl`); null when it may send.
 */
export function smtpRefusal(sender: ResolvedSender): string | null {
	const missing = missingForSmtp(sender);
	if (missing.length > 0) {
		const parts = missing.map((part) => `${PARTS[part].what} (${PARTS[part].where})`);
		return `the sender identity is incomplete: set ${parts.join(' and ')} before sending through SMTP. The local Mailbox (without SMTP_URL) works without them.`;
	}
	if (isLocalPublicUrl(sender.public_url)) return `${localPublicUrlProblem(sender)}.`;
	return null;
}

/** One warning per part still on a placeholder, saying what messages carry instead: `engine run` prints them. */
export function senderWarnings(sender: ResolvedSender): string[] {
	const instead: Record<SenderPart, string> = {
		from: `messages go out from ${sender.address}`,
		postal_address: `footers show "${POSTAL_PLACEHOLDER}"`,
		public_url: `unsubscribe links and the logo point at ${sender.public_url}`,
		training_url: `templates link to ${sender.links.training}`,
		community_url: `templates link to ${sender.links.community}`,
		help_url: `templates link to ${sender.links.help}`
	};
	const warnings = sender.missing.map(
		(part) => `warning: ${PARTS[part].what} is not set (${PARTS[part].where}): ${instead[part]}`
	);
	// Not set says so above; set to this machine is its own mistake.
	if (!sender.missing.includes('public_url') && isLocalPublicUrl(sender.public_url))
		warnings.push(`warning: ${localPublicUrlProblem(sender)}`);
	return warnings;
}
