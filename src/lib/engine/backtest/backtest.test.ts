import { describe, expect, it } from 'vitest';
import { account, card, linear100, measure, snapshot } from '../../../../tests/support/builders';
import { workspaceWith } from '../../../../tests/support/workspace';
import { Random } from '../random';
import type { Outcome, Snapshot, Workspace } from '../types';
import { backtestWorkspace } from './backtest';

const OUTCOME = '2026-06-01';
/** Usage on 2026-04-01, two months before each outcome: a1 and a2 churn. */
const USAGE: [string, number, Outcome['type']][] = [
	['a1', 10, 'churned'],
	['a2', 30, 'churned'],
	['a3', 30, 'renewed'],
	['a4', 60, 'expanded'],
	['a5', 85, 'renewed'],
	['a6', 90, 'downsold']
];

function small(extraSnapshots: Snapshot[] = []): Workspace {
	return {
		...workspaceWith({
			accounts: USAGE.map(([id]) => account(id)),
			snapshots: [
				...USAGE.map(([id, usage]) => snapshot(id, { usage }, '2026-04-01')),
				...extraSnapshots
			],
			scorecards: [
				card([{ id: 'g', name: 'G', measures: [measure('m', { var: 'usage' }, linear100)] }])
			]
		}),
		outcomes: USAGE.map(([id, , type]) => ({ account_id: id, date: OUTCOME, type }))
	};
}

describe('backtestWorkspace on a hand-made workspace', () => {
	const report = backtestWorkspace(small());
	const at = (horizon: number) => report.results.find((result) => result.horizon === horizon)!;

	it('scores each outcome as of the horizon and ranks churn against the score', () => {
		const result = at(30);
		expect(result).toMatchObject({
			scorecardId: 'card',
			scored: 6,
			noData: 0,
			churned: 2,
			retained: 4
		});
		// Churned 10 and 30 against retained 30, 60, 85, 90: 7 pairs below and one tie of 8.
		expect(result.auc).toBe(7.5 / 8);
		expect(result.measures).toEqual([
			{ id: 'm', name: 'm', groupId: 'g', auc: 7.5 / 8, missingShare: 0 }
		]);
	});

	it('counts churn per band, and the confusion matrix at the Red/Orange boundary', () => {
		const result = at(60);
		expect(result.bands.map((band) => [band.name, band.accounts, band.churned])).toEqual([
			['Red', 3, 2],
			['Orange', 0, 0],
			['Yellow', 1, 0],
			['Green', 2, 0]
		]);
		expect(result.atThreshold).toEqual({
			threshold: 40,
			confusion: { tp: 2, fp: 1, tn: 3, fn: 0 },
			precision: 2 / 3,
			recall: 1,
			falsePositiveRate: 0.25,
			falseNegativeRate: 0
		});
		expect(result.best).toEqual({ threshold: 60, j: 0.75, tpr: 1, fpr: 0.25 });
		expect(result.blindSpots).toEqual([]);
		expect(result.weights).toEqual({ ok: false, reason: 'too-few-outcomes' });
	});

	it('has no score where the horizon reaches before the first snapshot', () => {
		expect(at(90)).toMatchObject({ outcomes: 6, scored: 0, noData: 6, auc: null, roc: [] });
	});

	it('never looks ahead: snapshots after the as-of date change nothing', () => {
		const later = USAGE.map(([id, usage]) => snapshot(id, { usage: 100 - usage }, '2026-05-15'));
		const withLater = backtestWorkspace(small(later));
		const thirty = withLater.results.find((result) => result.horizon === 30)!;
		expect(thirty).toEqual(at(30));
		// As of 2026-05-16 the later snapshot counts: the ranking turns over.
		const fifteen = backtestWorkspace(small(later), { horizons: [16] }).results[0]!;
		expect(fifteen.auc).toBe(0.5 / 8);
	});

	it('lists the accounts that churned while in the top band', () => {
		const workspace = small([snapshot('a2', { usage: 95 }, '2026-04-20')]);
		const result = backtestWorkspace(workspace, { horizons: [30] }).results[0]!;
		expect(result.blindSpots).toEqual([
			{ accountId: 'a2', asOf: '2026-05-02', outcomeDate: OUTCOME, overall: 95, band: 'Green' }
		]);
	});

	it('marks measures that read people-level facts, which hold only the latest usage', () => {
		const workspace = small();
		workspace.contacts = [
			{ id: 'c1', account_id: 'a1', email: 'c1@a1.example', last_seen: '2026-05-20' }
		];
		workspace.scorecards[0]!.groups[0]!.measures.push(
			measure('people', { var: 'users_active_30d' }, linear100)
		);
		const report = backtestWorkspace(workspace, { horizons: [30] });
		expect(report.lookAheadFacts).toContain('users_active_30d');
		const [usage, people] = report.results[0]!.measures;
		expect(usage!.lookAhead).toBeUndefined();
		expect(people!.lookAhead).toBe(true);
	});

	it('reports outcomes no scorecard applies to as unscored', () => {
		const workspace = small();
		workspace.scorecards[0]!.applies_to = { '==': [{ var: 'segment' }, 'enterprise'] };
		const result = backtestWorkspace(workspace, { horizons: [30] });
		expect(result.unscored).toEqual({ 30: 6 });
		expect(result.results[0]!.outcomes).toBe(0);
	});
});

