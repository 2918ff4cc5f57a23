/**
 * `npm run bench:sql [-- --accounts 10000000 --js-accounts 1000000 --pg-accounts 1000000]`: the
 * shipped scorecards scored on DuckDB, by the engine in JavaScript and on PostgreSQL, on the same
 * generated data (`sql-data.ts`: accounts with up to three monthly snapshots, wide Parquet files
 * written by DuckDB), counting the reading of the data. Prints accounts per second and peak memory.
 *
 * Each step runs in a process of its own (this file again, with `--step`), so each peak memory is
 * one engine's: DuckDB runs inside Node, so its figure is the process's peak resident memory;
 * PostgreSQL's is its server's. Before anything is timed, DuckDB's scores of the first 2,000
 * accounts must agree with the engine's to 1e-9, so no figure comes from wrong SQL.
 */
import { fork } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreWorkspace, type AccountScore } from '../src/lib/engine';
import { shippedScorecards } from '../src/lib/engine/sample';
import { tablesSql } from '../src/lib/engine/sql';
import { attachDataDir } from '../src/cli/sql/data-dir';
import { openDuckDb, openPostgres, type SqlEngine } from '../src/cli/sql/engines';
import { compiledSql, recordsOf, type ScoreRecord } from '../src/cli/sql/score-in-sql';
import { startPostgres } from '../tests/support/postgres';
import { AS_OF, exportCsv, generateData, readWorkspace } from './sql-data';
import { field, processOf, watchServer } from './server-watch';

const { values } = parseArgs({
	options: {
		accounts: { type: 'string', default: '10000000' },
		'js-accounts': { type: 'string', default: '1000000' },
		'pg-accounts': { type: 'string', default: '1000000' },
		// Below DuckDB's default (80 % of the memory): other work shares the machine.
		'duckdb-memory': { type: 'string', default: '8GB' },
		// A child's step, its folder of data and its number of accounts.
		step: { type: 'string' },
		dir: { type: 'string' },
		size: { type: 'string' }
	}
});

const AGREE_ACCOUNTS = 2_000;
const format = (n: number, digits = 0) =>
	n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const megabytes = (bytes: number) => `${format(bytes / 2 ** 20)} MB`;
const seconds = (ms: number) => `${format(ms / 1000, 1)} s`;
/** This process's peak resident memory so far, in bytes (`maxRSS` is in kilobytes). */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

/** The steps timed, by the name the table gives them. */
const STEPS = {
	duckdb: 'DuckDB, scores to Parquet',
	'duckdb-records': 'DuckDB, rows into Node',
	js: 'JavaScript engine (scoreWorkspace)',
	postgres: 'PostgreSQL, rows into Node'
} as const;
type Step = keyof typeof STEPS;

/** What a step measured: reading (null: inside the query), scoring, CPU time and peak memory. */
interface Figures {
	engine: string;
	accounts: number;
	/** Why the step stopped, when it did: the other figures are then zero. */
	failed?: string;
	readMs: number | null;
	scoreMs: number;
	/** CPU time of reading and scoring, all threads: the machine is shared, so wall time varies. */
	cpuMs: number;
	peakBytes: number;
	note: string;
}

/** CPU time of this process so far (DuckDB's threads included), in milliseconds. */
const cpuMs = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

/** The DuckDB engine over the files of `dir` and the compiled query, as `engine score --data` has them. */
async function duckDbOver(dir: string) {
	const engine = await openDuckDb();
	// Beyond its memory limit DuckDB spills to disk, into the data's folder.
	await engine.exec(`set memory_limit = '${values['duckdb-memory']}'`);
	await engine.exec(`set temp_directory = '${join(dir, 'spill')}'`);
	const { schema, layout } = await attachDataDir(engine, dir);
	const output = compiledSql(
		{ scorecards: shippedScorecards() },
		{ asOf: AS_OF, dialect: engine.dialect, schema, layout }
	);
	return { engine, schema, layout, output };
}

/**
 * DuckDB from the Parquet files to the scores: `records`, every row read into Node as `engine
 * score` reads them; `file`, every column of every row written to a Parquet file instead (ten
 * million records would not fit a Node heap).
 */
