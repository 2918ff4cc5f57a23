/**
 * The send ledger's contract (`Ledger`: claim a key before sending, settle it after) and its
 * file form for the command line: an append-only file of JSON lines, locked by one process at a
 * time. The server's ledger is a table of its database (`../store/ledger.ts`).
 */
import { processAlive } from '../process-alive';
import {
	closeSync,
	existsSync,
	fdatasync,
	fsyncSync,
	mkdirSync,
	openSync,
	readFileSync,
	truncateSync,
	unlinkSync,
	writeSync
} from 'node:fs';
import { dirname } from 'node:path';

export interface LedgerRecord {
	key: string;
	/**
	 * `sending`: claimed before the SMTP conversation and not settled — being sent now, or
	 * interrupted by a crash (then it may or may not have gone out, and is not sent again by itself).
	 */
	status: 'sending' | 'sent' | 'failed';
	recipient: string;
	/** The play and account the message was for (the server's next runs count it for cooldowns). */
	play_id?: string;
	account_id?: string;
	message_id?: string;
	error?: string;
	attempts: number;
	at: string;
	/** What was sent: an email (absent in older records) or a webhook, whose recipient is its host. */
	action?: 'email' | 'webhook';
	/** The HTTP status a webhook's host answered with. */
	http_status?: number;
}

export type SettledRecord = LedgerRecord & { status: 'sent' | 'failed' };

/** What a sender claims before talking to the SMTP server. */
export type LedgerClaim = Pick<
	LedgerRecord,
	'key' | 'recipient' | 'play_id' | 'account_id' | 'action'
>;

export type ClaimResult = { claimed: true } | { claimed: false; record: LedgerRecord };

/**
 * The send ledger: exactly once per key. A key is claimed (`sending`) before its message is
 * sent, atomically (one claimant wins, whatever else runs: other requests, other runs, the
 * command line next to the server), then settled (`sent` / `failed`) or given back (a transient
 * failure: queued for the next run). Read afresh at every claim, never from a copy.
 */
