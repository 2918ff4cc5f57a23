import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCsv, inspectCsv } from './pipeline';
import type { ColumnMapping, ImportKind } from './types';

function fixture(name: string): Blob {
	return new Blob([readFileSync(new URL(`../../../tests/fixtures/csv/${name}`, import.meta.url))]);
}

const KNOWN = new Set(['acme', 'globex', 'initech', 'umbrella']);

/** Inspects a fixture and checks it with the guessed mapping (changed by `adjust`). */
async function importFixture<K extends ImportKind>(
	name: string,
	kind: K,
	adjust: (mapping: ColumnMapping[]) => void = () => {}
) {
	const inspected = await inspectCsv(fixture(name), kind);
	if (!inspected.ok) throw new Error(inspected.problem);
	adjust(inspected.value.mapping);
	const checked = await checkCsv(fixture(name), kind, inspected.value.mapping, {
		format: inspected.value.format,
		knownAccounts: KNOWN
	});
	if (!checked.ok) throw new Error(checked.problem);
	return { inspection: inspected.value, ...checked };
}

describe('accounts.csv', () => {
	it('gives one account per row, free columns as facts', async () => {
		const { records, errors, summary, inspection } = await importFixture(
			'accounts.csv',
			'accounts'
		);
		expect(inspection.sample).toHaveLength(10);
		expect(inspection.format.delimiter).toBe(',');
		expect(errors).toEqual([]);
		expect(summary).toEqual({ rows: 10, validRows: 10, invalidRows: 0, blankRows: 0, errors: 0 });
		expect(records[0]).toEqual({
			id: 'acme',
			name: 'Acme Ltd',
			segment: 'scale',
			arr: 12000,
			renewal_date: '2027-03-01',
			csm: 'kim@vendor.example',
			tags: ['pilot', 'emea'],
			do_not_contact: false,
			facts: { seats_purchased: 20, region: 'EMEA' }
		});
		expect(records[1]).toMatchObject({ id: 'globex', renewal_date: '2027-06-30' });
		expect(records[1]).not.toHaveProperty('tags');
		expect(records[1]).not.toHaveProperty('do_not_contact');
		expect(records[3]).toMatchObject({ tags: ['regulated', 'health'], do_not_contact: true });
		expect(records[4]).toMatchObject({ arr: 52000.5 });
		expect(records[5]).toMatchObject({ id: 'Lopez, Garcia & Co', name: 'Lopez, Garcia & Co' });
		expect(records[6]).toMatchObject({ name: 'Stark "Industries"' });
		expect(records[8]).not.toHaveProperty('renewal_date');
		expect(records[9]).not.toHaveProperty('csm');
	});
});

describe('contacts.csv', () => {
	it('gives one contact per row, free columns as metrics', async () => {
		const { records, errors } = await importFixture('contacts.csv', 'contacts');
		expect(errors).toEqual([]);
		expect(records).toHaveLength(6);
		expect(records[0]).toEqual({
			id: 'c1',
			account_id: 'acme',
			email: 'ana@acme.example',
			name: 'Ana Ops',
			role: 'admin',
			last_seen: '2026-11-20',
			metrics: { logins_30d: 18, power_user: true }
		});
		expect(records[1]).toMatchObject({ last_seen: '2026-11-02T09:30:00Z' });
		expect(records[2]).toMatchObject({ name: "Cy O'Neil, Jr.", metrics: { power_user: false } });
		expect(records[3]).toEqual({
			id: 'c4',
			account_id: 'initech',
			email: 'dee@initech.example',
			name: 'Dee Park',
			role: 'admin',
			metrics: { logins_30d: 0 }
		});
		expect(records[4]).toMatchObject({ name: 'Éli Dubois', last_seen: '2026-11-21' });
		expect(records[5]).toMatchObject({ name: '深田 文' });
	});
});

describe('snapshots-wide.csv', () => {
	it('gives one snapshot per account and date, every other column a metric', async () => {
		const { records, errors, summary } = await importFixture('snapshots-wide.csv', 'snapshots');
		expect(errors).toEqual([]);
		expect(summary.validRows).toBe(12);
		expect(records[0]).toEqual({
			account_id: 'acme',
			date: '2026-10-05',
			metrics: {
				seats_active: 15,
				logins_30d: 120,
				features_used: 6,
				nps: 40,
				csat: 4.5,
				open_tickets: 1,
				qbr_attended: true,
				exec_sponsor_engaged: false
			}
		});
		// An empty cell is a known absence on that date.
		expect(records[2]!.metrics.nps).toBeNull();
		expect(records[7]!.metrics).toMatchObject({ nps: -5, csat: 3.1 });
	});
});

