/**
 * A throw-away PostgreSQL 15 server for tests: a cluster in a temporary folder, on a free port of
 * 127.0.0.1, trusting its one user (`scorecraft`), gone with the folder when stopped. Started once
 * per test run (`tests/global/postgres.ts`); each test file makes a database of its own on it, so
 * files running in parallel never see each other's rows.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './ports';

const execFileAsync = promisify(execFile);

/** Where Debian and Ubuntu put PostgreSQL 15's server programs (the CI machines have them). */
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
	/** The server's `postgres` database, as the cluster's superuser. */
	url: string;
	stop(): Promise<void>;
}

/**
 * Starts a cluster. PostgreSQL refuses to run as root, so as root the folder goes to the
 * `postgres` user and the programs run as it (`runuser`); otherwise they run as the caller.
 * Throws, with how to install them, when the programs are missing: a broken machine, not a skip.
 */
export async function startPostgres(): Promise<TestPostgres> {
	const bin = (name: string) => join(POSTGRES_BIN, name);
	if (!existsSync(bin('initdb')) || !existsSync(bin('pg_ctl')))
		throw new Error(
			`PostgreSQL 15 not found in ${POSTGRES_BIN}: the store's tests run against it. On ` +
				'Debian/Ubuntu: `apt-get install -y postgresql-15` (the PGDG repository on older releases)'
		);
	const asRoot = userInfo().uid === 0;
	const run = (name: string, args: string[]) =>
		asRoot
			? execFileAsync('runuser', ['-u', 'postgres', '--', bin(name), ...args])
			: execFileAsync(bin(name), args);

	const folder = await mkdtemp(join(tmpdir(), 'scorecraft-postgres-'));
	const data = join(folder, 'db');
	const log = join(folder, 'log');
	const remove = () => rm(folder, { recursive: true, force: true });
	try {
		if (asRoot) {
			const { stdout } = await execFileAsync('id', ['-u', 'postgres']);
			const { stdout: group } = await execFileAsync('id', ['-g', 'postgres']);
			await chown(folder, Number(stdout), Number(group));
			await chmod(folder, 0o700);
		}
		// --no-sync: a cluster that lives for one test run need not reach the disk.
		await run('initdb', ['-D', data, '-A', 'trust', '-U', 'scorecraft', '--no-sync']);
		let port = 0;
		// The port is free when picked; another process may take it before the server does.
		for (let attempt = 1; ; attempt++) {
			port = await freePort();
			const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
			try {
				await run('pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', 'start']);
				break;
			} catch (error) {
				if (attempt === 3) throw error;
			}
		}
		return {
			url: `postgres://scorecraft@127.0.0.1:${port}/postgres`,
			async stop() {
				await run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
				await remove();
			}
		};
	} catch (error) {
		const output = await readFile(log, 'utf8').catch(() => '');
		await run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
		await remove();
		throw new Error(`could not start PostgreSQL: ${(error as Error).message}\n${output}`, {
			cause: error
		});
	}
}

/** A new, empty database on the server at `serverUrl`; returns its URL. */
export async function createDatabase(serverUrl: string): Promise<string> {
	const name = `t_${randomBytes(6).toString('hex')}`;
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(`create database ${name}`);
	} finally {
		await client.end();
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}
