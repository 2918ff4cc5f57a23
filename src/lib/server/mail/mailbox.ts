/**
 * The local mail sink, used when no SMTP server is configured: the server keeps its messages in
 * its database (`../store/mailbox.ts`); `engine run --sink DIR` (and without the server's database)
 * keeps each one in a folder, as its raw `<id>.eml` and a `<id>.json` with what the Mailbox page
 * shows. The JSON is written last, and both by rename, so a message listed always has both files.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './files';

export interface StoredMessage {
	id: string;
	key: string | null;
	message_id: string;
	date: string;
	from: string;
	to: string;
	subject: string;
	headers: [string, string][];
	html: string;
	text: string;
	test: boolean;
	/** The app's public address the message's links were made with (absent in older messages). */
	public_url?: string;
}

export type MessageSummary = Pick<
	StoredMessage,
	'id' | 'key' | 'date' | 'from' | 'to' | 'subject' | 'test'
>;

const MESSAGE_ID = /^[A-Za-z0-9_-]+$/;
const MESSAGE_FILE = /^([A-Za-z0-9_-]+)\.json$/;
const MESSAGE_PART = /^([A-Za-z0-9_-]+)\.(?:eml|json)$/;

/** Where the sink transport keeps a message: the server's database or a folder. */
export interface MessageSink {
	store(
		raw: Buffer | string,
		message: Omit<StoredMessage, 'id'>
	): StoredMessage | Promise<StoredMessage>;
}

let lastTime = 0;

/** Time first (base 36, fixed width, never going back within this process), then randomness. */
export function newMessageId(): string {
	lastTime = Math.max(Date.now(), lastTime + 1);
	return `${lastTime.toString(36).padStart(9, '0')}-${randomBytes(4).toString('hex')}`;
}

function summary(message: StoredMessage): MessageSummary {
	const { id, key, date, from, to, subject, test } = message;
	return Object.freeze({ id, key, date, from, to, subject, test });
}

export class MailSink implements MessageSink {
	readonly dir: string;
	/** Summaries by id, loaded from the folder on first use; ids sort by the time they were made. */
	#index: Map<string, MessageSummary> | null = null;
	/** The folder's modification time when last read: another process (the CLI) may add messages. */
	#seen = -1;
	#sorted: MessageSummary[] | null = null;

	constructor(dir: string) {
		this.dir = dir;
	}

	store(raw: Buffer | string, message: Omit<StoredMessage, 'id'>): StoredMessage {
		const index = this.#load();
		mkdirSync(this.dir, { recursive: true });
		const id = newMessageId();
		const stored: StoredMessage = { id, ...message };
		writeFileAtomically(join(this.dir, `${id}.eml`), raw, join(this.dir, `.${id}.eml.tmp`));
		writeFileAtomically(
			join(this.dir, `${id}.json`),
			JSON.stringify(stored),
			join(this.dir, `.${id}.json.tmp`)
		);
		index.set(id, summary(stored));
		this.#sorted = null;
		// Our own writes changed the folder; no need to read it again for them.
		this.#seen = statSync(this.dir).mtimeMs;
		return stored;
	}

	/** Newest first. */
	list(): MessageSummary[] {
		const index = this.#load();
		this.#sorted ??= [...index.values()].sort((a, b) => (a.id < b.id ? 1 : -1));
		return [...this.#sorted];
	}

	get(id: string): (StoredMessage & { raw: string }) | null {
		if (!MESSAGE_ID.test(id)) return null;
		try {
			const message = JSON.parse(
				readFileSync(join(this.dir, `${id}.json`), 'utf8')
			) as StoredMessage;
			const raw = readFileSync(join(this.dir, `${id}.eml`), 'utf8');
			return { ...message, id, raw };
		} catch {
			return null;
		}
	}

	count(): number {
		return this.#load().size;
	}

	/** The index, read again when the folder changed since it was last read. */
	#load(): Map<string, MessageSummary> {
		const modified = existsSync(this.dir) ? statSync(this.dir).mtimeMs : 0;
		if (this.#index && modified === this.#seen) return this.#index;
		const previous = this.#index ?? new Map<string, MessageSummary>();
		const index = new Map<string, MessageSummary>();
		const names = modified === 0 ? [] : readdirSync(this.dir);
		const emls = new Set(names.filter((name) => name.endsWith('.eml')));
		for (const name of names) {
			const id = MESSAGE_FILE.exec(name)?.[1];
			if (!id || !emls.has(`${id}.eml`)) continue;
			const known = previous.get(id) ?? this.#readSummary(id);
			if (known) index.set(id, known);
		}
		this.#index = index;
		this.#seen = modified;
		this.#sorted = null;
		return index;
	}

	#readSummary(id: string): MessageSummary | null {
		try {
			return summary(
				JSON.parse(readFileSync(join(this.dir, `${id}.json`), 'utf8')) as StoredMessage
			);
		} catch {
			return null;
		}
	}
}

const isText = (value: unknown): value is string => typeof value === 'string';

/** A message's JSON as the sink wrote it, or null when a field is missing or of another type. */
function readStoredMessage(value: unknown, id: string): StoredMessage | null {
	if (typeof value !== 'object' || value === null) return null;
	const message = value as Record<string, unknown>;
	const texts = ['message_id', 'date', 'from', 'to', 'subject', 'html', 'text'] as const;
	if (!texts.every((field) => isText(message[field]))) return null;
	if (Number.isNaN(Date.parse(message.date as string))) return null;
	if (message.key !== null && !isText(message.key)) return null;
	if (typeof message.test !== 'boolean') return null;
	if (message.public_url !== undefined && !isText(message.public_url)) return null;
	const headers = message.headers;
	if (!Array.isArray(headers)) return null;
	if (!headers.every((h) => Array.isArray(h) && h.length === 2 && h.every(isText))) return null;
	return { ...(message as unknown as StoredMessage), id };
}

/**
 * Every message of a sink folder with its raw source, for moving them into the server's database;
 * `damaged` names the files of those that could not be read whole (a message without its `.json`,
 * a JSON that does not parse or lacks a field). Other files (a write a crash cut short, `.*.tmp`)
 * are no messages.
 */
export function readMailFolder(dir: string): {
	messages: (StoredMessage & { raw: Buffer })[];
	damaged: string[];
} {
	const names = readdirSync(dir);
	const ids = new Set(names.flatMap((name) => MESSAGE_PART.exec(name)?.[1] ?? []));
	const messages: (StoredMessage & { raw: Buffer })[] = [];
	const damaged: string[] = [];
	for (const id of [...ids].sort()) {
		let message: StoredMessage | null = null;
		let raw: Buffer | null = null;
		try {
			message = readStoredMessage(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')), id);
			raw = readFileSync(join(dir, `${id}.eml`));
		} catch {
			// missing or unreadable: damaged below
		}
		if (message && raw) messages.push({ ...message, raw });
		else damaged.push(...[`${id}.json`, `${id}.eml`].filter((name) => names.includes(name)));
	}
	return { messages, damaged: damaged.map((name) => join(dir, name)) };
}
