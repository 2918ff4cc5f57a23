import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { replaceWorkspace, workspaceCurrency, workspaceSettings } from '$lib/db';
import { testDatabase } from '$lib/db/testing';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { CurrencySetting, isCurrency } from './currency.svelte';

async function setup(settings: Record<string, unknown>) {
	const db = testDatabase('currency-setting');
	await replaceWorkspace(db, { ...exampleWorkspace(), settings });
	const currency = new CurrencySetting(db);
	await currency.load();
	return { db, currency };
}

describe('the workspace currency in Settings', () => {
	it('starts from the saved currency, and saves another beside the other settings', async () => {
		const { db, currency } = await setup({ currency: 'JPY', run_email_cap: 50 });
		expect(currency.saved).toBe('JPY');
		expect(currency.changed).toBe(false);
		currency.chosen = 'EUR';
		expect(currency.changed).toBe(true);
		expect(await currency.save()).toBe(true);
		expect(await workspaceCurrency(db)).toBe('EUR');
		expect(await workspaceSettings(db)).toMatchObject({ currency: 'EUR', run_email_cap: 50 });
		expect(currency.changed).toBe(false);
	});

	it('offers a saved currency that is not among the common ones, and US dollars by default', async () => {
		expect((await setup({ currency: 'NZD' })).currency.choices).toContain('NZD');
		const { currency } = await setup({});
		expect(currency.saved).toBe('USD');
		expect(currency.choices).not.toContain('NZD');
	});

	it('refuses a code that is not a currency, writing nothing', async () => {
		const { db, currency } = await setup({ currency: 'JPY' });
		currency.chosen = 'XYZ1';
		expect(await currency.save()).toBe(false);
		expect(currency.error).toBe('XYZ1');
		expect(await workspaceCurrency(db)).toBe('JPY');
		expect(isCurrency('JPY')).toBe(true);
		expect(isCurrency('jpy')).toBe(false);
		expect(isCurrency('ZZZ')).toBe(false);
	});
});
