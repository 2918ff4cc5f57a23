// @vitest-environment node
/**
 * Scorecards compiled to SQL (`$lib/engine/sql`) score as the JavaScript engine does, on the real
 * engines: DuckDB in this process and a PostgreSQL 15 server. Random workspaces (types kept per
 * name, nulls, absences, snapshots after the as-of date and half a year back, people who use the
 * product or not, manual entries of every age) and random scorecards (priorities, conditions,
 * every scoring, weights of 0, bands, time decay, manual measures, people facts, every
 * missing-data policy) give each account's scorecard, overall, band, groups, measures and missing
 * measures, to 1e-9.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scoreWorkspace } from '$lib/engine';
import { Random } from '$lib/engine/random';
import { scorecardsSql, sqlSchemaOf } from '$lib/engine/sql';
import { createDatabase } from '../../../tests/support/postgres';
import { AS_OF, randomSqlWorkspace } from '../../../tests/support/random-sql-workspace';
import { compiling, difference, loadWide, withoutNulls } from '../../../tests/support/sql-compare';
import { openDuckDb, openPostgres, type SqlEngine } from './engines';
import { loadWorkspace } from './load';

describe('scorecards in SQL', () => {
	let duckdb: SqlEngine;
	let postgres: SqlEngine;

	beforeAll(async () => {
		duckdb = await openDuckDb();
		postgres = await openPostgres(await createDatabase(inject('postgresUrl')));
	});

	afterAll(async () => {
		await duckdb?.close();
		await postgres?.close();
	});

	it('score 200 random workspaces as the engine does, on DuckDB and PostgreSQL', async () => {
		const random = new Random(20261204);
		let compared = 0;
		let comparedWide = 0;
		let measuresKept = 0;
		let measuresRefused = 0;
		const covered = { decay: 0, manual: 0, lastKnown: 0, people: 0 };
		for (let round = 0; round < 200; round++) {
			const generated = randomSqlWorkspace(random);
			const { scorecards, kept, refused, features } = compiling(generated, 'postgres');
			measuresKept += kept;
			measuresRefused += refused;
			for (const key of Object.keys(covered) as (keyof typeof covered)[])
				covered[key] += features[key];
			const workspace = { ...generated, scorecards };
			const expected = scoreWorkspace(workspace, AS_OF);
			for (const engine of [duckdb, postgres]) {
				await loadWorkspace(engine, workspace);
				const { sql } = scorecardsSql(scorecards, {
					asOf: AS_OF,
					dialect: engine.dialect,
					schema: sqlSchemaOf(workspace)
				});
				const result = await engine.query(sql).catch((error: Error) => {
					throw new Error(
						`${engine.dialect} refused the query of ${JSON.stringify(scorecards)}: ${error.message}`
					);
				});
				const rows = new Map(result.map((row) => [row.account_id as string, row]));
				for (const score of expected) {
					const row = rows.get(score.account_id)!;
					const differs = difference(score, row, scorecards);
					if (differs)
						throw new Error(
							`${engine.dialect} differs on ${differs} of ${score.account_id}:\n${JSON.stringify(score)}\n${JSON.stringify(row)}\nscorecards: ${JSON.stringify(scorecards)}\nworkspace: ${JSON.stringify({ accounts: workspace.accounts, snapshots: workspace.snapshots })}`
						);
					compared++;
				}
			}
			// The same workspace, its facts and metrics in wide columns (a NULL there is no data).
			const stripped = withoutNulls(workspace);
			const layout = await loadWide(duckdb, stripped);
			const { sql } = scorecardsSql(scorecards, {
				asOf: AS_OF,
				dialect: 'duckdb',
				schema: sqlSchemaOf(stripped),
				layout
			});
			const rows = new Map((await duckdb.query(sql)).map((row) => [row.account_id as string, row]));
			for (const score of scoreWorkspace(stripped, AS_OF)) {
				const differs = difference(score, rows.get(score.account_id)!, scorecards);
				if (differs)
					throw new Error(
						`wide columns on DuckDB differ on ${differs} of ${score.account_id}:\n${JSON.stringify(score)}\n${JSON.stringify(rows.get(score.account_id))}\nscorecards: ${JSON.stringify(scorecards)}`
					);
				comparedWide++;
			}
		}
		console.log(
			`compared ${compared} account scores (two engines) and ${comparedWide} with wide columns (DuckDB); ${measuresKept} measures compiled, ${measuresRefused} refused; compiled with decay ${covered.decay}, manual ${covered.manual}, last known ${covered.lastKnown}, people facts ${covered.people}`
		);
		expect(compared).toBe(200 * 20 * 2);
		expect(comparedWide).toBe(200 * 20);
		expect(measuresKept).toBeGreaterThan(3 * measuresRefused);
		for (const count of Object.values(covered)) expect(count).toBeGreaterThan(100);
	}, 600_000);
});
