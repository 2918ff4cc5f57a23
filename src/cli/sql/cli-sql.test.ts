// @vitest-environment node
/**
 * The command line's SQL, run as a user runs it: `engine sql` prints a query that runs unchanged
 * on its engine, and `engine score --engine duckdb` (the workspace in DuckDB) and `--engine
 * postgres` (a database's tables, its metrics in a JSON column or in wide columns behind a view)
 * print what `engine score` prints, to 1e-9, for a scorecard with time decay, people facts, a
 * manual measure and last known values.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { engine } from '../../../tests/support/cli';
import { sqlSchemaOf } from '$lib/engine/sql';
import { createDatabase } from '../../../tests/support/postgres';
import { expectSameScores, sampleWithEveryKindOfMeasure } from '../../../tests/support/sql-compare';
import { openDuckDb, openPostgres } from './engines';
import { loadWorkspace } from './load';

const AS_OF = '2026-11-23';
const sample = sampleWithEveryKindOfMeasure(60, AS_OF);
let folder: string;
let file: string;

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'scorecraft-sql-'));
	file = join(folder, 'workspace.json');
	await writeFile(file, JSON.stringify(sample));
});

afterAll(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe('engine sql and engine score --engine', () => {
	it('prints the same scores from DuckDB and from PostgreSQL’s tables as from the engine', async () => {
		const js = await engine('score', '--workspace', file, '--as-of', AS_OF);
		expect(js.code).toBe(0);
		const expected = JSON.parse(js.stdout) as { account_id: string; overall: number | null }[];
		expect(expected.filter((score) => score.overall !== null).length).toBeGreaterThan(40);

		const duck = await engine('score', '--workspace', file, '--as-of', AS_OF, '--engine', 'duckdb');
		expect(duck.stderr).toBe('');
		expectSameScores(JSON.parse(duck.stdout), expected);

		// The tables in a database of the team's own, the scorecards from the workspace file.
		const url = await createDatabase(inject('postgresUrl'));
		const postgres = await openPostgres(url);
		await loadWorkspace(postgres, sample);
		await postgres.close();
		const server = await engine(
			'score',
			'--workspace',
			file,
			'--as-of',
			AS_OF,
			'--engine',
			'postgres',
			'--database-url',
			url
		);
		expect(server.stderr).toBe('');
		const byId = [...expected].sort((a, b) => (a.account_id < b.account_id ? -1 : 1));
		expectSameScores(JSON.parse(server.stdout), byId);

		// Metrics kept as wide columns, one per metric: a view gives them the JSON shape (README).
		const wide = await openPostgres(url);
		const schema = sqlSchemaOf(sample);
		const names = [...new Set(sample.snapshots.flatMap((each) => Object.keys(each.metrics)))];
		const TYPE: Record<string, string> = {
			number: 'double precision',
			boolean: 'boolean',
			text: 'text'
		};
		const columns = names.map(
			(name) => `(metrics ->> '${name}')::${TYPE[schema[name]!]} as "${name}"`
		);
		await wide.exec(
			`create table usage_wide as select account_id, date, ${columns.join(', ')} from snapshots`
		);
		await wide.exec('drop table snapshots');
		await wide.exec(`create view snapshots as
			select account_id, date, jsonb_strip_nulls(to_jsonb(w) - 'account_id' - 'date') as metrics
			from usage_wide w`);
		await wide.close();
		const fromWide = await engine(
			'score',
			'--workspace',
			file,
			'--as-of',
			AS_OF,
			'--engine',
			'postgres',
			'--database-url',
			url
		);
		expect(fromWide.stderr).toBe('');
		expectSameScores(JSON.parse(fromWide.stdout), byId);
	});

	it('prints a query each dialect’s engine runs unchanged', async () => {
		const duckdb = await openDuckDb();
		const postgres = await openPostgres(await createDatabase(inject('postgresUrl')));
		try {
			// The generic dialect's portable SQL runs on DuckDB unchanged.
			for (const [db, dialect] of [
				[duckdb, 'duckdb'],
				[postgres, 'postgres'],
				[duckdb, 'generic']
			] as const) {
				const printed = await engine(
					'sql',
					'--workspace',
					file,
					'--as-of',
					AS_OF,
					'--scorecard',
					'scale',
					'--dialect',
					dialect
				);
				expect(printed.code).toBe(0);
				await loadWorkspace(db, sample);
				const rows = await db.query(printed.stdout);
				expect(rows).toHaveLength(sample.accounts.length);
				const scored = rows.filter((row) => row.scorecard_id === 'scale');
				expect(scored.length).toBeGreaterThan(20);
				expect(rows.every((row) => row.scorecard_id === 'scale' || row.scorecard_id === null)).toBe(
					true
				);
			}
		} finally {
			await duckdb.close();
			await postgres.close();
		}
	});

	it('says which scorecard and dialect it does not know', async () => {
		const dialect = await engine('sql', '--workspace', file, '--dialect', 'oracle');
		expect(dialect.code).toBe(2);
		expect(dialect.stderr).toContain('--dialect expects duckdb, postgres or generic, got "oracle"');
		const card = await engine(
			'sql',
			'--workspace',
			file,
			'--dialect',
			'duckdb',
			'--scorecard',
			'x'
		);
		expect(card.code).toBe(2);
		expect(card.stderr).toContain(
			'no scorecard "x" (it has scale, enterprise-dream, three-dimensions)'
		);
		const url = await engine('score', '--workspace', file, '--engine', 'postgres');
		expect(url.code).toBe(2);
		expect(url.stderr).toContain('--database-url');
	});
});
