/**
 * The sample's product, as its product team would describe it to Scorecraft: twenty features
 * (four advanced, four integrations with other systems) and the events that are use of them, as a
 * feature catalogue. The sample's events (`./events.ts`) are these events; the server seeds the
 * catalogue with the sample, so the rollup reads them as it reads a real product's.
 */

export interface SampleFeature {
	id: string;
	name: string;
	advanced: boolean;
	integration: boolean;
	/** The `track` events that are use of it (the first is the most common). */
	events: readonly string[];
}

/** An integration is used when its sync runs: one event, told apart by its `provider` property. */
export const INTEGRATION_EVENT = 'Integration Synced';
/** A report published to its readers: use of reports, and the workflow the product exists for. */
export const WORKFLOW_EVENT = 'Report Published';
/** Events the product sends that name no feature: the catalogue page lists them as unmapped. */
export const UNMAPPED_EVENTS = ['Help Center Opened', 'Settings Viewed'] as const;

const core = (id: string, name: string, ...events: string[]): SampleFeature => ({
	id,
	name,
	advanced: false,
	integration: false,
	events
});
const advanced = (id: string, name: string, ...events: string[]): SampleFeature => ({
	...core(id, name, ...events),
	advanced: true
});
const integration = (id: string, name: string): SampleFeature => ({
	...core(id, name, INTEGRATION_EVENT),
	integration: true
});

/** Core features in the order a new account tends to take them up; then the advanced ones. */
export const SAMPLE_FEATURES: readonly SampleFeature[] = [
	core('dashboards', 'Dashboards', 'Dashboard Viewed', 'Dashboard Created'),
	core('reports', 'Reports', 'Report Viewed', 'Report Created', WORKFLOW_EVENT),
	core('data_import', 'Data import', 'Data Imported'),
	core('search', 'Search', 'Search Performed'),
	core('sharing', 'Sharing', 'Item Shared'),
	core('comments', 'Comments', 'Comment Added'),
	core('alerts', 'Alerts', 'Alert Created', 'Alert Acknowledged'),
	core('exports', 'Exports', 'Report Exported'),
	core('templates', 'Templates', 'Template Applied'),
	core('scheduling', 'Scheduled reports', 'Report Scheduled'),
	core('mobile_app', 'Mobile app', 'Mobile Session Started'),
	core('team_management', 'Team management', 'Member Invited', 'Role Changed'),
	advanced('forecasting', 'Forecasting', 'Forecast Run'),
	advanced('custom_metrics', 'Custom metrics', 'Custom Metric Created'),
	advanced('automation', 'Workflow automation', 'Automation Run', 'Automation Edited'),
	advanced('api_access', 'API access', 'API Token Created', 'API Request Batch'),
	integration('slack', 'Slack integration'),
	integration('salesforce', 'Salesforce integration'),
	integration('jira', 'Jira integration'),
	integration('hubspot', 'HubSpot integration')
];

export interface SampleRule {
	event: string;
	property: string | null;
	value: string | null;
	feature_id: string | null;
	completion: boolean;
}

/** The catalogue's rules: each event of a feature names it; each integration by its provider. */
export function sampleRules(): SampleRule[] {
	const rules: SampleRule[] = [];
	for (const feature of SAMPLE_FEATURES) {
		if (feature.integration) {
			rules.push({
				event: INTEGRATION_EVENT,
				property: 'provider',
				value: feature.id,
				feature_id: feature.id,
				completion: false
			});
			continue;
		}
		for (const event of feature.events)
			rules.push({
				event,
				property: null,
				value: null,
				feature_id: feature.id,
				completion: event === WORKFLOW_EVENT
			});
	}
	return rules;
}

/** The features a plan includes (integrations apart): the first ones, then the advanced. */
export function planFeatures(plan: unknown): readonly SampleFeature[] {
	const features = SAMPLE_FEATURES.filter((feature) => !feature.integration);
	const count = plan === 'starter' ? 10 : plan === 'team' ? 14 : features.length;
	return features.slice(0, count);
}

export const sampleIntegrations = (): readonly SampleFeature[] =>
	SAMPLE_FEATURES.filter((feature) => feature.integration);
