/** Engagement and adoption: how often, how broadly and how deeply the product is used. */
import type { PaletteEntry } from './types';

export const engagement: readonly PaletteEntry[] = [
	{
		id: 'login_frequency',
		kind: 'engagement',
		measure: {
			id: 'login_frequency',
			name: 'Login frequency',
			description:
				'Logins in the last 30 days per active seat: 10 or more (about every other working day) scores 100, one a month 30.',
			weight: 1,
			value: { '/': [{ var: 'logins_30d' }, { var: 'seats_active' }] },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[1, 30],
					[3, 60],
					[6, 85],
					[10, 100]
				]
			}
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
				'Days since anyone at the account last logged in (lower is better): catches an account going quiet before the 30-day figures do.',
			weight: 1,
			value: { var: 'days_since_last_login' },
			scoring: {
				type: 'steps',
				steps: [
					{ max: 1, score: 100 },
					{ max: 3, score: 85 },
					{ max: 7, score: 70 },
					{ max: 14, score: 45 },
					{ max: 30, score: 20 }
				],
				else: 0
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
				'Features used / features available on the plan: breadth of use beyond the first workflow.',
			weight: 1,
			value: { '/': [{ var: 'features_used' }, { var: 'features_available' }] },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[0.3, 50],
					[0.6, 80],
					[0.8, 100]
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
				'Workflows completed in the last 30 days / active seats, so large and small accounts compare: the value actually delivered.',
			weight: 1,
			value: { '/': [{ var: 'workflows_completed_30d' }, { var: 'seats_active' }] },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[0.25, 40],
					[0.75, 70],
					[1.5, 100]
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
				'Active integrations with the customer’s other systems: each one makes the product harder to rip out.',
			weight: 1,
			value: { var: 'integrations_active' },
			scoring: {
				type: 'steps',
				steps: [
					{ min: 5, score: 100 },
					{ min: 3, score: 80 },
					{ min: 1, score: 55 }
				],
				else: 20
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
				'Power users / active seats: internal experts who train colleagues and survive a champion leaving.',
			weight: 1,
			value: { '/': [{ var: 'power_users' }, { var: 'seats_active' }] },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[0.05, 40],
					[0.15, 75],
					[0.3, 100]
				]
			}
		}
	}
];
