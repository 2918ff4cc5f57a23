// @vitest-environment node
/**
 * A team that brings its history as CSV files only (accounts, snapshots and outcomes, as a CRM and
 * an analytics tool export them) gets the backtest it would get from the same data in a workspace
 * file: nothing is lost or read differently on the way through the Data page's import.
 */
import { describe, expect, it } from 'vitest';
import { csvRow } from '../../csv-cell';
import { backtestWorkspace } from '../../engine/backtest';
import { generateSample } from '../../engine/sample/generate';
import type { Workspace } from '../../engine';
import { inspectCsv } from '../../import/pipeline';
import type { ImportKind } from '../../import/types';
import { describeStore } from '../store/fixture';
import { importCsv } from './csv-import';

/** Records as a CSV file: the columns named, a list written `a;b`, an absent value empty. */
function csvOf(records: readonly Record<string, unknown>[], columns: readonly string[]): string {
	const cell = (value: unknown) => (Array.isArray(value) ? value.join(';') : value);
	return [columns, ...records.map((record) => columns.map((c) => cell(record[c])))]
		.map(csvRow)
		.join('\n');
}

/** The workspace's accounts, snapshots and outcomes as the three files a team would export. */
function exportsOf(workspace: Workspace): [ImportKind, string][] {
	const factNames = [...new Set(workspace.accounts.flatMap((a) => Object.keys(a.facts ?? {})))];
	const metricNames = [...new Set(workspace.snapshots.flatMap((s) => Object.keys(s.metrics)))];
	const fields = ['id', 'name', 'segment', 'arr', 'renewal_date', 'csm', 'tags', 'do_not_contact'];
	return [
		[
			'accounts',
			csvOf(
				workspace.accounts.map((account) => ({ ...account.facts, ...account })),
				[...fields, ...factNames]
			)
		],
		[
			'snapshots',
			csvOf(
				workspace.snapshots.map((snapshot) => ({ ...snapshot.metrics, ...snapshot })),
				['account_id', 'date', ...metricNames]
			)
		],
		['outcomes', csvOf(workspace.outcomes, ['account_id', 'date', 'type'])]
	];
}

describeStore((fixture) => {
	describe('the backtest of a history brought as CSV files', () => {
		it('equals the backtest of the same data loaded as a workspace file', async () => {
			const sample = generateSample({ accounts: 240, weeks: 40 });
			// The files carry no contacts or manual entries: the workspace compared holds none either.
			const file: Workspace = { ...sample, contacts: [], manual_entries: [] };
			expect(file.outcomes.filter((o) => o.type === 'churned').length).toBeGreaterThan(20);

			const store = await fixture.fresh();
			const owner = await fixture.user('owner@team.example');
			const empty = { ...file, accounts: [], snapshots: [], outcomes: [] };
			await store.published.publish(JSON.stringify(empty), owner);
			for (const [kind, csv] of exportsOf(file)) {
				const blob = new Blob([csv]);
				const inspected = await inspectCsv(blob, kind);
				if (!inspected.ok) throw new Error(inspected.problem);
				const imported = await importCsv(
					store.published.records,
					{ kind, body: blob, ...inspected.value, latestDate: '2026-12-04' },
					{ actor: owner, role: 'owner' }
				);
				if (!imported.ok) throw new Error(imported.error);
				expect(imported.answer.errors, kind).toEqual([]);
			}
			const fromCsv = (await store.published.current())!.workspace;
			expect(fromCsv.outcomes).toHaveLength(file.outcomes.length);

			const options = { horizons: [60, 90], calibration: true };
			const expected = backtestWorkspace(file, options);
			expect(expected.results[0]!.auc).not.toBeNull();
			expect(backtestWorkspace(fromCsv, options)).toEqual(expected);
		});
	});
});
