/** The metrics a custom measure can read: every plain value the accounts' facts hold. */
import type { Facts } from '$lib/engine';

export interface MetricInfo {
	name: string;
	kind: 'number' | 'boolean' | 'text';
	/** The values seen, for a default scoring that spreads the accounts. */
	values: unknown[];
}

/** Fields that describe the account rather than measure it: no health score reads them. */
const NOT_METRICS = new Set(['id', 'name', 'csm', 'renewal_date', 'start_date', 'tags', 'facts']);

export function metricCatalogue(factsList: readonly Facts[]): MetricInfo[] {
	const seen = new Map<string, unknown[]>();
	for (const facts of factsList) {
		for (const [name, value] of Object.entries(facts)) {
			if (NOT_METRICS.has(name) || (value !== null && typeof value === 'object')) continue;
			let values = seen.get(name);
			if (!values) seen.set(name, (values = []));
			values.push(value);
		}
	}
	return [...seen]
		.map(([name, values]) => {
			const present = values.filter((value) => value !== null && value !== undefined);
			const kind: MetricInfo['kind'] = present.every((v) => typeof v === 'boolean')
				? 'boolean'
				: present.every((v) => typeof v === 'number')
					? 'number'
					: 'text';
			return { name, kind, values };
		})
		.filter((metric) => metric.values.some((value) => value !== null && value !== undefined))
		.sort((a, b) => a.name.localeCompare(b.name));
}
