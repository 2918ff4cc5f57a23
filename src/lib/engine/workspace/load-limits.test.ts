/**
 * What an attacker's workspace gets at load: every input past a stated limit refused with its
 * path, before anything that recurses or overflows sees it.
 */
import { describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import type { Play } from '../types';
import { parsePlay, parseWorkspace } from './load';

type Editable = ReturnType<typeof exampleWorkspace> & Record<string, unknown>;

function errorsAfter(edit: (workspace: Editable) => void): string[] {
	const workspace = exampleWorkspace() as Editable;
	edit(workspace);
	const result = parseWorkspace(workspace);
	if (result.ok) throw new Error('expected the workspace to be refused');
	return result.errors.map((error) => `${error.path}: ${error.message}`);
}

/** A value `levels` objects deep, built without recursion. */
function nested(levels: number, leaf: unknown = 1): unknown {
	let value = leaf;
	for (let i = 0; i < levels; i++) value = { '+': [value, 1] };
	return value;
}

describe('a workspace nested too deep', () => {
	it('is refused with the path of a rule nested 1,000 deep, before the schema recurses', () => {
		expect(
			errorsAfter((w) => {
				w.scorecards[0]!.groups[1]!.measures[0]!.scoring = {
					type: 'logic',
					logic: nested(1000, { var: 'value' }) as never
				};
			})
		).toEqual(['scorecards[0].groups[1].measures[0].scoring.logic: nested deeper than 64 levels']);
		expect(
			errorsAfter((w) => {
				w.plays[0]!.when = nested(40) as never;
				w.scorecards[0]!.applies_to = nested(100_000) as never;
			})
		).toEqual([
			'scorecards[0].applies_to: nested deeper than 64 levels',
			'plays[0].when: nested deeper than 64 levels'
		]);
	});

	it('is refused past 100 levels anywhere else, with the start of the path', () => {
		expect(
			errorsAfter((w) => {
				w.accounts[0]!.facts = { profile: nested(5000) as never };
			})
		).toEqual(['accounts[0].facts.profile["+"][0]["+"][0]…: nested deeper than 100 levels']);
	});

	it('in a play saved on its own', () => {
		const play = structuredClone(exampleWorkspace().plays[0]!) as Play;
		play.when = nested(1000) as never;
		expect(parsePlay(play, exampleWorkspace().scorecards)).toMatchObject({
			ok: false,
			errors: [{ path: 'when', message: 'nested deeper than 64 levels' }]
		});
	});
});

describe('long lists', () => {
	it('in a rule: at most 10,000 items, at the path of the list', () => {
		expect(
			errorsAfter((w) => {
				w.scorecards[0]!.applies_to = { max: Array.from({ length: 500_000 }, (_, i) => i) };
			})
		).toEqual([
			'scorecards[0].applies_to.max: a list of 500000 items: at most 10000 are allowed in a rule'
		]);
	});

	it('in a scoring table or the bands: at most 1,000 entries', () => {
		expect(
			errorsAfter((w) => {
				const measure = w.scorecards[0]!.groups[0]!.measures[0]!;
				measure.scoring = {
					type: 'steps',
					steps: Array.from({ length: 5000 }, (_, i) => ({ min: 5000 - i, score: 50 }))
				};
				w.scorecards[0]!.bands = Array.from({ length: 1001 }, (_, i) => ({
					name: `b${i}`,
					min: i / 20
				}));
			})
		).toEqual([
			'scorecards[0].bands: expected at most 1000 items',
			'scorecards[0].groups[0].measures[0].scoring.steps: expected at most 1000 items'
		]);
	});
});

describe('weights', () => {
	it('are finite and at most 1,000,000, for groups and measures', () => {
		expect(
			errorsAfter((w) => {
				w.scorecards[0]!.groups[0]!.weight = 1e308;
				w.scorecards[0]!.groups[1]!.weight = 1e308;
				w.scorecards[0]!.groups[1]!.measures[0]!.weight = 1_000_001;
			})
		).toEqual([
			'scorecards[0].groups[0].weight: expected <= 1000000',
			'scorecards[0].groups[1].weight: expected <= 1000000',
			'scorecards[0].groups[1].measures[0].weight: expected <= 1000000'
		]);
		const result = parseWorkspace(
			JSON.parse(
				JSON.stringify(exampleWorkspace()).replace('"weight":50', '"weight":1e999')
			) as unknown
		);
		expect(result.ok).toBe(false);
	});
});

describe('dates and times', () => {
	it('that do not exist are refused, naming the field and the value', () => {
		expect(
			errorsAfter((w) => {
				w.contacts[0]!.last_seen = '2026-02-30T10:00:00Z';
				w.contacts[1]!.unsubscribed_at = '2026-03-01T24:00:00Z';
				w.accounts[0]!.renewal_date = '2027-02-29';
			})
		).toEqual([
			'accounts[0].renewal_date: no such date: "2027-02-29"',
			'contacts[0].last_seen: no such date: "2026-02-30T10:00:00Z"',
			'contacts[1].unsubscribed_at: no such time: "2026-03-01T24:00:00Z"'
		]);
	});
});
