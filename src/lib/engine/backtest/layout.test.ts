import { describe, expect, it } from 'vitest';
import { generateSample } from '../sample';
import { layoutOf, measureScoresOf, overallOf, sharesOf } from './layout';
import { Observer } from './observe';

describe('layouts', () => {
	const observer = new Observer(generateSample({ accounts: 300 }));
	const observed = observer.at(30);

	it('combine measure scores into exactly the overall score the scorecard gives', () => {
		let compared = 0;
		for (const card of observer.scorecards) {
			const layout = layoutOf(card);
			for (const observation of observed.byScorecard.get(card.id)!) {
				const overall = overallOf(layout, measureScoresOf(card, observation.scores));
				expect(Object.is(overall, observation.scores[0]) || overall === observation.scores[0]).toBe(
					true
				);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(100);
	});

	it('give each measure its share of the overall when all are present', () => {
		const dream = observer.scorecards.find((card) => card.id === 'enterprise-dream')!;
		const shares = sharesOf(layoutOf(dream), dream.plan.measures.length);
		expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
		// Deployment 20 % of the overall, seat penetration 2 of its 3.
		expect(shares[0]).toBeCloseTo(0.2 * (2 / 3), 12);
	});
});
