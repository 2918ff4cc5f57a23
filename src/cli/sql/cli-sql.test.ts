// @vitest-environment node
/**
 * The command line's SQL, run as a user runs it: `engine sql` prints a query that runs unchanged
 * on its engine, and `engine score --engine duckdb` (the workspace in DuckDB) and `--engine
 * postgres` (a database's tables) print what `engine score` prints, to 1e-9.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateSample } from '$lib/engine/sample';
import { engine } from '../../../tests/support/cli';
import { createDatabase } from '../../../tests/support/postgres';
import { openDuckDb, openPostgres } from './engines';
import { loadWorkspace } from './load';

const AS_OF = '2026-11-23';
const sample = generateSample({ accounts: 60, end: AS_OF });
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

/** The same records to 1e-9 (numbers computed in another order may differ in the last bits). */
function expectSameScores(actual: unknown, expected: unknown, at = 'scores'): void {
	if (typeof expected === 'number' && typeof actual === 'number') {
		expect(Math.abs(actual - expected), at).toBeLessThanOrEqual(
			1e-9 * Math.max(1, Math.abs(expected))
		);
		return;
	}
	if (expected && typeof expected === 'object') {
		expect(typeof actual, at).toBe('object');
		const keys = Object.keys(expected as object);
		expect(Object.keys(actual as object).sort(), at).toEqual([...keys].sort());
		for (const key of keys)
			expectSameScores(
				(actual as Record<string, unknown>)[key],
				(expected as Record<string, unknown>)[key],
				`${at}.${key}`
			);
		return;
	}
	expect(actual, at).toEqual(expected);
}

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
	});

	it('prints a query each engine runs unchanged', async () => {
		const duckdb = await openDuckDb();
		const postgres = await openPostgres(await createDatabase(inject('postgresUrl')));
		try {
			for (const db of [duckdb, postgres]) {
				const printed = await engine(
					'sql',
					'--workspace',
					file,
					'--as-of',
					AS_OF,
					'--scorecard',
					'scale',
					'--dialect',
					db.dialect
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
		expect(dialect.stderr).toContain('--dialect expects duckdb or postgres, got "oracle"');
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
