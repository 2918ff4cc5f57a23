/** Engagement and adoption: how often, how broadly and how deeply the product is used. */
import type { PaletteEntry } from './types';

/**
 * The framework's login-frequency bands on active days in 30: daily (20, every working day) from
 * 90, weekly (4) from 70, every other week (2) from 50, monthly (1) from 30, inactive below.
 */
const FREQUENCY: [number, number][] = [
	[0, 0],
	[1, 30],
	[2, 50],
	[4, 70],
	[20, 90],
	[30, 100]
];

export const engagement: readonly PaletteEntry[] = [
	{
		id: 'login_frequency',
		kind: 'engagement',
		measure: {
			id: 'login_frequency',
			name: 'Login frequency',
			description:
				'How often the customer logs in: days anyone at the account was active in the last 30, in the framework’s bands. Daily (20 or more, every working day) 90–100, 100 at all 30; weekly (4–19) 70–89; every other week (2–3) 50–69; monthly (1) 30–49; inactive (none) 0. The score moves within its band. Seat penetration says how many people; for how often a typical person comes back, use the per-user reading.',
			weight: 1,
			value: { var: 'active_days_30d' },
			scoring: { type: 'linear', points: FREQUENCY }
		}
	},
	{
		id: 'login_frequency_per_user',
		kind: 'engagement',
		needs: ['active_days_per_user_30d'],
		measure: {
			id: 'login_frequency_per_user',
			name: 'Login frequency per user',
			description:
				'How often a typical user comes back: their mean active days in the last 30 (of the people active in the last 90), from product events, in the framework’s bands: daily (20 or more) 90–100, weekly (4 to under 20) 70–89, every other week (2 to under 4) 50–69, monthly (1 to under 2) 30–49, inactive (under 1) 0–29. Unlike the account’s login frequency, a large account where everyone comes once a month does not read as daily.',
			weight: 1,
			value: { var: 'active_days_per_user_30d' },
			scoring: { type: 'linear', points: FREQUENCY }
		}
	},
	{
		id: 'active_days',
		kind: 'engagement',
		measure: {
			id: 'active_days',
			name: 'Active days in the last 30',
			description:
				'Days with any use in the last 30: 20 or more (every working day) scores 100, weekly use about 40.',
			weight: 1,
			value: { var: 'active_days_30d' },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[4, 40],
					[12, 70],
					[20, 100]
				]
			}
		}
	},
	{
		id: 'days_since_last_login',
		kind: 'engagement',
		measure: {
			id: 'days_since_last_login',
			name: 'Days since last login',
			description:
				'Recency: days since anyone at the account was last active (lower is better), in bands that match login frequency: within 3 days (a weekend) 90–100, 100 the same day; within a week 70–89; within two weeks 50–69; within 30 days 30–49; longer 0–29, 0 from 90 days. Catches an account going quiet before the 30-day figures do.',
			weight: 1,
			value: { var: 'days_since_last_login' },
			scoring: {
				type: 'linear',
				points: [
					[0, 100],
					[3, 90],
					[7, 70],
					[14, 50],
					[30, 30],
					[90, 0]
				]
			}
		}
	},
	{
		id: 'feature_breadth',
		kind: 'engagement',
		measure: {
			id: 'feature_breadth',
			name: 'Feature breadth',
			description:
				'Features used in the last 30 days / features available (the catalogue, or the plan): 60 % or more 90–100, 100 at 80 %; 40–60 % 70–89; 25–40 % 50–69; 10–25 % 30–49; less 0–29. Breadth of use beyond the first workflow.',
			weight: 1,
			value: { '/': [{ var: 'features_used' }, { var: 'features_available' }] },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[0.1, 30],
					[0.25, 50],
					[0.4, 70],
					[0.6, 90],
					[0.8, 100]
				]
			}
		}
	},
	{
		id: 'usage_depth',
		kind: 'engagement',
		needs: ['events_30d', 'sessions_30d'],
		measure: {
			id: 'usage_depth',
			name: 'Usage depth',
			description:
				'Events per session in the last 30 days, from product events: how much people do once they are in, whatever the account’s size or how often they come. 30 or more 90–100, 100 at 50; 15–30 70–89; 8–15 50–69; 3–8 30–49; fewer (a glance and gone) 0–29. What counts as one event depends on the tracking: set the points from your accounts’ spread.',
			weight: 1,
			value: { '/': [{ var: 'events_30d' }, { var: 'sessions_30d' }] },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[3, 30],
					[8, 50],
					[15, 70],
					[30, 90],
					[50, 100]
				]
			}
		}
	},
	{
		id: 'workflow_completion',
		kind: 'engagement',
		measure: {
			id: 'workflow_completion',
			name: 'Workflows completed per active seat',
			description:
				'Workflows completed in the last 30 days / active seats, so large and small accounts compare: 1.5 or more 90–100, 100 at 3; 0.75–1.5 70–89; 0.3–0.75 50–69; 0.1–0.3 30–49; less 0–29. The value actually delivered.',
			weight: 1,
			value: { '/': [{ var: 'workflows_completed_30d' }, { var: 'seats_active' }] },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[0.1, 30],
					[0.3, 50],
					[0.75, 70],
					[1.5, 90],
					[3, 100]
				]
			}
		}
	},
	{
		id: 'integrations',
		kind: 'engagement',
		measure: {
			id: 'integrations',
			name: 'Integrations in use',
			description:
				'Integrations with the customer’s other systems used in the last 30 days: 4 or more 90–100, 100 at 6; 2–3 70–89; one 50; none 20. Each one makes the product harder to rip out.',
			weight: 1,
			value: { var: 'integrations_active' },
			scoring: {
				type: 'linear',
				points: [
					[0, 20],
					[1, 50],
					[2, 70],
					[4, 90],
					[6, 100]
				]
			}
		}
	},
	{
		id: 'power_users',
		kind: 'engagement',
		measure: {
			id: 'power_users',
			name: 'Power users share',
			description:
				'Power users (by the team’s thresholds; by default active 20 of the last 30 days with half the features or more) / active seats: 25 % or more 90–100, 100 at 40 %; 15–25 % 70–89; 8–15 % 50–69; 3–8 % 30–49; less 0–29. Internal experts who train colleagues and survive a champion leaving.',
			weight: 1,
			value: { '/': [{ var: 'power_users' }, { var: 'seats_active' }] },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[0.03, 30],
					[0.08, 50],
					[0.15, 70],
					[0.25, 90],
					[0.4, 100]
				]
			}
		}
	}
];
