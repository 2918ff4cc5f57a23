/**
 * Deployment: how much of what the customer bought is actually in use, and by how many of the
 * people who have access.
 */
import type { PaletteEntry } from './types';

export const deployment: readonly PaletteEntry[] = [
	{
		id: 'seat_penetration',
		kind: 'deployment',
		measure: {
			id: 'seat_penetration',
			name: 'Seat penetration',
			description:
				'Seats active in the last 30 days / seats purchased, in the framework’s bands: 80 % or more 90–100 (100 at full use), 60–80 % 70–89, 40–60 % 50–69, under 40 % 0–49. The score moves within its band. Licences left unused are the first thing cut at renewal.',
			weight: 1,
			value: { '/': [{ var: 'seats_active' }, { var: 'seats_purchased' }] },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[0.4, 50],
					[0.6, 70],
					[0.8, 90],
					[1, 100]
				]
			}
		}
	},
	{
		id: 'licences_unassigned',
		kind: 'deployment',
		measure: {
			id: 'licences_unassigned',
			name: 'Licences unassigned',
			description:
				'Seats purchased − seats active, as a count (lower is better): idle licences are what procurement notices at renewal, whatever the share.',
			weight: 1,
			value: { '-': [{ var: 'seats_purchased' }, { var: 'seats_active' }] },
			scoring: {
				type: 'steps',
				steps: [
					{ max: 5, score: 100 },
					{ max: 20, score: 80 },
					{ max: 50, score: 60 },
					{ max: 150, score: 40 }
				],
				else: 20
			}
		}
	},
	{
		id: 'dormant_users',
		kind: 'deployment',
		needs: ['dormant_users', 'users_total'],
		measure: {
			id: 'dormant_users',
			name: 'Dormant users',
			description:
				'Share of the account’s known people not seen for the dormant threshold (180 days unless the team sets another; never active counts as dormant), from product events; lower is better: 10 % or fewer 90–100 (100 at none), up to 20 % 70–89, up to 35 % 50–69, up to 50 % 30–49, more 0–29 (0 when all are). Invited people who never came back are seats that look used and are not.',
			weight: 1,
			value: { '/': [{ var: 'dormant_users' }, { var: 'users_total' }] },
			scoring: {
				type: 'linear',
				points: [
					[0, 100],
					[0.1, 90],
					[0.2, 70],
					[0.35, 50],
					[0.5, 30],
					[1, 0]
				]
			}
		}
	}
];
