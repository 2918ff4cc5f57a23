import { describe, expect, it } from 'vitest';
import { guessMapping } from './mapping';
import { RowValidator, validateRows } from './validate';

describe('validateRows', () => {
	it('checks account fields and lists every problem of a row', () => {
		const mapping = guessMapping('accounts', [
			'id',
			'name',
			'segment',
			'arr',
			'renewal date',
			'dnc',
			'seats'
		]);
		const { records, errors, summary } = validateRows('accounts', mapping, [
			['a1', 'Alpha', 'scale', '1,200', '31/12/2026', 'perhaps', 'ten'],
			['a2', '', 'mid', '', '', '1', '0042'],
			['', '', '', '', '', '', ''],
			['a3', 'Gamma', 'mid', '', '', '', '', 'surplus']
		]);
		expect(errors).toEqual([
			{ row: 2, column: 'arr', value: '1,200', problem: 'not_a_number' },
			{ row: 2, column: 'renewal date', value: '31/12/2026', problem: 'not_a_date' },
			{ row: 2, column: 'dnc', value: 'perhaps', problem: 'not_a_boolean' },
			{ row: 3, column: 'name', value: '', problem: 'required' },
			{ row: 5, column: '', value: 'surplus', problem: 'too_many_cells' }
		]);
		expect(records).toEqual([]);
		expect(summary).toEqual({ rows: 3, validRows: 0, invalidRows: 3, blankRows: 1, errors: 5 });
	});

	it('keeps free account attributes as numbers or text, and leaves empty ones out', () => {
		const mapping = guessMapping('accounts', ['id', 'name', 'segment', 'seats', 'region', 'code']);
		const { records } = validateRows('accounts', mapping, [
			['a1', ' Alpha ', 'scale', '10', 'EMEA', '0042'],
			['a2', 'Beta', 'mid', '', '', ''],
			['a3', 'Gamma', 'mid', '', '', '', '', '']
		]);
		expect(records).toEqual([
			{
				id: 'a1',
				name: 'Alpha',
				segment: 'scale',
				facts: { seats: 10, region: 'EMEA', code: '0042' }
			},
			{ id: 'a2', name: 'Beta', segment: 'mid' },
			{ id: 'a3', name: 'Gamma', segment: 'mid' }
		]);
	});

	it('checks contacts: email, timestamps, the account, one row per id', () => {
		const mapping = guessMapping('contacts', ['id', 'account', 'email', 'last seen']);
		const { records, errors } = validateRows(
			'contacts',
			mapping,
			[
				['c1', 'a1', 'ana@a1.example', '2026-11-02 09:30'],
				['c2', 'zz', 'not an address', 'last week'],
				['c1', 'a1', 'bo@a1.example', '']
			],
			{ knownAccounts: new Set(['a1']) }
		);
		expect(errors).toEqual([
			{ row: 3, column: 'email', value: 'not an address', problem: 'not_an_email' },
			{ row: 3, column: 'last seen', value: 'last week', problem: 'not_a_datetime' },
			{ row: 3, column: 'account', value: 'zz', problem: 'unknown_account' },
			{ row: 4, column: 'id', value: 'c1', problem: 'duplicate', firstRow: 2 }
		]);
		expect(records).toEqual([
			{ id: 'c1', account_id: 'a1', email: 'ana@a1.example', last_seen: '2026-11-02T09:30' }
		]);
	});

	it('does not check references when it is given no accounts', () => {
		const mapping = guessMapping('snapshots', ['account_id', 'date', 'x']);
		expect(validateRows('snapshots', mapping, [['anyone', '2026-01-01', '1']]).errors).toEqual([]);
	});

	it('never changes the mapping or the rows it is given', () => {
		const mapping = guessMapping('snapshots', ['account_id', 'date', 'x']);
		const rows = [[' a ', '2026/01/01', ' 1 ']];
		const before = JSON.stringify([mapping, rows]);
		validateRows('snapshots', mapping, rows);
		expect(JSON.stringify([mapping, rows])).toBe(before);
	});

	it('refuses a mapping without the required fields', () => {
		expect(() => new RowValidator('snapshots', guessMapping('snapshots', ['account_id']))).toThrow(
			/unusable mapping/
		);
	});
});

describe('RowValidator', () => {
	it('finds duplicates across chunks and numbers rows across them', () => {
		const validator = new RowValidator('snapshots', guessMapping('snapshots', ['account', 'date']));
		validator.add([['a', '2026-01-01']], 2);
		expect(validator.drain().records).toHaveLength(1);
		validator.add(
			[
				['b', '2026-01-01'],
				['a', '2026-01-01']
			],
			3,
			new Set<number>()
		);
		expect(validator.drain().errors).toEqual([
			{
				row: 4,
				column: 'account + date',
				value: 'a + 2026-01-01',
				problem: 'duplicate',
				firstRow: 2
			}
		]);
		validator.add([['c', '2026-01-01', 'x']], 5, new Set([0]));
		expect(validator.drain().errors).toEqual([
			{ row: 5, column: '', value: 'c 2026-01-01 x', problem: 'malformed' }
		]);
		expect(validator.summary).toEqual({
			rows: 4,
			validRows: 2,
			invalidRows: 2,
			blankRows: 0,
			errors: 2
		});
	});
});