async function duckDbStep(dir: string, size: number, into: 'file' | 'records'): Promise<Figures> {
	const [started, cpuAtStart] = [performance.now(), cpuMs()];
	const { engine, output } = await duckDbOver(dir);
	const file = join(dir, 'scores.parquet');
	let records = 0;
	if (into === 'records') records = recordsOf(await engine.query(output.sql), output).length;
	else await engine.exec(`copy (${output.sql}) to '${file}' (format parquet)`);
	const [scoreMs, cpu] = [performance.now() - started, cpuMs() - cpuAtStart];
	let note = `${format(records)} records read into Node, as engine score reads them`;
	if (into === 'file') {
		const [written] = await engine.query(
			`select count(*) as n, avg(overall) as mean from '${file}'`
		);
		note = `every column of ${format(Number(written!.n))} scores written to a Parquet file (mean overall ${format(Number(written!.mean), 2)})`;
	}
	const [settings] = await engine.query(
		`select current_setting('threads') as threads, current_setting('memory_limit') as memory, version() as version`
	);
	await engine.close();
	return {
		engine: STEPS[into === 'records' ? 'duckdb-records' : 'duckdb'],
		accounts: size,
		readMs: null,
		scoreMs,
		cpuMs: cpu,
		peakBytes: peakRss(),
		note: `${note}; DuckDB ${settings!.version}, ${settings!.threads} threads, memory limit ${settings!.memory}`
	};
}

async function jsStep(dir: string, size: number, total: number): Promise<Figures> {
	const cpuAtStart = cpuMs();
	let started = performance.now();
	const workspace = await readWorkspace(dir);
	const readMs = performance.now() - started;
	started = performance.now();
	const scores = scoreWorkspace(workspace, AS_OF);
	const scoreMs = performance.now() - started;
	return {
		engine: STEPS.js,
		accounts: size,
		readMs,
		scoreMs,
		cpuMs: cpuMs() - cpuAtStart,
		peakBytes: peakRss(),
		note: `${format(scores.length)} scores; the Parquet files read through DuckDB into a workspace (${format(workspace.snapshots.length)} snapshots)${size < total ? `; a subset, the first ${format(size)} of the ${format(total)} accounts` : ''}`
	};
}

/** Two numbers equal to 1e-9 (relative above 1): SQL may add in another order. */
const near = (a: unknown, b: unknown) =>
	typeof a === 'number' && typeof b === 'number'
		? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))
		: a === b;

/** Where DuckDB's record differs from the engine's score, or null. */
function difference(sql: ScoreRecord, js: AccountScore): string | null {
	for (const key of ['scorecard_id', 'band', 'overall'] as const)
		if (!near(sql[key], js[key])) return `${key} ${sql[key]} ≠ ${js[key]}`;
	if (sql.missing.join() !== js.missing.join()) return `missing ${sql.missing} ≠ ${js.missing}`;
	for (const [id, score] of Object.entries(js.groups))
		if (!near(sql.groups[id], score)) return `group ${id} ${sql.groups[id]} ≠ ${score}`;
	for (const [id, { value, score }] of Object.entries(js.measures))
		if (!near(sql.measures[id]?.value, value) || !near(sql.measures[id]?.score, score))
			return `measure ${id} ${JSON.stringify(sql.measures[id])} ≠ ${JSON.stringify({ value, score })}`;
	return null;
}

/** DuckDB's scores and the engine's, account by account; exits with 1 if any differ. */
async function agreeStep(dir: string): Promise<void> {
	const { engine, output } = await duckDbOver(dir);
	const records = recordsOf(await engine.query(output.sql), output);
	await engine.close();
	const expected = new Map(
		scoreWorkspace(await readWorkspace(dir), AS_OF).map((score) => [score.account_id, score])
	);
	const differing = records.flatMap((record) => {
		const js = expected.get(record.account_id);
		const why = js ? difference(record, js) : 'not scored by the engine';
		return why ? [`${record.account_id}: ${why}`] : [];
	});
	if (records.length !== expected.size || differing.length) {
		console.log(
			`DISAGREE on ${differing.length} of ${expected.size} accounts (DuckDB scored ${records.length}):`
		);
		for (const line of differing.slice(0, 5)) console.log(`  ${line}`);
		process.exit(1);
	}
	console.log(
		`agree: ${format(records.length)} accounts (DuckDB's scores = the engine's, to 1e-9)`
	);
}

/**
 * PostgreSQL on a throw-away cluster: the tables loaded by COPY from CSV files DuckDB writes from
 * the same views (the load timed apart: the data of a team scoring in PostgreSQL lives there
 * already), then the compiled query, its rows read into Node as `engine score` reads them.
 */
