import { describe, expect, it } from 'vitest';
import { account, card, linear100, measure } from '../../../../tests/support/builders';
import { workspaceWith } from '../../../../tests/support/workspace';
import { Random } from '../random';
import { generateSample } from '../sample';
import type { Outcome, Scorecard, Workspace } from '../types';
import { parseWorkspace } from '../workspace/load';
import { discoverScorecard, type Discovery } from './discover';

const OUTCOME = '2026-06-01';

/** Accounts with the facts `make` gives, churned with the probability `churn` gives. */
function workspaceOf(
	count: number,
	seed: number,
	make: (random: Random, i: number) => Record<string, unknown>,
	outcome: (facts: Record<string, unknown>, random: Random) => Outcome['type'],
	scorecards: Scorecard[] = []
): Workspace {
	const random = new Random(seed);
	const accounts = [];
	const outcomes: Outcome[] = [];
	for (let i = 0; i < count; i++) {
		const id = `a${String(i).padStart(4, '0')}`;
		const facts = make(random, i) as Record<string, number | string | boolean | null>;
		accounts.push(account(id, { facts }));
		outcomes.push({ account_id: id, date: OUTCOME, type: outcome(facts, random) });
	}
	return { ...workspaceWith({ accounts, scorecards }), outcomes };
}

const chance = (logit: number, random: Random) => random.chance(1 / (1 + Math.exp(-logit)));

function found(result: ReturnType<typeof discoverScorecard>): Discovery {
	if (!result.ok) throw new Error(`no discovery: ${result.reason}`);
	return result;
}

const added = (discovery: Discovery) =>
	discovery.steps.filter((step) => step.action === 'add').map((step) => step.fact);

/** The draft passes the workspace schema, and scores as the path says. */
function expectValidDraft(workspace: Workspace, discovery: Discovery) {
	const parsed = parseWorkspace({
		...workspace,
		scorecards: [...workspace.scorecards, discovery.scorecard]
	});
	expect(parsed.ok ? [] : parsed.errors).toEqual([]);
	expect(discovery.scorecard.status).toBe('draft');
	expect(discovery.scorecard.groups.reduce((sum, group) => sum + group.weight!, 0)).toBe(100);
	for (const group of discovery.scorecard.groups)
		expect(group.measures.reduce((sum, one) => sum + one.weight!, 0)).toBe(100);
	expect(discovery.heldOut.after).toBe(discovery.steps.at(-1)!.heldOutAuc);
	expect(discovery.steps.at(-1)!.measures).toBe(
		discovery.scorecard.groups.flatMap((group) => group.measures).length
	);
}

