// @vitest-environment node
/**
 * Scorecards compiled to SQL (`$lib/engine/sql`) score as the JavaScript engine does, on the real
 * engines: DuckDB in this process and a PostgreSQL 15 server. Random workspaces (types kept per
 * name, nulls, absences, snapshots after the as-of date) and random scorecards (priorities,
 * conditions, every scoring, weights of 0, bands, the missing-data policies SQL compiles) give
 * each account's scorecard, overall, band, groups, measures and missing measures, to 1e-9.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scoreWorkspace, type AccountScore, type Scorecard, type Workspace } from '$lib/engine';
import { Random } from '$lib/engine/random';
import { scorecardsSql, SqlCompileError, sqlSchemaOf, type DialectName } from '$lib/engine/sql';
import { createDatabase } from '../../../tests/support/postgres';
import { AS_OF, randomSqlWorkspace } from '../../../tests/support/random-sql-workspace';
import { openDuckDb, openPostgres, type SqlEngine } from './engines';
import { loadWorkspace } from './load';

const close = (a: unknown, b: unknown): boolean => {
	if (typeof a === 'number' && typeof b === 'number')
		return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
	return a === b || (a == null && b == null);
};

/** Where the SQL row differs from the engine's score, or null. */
function difference(
	expected: AccountScore,
	row: Record<string, unknown>,
	cards: readonly Scorecard[]
): string | null {
	if (expected.scorecard_id !== (row.scorecard_id ?? null)) return 'scorecard_id';
	if (!close(expected.overall, row.overall)) return 'overall';
	if ((expected.band ?? null) !== (row.band ?? null)) return 'band';
	if (expected.missing.join(',') !== (row.missing ?? '')) return 'missing';
	const card = cards.find((each) => each.id === expected.scorecard_id);
	for (const group of card?.groups ?? []) {
		if (!close(expected.groups[group.id], row[`${card!.id}.${group.id}`]))
			return `group ${group.id}`;
		for (const measure of group.measures) {
			const line = expected.measures[measure.id]!;
			if (!close(line.score, row[`${card!.id}.${measure.id}.score`]))
				return `measure ${measure.id} score`;
			if (!close(line.value, row[`${card!.id}.${measure.id}.value`]))
				return `measure ${measure.id} value`;
		}
	}
	return null;
}

/**
 * The workspace's scorecards cut down to what compiles: each measure SQL refuses taken out (and a
 * group left empty, and a scorecard whose condition is refused); how many measures were kept and
 * taken out, to show the comparison covers most of them.
 */
function compiling(workspace: Workspace, dialect: DialectName) {
	const schema = sqlSchemaOf(workspace);
	const compiles = (card: Scorecard) => {
		try {
			scorecardsSql([card], { asOf: AS_OF, dialect, schema });
			return true;
		} catch (error) {
			if (error instanceof SqlCompileError) return false;
			throw error;
		}
	};
	let kept = 0;
	let refused = 0;
	const scorecards: Scorecard[] = [];
	for (const card of workspace.scorecards) {
		const groups = card.groups
			.map((group) => ({
				...group,
				measures: group.measures.filter((measure) => {
					const alone = compiles({ ...card, groups: [{ ...group, measures: [measure] }] });
					if (alone) kept++;
					else refused++;
					return alone;
				})
			}))
			.filter((group) => group.measures.length > 0);
		if (groups.length > 0 && compiles({ ...card, groups })) scorecards.push({ ...card, groups });
	}
	return { scorecards, kept, refused };
}

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
		let measuresKept = 0;
		let measuresRefused = 0;
		for (let round = 0; round < 200; round++) {
			const generated = randomSqlWorkspace(random);
			const { scorecards, kept, refused } = compiling(generated, 'postgres');
			measuresKept += kept;
			measuresRefused += refused;
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
		}
		console.log(
			`compared ${compared} account scores (two engines); ${measuresKept} measures compiled, ${measuresRefused} refused`
		);
		expect(compared).toBe(200 * 20 * 2);
		expect(measuresKept).toBeGreaterThan(3 * measuresRefused);
	}, 600_000);
});
