/**
 * The send ledger: idempotency key → what became of that message, in an append-only file of JSON
 * lines. A record is written before `record` returns and flushed to the disk before a send is
 * answered (`durable`), so a message recorded as sent is never sent again, whatever crashes later.
 */
import {
	closeSync,
	existsSync,
	fdatasync,
	fsyncSync,
	mkdirSync,
	openSync,
	readFileSync,
	truncateSync,
	writeSync
} from 'node:fs';
import { dirname } from 'node:path';

export interface LedgerRecord {
	key: string;
	status: 'sent' | 'failed';
	recipient: string;
	/** The play and account the message was for (the server's next runs count it for cooldowns). */
	play_id?: string;
	account_id?: string;
	message_id?: string;
	error?: string;
	attempts: number;
	at: string;
}

/** Turns one parsed line into a record, or null when it is not one. */
export type LineReader<T> = (value: unknown) => T | null;

/**
 * An append-only file of JSON lines, shared by the ledger and the unsubscribe list. Loading
 * tolerates a torn last line (a crash in the middle of a write: that append never returned, so
 * nobody relied on it) and cuts it off so the next append starts on a line of its own; a bad line
 * anywhere else means the file was damaged or edited, and is reported rather than skipped.
 */
export class JsonLinesFile<T> {
	readonly file: string;
	readonly #fd: number;

	private constructor(file: string, fd: number) {
		this.file = file;
		this.#fd = fd;
	}

	/** Opens (creating its folder and itself when missing) and returns the file with its records. */
	static open<T>(file: string, read: LineReader<T>): { log: JsonLinesFile<T>; records: T[] } {
		mkdirSync(dirname(file), { recursive: true });
		const records = existsSync(file) ? loadLines(file, read) : [];
		const log = new JsonLinesFile<T>(file, openSync(file, 'a', 0o600));
		return { log, records };
	}

	#syncing: Promise<void> | null = null;
	#next: Promise<void> | null = null;

	/**
	 * Appends one record. Once written it outlives the process (a crash or a kill); it is on the
	 * disk itself, surviving the machine, after `synced()` or `syncNow()`.
	 */
	append(record: T): void {
		writeSync(this.#fd, `${JSON.stringify(record)}\n`);
	}

	/** Waits until it is on the disk. */
	syncNow(): void {
		fsyncSync(this.#fd);
	}

	/**
	 * Resolves once everything appended before the call is on the disk. Callers waiting together
	 * share one flush (group commit): a thousand sends do not wait for a thousand flushes in turn.
	 */
	synced(): Promise<void> {
		const flush = (): Promise<void> => {
			this.#next = null;
			const syncing = new Promise<void>((resolve, reject) =>
				fdatasync(this.#fd, (error) => (error ? reject(error) : resolve()))
			).finally(() => {
				if (this.#syncing === syncing) this.#syncing = null;
			});
			this.#syncing = syncing;
			return syncing;
		};
		if (!this.#syncing) return flush();
		// A flush already under way may have started before this caller's append: the next one covers it.
		this.#next ??= this.#syncing.then(flush, flush);
		return this.#next;
	}

	close(): void {
		closeSync(this.#fd);
	}
}

function loadLines<T>(file: string, read: LineReader<T>): T[] {
	const bytes = readFileSync(file);
	const records: T[] = [];
	let start = 0;
	let line = 0;
	while (start < bytes.length) {
		const newline = bytes.indexOf(0x0a, start);
		const end = newline === -1 ? bytes.length : newline;
		line += 1;
		const text = bytes.subarray(start, end).toString('utf8').trim();
		const record = text === '' ? undefined : parseLine(text, read);
		if (record === null) {
			if (bytes.subarray(end).toString('utf8').trim() !== '')
				throw new Error(`${file}, line ${line}: not a valid record`);
			truncateSync(file, start);
			return records;
		}
		if (record !== undefined) records.push(record);
		start = end + 1;
	}
	// A last line complete but for its newline: end it, so the next append starts a line of its own.
	if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) appendNewline(file);
	return records;
}

function parseLine<T>(text: string, read: LineReader<T>): T | null {
	try {
		return read(JSON.parse(text));
	} catch {
		return null;
	}
}

function appendNewline(file: string): void {
	const fd = openSync(file, 'a');
	try {
		writeSync(fd, '\n');
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

const isString = (value: unknown): value is string => typeof value === 'string';

const OPTIONAL_TEXT = ['play_id', 'account_id', 'message_id', 'error'] as const;

function readLedgerRecord(value: unknown): LedgerRecord | null {
	if (typeof value !== 'object' || value === null) return null;
	const fields = value as Record<string, unknown>;
	const { key, status, recipient, attempts, at } = fields;
	if (!isString(key) || key === '' || !isString(recipient) || !isString(at)) return null;
	if (status !== 'sent' && status !== 'failed') return null;
	if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0) return null;
	const record: LedgerRecord = { key, status, recipient, attempts, at };
	for (const name of OPTIONAL_TEXT) {
		const field = fields[name];
		if (field === undefined) continue;
		if (!isString(field)) return null;
		record[name] = field;
	}
	return Object.freeze(record);
}

export class SendLedger {
	readonly #log: JsonLinesFile<LedgerRecord>;
	readonly #records = new Map<string, LedgerRecord>();

	private constructor(log: JsonLinesFile<LedgerRecord>, records: LedgerRecord[]) {
		this.#log = log;
		// The first record of a key wins, as `record` does.
		for (const record of records)
			if (!this.#records.has(record.key)) this.#records.set(record.key, record);
	}

	/** Opens the ledger at `file`, creating it; throws when a line other than the last is damaged. */
	static open(file: string): SendLedger {
		const { log, records } = JsonLinesFile.open(file, readLedgerRecord);
		return new SendLedger(log, records);
	}

	get file(): string {
		return this.#log.file;
	}

	get(key: string): LedgerRecord | undefined {
		return this.#records.get(key);
	}

	/**
	 * Records what became of a key (a key already recorded keeps its first record). Written at
	 * once, so a crash of the process cannot lose it; `durable()` waits for the disk.
	 */
	record(record: LedgerRecord): void {
		if (this.#records.has(record.key)) return;
		const checked = readLedgerRecord(record);
		if (!checked) throw new TypeError(`not a ledger record: ${JSON.stringify(record)}`);
		this.#log.append(checked);
		this.#records.set(checked.key, checked);
	}

	/** Resolves once every record made so far is on the disk. */
	durable(): Promise<void> {
		return this.#log.synced();
	}

	get size(): number {
		return this.#records.size;
	}

	entries(): LedgerRecord[] {
		return [...this.#records.values()];
	}

	close(): void {
		this.#log.close();
	}
}
