/**
 * The Product usage page's state (`./catalogue.svelte.ts`): a feature added empties its form, but
 * what the person typed while it was being saved stays for the next one.
 */
import { describe, expect, it } from 'vitest';
import { Catalogue, type CatalogueAnswer } from './catalogue.svelte';

function catalogueWithSlowServer() {
	const data: CatalogueAnswer = {
		features: [],
		rules: [],
		events: [],
		settings: { dormant_days: 180, power_user_days: 20, power_user_breadth: 0.5 },
		last_rollup: null
	};
	let release = () => {};
	const fetchFn = (async (_path: string, init?: RequestInit) => {
		if ((init?.method ?? 'GET') === 'GET')
			return new Response(JSON.stringify(data), { status: 200 });
		// The save is answered only when the test says so.
		await new Promise<void>((resolve) => (release = resolve));
		const feature = JSON.parse(String(init?.body));
		data.features = [...data.features, { id: feature.name.toLowerCase(), ...feature }];
		return new Response(JSON.stringify({ feature }), { status: 201 });
	}) as typeof fetch;
	return { catalogue: new Catalogue(fetchFn), release: () => release() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('adding a feature', () => {
	it('empties the form once it is saved', async () => {
		const { catalogue, release } = catalogueWithSlowServer();
		await catalogue.load();
		catalogue.feature.name = 'Reports';
		catalogue.feature.advanced = true;
		const adding = catalogue.addFeature();
		await tick();
		release();
		await adding;
		expect(catalogue.data?.features.map((f) => f.name)).toEqual(['Reports']);
		expect(catalogue.feature).toEqual({ name: '', advanced: false, integration: false });
	});

	it('keeps what was typed while it was being saved', async () => {
		const { catalogue, release } = catalogueWithSlowServer();
		await catalogue.load();
		catalogue.feature.name = 'Reports';
		const adding = catalogue.addFeature();
		await tick();
		catalogue.feature.name = 'Alerts';
		release();
		await adding;
		expect(catalogue.data?.features.map((f) => f.name)).toEqual(['Reports']);
		expect(catalogue.feature.name).toBe('Alerts');
	});
});
