// @vitest-environment node
/**
 * `engine score --engine duckdb --data DIR`: a folder of wide CSV files, or of Parquet files,
 * read in place by DuckDB, scores as `engine score` scores the same data from a workspace file
 * (to 1e-9); the views give the files the tables' shape, an empty cell being no data; and a
 * folder or file that will not do is an error naming it, exit status 1.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine } from '../../../tests/support/cli';
import { expectSameScores, sampleWithEveryKindOfMeasure } from '../../../tests/support/sql-compare';
import { quoteText } from '../../lib/engine/sql/dialect';
import { sqlSchemaOf } from '../../lib/engine/sql/schema';
import type { Workspace } from '../../lib/engine/types';
import { attachDataDir } from './data-dir';
import { openDuckDb } from './engines';

const AS_OF = '2026-11-23';
const sample = sampleWithEveryKindOfMeasure(40, AS_OF);
let folder: string;

/** A cell as a spreadsheet writes it: empty for no value, tags joined by `;`, quoted if it must be. */
function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = Array.isArray(value) ? value.join(';') : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Wide CSV: the `known` fields as columns, then one column per member of `packed` in any row. */
function wideCsv(rows: readonly object[], known: readonly string[], packed?: string): string {
	const records = rows as Record<string, unknown>[];
	const bag = (row: Record<string, unknown>) => (packed ? (row[packed] ?? {}) : {}) as object;
	const others = [...new Set(records.flatMap((row) => Object.keys(bag(row))))];
	const lines = records.map((row) => {
		const members = bag(row) as Record<string, unknown>;
		return [...known.map((name) => row[name]), ...others.map((name) => members[name])]
			.map(cell)
			.join(',');
	});
	return [[...known, ...others].join(','), ...lines].join('\n') + '\n';
}

/** The workspace's data as the files of a folder, in the app's import format. */
async function writeCsvFolder(dir: string, workspace: Workspace): Promise<void> {
	await mkdir(dir, { recursive: true });
	const files: [string, readonly object[], string[], string?][] = [
		[
			'accounts',
			workspace.accounts,
			['id', 'name', 'segment', 'arr', 'renewal_date', 'csm', 'tags', 'do_not_contact'],
			'facts'
		],
		['snapshots', workspace.snapshots, ['account_id', 'date'], 'metrics'],
		[
			'contacts',
			workspace.contacts ?? [],
			['id', 'account_id', 'email', 'name', 'role', 'last_seen', 'unsubscribed_at'],
			'metrics'
		],
		[
			'manual_entries',
			workspace.manual_entries ?? [],
			['account_id', 'measure_id', 'value', 'comment', 'entered_by', 'entered_at']
		]
	];
	for (const [name, rows, known, packed] of files)
		if (rows.length) await writeFile(join(dir, `${name}.csv`), wideCsv(rows, known, packed));
}

/** The CSV files of `from` as Parquet files in `to`, written by DuckDB: dates as DATE, tags a list. */
async function writeParquetFolder(from: string, to: string): Promise<void> {
	await mkdir(to, { recursive: true });
	const duckdb = await openDuckDb();
	try {
		for (const name of ['accounts', 'snapshots', 'contacts', 'manual_entries']) {
			const csv = `read_csv(${quoteText(join(from, `${name}.csv`))}, header = true, sample_size = -1)`;
			const tags = name === 'accounts' ? ` replace (string_split(tags, ';') as tags)` : '';
			const out = quoteText(join(to, `${name}.parquet`));
			await duckdb.exec(`copy (select *${tags} from ${csv}) to ${out} (format parquet)`);
		}
	} finally {
		await duckdb.close();
	}
}

const byAccount = <T extends { account_id: string }>(scores: T[]) =>
	[...scores].sort((a, b) => (a.account_id < b.account_id ? -1 : 1));

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-data-dir-'));
	await writeFile(join(folder, 'workspace.json'), JSON.stringify(sample));
	await writeCsvFolder(join(folder, 'csv'), sample);
	await writeParquetFolder(join(folder, 'csv'), join(folder, 'parquet'));
});

afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe('engine score --engine duckdb --data DIR', () => {
	it('prints from CSV and from Parquet files what engine score prints from the workspace', async () => {
		const workspace = join(folder, 'workspace.json');
		const score = (...more: string[]) =>
			engine('score', '--workspace', workspace, '--as-of', AS_OF, ...more);
		const [js, csv, parquet] = await Promise.all([
			score(),
			score('--engine', 'duckdb', '--data', join(folder, 'csv')),
			score('--engine', 'duckdb', '--data', join(folder, 'parquet'))
		]);
		expect(js.code).toBe(0);
		const expected = byAccount(JSON.parse(js.stdout) as { account_id: string; overall: unknown }[]);
		expect(expected).toHaveLength(40);
		expect(expected.filter((each) => each.overall !== null).length).toBeGreaterThan(25);
		for (const run of [csv, parquet]) {
			expect(run.stderr).toBe('');
			expect(run.code).toBe(0);
			expectSameScores(JSON.parse(run.stdout), expected);
		}
	});

	it('says what is wrong with the folder or a file, naming it', async () => {
		const noSnapshots = join(folder, 'no-snapshots');
		const noSegment = join(folder, 'no-segment');
		const badCell = join(folder, 'bad-cell');
		await mkdir(noSnapshots);
		await writeFile(join(noSnapshots, 'accounts.csv'), 'id,name,segment\na,A,smb\n');
		await mkdir(noSegment);
		await writeFile(join(noSegment, 'accounts.csv'), 'id,name\na,A\n');
		await writeFile(join(noSegment, 'snapshots.csv'), 'account_id,date,x\na,2026-11-01,1\n');
		await mkdir(badCell);
		await writeFile(join(badCell, 'accounts.csv'), 'id,name,segment\na,A,smb\n');
		await writeFile(join(badCell, 'snapshots.csv'), 'account_id,date\na,2026-11-01\na,someday\n');
		const workspace = join(folder, 'workspace.json');
		const score = (...more: string[]) => engine('score', '--workspace', workspace, ...more);
		const [files, column, value, js] = await Promise.all([
			score('--engine', 'duckdb', '--data', noSnapshots),
			score('--engine', 'duckdb', '--data', noSegment),
			score('--engine', 'duckdb', '--data', badCell),
			score('--data', badCell)
		]);
		expect(files.code).toBe(1);
		expect(files.stderr).toBe(
			`engine score: ${noSnapshots} has no snapshots.csv or snapshots.parquet (required)\n`
		);
		expect(column.code).toBe(1);
		expect(column.stderr).toBe(
			`engine score: ${join(noSegment, 'accounts.csv')} lacks the column segment (it has id, name)\n`
		);
		expect(value.code).toBe(1);
		expect(value.stderr).toContain(`${join(badCell, 'snapshots.csv')} cannot be read`);
		expect(value.stderr).toContain('"someday"');
		expect(value.stderr).not.toMatch(/\n\s+at /);
		expect(js.code).toBe(2);
		expect(js.stderr).toContain('--data DIR goes with --engine duckdb');
	});
});

