/**
 * The local mail sink, used when no SMTP server is configured: each message is kept as its raw
 * `<id>.eml` and a `<id>.json` with what the Mailbox page shows. The JSON is written last, and
 * both by rename, so a message listed always has both files.
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

function summary(message: StoredMessage): MessageSummary {
	const { id, key, date, from, to, subject, test } = message;
	return Object.freeze({ id, key, date, from, to, subject, test });
}

export class MailSink {
	readonly dir: string;
	/** Summaries by id, loaded from the folder on first use; ids sort by the time they were made. */
	#index: Map<string, MessageSummary> | null = null;
	/** The folder's modification time when last read: another process (the CLI) may add messages. */
	#seen = -1;
	#sorted: MessageSummary[] | null = null;
	#lastTime = 0;

	constructor(dir: string) {
		this.dir = dir;
	}

	store(raw: Buffer | string, message: Omit<StoredMessage, 'id'>): StoredMessage {
		const index = this.#load();
		mkdirSync(this.dir, { recursive: true });
		const id = this.#newId();
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

	/** Time first (base 36, fixed width, never going back within this process), then randomness. */
	#newId(): string {
		this.#lastTime = Math.max(Date.now(), this.#lastTime + 1);
		return `${this.#lastTime.toString(36).padStart(9, '0')}-${randomBytes(4).toString('hex')}`;
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
