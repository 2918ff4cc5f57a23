/**
 * The server's database: PostgreSQL, either in-process (PGlite, data under `SCORECRAFT_DATA`, the
 * default: nothing to install or start) or a PostgreSQL server (`DATABASE_URL`). Both answer the
 * same SQL; this module hides which one it is behind `query` and `transaction`.
 *
 * PGlite is one session: every use of it (queries, transactions, the authentication library's
 * connections) takes one lock in turn, so a transaction never sees another caller's statements.
 */
import { processAlive } from '../process-alive';
import { mkdirSync, openSync, closeSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface Queryable {
	query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
	/** Runs statements without parameters (a migration's several statements). */
	exec(text: string): Promise<void>;
	/** Runs one statement and returns how many rows it wrote, without sending them back. */
	write(text: string, params?: unknown[]): Promise<number>;
}

/** What the authentication library connects through: a node-postgres pool, or one that looks like it. */
export interface PoolLike {
	connect(): Promise<{
		query(text: string, params?: unknown[]): Promise<unknown>;
		release(): void;
	}>;
	end(): Promise<void>;
}

export interface Database extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	/** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
	transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
	/** The pool the authentication library uses, and whether it may open transactions on it. */
	readonly pool: PoolLike;
	readonly poolTransactions: boolean;
	close(): Promise<void>;
}

export class StoreBusyError extends Error {}

/** A first-come lock: `run` waits for the callers before it. */
class Lock {
	#tail: Promise<void> = Promise.resolve();

	acquire(): Promise<() => void> {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const ready = this.#tail.then(() => release);
		this.#tail = this.#tail.then(() => held);
		return ready;
	}

	async run<T>(work: () => Promise<T>): Promise<T> {
		const release = await this.acquire();
		try {
			return await work();
		} finally {
			release();
		}
	}
}

async function inTransaction<T>(
	session: Queryable,
	work: (tx: Queryable) => Promise<T>
): Promise<T> {
	await session.query('BEGIN');
	try {
		const result = await work(session);
		await session.query('COMMIT');
		return result;
	} catch (error) {
		await session.query('ROLLBACK').catch(() => undefined);
		throw error;
	}
}

const PROCESS_LOCK = 'store.lock';

/**
 * PGlite's files belong to one process: a second one (the command line next to the server) would
 * corrupt them. The folder's lock names the process holding it; a lock left by a dead one is taken over.
 */
function lockFolder(folder: string): () => void {
	const file = join(folder, PROCESS_LOCK);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(file, 'wx', 0o600);
			writeFileSync(fd, String(process.pid));
			closeSync(fd);
			return () => {
				try {
					if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
				} catch {
					// already gone
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(readFileSync(file, 'utf8'));
			if (Number.isInteger(holder) && holder > 0 && processAlive(holder) && holder !== process.pid)
				throw new StoreBusyError(
					`the data folder ${folder} is in use by process ${holder} (the app's server?): ` +
						'stop it, or share a PostgreSQL server between them with DATABASE_URL / --database-url'
				);
			unlinkSync(file);
		}
	}
	throw new StoreBusyError(`could not lock the data folder ${folder}`);
}

/** PGlite in `folder` (created when missing), or in memory when `folder` is null (tests). */
export async function openPglite(folder: string | null): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	let unlock = () => {};
	if (folder) {
		mkdirSync(folder, { recursive: true, mode: 0o700 });
		unlock = lockFolder(folder);
	}
	let pg: PGlite;
	try {
		pg = new PGlite(folder ? join(folder, 'pgdata') : undefined);
		await pg.waitReady;
	} catch (error) {
		unlock();
		throw error;
	}
	const lock = new Lock();
	const direct: Queryable = {
		query: async <T>(text: string, params?: unknown[]) =>
			(await pg.query<T>(text, params as unknown[])).rows,
		exec: async (text) => void (await pg.exec(text)),
		write: async (text, params) => (await pg.query(text, params as unknown[])).affectedRows ?? 0
	};
	return {
		kind: 'pglite',
		query: (text, params) => lock.run(() => direct.query(text, params)),
		exec: (text) => lock.run(() => direct.exec(text)),
		write: (text, params) => lock.run(() => direct.write(text, params)),
		transaction: (work) => lock.run(() => inTransaction(direct, work)),
		pool: {
			async connect() {
				const release = await lock.acquire();
				return { query: (text, params) => pg.query(text, params as unknown[]), release };
			},
			end: async () => {}
		},
		poolTransactions: false,
		async close() {
			await lock.run(() => pg.close());
			unlock();
		}
	};
}

/** A PostgreSQL server at `url` (`postgres://user:password@host:port/database`). */
export async function openPostgres(url: string): Promise<Database> {
	const pg = await import('pg');
	const { Pool, types } = pg.default ?? pg;
	// Counts come back as numbers, as they do from PGlite.
	types.setTypeParser(20, (value: string) => Number(value));
	const pool: Pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
	pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
	await pool.query('SELECT 1');
	const session = (client: PoolClient): Queryable => ({
		query: async <T>(text: string, params?: unknown[]) =>
			(await client.query(text, params as unknown[])).rows as T[],
		exec: async (text) => void (await client.query(text)),
		write: async (text, params) => (await client.query(text, params as unknown[])).rowCount ?? 0
	});
	return {
		kind: 'postgres',
		query: async <T>(text: string, params?: unknown[]) =>
			(await pool.query(text, params as unknown[])).rows as T[],
		exec: async (text) => void (await pool.query(text)),
		write: async (text, params) => (await pool.query(text, params as unknown[])).rowCount ?? 0,
		async transaction(work) {
			const client = await pool.connect();
			try {
				return await inTransaction(session(client), work);
			} finally {
				client.release();
			}
		},
		pool: pool as unknown as PoolLike,
		poolTransactions: true,
		close: () => pool.end()
	};
}

/** In-memory PGlite, gone with the process (`DATABASE_URL=memory:`, for tests and trials). */
export const MEMORY_URL = 'memory:';

/** The server's database: `DATABASE_URL` when set, else PGlite under the data folder. */
export function openDatabase(options: { url?: string | null; dataDir: string }): Promise<Database> {
	if (options.url === MEMORY_URL) return openPglite(null);
	return options.url ? openPostgres(options.url) : openPglite(join(options.dataDir, 'store'));
}
