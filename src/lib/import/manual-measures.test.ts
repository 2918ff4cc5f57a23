import { describe, expect, it } from 'vitest';
import { manualScorecard } from '../../../tests/support/manual-scorecard';
import { manualScaleOf, manualScales } from './manual-measures';
import { guessMapping } from './mapping';
import { expectRowErrors } from './testing';
import { validateRows } from './validate';

const scales = manualScales([manualScorecard()]);

describe('the manual measures a file may name', () => {
	it('finds a measure by its id or its name, and knows its scale', () => {
		expect(manualScaleOf(scales, 'relationship')).toMatchObject({ range: [1, 5], choices: null });
		expect(manualScaleOf(scales, 'relationship score')?.id).toBe('relationship');
		expect(manualScaleOf(scales, 'Executive Sponsor')).toMatchObject({
			id: 'sponsor',
			choices: ['yes', 'no']
		});
		// A measure that is not manual is no measure to enter.
		expect(manualScaleOf(manualScales([manualScorecard()]), 'people')).toBeUndefined();
	});
});

describe('a manual entries file checked row by row', () => {
	const header = ['Account', 'Measure', 'Score', 'Date', 'Entered by', 'Notes'];
	const mapping = guessMapping('manual_entries', header);

	it('guesses the columns a spreadsheet names', () => {
		expect(mapping.map((column) => column.target)).toEqual([
			'account_id',
			'measure',
			'value',
			'date',
			'entered_by',
			'comment'
		]);
	});

	it('makes entries on each measure’s scale and names what is wrong with the others', () => {
		const checked = validateRows(
			'manual_entries',
			mapping,
			[
				['acme', 'relationship', '4', '2026-10-01', 'kim@vendor.example', 'QBR went well'],
				['globex', 'Relationship score', '2', '2026-10-01 09:30', 'lee', ''],
				['acme', 'Executive sponsor', 'Yes', '2026-10-01', '', ''],
				['globex', 'relationship', '50', '2026-11-01', 'lee', ''],
				['globex', 'Health gut feel', '3', '2026-11-01', 'lee', ''],
				['acme', 'Executive sponsor', 'maybe', '2026-11-01', '', ''],
				['acme', 'relationship', '5', '2099-01-01', 'kim', ''],
				['acme', 'relationship', '3', '2026-10-01', 'kim', '']
			],
			{ knownAccounts: new Set(['acme', 'globex']), latestDate: '2026-12-04', manualScales: scales }
		);
		expect(checked.records).toEqual([
			{
				account_id: 'acme',
				measure_id: 'relationship',
				value: 4,
				entered_at: '2026-10-01T00:00:00.000Z',
				entered_by: 'kim@vendor.example',
				comment: 'QBR went well'
			},
			{
				account_id: 'globex',
				measure_id: 'relationship',
				value: 2,
				entered_at: '2026-10-01T09:30',
				entered_by: 'lee'
			},
			{
				account_id: 'acme',
				measure_id: 'sponsor',
				value: 'yes',
				entered_at: '2026-10-01T00:00:00.000Z'
			}
		]);
		expectRowErrors(checked.errors, [
			[5, 'Score', 'not_on_scale'],
			[6, 'Measure', 'unknown_measure'],
			[7, 'Score', 'not_on_scale'],
			[8, 'Date', 'after_as_of'],
			[9, 'Account + Measure + Date', 'duplicate']
		]);
	});
});