async function postgresStep(dir: string, size: number): Promise<Figures> {
	const server = await startPostgres();
	let engine: SqlEngine | undefined;
	try {
		const duckdb = await duckDbOver(dir);
		let started = performance.now();
		const files = await exportCsv(duckdb.engine, dir, duckdb.layout);
		const exportMs = performance.now() - started;
		await duckdb.engine.close();
		const output = compiledSql(
			{ scorecards: shippedScorecards() },
			{ asOf: AS_OF, dialect: 'postgres', schema: duckdb.schema }
		);
		engine = await openPostgres(server.url);
		started = performance.now();
		for (const statement of tablesSql('postgres')) await engine.exec(statement);
		// The server reads the files itself: the fastest load, and no client in between.
		await engine.exec(`copy accounts from '${files.accounts}' (format csv, header)`);
		await engine.exec(`copy snapshots from '${files.snapshots}' (format csv, header)`);
		await engine.exec('analyze');
		const loadMs = performance.now() - started;
		const [backend] = await engine.query('select pg_backend_pid() as pid, version() as version');
		const stop = await watchServer(Number(backend!.pid));
		const [clientCpu, startedQuery] = [cpuMs(), performance.now()];
		const records = recordsOf(await engine.query(output.sql), output);
		const scoreMs = performance.now() - startedQuery;
		const clientMs = cpuMs() - clientCpu;
		const serverFigures = await stop();
		const backendPeak = field((await processOf(String(backend!.pid)))!.status, 'VmHWM');
		return {
			engine: STEPS.postgres,
			accounts: size,
			readMs: null,
			scoreMs,
			cpuMs: serverFigures.cpuMs + clientMs,
			peakBytes: serverFigures.peakBytes,
			note: `${format(records.length)} records (CPU: the server's ${seconds(serverFigures.cpuMs)}, this client's ${seconds(clientMs)}); loaded by COPY in ${seconds(loadMs)} (not counted; DuckDB wrote the CSV in ${seconds(exportMs)}); peak memory of the server (its processes' own memory and the shared buffers once, sampled every 100 ms; the backend's VmHWM ${megabytes(backendPeak)}), this Node client's ${megabytes(peakRss())}; ${String(backend!.version).split(' on ')[0]}, default settings`
		};
	} finally {
		await engine?.close();
		await server.stop();
	}
}

/** The timed steps, in this process: what the parent asked for with `--step`. */
function runStep(step: Step, dir: string, size: number): Promise<Figures> {
	switch (step) {
		case 'duckdb':
			return duckDbStep(dir, size, 'file');
		case 'duckdb-records':
			return duckDbStep(dir, size, 'records');
		case 'js':
			return jsStep(dir, size, Number(values.accounts));
		case 'postgres':
			return postgresStep(dir, size);
	}
}

async function generateStep(dir: string, size: number): Promise<void> {
	const engine = await openDuckDb();
	const started = performance.now();
	const made = await generateData(engine, dir, size);
	await engine.close();
	console.log(
		`generated ${format(made.accounts)} accounts and ${format(made.snapshots)} snapshots in ${seconds(performance.now() - started)}: accounts.parquet ${megabytes(made.bytes.accounts)}, snapshots.parquet ${megabytes(made.bytes.snapshots)}`
	);
}

/**
 * A step in this process, as a child of the run: a timed step sends its figures to the parent,
 * or why it failed (DuckDB out of memory is a result too); run by hand, it prints them.
 */
async function child(step: string, dir: string, size: number): Promise<void> {
	if (step === 'generate') return generateStep(dir, size);
	if (step === 'agree') return agreeStep(dir);
	if (!Object.hasOwn(STEPS, step)) throw new Error(`no step ${step}`);
	let figures: Figures;
	const started = performance.now();
	try {
		figures = await runStep(step as Step, dir, size);
	} catch (error) {
		const failed = String((error as Error).message ?? error).split('\n')[0]!;
		console.error(`${STEPS[step as Step]} on ${format(size)} accounts failed: ${failed}`);
		figures = {
			engine: STEPS[step as Step],
			accounts: size,
			failed,
			readMs: null,
			scoreMs: performance.now() - started,
			cpuMs: 0,
			peakBytes: peakRss(),
			note: ''
		};
	}
	if (process.send) process.send(figures);
	else console.log(figures);
}

