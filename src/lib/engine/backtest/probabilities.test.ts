/**
 * The probabilities account pages show (`./probabilities.ts`): fitted on every scored outcome of
 * the sample, they fall as the score rises, hold their range, and follow what happened: accounts
 * that churned had a higher probability, on average, than those that renewed.
 */
import { describe, expect, it } from 'vitest';
import { generateSample } from '../sample';
import { scoreWorkspace } from '../score';
import { probabilityFits, probabilityFor } from './probabilities';

describe('the probability of churn an account page shows', () => {
	const workspace = generateSample({ accounts: 600 });
	const fits = probabilityFits(workspace);

	it('fits each published scorecard with enough outcomes, 90 days ahead', () => {
		const scale = fits.scale!;
		expect(scale.ok).toBe(true);
		if (!scale.ok) return;
		expect(scale.horizon).toBe(90);
		expect(scale.events).toBeGreaterThan(10);
		expect(scale.outcomes).toBeGreaterThan(scale.events);
	});

	it('falls as the score rises, and its range holds it', () => {
		let previous = Infinity;
		for (let score = 0; score <= 100; score += 5) {
			const probability = probabilityFor(fits.scale, score)!;
			expect(probability.p).toBeLessThanOrEqual(previous + 1e-12);
			expect(probability.low).toBeLessThanOrEqual(probability.p);
			expect(probability.high).toBeGreaterThanOrEqual(probability.p);
			previous = probability.p;
		}
		expect(probabilityFor(fits.scale, 0)!.p).toBeGreaterThan(probabilityFor(fits.scale, 100)!.p);
		expect(probabilityFor(fits.scale, null)).toBeNull();
		expect(probabilityFor(undefined, 50)).toBeNull();
	});

	it('gives the accounts that went on to churn a higher probability than those that renewed', () => {
		const churnedIds = new Set(
			workspace.outcomes.filter((o) => o.type === 'churned').map((o) => o.account_id)
		);
		const renewedIds = new Set(
			workspace.outcomes.filter((o) => o.type === 'renewed').map((o) => o.account_id)
		);
		// Scored well before the outcomes, as of the earliest outcome's horizon.
		const asOf = workspace.outcomes.map((o) => o.date).sort()[0]!;
		const mean = (ids: Set<string>) => {
			const ps = scoreWorkspace(workspace, asOf)
				.filter((score) => ids.has(score.account_id) && score.scorecard_id)
				.map((score) => probabilityFor(fits[score.scorecard_id!], score.overall)?.p)
				.filter((p): p is number => p !== undefined);
			return ps.reduce((sum, p) => sum + p, 0) / ps.length;
		};
		expect(mean(churnedIds)).toBeGreaterThan(mean(renewedIds));
	});
});
