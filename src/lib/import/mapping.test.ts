import { describe, expect, it } from 'vitest';
import { attributeName, checkMapping, guessMapping, normaliseHeader } from './mapping';
import type { ColumnMapping } from './types';

function targets(mapping: ColumnMapping[]): Record<string, string> {
	return Object.fromEntries(mapping.map((column) => [column.header, column.target]));
}

describe('guessMapping', () => {
	it('ignores case, spaces, underscores and punctuation in headings', () => {
		expect(normaliseHeader(' Account_ID ')).toBe('accountid');
		expect(normaliseHeader('E-mail')).toBe('email');
	});

	it('recognises account fields and their synonyms; the rest become facts', () => {
		const mapping = guessMapping('accounts', [
			'Customer ID',
			'Company Name',
			'Segment',
			'Annual Recurring Revenue',
			'Renewal',
			'CSM',
			'Seats Purchased',
			''
		]);
		expect(targets(mapping)).toEqual({
			'Customer ID': 'id',
			'Company Name': 'name',
			Segment: 'segment',
			'Annual Recurring Revenue': 'arr',
			Renewal: 'renewal_date',
			CSM: 'csm',
			'Seats Purchased': 'extra',
			'': 'ignore'
		});
		expect(mapping[6]).toMatchObject({ name: 'seats_purchased', type: 'auto' });
	});

	it('recognises contacts', () => {
		expect(
			targets(
				guessMapping('contacts', ['id', 'company_id', 'E-mail', 'Name', 'Last login', 'Logins'])
			)
		).toEqual({
			id: 'id',
			company_id: 'account_id',
			'E-mail': 'email',
			Name: 'name',
			'Last login': 'last_seen',
			Logins: 'extra'
		});
	});

	it('makes every other snapshot column a strict metric, and leaves account names out', () => {
		const mapping = guessMapping('snapshots', [
			'Week',
			'Account',
			'Account name',
			'Logins (30d)',
			'NPS'
		]);
		expect(targets(mapping)).toEqual({
			Week: 'date',
			Account: 'account_id',
			'Account name': 'ignore',
			'Logins (30d)': 'extra',
			NPS: 'extra'
		});
		expect(mapping[3]).toMatchObject({ name: 'logins_30d', type: 'metric' });
		expect(mapping[4]).toMatchObject({ name: 'nps', type: 'metric' });
	});

	it('prefers the better synonym when two columns could be the account', () => {
		const mapping = guessMapping('snapshots', ['account', 'customer_id', 'snapshot date']);
		expect(targets(mapping)).toMatchObject({ customer_id: 'account_id', account: 'extra' });
	});

	it('names attributes as rules read them', () => {
		expect(attributeName('Seats.Active (last 30 days)', 0)).toBe('seats_active_last_30_days');
		expect(attributeName('ログイン数', 0)).toBe('ログイン数');
		expect(attributeName('constructor', 3)).toBe('column_4');
		expect(attributeName('__proto__', 3)).toBe('proto');
		expect(attributeName('%', 1)).toBe('column_2');
	});
});

describe('checkMapping', () => {
	it('asks for the required fields, once each, and distinct names', () => {
		const mapping = guessMapping('snapshots', ['account_id', 'nps', 'NPS']);
		expect(checkMapping('snapshots', mapping)).toEqual([
			{ problem: 'missing_field', field: 'date' },
			// One heading twice: said once, as that (not also as the name it gives twice).
			{ problem: 'heading_twice', columns: ['nps', 'NPS'] }
		]);
		mapping[1] = { ...mapping[1]!, target: 'account_id' };
		mapping[2] = { ...mapping[2]!, target: 'date' };
		expect(checkMapping('snapshots', mapping)).toEqual([
			{ problem: 'field_twice', field: 'account_id', columns: ['account_id', 'nps'] },
			{ problem: 'heading_twice', columns: ['nps', 'NPS'] }
		]);
		const named = guessMapping('snapshots', ['account_id', 'date', 'nps', 'score']);
		named[3] = { ...named[3]!, name: 'nps' };
		expect(checkMapping('snapshots', named)).toEqual([
			{ problem: 'name_twice', name: 'nps', columns: ['nps', 'score'] }
		]);
	});

	it('refuses two columns with one heading (trimmed, any case) unless all but one are ignored', () => {
		// The second `segment` would become a fact that overrides the field in every rule.
		const mapping = guessMapping('accounts', ['id', 'name', 'segment', ' Segment ']);
		expect(mapping.map((column) => column.target)).toEqual(['id', 'name', 'segment', 'extra']);
		expect(checkMapping('accounts', mapping)).toEqual([
			{ problem: 'heading_twice', columns: ['segment', ' Segment '] }
		]);
		mapping[3] = { ...mapping[3]!, target: 'ignore' };
		expect(checkMapping('accounts', mapping)).toEqual([]);
		// Columns without a heading are not the same column twice.
		expect(
			checkMapping('accounts', guessMapping('accounts', ['id', 'name', 'segment', '', '']))
		).toEqual([]);
	});

	it('refuses names that are not plain', () => {
		const mapping = guessMapping('accounts', ['id', 'name', 'segment', 'x']);
		mapping[3] = { ...mapping[3]!, name: 'a.b' };
		expect(checkMapping('accounts', mapping)).toEqual([{ problem: 'bad_name', column: 'x' }]);
	});
});
