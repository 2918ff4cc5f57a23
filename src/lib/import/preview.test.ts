import { describe, expect, it } from 'vitest';
import { guessMapping } from './mapping';
import { previewRows } from './preview';

describe('previewRows', () => {
	const header = ['account', 'date', 'Account name', 'NPS'];
	const sample = [
		['a1', '2026/11/02', 'Alpha', '40'],
		['', '', '', ''],
		['zz', '2026-11-02', 'Zed', 'high'],
		['a1', '2026-11-02', 'Alpha', '']
	];

	it('shows each used column as it will be stored, with its problems', () => {
		const mapping = guessMapping('snapshots', header);
		const preview = previewRows('snapshots', mapping, sample, { knownAccounts: new Set(['a1']) });
		expect(preview?.columns).toEqual([
			{ index: 0, header: 'account', path: 'account_id' },
			{ index: 1, header: 'date', path: 'date' },
			{ index: 3, header: 'NPS', path: 'metrics.nps' }
		]);
		expect(preview?.rows.map((row) => row.cells)).toEqual([
			[
				{ value: 'a1', problem: null },
				{ value: '2026-11-02', problem: null },
				{ value: 40, problem: null }
			],
			[],
			[
				{ value: 'zz', problem: 'unknown_account' },
				{ value: '2026-11-02', problem: null },
				{ value: undefined, problem: 'not_a_metric' }
			],
			[
				{ value: 'a1', problem: null },
				{ value: '2026-11-02', problem: null },
				{ value: null, problem: null }
			]
		]);
		expect(preview?.rows[1]).toMatchObject({ row: 3, blank: true });
		expect(preview?.rows[3]!.errors).toMatchObject([{ problem: 'duplicate', firstRow: 2 }]);
	});

	it('has nothing to show while the mapping lacks a required field', () => {
		const mapping = guessMapping('snapshots', header).map((column) =>
			column.target === 'date' ? { ...column, target: 'ignore' } : column
		);
		expect(previewRows('snapshots', mapping, sample)).toBeNull();
	});
});
