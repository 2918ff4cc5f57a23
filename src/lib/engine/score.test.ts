import { describe, expect, it } from 'vitest';
import { exampleWorkspace, workspaceWith } from '../../../tests/support/workspace';
import {
	parseWorkspace,
	scoreWorkspace,
	type Account,
	type Measure,
	type Scorecard,
	type Snapshot
} from '.';

const AS_OF = '2026-11-23';

const account = (id: string, extra: Partial<Account> = {}): Account => ({
	id,
	name: id,
	segment: 'scale',
	...extra
});
const snapshot = (
	accountId: string,
	metrics: Snapshot['metrics'],
	date = '2026-11-01'
): Snapshot => ({
	account_id: accountId,
	date,
	metrics
});
const measure = (
	id: string,
	value: Measure['value'],
	scoring: Measure['scoring'],
	weight = 1
): Measure => ({
	id,
	name: id,
	weight,
	value,
	scoring
});
const linear100: Measure['scoring'] = {
	type: 'linear',
	points: [
		[0, 0],
		[100, 100]
	]
};

function card(groups: Scorecard['groups'], extra: Partial<Scorecard> = {}): Scorecard {
	return { id: 'card', name: 'Card', groups, ...extra };
}

describe.each(['function', 'closure'] as const)('scoring (%s backend)', (backend) => {
	const score = (parts: Parameters<typeof workspaceWith>[0], asOf = AS_OF) => {
		const workspace = workspaceWith(parts);
		const parsed = parseWorkspace(workspace);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		return scoreWorkspace(parsed.value, asOf, { backend });
	};

	it('scores the example workspace as the issue states', () => {
		const parsed = parseWorkspace(exampleWorkspace());
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const [acme, globex] = scoreWorkspace(parsed.value, AS_OF, { backend });
		expect(acme).toMatchObject({
			account_id: 'acme',
			scorecard_id: 'scale',
			overall: 90,
			band: 'Green',
			groups: { deployment: 95, adoption: 85 },
			measures: {
				seat_penetration: { value: 0.9, score: 95 },
				active_days: { value: 16, score: 85 }
			},
			missing: []
		});
		expect(globex).toMatchObject({
			overall: 40,
			band: 'Orange',
			measures: {
				seat_penetration: { value: 0.4, score: 60 },
				active_days: { value: 2, score: 20 }
			}
		});
	});

	it('treats a measure whose fact is absent as missing, not as a zero from null / n', () => {
		const example = exampleWorkspace();
		const [result] = score({
			accounts: [account('a', { facts: { seats_purchased: 20 } })],
			snapshots: [snapshot('a', { active_days_30d: 12 })],
			scorecards: example.scorecards
		});
		expect(result!.measures.seat_penetration).toEqual({
			value: null,
			score: null,
			weight_share: 0
		});
		expect(result!.missing).toEqual(['seat_penetration']);
		// the Deployment group is left out and Adoption carries the whole score
		expect(result!.groups).toEqual({ deployment: null, adoption: 70 });
		expect(result!.overall).toBe(70);
		expect(result!.measures.active_days!.weight_share).toBe(1);
	});

	it('treats a null fact and a division by zero as missing', () => {
		const example = exampleWorkspace();
		const results = score({
			accounts: [
				account('nullish', { facts: { seats_purchased: 20 } }),
				account('zero', { facts: { seats_purchased: 0 } }),
				account('nan', { facts: { seats_purchased: 0 } })
			],
			snapshots: [
				snapshot('nullish', { seats_active: null, active_days_30d: 4 }),
				snapshot('zero', { seats_active: 5, active_days_30d: 4 }),
				snapshot('nan', { seats_active: 0, active_days_30d: 4 })
			],
			scorecards: example.scorecards
		});
		for (const result of results) {
			expect(result.missing).toEqual(['seat_penetration']);
			expect(result.overall).toBe(40);
		}
	});

	it('gives an account with no data at all no score and the band "No data"', () => {
		const [result] = score({
			accounts: [account('empty')],
			scorecards: exampleWorkspace().scorecards
		});
		expect(result).toMatchObject({
			scorecard_id: 'scale',
			overall: null,
			band: 'No data',
			missing: ['seat_penetration', 'active_days']
		});
	});

	it('reports an account no scorecard applies to as unscored', () => {
		const results = score({
			accounts: [account('a'), account('b', { segment: 'enterprise' })],
			scorecards: exampleWorkspace().scorecards
		});
		expect(results).toHaveLength(2);
		expect(results[1]).toEqual({
			account_id: 'b',
			scorecard_id: null,
			overall: null,
			band: null,
			groups: {},
			measures: {},
			missing: []
		});
	});

	it('renormalises the weights of the measures present within a group', () => {
		const [result] = score({
			accounts: [account('a')],
			snapshots: [snapshot('a', { x: 90, y: 30 })],
			scorecards: [
				card([
					{
						id: 'g',
						name: 'G',
						weight: 1,
						measures: [
							measure('x', { var: 'x' }, linear100, 3),
							measure('y', { var: 'y' }, linear100, 1),
							measure('z', { var: 'z' }, linear100, 6)
						]
					}
				])
			]
		});
		expect(result!.overall).toBe((3 * 90 + 1 * 30) / 4);
		expect(result!.measures.x!.weight_share).toBe(0.75);
		expect(result!.measures.z!.weight_share).toBe(0);
	});

	it('weights groups and spreads each measure’s share of the overall score', () => {
		const [result] = score({
			accounts: [account('a')],
			snapshots: [snapshot('a', { p: 80, r1: 50, r2: 70, b: 20 })],
			scorecards: [
				card([
					{
						id: 'product',
						name: 'Product',
						weight: 40,
						measures: [measure('p', { var: 'p' }, linear100)]
					},
					{
						id: 'relationship',
						name: 'Relationship',
						weight: 30,
						measures: [
							measure('r1', { var: 'r1' }, linear100),
							measure('r2', { var: 'r2' }, linear100)
						]
					},
					{
						id: 'business',
						name: 'Business',
						weight: 30,
						measures: [measure('b', { var: 'b' }, linear100)]
					}
				])
			]
		});
		expect(result!.groups).toEqual({ product: 80, relationship: 60, business: 20 });
		expect(result!.overall).toBeCloseTo(0.4 * 80 + 0.3 * 60 + 0.3 * 20, 12);
		const shares = Object.values(result!.measures).map((m) => m.weight_share);
		expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		expect(result!.measures.r1!.weight_share).toBeCloseTo(0.15, 12);
	});

	it('matches steps in their order, with min or max, and falls back to else', () => {
		const tickets = measure(
			'tickets',
			{ var: 'open_tickets' },
			{
				type: 'steps',
				steps: [
					{ max: 1, score: 90 },
					{ max: 3, score: 60 },
					{ min: 10, score: 5 }
				],
				else: 30
			}
		);
		const results = score({
			accounts: [0, 3, 5, 12].map((n) => account(`t${n}`)),
			snapshots: [0, 3, 5, 12].map((n) => snapshot(`t${n}`, { open_tickets: n })),
			scorecards: [card([{ id: 'g', name: 'G', measures: [tickets] }])]
		});
		expect(results.map((r) => r.overall)).toEqual([90, 60, 30, 5]);
	});

	it('scores 0 when no step matches and there is no else', () => {
		const [result] = score({
			accounts: [account('a')],
			snapshots: [snapshot('a', { x: 0.1 })],
			scorecards: [
				card([
					{
						id: 'g',
						name: 'G',
						measures: [
							measure('x', { var: 'x' }, { type: 'steps', steps: [{ min: 0.5, score: 80 }] })
						]
					}
				])
			]
		});
		expect(result!.overall).toBe(0);
	});

	it('interpolates linear points and clamps outside them and to 0..100', () => {
		const curve = measure(
			'x',
			{ var: 'x' },
			{
				type: 'linear',
				points: [
					[10, 20],
					[20, 60],
					[30, 150]
				]
			}
		);
		const values = [0, 10, 15, 20, 25, 40];
		const results = score({
			accounts: values.map((n) => account(`a${n}`)),
			snapshots: values.map((n) => snapshot(`a${n}`, { x: n })),
			scorecards: [card([{ id: 'g', name: 'G', measures: [curve] }])]
		});
		expect(results.map((r) => r.overall)).toEqual([20, 20, 40, 60, 100, 100]);
	});

	it('maps booleans and categories to points, with else', () => {
		const sponsor = measure(
			'sponsor',
			{ var: 'exec_sponsor_engaged' },
			{ type: 'map', map: { true: 90, false: 30 } }
		);
		const plan = measure(
			'plan',
			{ var: 'plan' },
			{ type: 'map', map: { gold: 100, silver: 70 }, else: 10 }
		);
		const results = score({
			accounts: [
				account('a', { facts: { plan: 'gold' } }),
				account('b', { facts: { plan: 'bronze' } })
			],
			snapshots: [
				snapshot('a', { exec_sponsor_engaged: true }),
				snapshot('b', { exec_sponsor_engaged: false })
			],
			scorecards: [card([{ id: 'g', name: 'G', measures: [sponsor, plan] }])]
		});
		expect(results.map((r) => [r.measures.sponsor!.score, r.measures.plan!.score])).toEqual([
			[90, 100],
			[30, 10]
		]);
	});

	it('runs a logic scoring rule that sees the value and the facts, clamped to 0..100', () => {
		const custom = measure(
			'nps',
			{ var: 'nps' },
			{
				type: 'logic',
				logic: { '*': [{ '+': [{ var: 'value' }, 100] }, { var: 'multiplier' }] }
			}
		);
		const results = score({
			accounts: [
				account('a', { facts: { multiplier: 0.5 } }),
				account('b', { facts: { multiplier: 2 } })
			],
			snapshots: [snapshot('a', { nps: 20 }), snapshot('b', { nps: 20 })],
			scorecards: [card([{ id: 'g', name: 'G', measures: [custom] }])]
		});
		expect(results.map((r) => r.overall)).toEqual([60, 100]);
	});

	it('uses a var default for an absent fact but keeps a null fact missing', () => {
		const withDefault = measure('logins', { var: ['logins_30d', 0] }, linear100);
		const results = score({
			accounts: [account('absent'), account('null')],
			snapshots: [snapshot('absent', {}), snapshot('null', { logins_30d: null })],
			scorecards: [card([{ id: 'g', name: 'G', measures: [withDefault] }])]
		});
		expect(results[0]).toMatchObject({ overall: 0, missing: [] });
		expect(results[1]).toMatchObject({ overall: null, band: 'No data', missing: ['logins'] });
	});

	it('reads facts from the latest snapshot on or before the as-of date, over facts, over top-level fields', () => {
		const read = (name: string) => measure(name, { var: name }, linear100);
		const results = score(
			{
				accounts: [account('a', { arr: 10, facts: { arr: 20, usage: 30 } })],
				snapshots: [
					snapshot('a', { usage: 40 }, '2026-10-01'),
					snapshot('a', { usage: 50, arr: 60 }, '2026-11-01'),
					snapshot('a', { usage: 99 }, '2026-12-01')
				],
				scorecards: [card([{ id: 'g', name: 'G', measures: [read('arr'), read('usage')] }])]
			},
			'2026-11-15'
		);
		expect(results[0]!.measures.arr!.value).toBe(60);
		expect(results[0]!.measures.usage!.value).toBe(50);
		const earlier = score(
			{
				accounts: [account('a', { arr: 10, facts: { arr: 20 } })],
				snapshots: [snapshot('a', { usage: 40 }, '2026-10-01')],
				scorecards: [card([{ id: 'g', name: 'G', measures: [read('arr'), read('usage')] }])]
			},
			'2026-09-30'
		);
		expect(earlier[0]!.measures.arr!.value).toBe(20);
		expect(earlier[0]!.missing).toEqual(['usage']);
	});

	it('picks the first applicable published scorecard by priority', () => {
		const one = (id: string, extra: Partial<Scorecard>) =>
			card([{ id: 'g', name: 'G', measures: [measure('x', id === 'low' ? 10 : 90, linear100)] }], {
				id,
				...extra
			});
		const results = score({
			accounts: [account('a')],
			scorecards: [
				one('high', { priority: 5 }),
				one('draft', { priority: 0, status: 'draft' }),
				one('low', { priority: 1, applies_to: { '==': [{ var: 'segment' }, 'scale'] } })
			]
		});
		expect(results[0]!.scorecard_id).toBe('low');
	});

	it('bands by the highest threshold reached, using the scorecard’s own bands', () => {
		const bands = [
			{ name: 'At risk', min: 10 },
			{ name: 'Healthy', min: 70 }
		];
		const results = score({
			accounts: [5, 10, 69.99, 70].map((n) => account(`a${n}`)),
			snapshots: [5, 10, 69.99, 70].map((n) => snapshot(`a${n}`, { x: n })),
			scorecards: [
				card([{ id: 'g', name: 'G', measures: [measure('x', { var: 'x' }, linear100)] }], { bands })
			]
		});
		expect(results.map((r) => r.band)).toEqual(['At risk', 'At risk', 'At risk', 'Healthy']);
	});

	it('uses the default bands Red 0, Orange 40, Yellow 60, Green 80', () => {
		const scores = [0, 39.9, 40, 59.9, 60, 79.9, 80, 100];
		const results = score({
			accounts: scores.map((n, i) => account(`a${i}`)),
			snapshots: scores.map((n, i) => snapshot(`a${i}`, { x: n })),
			scorecards: [
				card([{ id: 'g', name: 'G', measures: [measure('x', { var: 'x' }, linear100)] }])
			]
		});
		expect(results.map((r) => r.band)).toEqual([
			'Red',
			'Red',
			'Orange',
			'Orange',
			'Yellow',
			'Yellow',
			'Green',
			'Green'
		]);
	});

	it('leaves a measure out when its rule throws on the data', () => {
		const risky = measure('risky', { missing_some: [1, { var: 'absent_list' }] }, linear100);
		const [result] = score({
			accounts: [account('a')],
			snapshots: [snapshot('a', { x: 50 })],
			scorecards: [
				card([{ id: 'g', name: 'G', measures: [risky, measure('x', { var: 'x' }, linear100)] }])
			]
		});
		expect(result!.missing).toEqual(['risky']);
		expect(result!.overall).toBe(50);
	});
});
