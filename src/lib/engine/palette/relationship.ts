/** Relationship: the people on the customer's side, and how they feel about us. */
import type { PaletteEntry } from './types';

export const relationship: readonly PaletteEntry[] = [
	{
		id: 'exec_sponsor',
		kind: 'relationship',
		measure: {
			id: 'exec_sponsor',
			name: 'Executive sponsor engaged',
			description:
				'Whether the customer’s executive sponsor is engaged with us: losing the sponsor is the classic churn story.',
			weight: 1,
			value: { var: 'exec_sponsor_engaged' },
			scoring: { type: 'map', map: { true: 100, false: 30 }, else: 30 }
		}
	},
	{
		id: 'qbr_attended',
		kind: 'relationship',
		measure: {
			id: 'qbr_attended',
			name: 'Last QBR attended',
			description: 'Whether the customer attended the last quarterly business review.',
			weight: 1,
			value: { var: 'qbr_attended' },
			scoring: { type: 'map', map: { true: 90, false: 40 }, else: 40 }
		}
	},
	{
		id: 'nps',
		kind: 'relationship',
		measure: {
			id: 'nps',
			name: 'NPS response',
			description:
				'The latest 0–10 survey response: promoter (9–10) 100, passive (7–8) 70, detractor (0–6) 20. Missing in periods with no survey.',
			weight: 1,
			value: { var: 'nps' },
			scoring: {
				type: 'steps',
				steps: [
					{ min: 9, score: 100 },
					{ min: 7, score: 70 }
				],
				else: 20
			}
		}
	},
	{
		id: 'csat',
		kind: 'relationship',
		measure: {
			id: 'csat',
			name: 'Support CSAT',
			description:
				'Satisfaction with the last support ticket, 1–5: 4–5 scores 100, 3 scores 70, below 3 20. Missing with no recent ticket.',
			weight: 1,
			value: { var: 'csat' },
			scoring: {
				type: 'steps',
				steps: [
					{ min: 4, score: 100 },
					{ min: 3, score: 70 }
				],
				else: 20
			}
		}
	},
	{
		id: 'support_tickets',
		kind: 'relationship',
		measure: {
			id: 'support_tickets',
			name: 'Open support tickets',
			description:
				'Support tickets open now (lower is better): a growing queue is friction the customer feels every day.',
			weight: 1,
			value: { var: 'open_tickets' },
			scoring: {
				type: 'steps',
				steps: [
					{ max: 0, score: 100 },
					{ max: 2, score: 80 },
					{ max: 5, score: 55 },
					{ max: 10, score: 30 }
				],
				else: 10
			}
		}
	},
	{
		id: 'response_time',
		kind: 'relationship',
		needs: ['first_response_hours'],
		measure: {
			id: 'response_time',
			name: 'Support response time',
			description:
				'Median hours to a first answer on support tickets (lower is better): within 4 hours 100, a day 65, more than two days 15. Comes from the help desk (the `first_response_hours` metric).',
			weight: 1,
			value: { var: 'first_response_hours' },
			scoring: {
				type: 'steps',
				steps: [
					{ max: 4, score: 100 },
					{ max: 8, score: 85 },
					{ max: 24, score: 65 },
					{ max: 48, score: 40 }
				],
				else: 15
			}
		}
	}
];
