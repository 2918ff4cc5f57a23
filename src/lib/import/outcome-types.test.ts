import { describe, expect, it } from 'vitest';
import { guessMapping } from './mapping';
import { outcomeOf, outcomeWords } from './outcome-types';
import { expectRowErrors } from './testing';
import { validateRows } from './validate';

describe('the words of an outcome column', () => {
	it('reads the common CRM words, whatever their case and punctuation', () => {
		expect(outcomeOf('Closed Lost', undefined)).toBe('churned');
		expect(outcomeOf('closed-lost', undefined)).toBe('churned');
		expect(outcomeOf('CANCELLED', undefined)).toBe('churned');
		expect(outcomeOf('Renewed', undefined)).toBe('renewed');
		expect(outcomeOf('Upsell', undefined)).toBe('expanded');
		expect(outcomeOf('Cross-sell', undefined)).toBe('expanded');
		expect(outcomeOf('Downgrade', undefined)).toBe('downsold');
		expect(outcomeOf('Won-ish', undefined)).toBeUndefined();
	});

	it('lets the person’s choice win over the known words, and read words it does not know', () => {
		const chosen = { closedwon: 'expanded', wonish: 'renewed' } as const;
		expect(outcomeOf('Closed Won', undefined)).toBe('renewed');
		expect(outcomeOf('Closed Won', chosen)).toBe('expanded');
		expect(outcomeOf('Won-ish', chosen)).toBe('renewed');
		// A word named like a prototype's property is only a word.
		expect(outcomeOf('constructor', {})).toBeUndefined();
	});

	it('lists each word once, with its first spelling and what it is read as', () => {
		expect(outcomeWords(['Closed Lost', 'closed lost', ' Renewed ', '', 'Won-ish'], {})).toEqual([
			{ word: 'closedlost', text: 'Closed Lost', type: 'churned' },
			{ word: 'renewed', text: 'Renewed', type: 'renewed' },
			{ word: 'wonish', text: 'Won-ish', type: undefined }
		]);
	});
});

describe('an outcomes file checked row by row', () => {
	const header = [
		'Account ID',
		'Close Date',
		'Stage',
		'Previous ARR',
		'New ARR',
		'Churn Reason',
		'Owner'
	];

	it('guesses the columns a CRM export names, and ignores the others', () => {
		expect(guessMapping('outcomes', header).map((column) => column.target)).toEqual([
			'account_id',
			'date',
			'type',
			'arr_before',
			'arr_after',
			'reason',
			'ignore'
		]);
	});

	it('makes outcomes of the good rows and names what is wrong with the others', () => {
		const mapping = guessMapping('outcomes', header);
		const checked = validateRows(
			'outcomes',
			mapping,
			[
				['acme', '2026-03-01', 'Closed Lost', '12000', '0', 'Budget cut', 'kim'],
				['globex', '2026/02/15', 'Renewed', '', '', '', ''],
				['nobody', '2026-02-01', 'Renewed', '', '', '', ''],
				['globex', '2026-13-01', 'Renewed', '', '', '', ''],
				['globex', '2026-04-01', 'Won-ish', '', '', '', ''],
				['globex', '2099-01-01', 'Cancelled', '', '', '', ''],
				['acme', '2026-03-01', 'Renewed', '', '', '', '']
			],
			{ knownAccounts: new Set(['acme', 'globex']), latestDate: '2026-12-04' }
		);
		expect(checked.records).toEqual([
			{
				account_id: 'acme',
				date: '2026-03-01',
				type: 'churned',
				arr_before: 12000,
				arr_after: 0,
				reason: 'Budget cut'
			},
			{ account_id: 'globex', date: '2026-02-15', type: 'renewed' }
		]);
		expectRowErrors(checked.errors, [
			[4, 'Account ID', 'unknown_account'],
			[5, 'Close Date', 'not_a_date'],
			[6, 'Stage', 'not_an_outcome'],
			[7, 'Close Date', 'after_as_of'],
			[8, 'Account ID + Close Date', 'duplicate']
		]);
	});

	it('reads a word the person mapped', () => {
		const mapping = guessMapping('outcomes', header);
		mapping[2]!.values = { wonish: 'expanded' };
		const checked = validateRows('outcomes', mapping, [
			['globex', '2026-04-01', 'Won-ish', '', '', '', '']
		]);
		expect(checked.errors).toEqual([]);
		expect(checked.records[0]!.type).toBe('expanded');
	});
});
