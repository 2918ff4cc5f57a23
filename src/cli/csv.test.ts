import { describe, expect, it } from 'vitest';
import { formatRecords } from './csv';

describe('formatRecords', () => {
	it('writes CSV (for plan and run) with formula-like text neutralised and numbers kept', () => {
		const records = [
			{ account_id: '@evil', reason: '+cmd', attempts: -1 },
			{ account_id: 'acme', reason: 'low, adoption', attempts: 2 }
		];
		expect(formatRecords(records, ['account_id', 'reason', 'attempts'], 'csv')).toBe(
			'account_id,reason,attempts\n\'@evil,\'+cmd,-1\nacme,"low, adoption",2\n'
		);
	});
});
