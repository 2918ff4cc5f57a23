/**
 * Holding SQL's results to the engine's: where a row of the compiled query differs from the
 * engine's score of the account (to 1e-9), a workspace's scorecards cut down to what compiles,
 * records compared to 1e-9, a sample whose scorecard needs more than one row per account, and a
 * workspace loaded with its facts and metrics in wide columns.
 */
import { expect } from 'vitest';
import type { AccountScore, IsoDate, Measure, Scorecard, Workspace } from '../../src/lib/engine';
import { addDays } from '../../src/lib/engine/dates';
import { generateSample } from '../../src/lib/engine/sample';
import { varsRead } from '../../src/lib/engine/logic';
import { PEOPLE_FACT_NAMES } from '../../src/lib/engine/people';
import {
	scorecardsSql,
	SqlCompileError,
	sqlSchemaOf,
	type DialectName,
	type SqlType,
	type WideLayout
} from '../../src/lib/engine/sql';
import { DIALECT, quoteName } from '../../src/lib/engine/sql/dialect';
import type { SqlEngine } from '../../src/cli/sql/engines';
import { accountFacts, loadWorkspace } from '../../src/cli/sql/load';
import { AS_OF } from './random-sql-workspace';

const close = (a: unknown, b: unknown): boolean => {
	if (typeof a === 'number' && typeof b === 'number')
		return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
	return a === b || (a == null && b == null);
};

/** Where the SQL row differs from the engine's score, or null. */
export function difference(
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
export function compiling(workspace: Workspace, dialect: DialectName) {
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
	/** Measures compiled with what needs more than the account's own row. */
	const features = { decay: 0, manual: 0, lastKnown: 0, people: 0 };
	const count = (measure: Measure) => {
		if (measure.decay) features.decay++;
		if (measure.manual) features.manual++;
		if (measure.missing?.policy === 'last_known') features.lastKnown++;
		if (
			varsRead(measure.value).some((name) =>
				(PEOPLE_FACT_NAMES as readonly string[]).includes(name)
			)
		)
			features.people++;
	};
	const scorecards: Scorecard[] = [];
	for (const card of workspace.scorecards) {
		const groups = card.groups
			.map((group) => ({
				...group,
				measures: group.measures.filter((measure) => {
					const alone = compiles({ ...card, groups: [{ ...group, measures: [measure] }] });
					if (alone) {
						kept++;
						count(measure);
					} else refused++;
					return alone;
				})
			}))
			.filter((group) => group.measures.length > 0);
		if (groups.length > 0 && compiles({ ...card, groups })) scorecards.push({ ...card, groups });
	}
	return { scorecards, kept, refused, features };
}

/** The same records to 1e-9 (numbers computed in another order may differ in the last bits). */
export function expectSameScores(actual: unknown, expected: unknown, at = 'scores'): void {
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

/**
 * The sample workspace with its Scale scorecard reading everything SQL must get right beyond the
 * account's own row: a metric decayed over four periods, a people fact, a manual measure whose
 * entries go stale and fall back on the last known one, and a metric's last known value.
 */
export function sampleWithEveryKindOfMeasure(accounts: number, asOf: IsoDate): Workspace {
	const workspace = generateSample({ accounts, end: asOf });
	const scale = workspace.scorecards.find((card) => card.id === 'scale')!;
	scale.groups.push({
		id: 'sql_extras',
		name: 'Beyond one row',
		weight: 1,
		measures: [
			{
				id: 'logins_decayed',
				name: 'Logins, decayed',
				value: { var: 'logins_30d' },
				scoring: {
					type: 'linear',
					points: [
						[0, 0],
						[40, 100]
					]
				},
				decay: { periods: 4 }
			},
			{
				id: 'people_active',
				name: 'People active',
				value: { var: 'users_active_30d' },
				scoring: {
					type: 'steps',
					steps: [
						{ min: 10, score: 90 },
						{ min: 3, score: 60 }
					],
					else: 20
				}
			},
			{
				id: 'relationship',
				name: 'Relationship',
				value: { var: 'manual.relationship' },
				scoring: {
					type: 'linear',
					points: [
						[1, 0],
						[5, 100]
					]
				},
				manual: { validity_days: 45 },
				missing: { policy: 'last_known', max_days: 90 }
			},
			{
				id: 'nps_known',
				name: 'NPS, last known',
				value: { var: 'nps' },
				scoring: {
					type: 'linear',
					points: [
						[-100, 0],
						[100, 100]
					]
				},
				missing: { policy: 'last_known', max_days: 120 }
			}
		]
	});
	workspace.manual_entries = workspace.accounts
		.filter((_, i) => i % 2 === 0)
		.flatMap((account, i) =>
			[20, 70, 140].slice(0, 1 + (i % 3)).map((daysAgo, k) => ({
				account_id: account.id,
				measure_id: 'relationship',
				value: 1 + ((i + k) % 5),
				entered_by: 'kim@x.example',
				entered_at: `${addDays(asOf, -daysAgo - (i % 30))}T10:00:00Z`
			}))
		);
	return workspace;
}

/** The workspace with every null fact and metric left out: a wide column's NULL is no data. */
export function withoutNulls(workspace: Workspace): Workspace {
	const present = <T extends object>(values: T) =>
		Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)) as T;
	return {
		...workspace,
		accounts: workspace.accounts.map((account) =>
			account.facts ? { ...account, facts: present(account.facts) } : account
		),
		snapshots: workspace.snapshots.map((snapshot) => ({
			...snapshot,
			metrics: present(snapshot.metrics)
		}))
	};
}

/**
 * Loads a workspace into DuckDB with its facts and metrics in wide columns, one per name and typed
 * as the schema types it (names of several types are left out: SQL refuses rules reading them).
 */
export async function loadWide(engine: SqlEngine, workspace: Workspace): Promise<WideLayout> {
	await loadWorkspace(engine, workspace);
	const schema = sqlSchemaOf(workspace);
	const d = DIALECT.duckdb;
	const names = (records: Iterable<object>) => {
		const found = new Set<string>();
		for (const record of records) for (const key of Object.keys(record)) found.add(key);
		return [...found].filter((name) => schema[name] !== undefined && schema[name] !== 'other');
	};
	const facts = names(workspace.accounts.map((account) => accountFacts(account)));
	const metrics = names(workspace.snapshots.map((snapshot) => snapshot.metrics));
	const column = (json: string, name: string) => {
		const text = d.memberText(json, name);
		const type = schema[name] as SqlType;
		const value =
			type === 'text'
				? text
				: type === 'boolean'
					? `(${text} = 'true')`
					: `cast(${text} as DOUBLE)`;
		return `${value} as ${quoteName(name)}`;
	};
	const wide = (list: string[], json: string) =>
		list.map((name) => `, ${column(json, name)}`).join('');
	await engine.exec(`create table accounts_wide as
		select id, name, segment, arr, renewal_date, csm${wide(facts, 'facts')} from accounts`);
	await engine.exec(`create table snapshots_wide as
		select account_id, date${wide(metrics, 'metrics')} from snapshots`);
	for (const table of ['accounts', 'snapshots']) {
		await engine.exec(`drop table ${table}`);
		await engine.exec(`alter table ${table}_wide rename to ${table}`);
	}
	return { facts, metrics };
}