export interface Ledger {
	get(key: string): Promise<LedgerRecord | undefined>;
	claim(claim: LedgerClaim): Promise<ClaimResult>;
	/** Records what became of a claimed key; on durable storage when it resolves. */
	settle(record: SettledRecord): Promise<void>;
	/** Gives a claimed key back: nothing went out, a later run may send it. */
	release(key: string): Promise<void>;
	/** The messages sent (cooldowns and caps count them). */
	sent(): Promise<LedgerRecord[]>;
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

/** A line of the ledger file: a record, or a claim given back. */
type LedgerLine = LedgerRecord | { key: string; status: 'released'; at: string };

function readLedgerLine(value: unknown): LedgerLine | null {
	if (typeof value !== 'object' || value === null) return null;
	const fields = value as Record<string, unknown>;
	const { key, status, recipient, attempts, at } = fields;
	if (!isString(key) || key === '' || !isString(at)) return null;
	if (status === 'released') return { key, status, at };
	if (!isString(recipient)) return null;
	if (status !== 'sent' && status !== 'failed' && status !== 'sending') return null;
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

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes `<file>.lock` for this process, waiting up to `waitMs` for another live holder (a second
 * run on the same ledger) to finish; a lock left by a dead process is taken over.
 */
function lockFile(file: string, waitMs: number, onWait: (pid: number) => void): () => void {
	const lock = `${file}.lock`;
	const deadline = Date.now() + waitMs;
	let told = false;
	for (;;) {
		try {
			const fd = openSync(lock, 'wx', 0o600);
			writeSync(fd, String(process.pid));
			closeSync(fd);
			return () => {
				try {
					if (readFileSync(lock, 'utf8') === String(process.pid)) unlinkSync(lock);
				} catch {
					// already gone
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		let holder: number;
		try {
			holder = Number(readFileSync(lock, 'utf8'));
		} catch {
			continue; // released between our two reads
		}
		if (holder === process.pid)
			throw new Error(`${file} is open already in this process: close it first`);
		if (!Number.isInteger(holder) || holder <= 0 || !processAlive(holder)) {
			// Written but not yet filled by its taker, or left by a dead process.
			if (!Number.isInteger(holder) || holder <= 0) sleepSync(50);
			try {
				const again = Number(readFileSync(lock, 'utf8'));
				if (again === holder || !Number.isInteger(again) || again <= 0) unlinkSync(lock);
			} catch {
				// gone already
			}
			continue;
		}
		if (Date.now() > deadline)
			throw new Error(
				`${file} is in use by process ${holder} (another run) for longer than ${Math.round(waitMs / 1000)} s`
			);
		if (!told) onWait(holder);
		told = true;
		sleepSync(200);
	}
}

export interface FileLedgerOptions {
	/** How long to wait for another process using the same file (default 10 minutes). */
	waitMs?: number;
	onWait?: (pid: number) => void;
}

/**
 * The ledger in a file of JSON lines (the command line's `--ledger FILE`). The process holds the
 * file's lock while it is open, so two runs on one file take turns and the second sees every key
 * the first claimed; a claim is on the file before the message leaves, so a run killed mid-send
 * leaves the key `sending` rather than sending it again.
 */
export class SendLedger implements Ledger {
	readonly #log: JsonLinesFile<LedgerLine>;
	readonly #records = new Map<string, LedgerRecord>();
	readonly #unlock: () => void;

	private constructor(log: JsonLinesFile<LedgerLine>, lines: LedgerLine[], unlock: () => void) {
		this.#log = log;
		this.#unlock = unlock;
		for (const line of lines) this.#apply(line);
	}

	/** A settled record is final (the first one wins); a claim holds until settled or released. */
	#apply(line: LedgerLine): void {
		const known = this.#records.get(line.key);
		if (known && known.status !== 'sending') return;
		if (line.status === 'released') this.#records.delete(line.key);
		else this.#records.set(line.key, line);
	}

	/** Opens the ledger at `file`, creating it; throws when a line other than the last is damaged. */
	static open(file: string, options: FileLedgerOptions = {}): SendLedger {
		mkdirSync(dirname(file), { recursive: true });
		const unlock = lockFile(file, options.waitMs ?? 600_000, options.onWait ?? (() => {}));
		try {
			const { log, records } = JsonLinesFile.open(file, readLedgerLine);
			return new SendLedger(log, records, unlock);
		} catch (error) {
			unlock();
			throw error;
		}
	}

	get file(): string {
		return this.#log.file;
	}

	async get(key: string): Promise<LedgerRecord | undefined> {
		return this.#records.get(key);
	}

	#write(line: LedgerLine): void {
		const checked = readLedgerLine(line);
		if (!checked) throw new TypeError(`not a ledger record: ${JSON.stringify(line)}`);
		this.#log.append(checked);
		this.#apply(checked);
	}

	async claim(claim: LedgerClaim): Promise<ClaimResult> {
		const known = this.#records.get(claim.key);
		if (known) return { claimed: false, record: known };
		this.#write({ ...claim, status: 'sending', attempts: 0, at: new Date().toISOString() });
		await this.#log.synced();
		return { claimed: true };
	}

	async settle(record: SettledRecord): Promise<void> {
		this.#write(record);
		// Answered only once the record is on the disk: what the caller hears is never forgotten.
		await this.#log.synced();
	}

	async release(key: string): Promise<void> {
		if (this.#records.get(key)?.status !== 'sending') return;
		this.#write({ key, status: 'released', at: new Date().toISOString() });
		await this.#log.synced();
	}

	async sent(): Promise<LedgerRecord[]> {
		return [...this.#records.values()].filter((record) => record.status === 'sent');
	}

	get size(): number {
		return this.#records.size;
	}

	entries(): LedgerRecord[] {
		return [...this.#records.values()];
	}

	close(): void {
		this.#log.close();
		this.#unlock();
	}
}
