/**
 * Product usage from events, end to end in Chromium: the owner creates a write key in Settings;
 * Segment's Node library sends a new account's people and what they did; the events' names are
 * mapped to new features on the Product usage page, beside the sample product's twenty, the power
 * users' share of features lowered to fit, and rolled up; the account page shows the account's
 * breadth, its dormant user and its power user; and a play emailing dormant users plans an email
 * to that person alone.
 */
import { mkdir } from 'node:fs/promises';
import { Analytics } from '@segment/analytics-node';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { collectErrors, launchBrowser, synced, type Browser } from './browser';

const baseURL = inject('baseURL');
const JOURNEY_MS = 300_000;
const DAY = 86_400_000;
const FEATURES = ['Guest passes', 'Floor plans', 'Badge printing'];
/** The sample product's catalogue, which the team workspace starts with, and the three above. */
const CATALOGUE = 20 + FEATURES.length;

let browser: Browser;

beforeEach(async () => {
	browser = await launchBrowser();
});

afterEach(async () => {
	await browser?.close();
});

/** Sends a new account's people and their use, as a product's backend does with Segment's library. */
async function sendEvents(writeKey: string): Promise<void> {
	const analytics = new Analytics({
		writeKey,
		host: baseURL,
		path: '/api/v1/batch',
		flushAt: 50,
		flushInterval: 200
	});
	const failures: unknown[] = [];
	analytics.on('error', (error) => failures.push(error));
	const ago = (days: number) => new Date(Date.now() - days * DAY - 60_000);
	const people = [
		{ id: 'u-pia', email: 'pia@northwind.example', name: 'Pia Power' },
		{ id: 'u-ola', email: 'ola@northwind.example', name: 'Ola Often' },
		{ id: 'u-dan', email: 'dan@northwind.example', name: 'Dan Dormant' }
	];
	for (const person of people) {
		analytics.identify({
			userId: person.id,
			traits: { email: person.email, name: person.name },
			timestamp: ago(250)
		});
		analytics.group({
			userId: person.id,
			groupId: 'northwind',
			traits: { name: 'Northwind Events', segment: 'scale', seats: 5 },
			timestamp: ago(250)
		});
	}
	// Pia: every new feature, on 20 of the last 30 days: a power user at 10 % of the features.
	for (let day = 0; day < 20; day++)
		analytics.track({
			userId: 'u-pia',
			event: `${FEATURES[day % 3]} Used`,
			timestamp: ago(day),
			context: { groupId: 'northwind' }
		});
	// Ola: now and then. Dan: not for 200 days, dormant.
	analytics.track({ userId: 'u-ola', event: `${FEATURES[0]} Used`, timestamp: ago(2) });
	analytics.track({ userId: 'u-dan', event: `${FEATURES[0]} Used`, timestamp: ago(200) });
	await analytics.closeAndFlush({ timeout: 15_000 });
	expect(failures).toEqual([]);
}