describe('discoverScorecard on data with known answers', () => {
	it('finds first a fact that separates perfectly, and never adds noise', () => {
		const workspace = workspaceOf(
			400,
			1,
			(random) => ({
				flag: random.chance(0.3),
				usage: random.between(0, 100),
				noise: random.between(0, 100),
				colour: random.pick(['red', 'green', 'blue'])
			}),
			(facts) => (facts.flag ? 'churned' : 'renewed')
		);
		const before = structuredClone(workspace);
		const discovery = found(discoverScorecard(workspace, { scorecardId: null }));
		expect(workspace).toEqual(before);
		expect(discovery).toMatchObject({ start: 'empty', baseId: null, target: 'churn' });
		expect(discovery.steps.map((step) => [step.action, step.fact])).toEqual([
			['start', undefined],
			['add', 'flag']
		]);
		expect(discovery.heldOut).toMatchObject({ before: 0.5, after: 1 });
		const [group] = discovery.scorecard.groups;
		expect(group!.measures[0]).toMatchObject({
			id: 'flag',
			name: 'Flag',
			value: { var: 'flag' },
			scoring: { type: 'map', map: { false: 100, true: 0 } },
			missing: { policy: 'score', score: expect.any(Number) }
		});
		expectValidDraft(workspace, discovery);
	});

	it('adds the facts churn depends on, not the noise beside them, and considers copies once', () => {
		const workspace = workspaceOf(
			1500,
			2,
			(random) => {
				const arr = Math.round(Math.exp(random.between(Math.log(5000), Math.log(200_000))));
				return {
					arr,
					monthly: arr / 12,
					log_arr: Math.log(arr),
					usage: random.between(0, 100),
					late: random.chance(0.2),
					noise: random.normal(),
					noise_too: random.between(0, 10),
					region: random.pick(['north', 'south', 'east', 'west'])
				};
			},
			(facts, random) =>
				chance(
					1.5 -
						0.05 * (facts.usage as number) +
						(facts.late ? 1.5 : 0) -
						Math.log(facts.arr as number) / 5,
					random
				)
					? 'churned'
					: 'renewed'
		);
		const discovery = found(discoverScorecard(workspace, { scorecardId: null }));
		expect(added(discovery).slice(0, 2)).toEqual(['usage', 'late']);
		for (const noise of ['noise', 'noise_too', 'region'])
			expect(added(discovery)).not.toContain(noise);
		expect(discovery.skippedCopies).toEqual(
			expect.arrayContaining([
				{ fact: 'log_arr', copyOf: 'arr' },
				{ fact: 'monthly', copyOf: 'arr' }
			])
		);
		expect(added(discovery)).not.toContain('monthly');
		expect(added(discovery)).not.toContain('log_arr');
		expect(discovery.heldOut.after!).toBeGreaterThan(0.75);
		expectValidDraft(workspace, discovery);
	});

	it('removes a measure of the starting scorecard that does nothing, and keeps the one that works', () => {
		const scorecard = card(
			[
				{
					id: 'product',
					name: 'Product',
					weight: 50,
					measures: [measure('usage', { var: 'usage' }, linear100)]
				},
				{
					id: 'other',
					name: 'Other',
					weight: 50,
					measures: [measure('noise', { var: 'noise' }, linear100)]
				}
			],
			{ status: 'published', version: 3 }
		);
		const workspace = workspaceOf(
			1000,
			3,
			(random) => ({ usage: random.between(0, 100), noise: random.between(0, 100) }),
			(facts, random) =>
				chance(2 - 0.06 * (facts.usage as number), random) ? 'churned' : 'renewed',
			[scorecard]
		);
		const discovery = found(discoverScorecard(workspace));
		expect(discovery).toMatchObject({ start: 'scorecard', baseId: 'card' });
		expect(discovery.steps[1]).toMatchObject({ action: 'remove', measureId: 'noise', measures: 1 });
		expect(discovery.scorecard).toMatchObject({ id: 'card-discovered', name: 'Card (discovered)' });
		expect(discovery.scorecard.version).toBeUndefined();
		expect(discovery.scorecard.groups.map((group) => [group.id, group.weight])).toEqual([
			['product', 100]
		]);
		expect(discovery.heldOut.after!).toBeGreaterThan(discovery.heldOut.before!);
		expectValidDraft(workspace, discovery);
	});

	it('foresees expansion with a low score for the accounts that will not expand', () => {
		const workspace = workspaceOf(
			800,
			4,
			(random) => ({ growth: random.between(0, 100), noise: random.between(0, 100) }),
			(facts, random) =>
				chance(-3 + 0.06 * (facts.growth as number), random) ? 'expanded' : 'renewed'
		);
		const discovery = found(
			discoverScorecard(workspace, { scorecardId: null, target: 'expansion' })
		);
		expect(discovery.target).toBe('expansion');
		expect(discovery.scorecard.id).toBe('expansion-discovered');
		expect(added(discovery)).toEqual(['growth']);
		const growth = discovery.scorecard.groups[0]!.measures[0]!;
		// Green means ready to grow: the score rises with the growth that goes with expanding.
		expect(growth.scoring).toMatchObject({ type: 'steps', else: 0 });
		expect(growth.description).toContain('the odds of not expanding');
		expect(discovery.heldOut.after!).toBeGreaterThan(0.75);
	});

	it('starts from nothing when the first published scorecard scores too few of the outcomes', () => {
		const elsewhere = card(
			[{ id: 'g', name: 'G', measures: [measure('m', { var: 'usage' }, linear100)] }],
			{
				applies_to: { '==': [{ var: 'segment' }, 'enterprise'] }
			}
		);
		const workspace = workspaceOf(
			300,
			6,
			(random) => ({ flag: random.chance(0.3), usage: random.between(0, 100) }),
			(facts) => (facts.flag ? 'churned' : 'renewed'),
			[elsewhere]
		);
		expect(found(discoverScorecard(workspace))).toMatchObject({ start: 'empty', baseId: null });
		expect(discoverScorecard(workspace, { scorecardId: 'card' })).toEqual({
			ok: false,
			reason: 'too-few-outcomes'
		});
	});

	it('says why it cannot discover', () => {
		const workspace = workspaceOf(
			20,
			5,
			(random) => ({ usage: random.between(0, 100) }),
			() => 'renewed'
		);
		expect(discoverScorecard(workspace, { scorecardId: null })).toEqual({
			ok: false,
			reason: 'too-few-outcomes'
		});
		expect(discoverScorecard(workspace, { scorecardId: 'none' })).toEqual({
			ok: false,
			reason: 'unknown-scorecard'
		});
	});
});

describe('discoverScorecard on the sample workspace', () => {
	it('improves the held-out AUC of the shipped Scale scorecard', () => {
		const workspace = generateSample();
		const started = performance.now();
		const discovery = found(discoverScorecard(workspace));
		const took = performance.now() - started;
		const three = (value: number | null) => (value === null ? '–' : value.toFixed(3));
		console.log(
			`sample, ${discovery.baseId} at ${discovery.horizon} days: held-out AUC ` +
				`${three(discovery.heldOut.before)} → ${three(discovery.heldOut.after)} ` +
				`(${discovery.heldOut.accounts} outcomes, ${discovery.heldOut.events} churned; ` +
				`${Math.round(took)} ms)\n` +
				discovery.steps
					.map(
						(step) =>
							`  ${step.action} ${step.measureId ?? ''}: cross-validated ` +
							`${three(step.crossValidatedAuc)}, held out ${three(step.heldOutAuc)}, ` +
							`${step.measures} measures`
					)
					.join('\n')
		);
		expect(discovery.baseId).toBe('scale');
		expect(discovery.heldOut.after!).toBeGreaterThan(discovery.heldOut.before! + 0.01);
		// The generator churns accounts whose champion left, which no Scale measure reads.
		expect(added(discovery)).toContain('champion_changed');
		expectValidDraft(workspace, discovery);
	});
});
