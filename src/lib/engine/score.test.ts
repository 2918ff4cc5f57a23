import { describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../../../tests/support/workspace';
import {
	account,
	AS_OF,
	card,
	linear100,
	measure,
	scoreWith,
	snapshot
} from '../../../tests/support/builders';
import { parseWorkspace, scoreWorkspace, type Scorecard } from '.';

describe.each(['function', 'closure'] as const)('scoring a workspace (%s backend)', (backend) => {
	const score = scoreWith(backend);

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
});
