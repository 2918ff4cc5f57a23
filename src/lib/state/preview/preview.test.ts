import { describe, expect, it } from 'vitest';
import type { ManualEntry } from '$lib/engine';
import { account, AS_OF, measure, snapshot } from '../../../../tests/support/builders';
import { workspaceWith } from '../../../../tests/support/workspace';
import { PreviewModel } from './preview';
import { preview, usageCard, usageWorkspace } from './testing';

describe('PreviewModel', () => {
	it('counts the accounts the draft applies to and their bands', () => {
		const result = preview(new PreviewModel(usageWorkspace(), AS_OF), usageCard(80), null);
		expect(result.accounts).toBe(6);
		expect(result.matching).toBe(5);
		// Scores 10, 10, 50, 50, 90: Red, Red, Orange, Orange, Green.
		expect(result.bands.map((band) => [band.name, band.count])).toEqual([
			['Red', 2],
			['Orange', 2],
			['Yellow', 0],
			['Green', 1]
		]);
		expect(result.noData).toBe(0);
		expect(result.changes).toBeNull();
		expect(result.todayHistogram).toBeNull();
		expect(result.scored).toBe(5);
		expect(result.lostTo).toEqual([]);
		expect(result.fields).toEqual(expect.arrayContaining(['usage', 'segment', 'name']));
	});

	it('puts overall scores in 5-point bins, 100 in the last', () => {
		const draft = usageCard(80);
		draft.groups[0]!.measures[0]!.scoring = {
			type: 'linear',
			points: [
				[0, 0],
				[90, 100]
			]
		};
		const { histogram } = preview(new PreviewModel(usageWorkspace(), AS_OF), draft, null);
		expect(histogram.edges).toHaveLength(21);
		expect(histogram.edges[0]).toBe(0);
		expect(histogram.edges[20]).toBe(100);
		// 10/90·100 = 11.1, 33.3, 55.6, 77.8, 100.
		const filled = histogram.counts.flatMap((count, bin) => (count ? [[bin, count]] : []));
		expect(filled).toEqual([
			[2, 1],
			[6, 1],
			[11, 1],
			[15, 1],
			[19, 1]
		]);
	});

	it('counts the accounts that move band against the published version, up and down', () => {
		const model = new PreviewModel(usageWorkspace(), AS_OF);
		// Green from 60: D (70) moves Orange → Green.
		const lower = preview(model, usageCard(60), usageCard(80));
		expect(lower.changes).toMatchObject({ moved: 1, up: 1, down: 0, entered: 0, left: 0 });
		expect(lower.changes!.moves).toEqual([
			{
				accountId: 'd',
				name: 'Account D',
				from: 'Orange',
				to: 'Green',
				direction: 'up',
				fromScore: 50,
				toScore: 90
			}
		]);
		expect(lower.bands.map((band) => [band.name, band.count, band.today])).toEqual([
			['Red', 2, 2],
			['Orange', 1, 2],
			['Yellow', 0, 0],
			['Green', 2, 1]
		]);
		// Green from 95: E (90) moves Green → Orange.
		const higher = preview(model, usageCard(95), usageCard(80));
		expect(higher.changes).toMatchObject({ moved: 1, up: 0, down: 1 });
		expect(higher.changes!.moves[0]).toMatchObject({ accountId: 'e', from: 'Green', to: 'Orange' });
	});

	it('counts accounts entering and leaving the scorecard apart from band moves', () => {
		const model = new PreviewModel(usageWorkspace(), AS_OF);
		const everyone = usageCard(80, { applies_to: undefined });
		const result = preview(model, everyone, usageCard(80));
		expect(result.matching).toBe(6);
		expect(result.changes).toMatchObject({ moved: 0, entered: 1, left: 0 });
		const back = preview(model, usageCard(80), everyone);
		expect(back.changes).toMatchObject({ moved: 0, entered: 0, left: 1 });
	});

	it('does not count a band renamed at the same threshold as a move', () => {
		const bands = [
			{ name: 'At risk', min: 0 },
			{ name: 'Orange', min: 40 },
			{ name: 'Yellow', min: 60 },
			{ name: 'Green', min: 80 }
		];
		const result = preview(
			new PreviewModel(usageWorkspace(), AS_OF),
			usageCard(80, { bands }),
			usageCard(80)
		);
		expect(result.changes).toMatchObject({ moved: 0, up: 0, down: 0 });
	});

	it('counts a move from no data to a band as up', () => {
		const published = usageCard(80);
		published.groups[0]!.measures[0]!.value = { var: 'other' };
		const result = preview(new PreviewModel(usageWorkspace(), AS_OF), usageCard(80), published);
		expect(result.changes).toMatchObject({ moved: 5, up: 5, down: 0 });
		expect(result.changes!.moves[0]).toMatchObject({ from: 'No data', fromScore: null });
	});

	it('gives each measure its coverage and the histogram of its raw values', () => {
		const draft = usageCard(80);
		draft.groups[0]!.measures.push(measure('seats', { var: 'seats' }, { type: 'map', map: {} }));
		const result = preview(new PreviewModel(usageWorkspace(), AS_OF), draft, null);
		const usage = result.measures.usage!;
		expect(usage).toMatchObject({ accounts: 5, present: 5, missing: 0, stale: 0, coverage: 1 });
		expect(usage.numbers).toMatchObject({ count: 5, min: 10, max: 90 });
		const { edges, counts } = usage.numbers!.histogram;
		expect(edges).toHaveLength(21);
		expect(edges[0]).toBe(10);
		expect(edges[20]).toBe(90);
		expect(counts.reduce((a, b) => a + b)).toBe(5);
		expect(counts[0]).toBe(1);
		expect(counts[19]).toBe(1);
		expect(result.measures.seats).toMatchObject({
			present: 0,
			missing: 5,
			coverage: 0,
			numbers: null
		});
	});

	it('bins few whole numbers one bin per number, and lists text values by count', () => {
		const workspace = workspaceWith({
			accounts: ['a', 'b', 'c', 'd'].map((id) => account(id)),
			snapshots: [
				snapshot('a', { days: 2, plan: 'pro' }),
				snapshot('b', { days: 2, plan: 'pro' }),
				snapshot('c', { days: 4, plan: 'basic' }),
				snapshot('d', { days: 5, plan: true })
			]
		});
		const draft = usageCard(80, { applies_to: undefined });
		draft.groups[0]!.measures = [
			measure('days', { var: 'days' }, { type: 'linear', points: [[0, 0]] }),
			measure('plan', { var: 'plan' }, { type: 'map', map: { pro: 100 } })
		];
		const result = preview(new PreviewModel(workspace, AS_OF), draft, null);
		expect(result.measures.days!.numbers!.histogram).toEqual({
			edges: [1.5, 2.5, 3.5, 4.5, 5.5],
			counts: [2, 0, 1, 1]
		});
		expect(result.measures.plan!.texts).toEqual([
			{ value: 'pro', count: 2 },
			{ value: 'basic', count: 1 },
			{ value: 'true', count: 1 }
		]);
		expect(result.measures.plan!.distinct).toBe(3);
	});

	it('counts stale manual entries apart from missing ones', () => {
		const entry = (accountId: string, day: string, value: number): ManualEntry => ({
			account_id: accountId,
			measure_id: 'relationship',
			value,
			entered_by: 'Kim',
			entered_at: `${day}T10:00:00Z`
		});
		const workspace = usageWorkspace({
			manual_entries: [
				entry('a', '2026-11-20', 80),
				entry('b', '2026-11-01', 60),
				// 53 days old on the as-of date: stale with 30 days of validity.
				entry('c', '2026-10-01', 40)
			]
		});
		const draft = usageCard(80);
		draft.groups[0]!.measures.push({
			...measure(
				'relationship',
				{ var: 'manual.relationship' },
				{
					type: 'linear',
					points: [
						[0, 0],
						[100, 100]
					]
				}
			),
			manual: { validity_days: 30 }
		});
		const result = preview(new PreviewModel(workspace, AS_OF), draft, null);
		expect(result.measures.relationship).toMatchObject({
			accounts: 5,
			present: 2,
			stale: 1,
			missing: 2,
			coverage: 0.4
		});
	});

	it('leaves churned accounts out', () => {
		const workspace = usageWorkspace();
		workspace.outcomes.push({ account_id: 'a', date: '2026-10-01', type: 'churned' });
		const result = preview(new PreviewModel(workspace, AS_OF), usageCard(80), null);
		expect(result.accounts).toBe(5);
		expect(result.matching).toBe(4);
	});

	it('answers an invalid draft with its problems, scoring nothing', () => {
		const draft = usageCard(80);
		draft.groups[0]!.measures[0]!.value = { nope: [1] };
		const outcome = new PreviewModel(usageWorkspace(), AS_OF).preview(draft, null);
		expect(outcome).toMatchObject({ ok: false, reason: 'invalid' });
		expect(outcome.ok === false && outcome.reason === 'invalid' && outcome.issues[0]!.path).toBe(
			'groups[0].measures[0].value.nope'
		);
	});

	it('scores decayed measures over their periods, the facts rebuilt when first needed', () => {
		const workspace = workspaceWith({
			accounts: [account('a')],
			snapshots: [
				snapshot('a', { usage: 100 }, '2026-11-20'),
				snapshot('a', { usage: 40 }, '2026-10-15')
			]
		});
		const model = new PreviewModel(workspace, AS_OF);
		const plain = usageCard(80);
		expect(preview(model, plain, null).measures.usage!.numbers!.min).toBe(100);
		const decayed = usageCard(80);
		decayed.groups[0]!.measures[0]!.decay = { periods: 2 };
		// (100·1 + 40·½) / 1.5 = 80.
		expect(preview(model, decayed, null).measures.usage!.numbers!.min).toBeCloseTo(80);
	});

	it('never changes the scorecards it is given', () => {
		const draft = usageCard(60);
		const published = usageCard(80);
		const copies = structuredClone([draft, published]);
		preview(new PreviewModel(usageWorkspace(), AS_OF), draft, published);
		expect([draft, published]).toEqual(copies);
	});
});
