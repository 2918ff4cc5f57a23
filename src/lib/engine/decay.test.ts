import { describe, expect, it } from 'vitest';
import {
	account,
	card,
	linear100,
	measure,
	scoreWith,
	snapshot
} from '../../../tests/support/builders';
import { FactsSource, PERIODS, type Measure } from '.';
import { workspaceWith } from '../../../tests/support/workspace';

const decayed = (periods?: number): Measure => ({
	...measure('usage', { var: 'x' }, linear100),
	decay: periods ? { periods } : {}
});

describe('decay periods', () => {
	it('attach the latest snapshot of each 30-day period back from the date, none for an empty one', () => {
		const workspace = workspaceWith({
			accounts: [account('a')],
			snapshots: [
				snapshot('a', { x: 90 }, '2026-11-20'),
				snapshot('a', { x: 80 }, '2026-11-01'),
				// nothing between 2026-09-25 and 2026-10-24
				snapshot('a', { x: 40 }, '2026-09-20'),
				snapshot('a', { x: 30 }, '2026-09-01')
			]
		});
		const facts = new FactsSource(workspace, { decayPeriods: 4 }).on(
			workspace.accounts[0]!,
			'2026-11-23'
		);
		const periods = facts[PERIODS]!;
		expect(periods.map((p) => p?.x)).toEqual([90, undefined, 40, undefined]);
		expect(periods[0]).toBe(facts);
	});
});

describe.each(['function', 'closure'] as const)('a decayed measure (%s backend)', (backend) => {
	const score = scoreWith(backend);

	it('averages the periods with weights 1, ½, ¼, … and skips periods without data', () => {
		const [result] = score({
			accounts: [account('a')],
			snapshots: [
				snapshot('a', { x: 90 }, '2026-11-20'),
				snapshot('a', { x: 40 }, '2026-09-20'),
				snapshot('a', { x: 10 }, '2026-08-20')
			],
			scorecards: [card([{ id: 'g', name: 'G', measures: [decayed(4)] }])]
		});
		// periods: 90 (w 1), none (w ½), 40 (w ¼), 10 (w ⅛)
		const expected = (1 * 90 + 0.25 * 40 + 0.125 * 10) / (1 + 0.25 + 0.125);
		expect(result!.measures.usage!.value).toBeCloseTo(expected, 12);
		expect(result!.overall).toBeCloseTo(expected, 12);
	});

	it('uses six periods by default and is missing when no period has data', () => {
		const [recent, stale] = score({
			accounts: [account('recent'), account('stale')],
			snapshots: [
				...[0, 1, 2, 3, 4, 5, 6].map((i) =>
					snapshot(
						'recent',
						{ x: 100 - 10 * i },
						[
							'2026-11-20',
							'2026-10-20',
							'2026-09-20',
							'2026-08-20',
							'2026-07-20',
							'2026-06-20',
							'2026-05-20'
						][i]
					)
				),
				snapshot('stale', { x: 50 }, '2026-01-01')
			],
			scorecards: [card([{ id: 'g', name: 'G', measures: [decayed()] }])]
		});
		const weights = [1, 1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32];
		const values = [100, 90, 80, 70, 60, 50];
		const expected =
			weights.reduce((sum, w, i) => sum + w * values[i]!, 0) / weights.reduce((a, b) => a + b, 0);
		expect(recent!.measures.usage!.value).toBeCloseTo(expected, 12);
		expect(stale).toMatchObject({ overall: null, missing: ['usage'] });
	});
});
