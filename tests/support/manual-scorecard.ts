import type { Scorecard } from '../../src/lib/engine';

/**
 * A scorecard with two manual measures, as a team keeps them in a spreadsheet: a relationship
 * score of 1 to 5 (a linear scoring) and whether an executive sponsor is engaged (a map).
 */
export function manualScorecard(): Scorecard {
	return {
		id: 'relationship',
		name: 'Relationship',
		status: 'published',
		priority: 9,
		bands: [
			{ name: 'Red', min: 0 },
			{ name: 'Green', min: 60 }
		],
		groups: [
			{
				id: 'people',
				name: 'People',
				measures: [
					{
						id: 'relationship',
						name: 'Relationship score',
						value: { var: 'relationship' },
						scoring: {
							type: 'linear',
							points: [
								[1, 0],
								[5, 100]
							]
						},
						manual: { validity_days: 120 }
					},
					{
						id: 'sponsor',
						name: 'Executive sponsor',
						value: { var: 'sponsor' },
						scoring: { type: 'map', map: { yes: 100, no: 0 } },
						manual: { validity_days: 365 }
					}
				]
			}
		]
	} as Scorecard;
}
