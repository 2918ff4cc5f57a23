// @vitest-environment node
/**
 * Loading a workspace into the SQL tables, on DuckDB (in memory) and on the test PostgreSQL 15
 * server: every account and snapshot reads back as it was (facts merged as the engine merges
 * them, doubles to the bit, JSON nulls kept), loading again replaces the rows, a failed load
 * leaves the tables as they were; and both engines hand back the same plain values.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../tests/support/postgres';
import { generateSample } from '../../lib/engine/sample';
import { DIALECT } from '../../lib/engine/sql/dialect';
import type { Account, Snapshot, Workspace } from '../../lib/engine/types';
import { openDuckDb, openPostgres, type SqlEngine } from './engines';
import { loadWorkspace } from './load';

type Tables = Pick<Workspace, 'accounts' | 'snapshots'> &
	Partial<Pick<Workspace, 'contacts' | 'manual_entries'>>;

/** This file's database on the PostgreSQL server, made once. */
let serverDatabase: Promise<string> | null = null;

const open: Record<SqlEngine['dialect'], () => Promise<SqlEngine>> = {
	duckdb: () => openDuckDb(),
	postgres: async () =>
		openPostgres(await (serverDatabase ??= createDatabase(inject('postgresUrl'))))
};

/** An account's row as it should read back: written out here, not taken from the loader. */
function expectedAccount(account: Account) {
	const { id, name, segment, arr, renewal_date, csm, facts, ...fields } = account;
	return {
		id,
		name,
		segment,
		arr: arr ?? null,
		renewal_date: renewal_date ?? null,
		csm: csm ?? null,
		facts: { ...fields, ...facts }
	};
}

const snapshotKey = (s: Pick<Snapshot, 'account_id' | 'date'>) => `${s.account_id} ${s.date}`;

/** Both tables, keyed (the engines sort text by different collations). */
async function readBack(engine: SqlEngine) {
	const accounts = await engine.query(
		'select id, name, segment, arr, renewal_date, csm, facts from accounts'
	);
	const snapshots = await engine.query('select account_id, date, metrics from snapshots');
	const contacts = await engine.query('select id, last_seen, metrics from contacts');
	const entries = await engine.query(
		'select account_id, measure_id, value, entered_at from manual_entries'
	);
	return {
		contacts: Object.fromEntries(contacts.map((row) => [row.id, [row.last_seen, row.metrics]])),
		manual_entries: Object.fromEntries(
			entries.map((row) => [`${row.account_id} ${row.measure_id} ${row.entered_at}`, row.value])
		),
		accounts: Object.fromEntries(accounts.map((row) => [row.id, row])),
		snapshots: Object.fromEntries(
			snapshots.map((row) => [snapshotKey(row as Snapshot), row.metrics])
		)
	};
}

const expected = (workspace: Tables) => ({
	contacts: Object.fromEntries(
		(workspace.contacts ?? []).map((c) => [c.id, [c.last_seen ?? null, c.metrics ?? null]])
	),
	manual_entries: Object.fromEntries(
		(workspace.manual_entries ?? []).map((e) => [
			`${e.account_id} ${e.measure_id} ${e.entered_at}`,
			e.value
		])
	),
	accounts: Object.fromEntries(workspace.accounts.map((a) => [a.id, expectedAccount(a)])),
	snapshots: Object.fromEntries(workspace.snapshots.map((s) => [snapshotKey(s), s.metrics]))
});

/** The edge cases: every kind of metric value, doubles that lose bits in lesser hands, clashes. */
const handMade = (): Tables => ({
	accounts: [
		{
			id: 'acme',
			name: `Acme's "Quoted" \\ Co $json$`,
			segment: 'enterprise',
			arr: 0.1 + 0.2,
			renewal_date: '2027-01-31',
			csm: 'ana@vendor.example',
			tags: ['expansion', 'beta'],
			do_not_contact: true,
			// Not in the format: kept, as the engine keeps it among the account's facts.
			tier: 'gold',
			// `tier` again: the facts win.
			facts: { tier: 'platinum', region: 'EU', tiny: 1e-300, nested: { list: [1, null, 'x'] } }
		},
		{ id: 'bare', name: 'Bare', segment: 'smb' }
	],
	snapshots: [
		{
			account_id: 'acme',
			date: '2026-11-23',
			metrics: {
				nps: null,
				exec_sponsor_engaged: true,
				plan: 'pro',
				ratio: 0.1 + 0.2,
				tiny: 1e-300,
				smallest: 5e-324,
				largest: 1.7976931348623157e308,
				negative: -1234.5678
			}
		},
		{ account_id: 'acme', date: '2026-11-16', metrics: { nps: 40 } },
		{ account_id: 'bare', date: '2026-02-28', metrics: {} }
	],
	contacts: [
		{
			id: 'ana',
			account_id: 'acme',
			email: 'ana@acme.example',
			last_seen: '2026-11-20T08:00:00Z',
			metrics: { active_days_30d: 12, power_user: true }
		},
		{ id: 'bo', account_id: 'acme', email: 'bo@acme.example' }
	],
	manual_entries: [
		{
			account_id: 'acme',
			measure_id: 'relationship',
			value: 4,
			entered_by: 'kim@vendor.example',
			entered_at: '2026-11-02T09:30:00Z'
		},
		{
			account_id: 'acme',
			measure_id: 'champion',
			value: 'new',
			entered_by: 'kim@vendor.example',
			entered_at: '2026-11-02T09:31:00Z'
		}
	]
});