describe('product usage from events', () => {
	it(
		'creates a write key, takes events from Segment’s library, maps them to features, and shows breadth, dormant and power users that a play acts on',
		async () => {
			const page = await browser.context.newPage();
			const errors = collectErrors(page);
			await mkdir('test-results', { recursive: true });

			// The owner creates a write key; it is shown once.
			await page.goto(`${baseURL}/settings`);
			await page.getByLabel('Source name').fill('Product backend');
			await page.getByRole('button', { name: 'Create a write key' }).click();
			const writeKey = (await page.locator('[data-write-key]').textContent())!.trim();
			expect(writeKey).toMatch(/^sc_/);
			await sendEvents(writeKey);

			// The events seen are named as unmapped; each is mapped to a new feature.
			await page.goto(`${baseURL}/usage`);
			for (const feature of FEATURES) {
				await page.getByLabel('Feature name').fill(feature);
				await page.getByRole('button', { name: 'Add the feature' }).click();
				await page
					.getByRole('table', { name: 'Features', exact: true })
					.getByRole('row', { name: new RegExp(`^${feature}`) })
					.waitFor();
			}
			for (const feature of FEATURES) {
				const seen = page
					.locator('tr')
					.filter({ hasText: `${feature} Used` })
					.first();
				await seen.getByText('Unmapped').waitFor();
				await seen.getByRole('button', { name: `Map ${feature} Used` }).click();
				// A select's name holds its chosen option's text too: "Feature None: a completion only".
				await page.getByRole('combobox', { name: /^Feature/ }).selectOption({ label: feature });
				await page.getByRole('button', { name: 'Add the rule' }).click();
				await seen.getByText('Mapped', { exact: true }).waitFor();
			}
			await page.screenshot({ path: 'test-results/usage-catalogue.png', fullPage: true });

			// Three features of twenty-three make a power user once the team asks for 10 % of them.
			await page.getByLabel('Power user: share of the features (%)').fill('10');
			await page.getByRole('button', { name: 'Save the thresholds' }).click();
			await page.getByRole('region', { name: 'Usage thresholds' }).getByText('Saved.').waitFor();

			// Rolled up now rather than at the hour.
			await page.getByRole('button', { name: 'Roll up now' }).click();
			await page.getByText(/Rolled up 1 day: \d+ accounts?, \d+ (people|person)\./).waitFor();
			const catalogue = await page.evaluate(async () => (await fetch('/api/catalogue')).json());
			const day: string = catalogue.last_rollup.day;

			// The new account, made from its group call, with what its people did.
			await page.goto(`${baseURL}/accounts/northwind`);
			await synced(page);
			await page.getByRole('heading', { name: 'Northwind Events' }).waitFor({ timeout: 60_000 });
			const fact = (name: string) =>
				page.locator('[data-source="snapshot"] dl > div').filter({
					has: page.locator('dt', { hasText: new RegExp(`^${name}$`) })
				});
			await expect.poll(() => fact('features_used').locator('dd').textContent()).toBe('3');
			expect(await fact('features_available').locator('dd').textContent()).toBe(String(CATALOGUE));
			expect(await fact('power_users').locator('dd').textContent()).toBe('1');
			expect(await fact('dormant_users').locator('dd').textContent()).toBe('1');
			expect(await fact('seats_active').locator('dd').textContent()).toBe('2');
			const contact = (name: string) => page.locator('tbody tr').filter({ hasText: name });
			await expect
				.poll(() => contact('Dan Dormant').locator('[data-status]').getAttribute('data-status'))
				.toBe('dormant');
			expect(await contact('Pia Power').locator('[data-power-user]').count()).toBe(1);
			expect(await contact('Ola Often').locator('[data-power-user]').count()).toBe(0);
			await page.screenshot({ path: 'test-results/usage-account.png', fullPage: true });

			// A play emailing dormant users plans one email: to Dan.
			await page.goto(`${baseURL}/plays`);
			await page
				.locator('header [role="status"][data-status="ready"]')
				.waitFor({ timeout: 120_000 });
			await page.getByRole('button', { name: 'New play' }).click();
			await page.getByLabel('Name').fill('Win back dormant users');
			await page.getByLabel('Enabled (runs with the others)').check();
			await page
				.getByLabel('JSON-logic')
				.fill(JSON.stringify({ '>=': [{ var: 'account.dormant_users' }, 1] }));
			await page.getByRole('button', { name: 'Remove action 1' }).click();
			await page.getByLabel('Add an action').selectOption('email');
			await page.getByRole('button', { name: 'Add an action' }).click();
			await page.getByLabel('Recipients').selectOption('dormant_users');
			await page.getByRole('button', { name: 'Save' }).click();
			await page.getByText('Saved.').waitFor();

			await page.getByLabel('Accounts I pick').check();
			await page.getByLabel('Find an account').fill('Northwind');
			await page.getByRole('button', { name: 'Add Northwind Events' }).click();
			await page.getByLabel('As of').fill(day);
			await page.getByRole('button', { name: 'Dry run', exact: true }).click();
			const rows = page.locator('table.plan tbody tr');
			await rows.first().waitFor({ timeout: 60_000 });
			expect(await rows.count()).toBe(1);
			expect(await rows.first().textContent()).toContain('dan@northwind.example');
			await page.screenshot({ path: 'test-results/usage-dormant-play.png', fullPage: true });
			expect(errors).toEqual([]);
		},
		JOURNEY_MS
	);
});