describe('snapshots-bom-semicolon.csv', () => {
	it('reads a BOM, semicolons, CRLF, quoted fields and decimal commas', async () => {
		const { records, errors, inspection } = await importFixture(
			'snapshots-bom-semicolon.csv',
			'snapshots'
		);
		expect(inspection.format).toEqual({ delimiter: ';', newline: '\r\n', decimalComma: true });
		expect(inspection.header[0]).toBe('Company ID');
		expect(inspection.sample[1]![2]).toBe('Globex "Intl"\r\nDivision');
		expect(inspection.mapping.map((column) => column.target)).toEqual([
			'account_id',
			'date',
			'ignore',
			'extra',
			'extra',
			'extra',
			'extra'
		]);
		expect(errors).toEqual([]);
		expect(records).toEqual([
			{
				account_id: 'acme',
				date: '2026-11-02',
				metrics: { seats_active: 18, adoption_rate: 0.82, nps: 40, qbr_attended: true }
			},
			{
				account_id: 'globex',
				date: '2026-11-02',
				metrics: { seats_active: 405, adoption_rate: 0.61, nps: -12.5, qbr_attended: false }
			},
			{
				account_id: 'initech',
				date: '2026-11-02',
				metrics: { seats_active: 66, adoption_rate: 1, nps: null, qbr_attended: null }
			},
			{
				account_id: 'acme',
				date: '2026-11-09',
				metrics: { seats_active: 19, adoption_rate: 0.86, nps: 42.5, qbr_attended: true }
			}
		]);
	});

	it('keeps a column as text when the user says so', async () => {
		const { records } = await importFixture(
			'snapshots-bom-semicolon.csv',
			'snapshots',
			(mapping) => {
				mapping[2] = { ...mapping[2]!, target: 'extra', type: 'text' };
			}
		);
		expect(records[0]!.metrics.account_name).toBe('Acme; Ltd');
	});
});

describe('snapshots-bad-rows.csv', () => {
	it('names the row, column and problem of every bad row, and imports only the others', async () => {
		const { records, errors, summary } = await importFixture('snapshots-bad-rows.csv', 'snapshots');
		expect(errors).toEqual([
			{ row: 3, column: 'date', value: '05/01/2026', problem: 'not_a_date' },
			{ row: 4, column: 'seats_active', value: 'twelve', problem: 'not_a_metric' },
			{ row: 5, column: 'account_id', value: 'nobody', problem: 'unknown_account' },
			{ row: 6, column: 'account_id', value: '', problem: 'required' },
			{
				row: 7,
				column: 'account_id + date',
				value: 'acme + 2026-01-05',
				problem: 'duplicate',
				firstRow: 2
			},
			{ row: 9, column: 'date', value: '2026-02-30', problem: 'not_a_date' },
			{ row: 9, column: 'logins_30d', value: 'n/a', problem: 'not_a_metric' }
		]);
		expect(summary).toEqual({ rows: 8, validRows: 2, invalidRows: 6, blankRows: 0, errors: 7 });
		expect(records.map((record) => `${record.account_id} ${record.date}`)).toEqual([
			'acme 2026-01-05',
			'globex 2026-01-12'
		]);
	});
});

describe('a file that is not the one mapped', () => {
	it('is not read past its heading', async () => {
		const inspected = await inspectCsv(fixture('accounts.csv'), 'accounts');
		if (!inspected.ok) throw new Error(inspected.problem);
		const { mapping, format } = inspected.value;
		const checked = await checkCsv(fixture('contacts.csv'), 'accounts', mapping, { format });
		expect(checked).toEqual({ ok: false, problem: 'other_heading' });
		// The same columns in another order are another heading too: cells would go astray.
		const swapped = readFileSync(
			new URL('../../../tests/fixtures/csv/accounts.csv', import.meta.url),
			'utf8'
		)
			.split('\n')
			.map((line) => line.split(',').reverse().join(','))
			.join('\n');
		expect(await checkCsv(new Blob([swapped]), 'accounts', mapping, { format })).toEqual({
			ok: false,
			problem: 'other_heading'
		});
	});
});