describe('attachDataDir', () => {
	/** A little of everything: text, numbers, booleans, empty cells, tags, people, manual entries. */
	const small = {
		accounts: [
			{
				id: 'a1',
				name: 'Acme, Inc.',
				segment: 'smb',
				arr: 1200.5,
				tags: ['beta', 'eu'],
				do_not_contact: true,
				facts: { plan: 'pro', seats: 10, trial: false, note: null }
			},
			{ id: 'a2', name: 'Bolt', segment: 'mid', renewal_date: '2027-01-31', facts: { seats: 3 } }
		],
		snapshots: [
			{ account_id: 'a1', date: '2026-11-01', metrics: { logins: 4, sponsor: true, nps: null } },
			{ account_id: 'a2', date: '2026-11-01', metrics: { logins: 0.25 } }
		],
		contacts: [
			{ id: 'c1', account_id: 'a1', email: 'c1@a.example', last_seen: '2026-10-30T09:00:00Z' },
			{ id: 'c2', account_id: 'a1', email: 'c2@a.example', metrics: { active_days_30d: 12 } },
			{ id: 'c3', account_id: 'a2', email: 'c3@b.example', name: 'No usage' }
		],
		manual_entries: [
			{ account_id: 'a1', measure_id: 'health', value: 7, entered_by: 'x', entered_at: AS_OF },
			{ account_id: 'a2', measure_id: 'health', value: 8.5, entered_by: 'x', entered_at: AS_OF },
			{ account_id: 'a1', measure_id: 'ok', value: true, entered_by: 'x', entered_at: AS_OF },
			{ account_id: 'a1', measure_id: 'code', value: '007', entered_by: 'x', entered_at: AS_OF }
		]
	} as unknown as Workspace;

	it('gives the files the tables’ shape, and the schema the workspace has', async () => {
		const dir = join(folder, 'small');
		await writeCsvFolder(dir, small);
		const duckdb = await openDuckDb();
		try {
			const { schema, layout } = await attachDataDir(duckdb, dir);
			expect(layout).toEqual({
				facts: ['tags', 'do_not_contact', 'plan', 'seats', 'trial', 'note'],
				metrics: ['logins', 'sponsor', 'nps']
			});
			expect(await duckdb.query('select * from accounts order by id')).toEqual([
				{
					id: 'a1',
					name: 'Acme, Inc.',
					segment: 'smb',
					arr: 1200.5,
					renewal_date: null,
					csm: null,
					tags: ['beta', 'eu'],
					do_not_contact: true,
					plan: 'pro',
					seats: 10,
					trial: false,
					note: null
				},
				{
					id: 'a2',
					name: 'Bolt',
					segment: 'mid',
					arr: null,
					renewal_date: '2027-01-31',
					csm: null,
					tags: null,
					do_not_contact: null,
					plan: null,
					seats: 3,
					trial: null,
					note: null
				}
			]);
			expect(await duckdb.query('select * from snapshots order by account_id')).toEqual([
				{ account_id: 'a1', date: '2026-11-01', logins: 4, sponsor: true, nps: null },
				{ account_id: 'a2', date: '2026-11-01', logins: 0.25, sponsor: null, nps: null }
			]);
			const contacts = await duckdb.query(
				'select id, last_seen, metrics from contacts order by id'
			);
			expect(contacts).toEqual([
				{ id: 'c1', last_seen: '2026-10-30T09:00:00Z', metrics: null },
				{ id: 'c2', last_seen: null, metrics: { active_days_30d: 12 } },
				{ id: 'c3', last_seen: null, metrics: null }
			]);
			const manual = await duckdb.query(
				'select measure_id, value, comment from manual_entries order by measure_id, value'
			);
			expect(manual.map((row) => [row.measure_id, row.value, row.comment])).toEqual([
				['code', '007', null],
				['health', 7, null],
				['health', 8.5, null],
				['ok', true, null]
			]);
			// `note` and `nps` are never filled: absent everywhere, as the app's import leaves them.
			const { note: _note, nps: _nps, ...workspaceNames } = sqlSchemaOf(small);
			expect(schema).toEqual(workspaceNames);
			expect(schema).toMatchObject({
				plan: 'text',
				seats: 'number',
				trial: 'boolean',
				tags: 'other',
				do_not_contact: 'boolean',
				logins: 'number',
				sponsor: 'boolean',
				users_total: 'number',
				'manual.health': 'number',
				'manual.ok': 'boolean',
				'manual.code': 'text'
			});
		} finally {
			await duckdb.close();
		}
	});

	it('makes empty contacts and manual entries of the same shape when their files are absent', async () => {
		const dir = join(folder, 'bare');
		await writeCsvFolder(dir, { ...small, contacts: [], manual_entries: [] });
		const duckdb = await openDuckDb();
		try {
			const { schema } = await attachDataDir(duckdb, dir);
			expect(schema).not.toHaveProperty('users_total');
			expect(await duckdb.query('select * from contacts')).toEqual([]);
			const columns = await duckdb.query('describe manual_entries');
			expect(columns.map((row) => [row.column_name, row.column_type])).toEqual([
				['account_id', 'VARCHAR'],
				['measure_id', 'VARCHAR'],
				['value', 'JSON'],
				['comment', 'VARCHAR'],
				['entered_by', 'VARCHAR'],
				['entered_at', 'VARCHAR']
			]);
		} finally {
			await duckdb.close();
		}
	});

	it('refuses a folder holding a table twice, or a file DuckDB cannot read', async () => {
		const twice = join(folder, 'twice');
		await writeCsvFolder(twice, small);
		await writeFile(join(twice, 'contacts.parquet'), 'not parquet');
		const unreadable = join(folder, 'unreadable');
		await writeCsvFolder(unreadable, { ...small, contacts: [] });
		await writeFile(join(unreadable, 'contacts.parquet'), 'not parquet');
		const duckdb = await openDuckDb();
		try {
			await expect(attachDataDir(duckdb, twice)).rejects.toThrow(
				`${twice} holds both contacts.csv and contacts.parquet: keep one`
			);
			await expect(attachDataDir(duckdb, unreadable)).rejects.toThrow(
				`${join(unreadable, 'contacts.parquet')} cannot be read`
			);
			await expect(attachDataDir(duckdb, join(folder, 'nowhere'))).rejects.toThrow(
				'no such folder'
			);
		} finally {
			await duckdb.close();
		}
	});
});
