// @vitest-environment node
/**
 * The generic dialect, portable SQL for a warehouse, holds to the engine where it can run: on
 * DuckDB, unchanged. Random workspaces and the query `engine sql --dialect generic` prints score
 * as the JavaScript engine does (to 1e-9); and each construct a dialect writes means what
 * JavaScript means, on each dialect's engine (the generic one's on DuckDB).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scoreWorkspace, type Workspace } from '$lib/engine';
import { Random } from '$lib/engine/random';
import { generateSample } from '$lib/engine/sample';
import { scorecardsSql, sqlSchemaOf } from '$lib/engine/sql';
import { DIALECT, quoteText, type Dialect } from '$lib/engine/sql/dialect';
import { engine as cli } from '../../../tests/support/cli';
import { createDatabase } from '../../../tests/support/postgres';
import { AS_OF, randomSqlWorkspace } from '../../../tests/support/random-sql-workspace';
import { compiling, difference } from '../../../tests/support/sql-compare';
import { openDuckDb, openPostgres, type SqlEngine } from './engines';
import { loadWorkspace } from './load';

let duckdb: SqlEngine;

beforeAll(async () => {
	duckdb = await openDuckDb();
});

afterAll(async () => {
	await duckdb?.close();
});

/** Every row of the query where it differs from the engine, thrown with what to look at. */
async function expectEngineScores(workspace: Workspace, sql: string) {
	const rows = new Map((await duckdb.query(sql)).map((row) => [row.account_id as string, row]));
	const expected = scoreWorkspace(workspace, AS_OF);
	for (const score of expected) {
		const row = rows.get(score.account_id)!;
		const differs = difference(score, row, workspace.scorecards);
		if (differs)
			throw new Error(
				`generic SQL on DuckDB differs on ${differs} of ${score.account_id}:\n${JSON.stringify(score)}\n${JSON.stringify(row)}\nscorecards: ${JSON.stringify(workspace.scorecards)}`
			);
	}
	return expected.length;
}

