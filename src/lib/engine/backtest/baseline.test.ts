import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { generateSample } from '../sample';
import type { Facts } from '../types';
import { baselineRegression } from './baseline';
import { brierScore } from './calibrate';
import { Observer } from './observe';
import { trainingAccounts } from './split';
import type { Observation } from './types';

function observation(accountId: string, churned: boolean, facts: Facts): Observation {
	return {
		accountId,
		outcomeDate: '2026-06-01',
		asOf: '2026-03-03',
		churned,
		scores: new Float64Array([NaN]),
		facts
	};
}

/**
 * Accounts whose churn follows usage (lower churns), a late invoice and the plan, with the
 * clutter real data has: an identifier, a list, a rare plan, usage sometimes missing or blank
 * text (as a CSV export leaves it), and a fact that copies the outcome.
 */
function accounts(count: number, seed = 1): Observation[] {
	const random = new Random(seed);
	return Array.from({ length: count }, (_, i) => {
		const usage = random.between(0, 100);
		const late = random.chance(0.3);
		const plan = random.chance(0.01) ? 'legacy' : random.pick(['starter', 'business']);
		const eta = 1 - 0.06 * usage + (late ? 1.5 : 0) + (plan === 'starter' ? 0.5 : 0);
		const churned = random.chance(1 / (1 + Math.exp(-eta)));
		const gap = random.next();
		return observation(`acc-${i}`, churned, {
			id: `acc-${i}`,
			usage: gap < 0.1 ? null : gap < 0.15 ? ' ' : gap < 0.5 ? String(usage) : usage,
			invoice_late: late,
			plan,
			tags: ['x'],
			status_now: churned ? 'gone' : 'here'
		});
	});
}

describe('baselineRegression', () => {
	const data = accounts(1500);
	const train = trainingAccounts(data, 1);

	it('reads every usable fact, and forecasts far better than the base rate', () => {
		const result = baselineRegression(data, train, { exclude: new Set(['status_now']) });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		// No identifier, no list, no excluded fact; usage is read from numbers and numeric text.
		expect(result.facts).toEqual(['invoice_late', 'plan', 'usage']);
		// invoice_late 1 + plan 2 kept and "other" + usage with its missing indicator 2.
		expect(result.columns).toBe(6);
		const heldOut = data.filter((one) => !train.has(one.accountId));
		const rate = heldOut.filter((one) => one.churned).length / heldOut.length;
		const baseRate = brierScore(
			heldOut.map(() => rate),
			heldOut.map((one) => one.churned)
		)!;
		expect(result.heldOut.outcomes).toBe(heldOut.length);
		expect(result.auc!).toBeGreaterThan(0.8);
		expect(result.brier!).toBeLessThan(baseRate - 0.04);
	});

	it('would find a fact that copies the outcome unless told to leave it out', () => {
		const leaking = baselineRegression(data, train);
		expect(leaking.ok && leaking.facts).toContain('status_now');
		expect(leaking.ok && leaking.brier!).toBeLessThan(0.01);
	});

	it('says why it has nothing to say', () => {
		expect(baselineRegression(data.slice(0, 12), train)).toEqual({
			ok: false,
			reason: 'too-few-outcomes'
		});
		const bare = data.map((one) => ({ ...one, facts: { id: one.accountId } }));
		expect(baselineRegression(bare, train)).toEqual({ ok: false, reason: 'no-facts' });
	});

	it('reads no fact that may know the future on the sample workspace', () => {
		const workspace = generateSample({ accounts: 600 });
		const observer = new Observer(workspace);
		const split = trainingAccounts(
			workspace.outcomes.map((outcome) => ({
				accountId: outcome.account_id,
				churned: outcome.type === 'churned'
			})),
			1
		);
		const scale = observer
			.at(60)
			.byScorecard.get('scale')!
			.filter((one) => !Number.isNaN(one.scores[0]!));
		const result = baselineRegression(scale, split, {
			exclude: new Set(observer.lookAheadFacts)
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		for (const name of [...observer.lookAheadFacts, 'id', 'name', 'renewal_date', 'tags'])
			expect(result.facts).not.toContain(name);
		expect(result.facts).toContain('champion_changed');
		expect(result.auc!).toBeGreaterThan(0.6);
	});
});
