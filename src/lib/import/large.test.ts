import { describe, expect, it } from 'vitest';
import { wideSnapshots } from '../../../tests/fixtures/csv/wide-snapshots';
import { checkCsv, inspectCsv } from './pipeline';

describe('a large wide export', () => {
	it('parses and checks 100,000 rows', async () => {
		const { csv, accountIds, rows } = wideSnapshots(100_000);
		const blob = new Blob([csv]);
		const started = performance.now();
		const inspected = await inspectCsv(blob, 'snapshots');
		if (!inspected.ok) throw new Error(inspected.problem);
		const result = await checkCsv(blob, 'snapshots', inspected.value.mapping, {
			format: inspected.value.format,
			knownAccounts: new Set(accountIds)
		});
		const seconds = (performance.now() - started) / 1000;
		if (!result.ok) throw new Error(result.problem);
		console.log(
			`parse + check of ${rows.toLocaleString('en')} rows (${(blob.size / 1e6).toFixed(1)} MB): ${seconds.toFixed(2)} s`
		);
		expect(result.errors).toEqual([]);
		expect(result.summary.validRows).toBe(100_000);
		expect(result.records).toHaveLength(100_000);
		expect(result.records[0]!.metrics).toHaveProperty('qbr_attended');
	});
});