describe('the generic dialect on DuckDB, unchanged', () => {
	it('scores 60 random workspaces as the engine does', async () => {
		const random = new Random(20261216);
		let compared = 0;
		let measuresKept = 0;
		const beyondTheRow = { decay: 0, manual: 0, lastKnown: 0, people: 0 };
		for (let round = 0; round < 60; round++) {
			const generated = randomSqlWorkspace(random);
			const { scorecards, kept, features } = compiling(generated, 'generic');
			measuresKept += kept;
			for (const [name, count] of Object.entries(features))
				beyondTheRow[name as keyof typeof features] += count;
			const workspace = { ...generated, scorecards };
			await loadWorkspace(duckdb, workspace);
			const { sql } = scorecardsSql(scorecards, {
				asOf: AS_OF,
				dialect: 'generic',
				schema: sqlSchemaOf(workspace)
			});
			// Nothing of DuckDB's or PostgreSQL's own syntax: casts by `::`, JSON by arrows.
			expect(sql).not.toMatch(/::|->/);
			compared += await expectEngineScores(workspace, sql);
		}
		console.log(
			`generic SQL on DuckDB: compared ${compared} account scores, ${measuresKept} measures compiled (${JSON.stringify(beyondTheRow)})`
		);
		expect(compared).toBe(60 * 20);
		expect(measuresKept).toBeGreaterThan(400);
	}, 300_000);

	it('runs the query `engine sql --dialect generic` prints and finds the engine’s scores', async () => {
		const sample = generateSample({ accounts: 60, end: AS_OF });
		const folder = await mkdtemp(join(tmpdir(), 'scorecraft-generic-'));
		try {
			const file = join(folder, 'workspace.json');
			await writeFile(file, JSON.stringify(sample));
			const printed = await cli(
				'sql',
				'--workspace',
				file,
				'--as-of',
				AS_OF,
				'--dialect',
				'generic'
			);
			expect(printed.stderr).toBe('');
			expect(printed.code).toBe(0);
			await loadWorkspace(duckdb, sample);
			expect(await expectEngineScores(sample, printed.stdout)).toBe(60);
			const scored = await duckdb.query(
				`select count(*) as n from (${printed.stdout.replace(/;\s*$/, '')}) as q where overall is not null`
			);
			expect(scored[0]!.n).toBeGreaterThan(40);
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	}, 120_000);
});

/** A construct of a dialect, the SQL it makes, and what JavaScript makes of the same values. */
type Case = [string, (d: Dialect) => string, unknown];

const number = (d: Dialect, value: number | 'NaN' | 'Infinity' | '-Infinity') =>
	typeof value === 'string' ? d.special(value) : `cast('${value}' as ${d.types.number})`;
const date = (d: Dialect, value: string) => `cast('${value}' as ${d.types.date})`;
const json = (d: Dialect, value: unknown) =>
	`cast(${quoteText(JSON.stringify(value))} as ${d.types.json})`;
const FACTS = { a: 'x', n: 1.5, z: null, 'g h': "it's", $d: 'v' };
const INFINITY = String.raw`^\s*([+-]?)Infinity\s*$`;

const CASES: Case[] = [
	['NaN / 0', (d) => d.divide(number(d, 'NaN'), number(d, 0)), NaN],
	['1 / 0', (d) => d.divide(number(d, 1), number(d, 0)), Infinity],
	['-1 / 0', (d) => d.divide(number(d, -1), number(d, 0)), -Infinity],
	['0 / 0', (d) => d.divide(number(d, 0), number(d, 0)), NaN],
	['1 / 4', (d) => d.divide(number(d, 1), number(d, 4)), 0.25],
	['7.5 % -2', (d) => d.remainder(number(d, 7.5), number(d, -2)), 1.5],
	['-7.5 % 2', (d) => d.remainder(number(d, -7.5), number(d, 2)), -1.5],
	['5 % 0', (d) => d.remainder(number(d, 5), number(d, 0)), NaN],
	['Infinity % 2', (d) => d.remainder(number(d, 'Infinity'), number(d, 2)), NaN],
	['5.5 % Infinity', (d) => d.remainder(number(d, 5.5), number(d, 'Infinity')), 5.5],
	['NaN % 2', (d) => d.remainder(number(d, 'NaN'), number(d, 2)), NaN],
	['isNaN(NaN)', (d) => d.isNaN(number(d, 'NaN')), true],
	['isNaN(-Infinity)', (d) => d.isNaN(number(d, '-Infinity')), false],
	['isNaN(2)', (d) => d.isNaN(number(d, 2)), false],
	['the sign of Infinity', (d) => d.capture(`'Infinity'`, INFINITY), ''],
	['the sign of -Infinity', (d) => d.capture(`'-Infinity'`, INFINITY), '-'],
	['no sign of x', (d) => d.capture(`'x'`, INFINITY), null],
	['a prefix', (d) => d.capture(`'12abc'`, String.raw`^\s*([0-9]+)`), '12'],
	['blank', (d) => d.matches(`' \t'`, String.raw`^\s*$`), true],
	['not blank', (d) => d.matches(`' a'`, String.raw`^\s*$`), false],
	['days forward', (d) => d.daysBetween(date(d, '2026-01-01'), date(d, '2026-03-01')), 59],
	['days back', (d) => d.daysBetween(date(d, '2026-03-01'), date(d, '2026-01-01')), -59],
	['member text', (d) => d.memberText(json(d, FACTS), 'a'), 'x'],
	['member number', (d) => `cast(${d.memberText(json(d, FACTS), 'n')} as ${d.types.number})`, 1.5],
	['member null', (d) => d.memberText(json(d, FACTS), 'z'), null],
	['member absent', (d) => d.memberText(json(d, FACTS), 'nope'), null],
	['member with a space', (d) => d.memberText(json(d, FACTS), 'g h'), "it's"],
	['member named $d', (d) => d.memberText(json(d, FACTS), '$d'), 'v'],
	['null member there', (d) => `(${d.member(json(d, FACTS), 'z')} is not null)`, true],
	['absent member not', (d) => `(${d.member(json(d, FACTS), 'nope')} is not null)`, false],
	['a JSON number', (d) => d.jsonIs(json(d, 1.5), 'number'), true],
	['a JSON whole number', (d) => d.jsonIs(json(d, 3), 'number'), true],
	['a JSON boolean', (d) => d.jsonIs(json(d, true), 'boolean'), true],
	['a JSON string', (d) => d.jsonIs(json(d, 'x'), 'text'), true],
	['a JSON null', (d) => d.jsonIs(json(d, null), 'null'), true],
	['not a JSON number', (d) => d.jsonIs(json(d, '1'), 'number'), false],
	['scalar text', (d) => d.scalarText(json(d, 'x')), 'x'],
	['scalar number', (d) => d.scalarText(json(d, 2)), '2'],
	['scalar null', (d) => d.scalarText(json(d, null)), null]
];

describe('each construct, as JavaScript means it', () => {
	let postgres: SqlEngine;

	beforeAll(async () => {
		postgres = await openPostgres(await createDatabase(inject('postgresUrl')));
	});

	afterAll(async () => {
		await postgres?.close();
	});

	it.each([
		['generic', () => duckdb],
		['duckdb', () => duckdb],
		['postgres', () => postgres]
	] as const)('in the %s dialect', async (name, db) => {
		const d = DIALECT[name];
		const columns = CASES.map(([, sql], i) => `${sql(d)} as c${i}`).join(',\n  ');
		const [row] = await db().query(`select ${columns}`);
		const wrong = CASES.flatMap(([what, , expected], i) =>
			Object.is(row![`c${i}`], expected)
				? []
				: [`${what}: ${String(row![`c${i}`])}, where JavaScript has ${String(expected)}`]
		);
		expect(wrong).toEqual([]);
	});
});
