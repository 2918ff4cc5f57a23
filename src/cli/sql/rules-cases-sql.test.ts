// @vitest-environment node
/**
 * The shipped scorecards' data cases (`rules/cases/`), scored in SQL on DuckDB and PostgreSQL:
 * each case's facts become one account's snapshot, and the query gives the overall, band, groups
 * and measures the case expects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Account, Scorecard, Snapshot } from '$lib/engine';
import { scorecardsSql, sqlSchemaOf } from '$lib/engine/sql';
import { createDatabase } from '../../../tests/support/postgres';
import { readRuleCases, ruleCaseFiles } from '../../../tests/support/rule-cases';
import { openDuckDb, openPostgres, type SqlEngine } from './engines';
import { loadWorkspace } from './load';

const AS_OF = '2026-11-23';
const files = ruleCaseFiles();

function expectClose(actual: unknown, expected: number | null, what: string) {
	if (expected === null) expect(actual, what).toBeNull();
	else expect(actual as number, what).toBeCloseTo(expected, 9);
}

describe.each(['duckdb', 'postgres'] as const)('the shipped scorecards in SQL on %s', (kind) => {
	let engine: SqlEngine;

	beforeAll(async () => {
		engine =
			kind === 'duckdb'
				? await openDuckDb()
				: await openPostgres(await createDatabase(inject('postgresUrl')));
	});

	afterAll(async () => {
		await engine?.close();
	});

	it.each(files)('scores rules/cases/%s as the cases say', async (file) => {
		const card = JSON.parse(readFileSync(join('rules', file), 'utf8')) as Scorecard;
		const cases = readRuleCases(file);
		const accounts: Account[] = cases.map((each, i) => ({
			id: `case-${i}`,
			name: each.description,
			segment: typeof each.facts.segment === 'string' ? each.facts.segment : ''
		}));
		const snapshots: Snapshot[] = cases.map((each, i) => ({
			account_id: `case-${i}`,
			date: AS_OF,
			metrics: each.facts as Snapshot['metrics']
		}));
		await loadWorkspace(engine, { accounts, snapshots });
		const { sql } = scorecardsSql([card], {
			asOf: AS_OF,
			dialect: kind,
			schema: sqlSchemaOf({ accounts, snapshots })
		});
		const rows = await engine.query(sql);
		cases.forEach(({ description, expected }, i) => {
			const row = rows.find((each) => each.account_id === `case-${i}`)!;
			if (expected.overall !== undefined) expectClose(row.overall, expected.overall, description);
			if (expected.band !== undefined) expect(row.band, description).toBe(expected.band);
			for (const [id, score] of Object.entries(expected.groups ?? {}))
				expectClose(row[`${card.id}.${id}`], score, `${description}: ${id}`);
			for (const [id, score] of Object.entries(expected.measures ?? {}))
				expectClose(row[`${card.id}.${id}.score`], score, `${description}: ${id}`);
		});
		expect(rows).toHaveLength(cases.length);
	});
});
