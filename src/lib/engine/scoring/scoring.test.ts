import { describe, expect, it } from 'vitest';
import {
	account,
	AS_OF,
	card,
	linear100,
	measure,
	scoreWith,
	snapshot
} from '../../../../tests/support/builders';
import { workspaceWith } from '../../../../tests/support/workspace';
import { accountFacts } from '../facts';
import { scoreWorkspace } from '../score';
import { compileScorecard } from '.';
import { NO_DATA } from './measure';

describe.each(['function', 'closure'] as const)('scoring a measure (%s backend)', (backend) => {
	const score = scoreWith(backend);

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

	it('never gives a NaN overall: weights whose sum overflows leave it out (load refuses them)', () => {
		const huge = card([
			{ id: 'g1', name: 'G1', weight: 1e308, measures: [measure('x', { var: 'x' }, linear100)] },
			{ id: 'g2', name: 'G2', weight: 1e308, measures: [measure('y', { var: 'x' }, linear100)] }
		]);
		const accounts = [account('a')];
		const snapshots = [snapshot('a', { x: 50 })];
		// Scored as it is, not through parseWorkspace, which refuses a weight past 1,000,000.
		const workspace = workspaceWith({ accounts, snapshots, scorecards: [huge] });
		const [result] = scoreWorkspace(workspace, AS_OF, { backend });
		expect(result!.groups).toEqual({ g1: 50, g2: 50 });
		expect(result!.overall).toBeNull();
		expect(result!.band).toBe(NO_DATA);
		const out = new Float64Array(5);
		compileScorecard(huge, backend).scoreInto(accountFacts(accounts[0]!, snapshots[0]), out);
		expect([...out]).toEqual([NaN, 50, 50, 50, 50]);
	});
});
