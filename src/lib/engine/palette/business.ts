/** Business: the outcomes the customer bought the product for, and the commercial signals. */
import type { PaletteEntry } from './types';

export const business: readonly PaletteEntry[] = [
	{
		id: 'outcome_progress',
		kind: 'business',
		measure: {
			id: 'outcome_progress',
			name: 'Progress to business outcomes',
			description:
				'Share of the customer’s agreed success plan achieved (0–1): customers renew for the outcome, not the software.',
			weight: 1,
			value: { var: 'outcome_progress' },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[0.25, 40],
					[0.5, 65],
					[0.75, 85],
					[1, 100]
				]
			}
		}
	},
	{
		id: 'roi',
		kind: 'business',
		needs: ['roi'],
		measure: {
			id: 'roi',
			name: 'Return on investment',
			description:
				'Value the customer reports / what they pay (the `roi` metric, from a value review): 3× or more 100, break-even 50.',
			weight: 1,
			value: { var: 'roi' },
			scoring: {
				type: 'linear',
				points: [
					[0, 0],
					[1, 50],
					[2, 80],
					[3, 100]
				]
			}
		}
	},
	{
		id: 'invoices_late',
		kind: 'business',
		measure: {
			id: 'invoices_late',
			name: 'Late invoices',
			description:
				'Invoices overdue now (lower is better): none 100, one 60, two 30, more 0. Payment trouble often comes before a cancellation.',
			weight: 1,
			value: { var: 'invoices_late' },
			scoring: {
				type: 'steps',
				steps: [
					{ max: 0, score: 100 },
					{ max: 1, score: 60 },
					{ max: 2, score: 30 }
				],
				else: 0
			}
		}
	},
	{
		id: 'contract_length',
		kind: 'business',
		measure: {
			id: 'contract_length',
			name: 'Contract length',
			description:
				'Months of the current contract: a multi-year commitment (36+) 100, two years 85, one year 65, shorter 40.',
			weight: 1,
			value: { var: 'contract_months' },
			scoring: {
				type: 'steps',
				steps: [
					{ min: 36, score: 100 },
					{ min: 24, score: 85 },
					{ min: 12, score: 65 }
				],
				else: 40
			}
		}
	}
];
