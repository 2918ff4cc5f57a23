import { describe, expect, it } from 'vitest';
import { FactsSource } from '$lib/engine';
import { generateSample, SAMPLE_END } from '$lib/engine/sample';
import { metricCatalogue } from './metrics';

describe('metricCatalogue', () => {
	it('lists the metrics of the sample with their kinds, not the account’s descriptive fields', () => {
		const sample = generateSample({ accounts: 30, weeks: 2 });
		const source = new FactsSource(sample);
		const metrics = metricCatalogue(sample.accounts.map((a) => source.on(a, SAMPLE_END)));
		const kinds = Object.fromEntries(metrics.map((m) => [m.name, m.kind]));
		expect(kinds).toMatchObject({
			seats_active: 'number',
			seats_purchased: 'number',
			exec_sponsor_engaged: 'boolean',
			segment: 'text',
			power_users: 'number'
		});
		for (const name of ['id', 'name', 'csm', 'tags', 'renewal_date'])
			expect(kinds).not.toHaveProperty(name);
		expect(metrics.find((m) => m.name === 'seats_active')!.values).toHaveLength(30);
	});
});