/** Runs a step in a child process, with this run's options and Node flags; its figures, if any. */
function inChild(step: string, dir: string, size: number): Promise<Figures | null> {
	const args = [...process.argv.slice(2), '--step', step, '--dir', dir, '--size', String(size)];
	return new Promise((resolve, reject) => {
		let figures: Figures | null = null;
		const forked = fork(new URL(import.meta.url).pathname, args);
		forked.on('message', (message) => (figures = message as Figures));
		forked.on('error', reject);
		forked.on('exit', (code) =>
			code === 0 ? resolve(figures) : reject(new Error(`step ${step} exited with ${code}`))
		);
	});
}

const rate = (row: Figures) => (row.accounts / ((row.readMs ?? 0) + row.scoreMs)) * 1000;

function printTable(rows: Figures[]): void {
	const widths = [36, 12, 12, 10, 10, 12, 13];
	const line = (cells: string[]) =>
		cells.map((cell, i) => (i ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('');
	console.log(
		`\n${line(['engine', 'accounts', 'read', 'score', 'CPU', 'accounts/s', 'peak memory'])}`
	);
	for (const row of rows)
		console.log(
			row.failed
				? `${line([row.engine, format(row.accounts)])}  FAILED after ${seconds(row.scoreMs)}, ${megabytes(row.peakBytes)}: ${row.failed}`
				: line([
						row.engine,
						format(row.accounts),
						row.readMs === null ? '(in query)' : seconds(row.readMs),
						seconds(row.scoreMs),
						seconds(row.cpuMs),
						format(rate(row)),
						megabytes(row.peakBytes)
					])
		);
	for (const row of rows)
		if (!row.failed) console.log(`- ${row.engine}, ${format(row.accounts)}: ${row.note}`);
	console.log(
		`(accounts/s: accounts over read + score, wall time; CPU: all threads. Load average now ${loadavg()
			.map((n) => format(n, 1))
			.join(', ')} on ${availableParallelism()} cores)`
	);
}

/** The goal: DuckDB at least as fast as the engine in JavaScript, reading included. */
function printGoal(rows: Figures[]): void {
	const js = rows.find((row) => row.engine === STEPS.js && !row.failed);
	if (!js) return;
	console.log(
		'\ngoal, DuckDB at least as fast as the engine in JavaScript, reading included (accounts/s):'
	);
	const duckdb = rows.filter((row) => row.engine.startsWith('DuckDB') && !row.failed);
	if (duckdb.length === 0) console.log('  no DuckDB step finished');
	for (const row of duckdb)
		console.log(
			`  ${row.engine} on ${format(row.accounts)}: ${format(rate(row) / rate(js), 2)}x the engine's on ${format(js.accounts)}, ${rate(row) >= rate(js) ? 'met' : 'MISSED'}`
		);
}

async function main(): Promise<void> {
	const total = Number(values.accounts);
	const jsAccounts = Math.min(total, Number(values['js-accounts']));
	const pgAccounts = Math.min(total, Number(values['pg-accounts']));
	console.log(
		`Scorecraft SQL benchmark: the shipped scorecards as of ${AS_OF}, ${format(total)} accounts in DuckDB, ${format(jsAccounts)} in JavaScript, ${format(pgAccounts)} in PostgreSQL; Node ${process.version}`
	);
	const base = await mkdtemp(join(tmpdir(), 'scorecraft-bench-sql-'));
	// PostgreSQL's server reads the CSV files from here as its own user.
	await chmod(base, 0o755);
	const dirOf = (size: number) => join(base, String(size));
	try {
		for (const size of new Set([AGREE_ACCOUNTS, jsAccounts, pgAccounts, total])) {
			await mkdir(dirOf(size), { mode: 0o755 });
			await inChild('generate', dirOf(size), size);
		}
		await inChild('agree', dirOf(AGREE_ACCOUNTS), AGREE_ACCOUNTS);
		const timed: [Step, number][] = [
			['duckdb', total],
			// DuckDB also on the accounts JavaScript scores, for the same work on both.
			...(jsAccounts < total ? [['duckdb', jsAccounts] as [Step, number]] : []),
			['duckdb-records', jsAccounts],
			['js', jsAccounts],
			['postgres', pgAccounts]
		];
		const rows: Figures[] = [];
		for (const [step, size] of timed) rows.push((await inChild(step, dirOf(size), size))!);
		printTable(rows);
		printGoal(rows);
	} finally {
		await rm(base, { recursive: true, force: true });
	}
}

if (values.step) await child(values.step, values.dir!, Number(values.size));
else await main();