describe.each(['duckdb', 'postgres'] as const)('loading a workspace on %s', (dialect) => {
	let engine: SqlEngine;

	beforeAll(async () => {
		engine = await open[dialect]();
	});

	afterAll(async () => {
		await engine?.close();
	});

	it('loads every account, snapshot and contact of the sample, which read back as they were', async () => {
		const workspace = generateSample({ accounts: 50, end: '2026-11-23' });
		expect(workspace.snapshots.length).toBeGreaterThan(1000);

		const counts = await loadWorkspace(engine, workspace);

		expect(counts).toEqual({
			accounts: 50,
			snapshots: workspace.snapshots.length,
			contacts: workspace.contacts.length,
			manual_entries: 0
		});
		expect(await readBack(engine)).toEqual(expected(workspace));
	});

	it('keeps nulls, booleans, strings and every bit of a double; merges the facts; keeps people and manual entries', async () => {
		const workspace = handMade();

		expect(await loadWorkspace(engine, workspace)).toEqual({
			accounts: 2,
			snapshots: 3,
			contacts: 2,
			manual_entries: 2
		});

		const back = await readBack(engine);
		expect(back).toEqual(expected(workspace));
		expect(back.accounts.acme).toEqual({
			id: 'acme',
			name: `Acme's "Quoted" \\ Co $json$`,
			segment: 'enterprise',
			arr: 0.30000000000000004,
			renewal_date: '2027-01-31',
			csm: 'ana@vendor.example',
			facts: {
				tags: ['expansion', 'beta'],
				do_not_contact: true,
				tier: 'platinum',
				region: 'EU',
				tiny: 1e-300,
				nested: { list: [1, null, 'x'] }
			}
		});
		// A missing optional field is SQL NULL; no other field and no facts, an empty object.
		expect(back.accounts.bare).toEqual({
			id: 'bare',
			name: 'Bare',
			segment: 'smb',
			arr: null,
			renewal_date: null,
			csm: null,
			facts: {}
		});
		const metrics = back.snapshots['acme 2026-11-23'] as Record<string, unknown>;
		expect(Object.keys(metrics).sort()).toEqual(
			Object.keys(workspace.snapshots[0]!.metrics).sort()
		);
		expect(metrics.nps).toBeNull();
		expect(metrics.ratio).toBe(0.1 + 0.2);
		expect(metrics.tiny).toBe(1e-300);
		expect(metrics.smallest).toBe(5e-324);
		expect(back.snapshots['bare 2026-02-28']).toEqual({});
	});

	it('reads dates as YYYY-MM-DD strings, and a NaN or infinite arr back', async () => {
		const workspace = handMade();
		workspace.accounts[1]!.arr = Number.NaN;
		workspace.accounts.push({ id: 'inf', name: 'Inf', segment: 'smb', arr: -Infinity });

		await loadWorkspace(engine, workspace);

		const rows = await engine.query(
			"select date, account_id from snapshots where account_id = 'acme' order by date"
		);
		expect(rows).toEqual([
			{ date: '2026-11-16', account_id: 'acme' },
			{ date: '2026-11-23', account_id: 'acme' }
		]);
		const arr = await engine.query("select id, arr from accounts where id in ('bare', 'inf')");
		expect(Object.fromEntries(arr.map((row) => [row.id, row.arr]))).toEqual({
			bare: Number.NaN,
			inf: -Infinity
		});
	});

	it('replaces what the tables held; a failed load leaves them as they were', async () => {
		await loadWorkspace(engine, generateSample({ accounts: 5, end: '2026-11-23' }));
		await loadWorkspace(engine, handMade());
		const duplicate = handMade();
		duplicate.snapshots.push(duplicate.snapshots[0]!);

		await expect(loadWorkspace(engine, duplicate)).rejects.toThrow();

		const [counts] = await engine.query(
			'select (select count(*) from accounts) as accounts, (select count(*) from snapshots) as snapshots'
		);
		expect(counts).toEqual({ accounts: 2, snapshots: 3 });
	});

	it('hands back plain values: NaN and infinities, whole numbers, JSON, dates, lists', async () => {
		const { special, types } = DIALECT[dialect];

		const rows = await engine.query(
			`select ${special('NaN')} as nan, ${special('Infinity')} as inf,
			        ${special('-Infinity')} as negative_inf, cast(0.5 as ${types.number}) as half,
			        cast(9007199254740991 as bigint) as big, cast(2.25 as decimal(10, 2)) as exact,
			        count(*) as n, sum(x) as total, min(x) = 1 as yes,
			        cast('{"a": [1.5, null, "b"], "c": true}' as ${types.json}) as doc,
			        cast(null as ${types.json}) as absent, cast('2024-02-29' as date) as day,
			        cast('é''s' as ${types.text}) as text,
			        array[cast(1 as bigint), null] as bigs, array[cast('2024-03-01' as date)] as days
			 from (values (1), (2), (3)) as v(x)`
		);

		expect(rows).toHaveLength(1);
		const row = rows[0]!;
		expect(Object.is(row.nan, Number.NaN)).toBe(true);
		expect(row.inf).toBe(Infinity);
		expect(row.negative_inf).toBe(-Infinity);
		expect(row).toEqual({
			nan: Number.NaN,
			inf: Infinity,
			negative_inf: -Infinity,
			half: 0.5,
			big: 9007199254740991,
			exact: 2.25,
			n: 3,
			total: 6,
			yes: true,
			doc: { a: [1.5, null, 'b'], c: true },
			absent: null,
			day: '2024-02-29',
			text: "é's",
			bigs: [1, null],
			days: ['2024-03-01']
		});
	});

	it('refuses queries once closed', async () => {
		const closing = await open[dialect]();
		await closing.close();

		await expect(closing.query('select 1 as one')).rejects.toThrow();
	});
});
