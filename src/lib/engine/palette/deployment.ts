/** Deployment: how much of what the customer bought is actually in use. */
import type { PaletteEntry } from './types';

export const deployment: readonly PaletteEntry[] = [
	{
		id: 'seat_penetration',
		kind: 'deployment',
		measure: {
			id: 'seat_penetration',
			name: 'Seat penetration',
			description:
				'Active seats / seats purchased: 80 % or more 95, 60 % 80, 40 % 60, less 25. Licences left unused are the first thing cut at renewal.',
			weight: 1,
			value: { '/': [{ var: 'seats_active' }, { var: 'seats_purchased' }] },
			scoring: {
				type: 'steps',
				steps: [
					{ min: 0.8, score: 95 },
					{ min: 0.6, score: 80 },
					{ min: 0.4, score: 60 }
				],
				else: 25
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
	}
];