/**
 * 600 accounts whose churn depends on `good` (measured), a `risk` flag (not measured) and a
 * `tier` (not measured), not on `noise` (measured) or `junk` (not measured).
 */
function synthetic(): Workspace {
	const random = new Random(21);
	const accounts = [];
	const snapshots: Snapshot[] = [];
	const outcomes: Outcome[] = [];
	for (let i = 0; i < 600; i++) {
		const id = `s${String(i).padStart(3, '0')}`;
		const good = random.between(0, 100);
		const risk = random.chance(0.25);
		const tier = random.pick(['gold', 'silver', 'bronze']);
		const logit = 1.5 - 0.06 * good + (risk ? 2.5 : 0) + (tier === 'bronze' ? 1 : 0);
		accounts.push(account(id, { facts: { tier } }));
		snapshots.push(
			snapshot(
				id,
				{ good, noise: random.between(0, 100), junk: random.normal(), risk },
				'2026-03-01'
			)
		);
		outcomes.push({
			account_id: id,
			date: OUTCOME,
			type: random.chance(1 / (1 + Math.exp(-logit))) ? 'churned' : 'renewed'
		});
	}
	return {
		...workspaceWith({
			accounts,
			snapshots,
			scorecards: [
				card([
					{
						id: 'product',
						name: 'Product',
						weight: 50,
						measures: [measure('good', { var: 'good' }, linear100)]
					},
					{
						id: 'other',
						name: 'Other',
						weight: 50,
						measures: [measure('noise', { var: 'noise' }, linear100)]
					}
				])
			]
		}),
		outcomes
	};
}

describe('suggestions on synthetic data with known causes', () => {
	const result = backtestWorkspace(synthetic(), { horizons: [30] }).results[0]!;

	it('moves the weight to the measure that predicts churn, and does better held out', () => {
		expect(result.weights.ok).toBe(true);
		if (!result.weights.ok) return;
		expect(result.weights.changed).toBe(true);
		const [product, other] = result.weights.groups;
		expect(product!.weight + other!.weight).toBe(100);
		expect(product!.weight).toBeGreaterThan(80);
		expect(result.weights.heldOut.proposed!).toBeGreaterThan(result.weights.heldOut.current!);
	});

	it('ranks the unmeasured risk flag first and offers it as a measure that helps', () => {
		const [first, ...rest] = result.unmeasured;
		expect(first).toMatchObject({ fact: 'risk', kind: 'boolean', direction: 'higher-churns' });
		expect(first!.measure).toEqual({
			id: 'risk',
			name: 'Risk',
			weight: 1,
			value: { var: 'risk' },
			scoring: { type: 'map', map: { false: 100, true: 0 }, else: expect.any(Number) }
		});
		expect(first!.share).toBeGreaterThan(0.1);
		expect(first!.heldOut.withFact!).toBeGreaterThan(first!.heldOut.current! + 0.03);
		const tier = rest.find((fact) => fact.fact === 'tier')!;
		expect(tier.kind).toBe('category');
		expect(tier.measure.scoring).toMatchObject({ type: 'map' });
		const scoring = tier.measure.scoring as { map: Record<string, number> };
		expect(scoring.map.bronze).toBeLessThan(scoring.map.gold!);
		// Facts the scorecard reads, and identifiers, are never offered.
		const offered = result.unmeasured.map((fact) => fact.fact);
		for (const name of ['good', 'noise', 'id', 'name', 'segment'])
			expect(offered).not.toContain(name);
		expect(offered.indexOf('junk')).toBeGreaterThan(offered.indexOf('tier'));
	});
});
