import { describe, expect, it } from 'vitest';
import type { Scorecard } from '$lib/engine';
import { generateSample, shippedPlays } from '$lib/engine/sample';
import { PreviewModel } from '../preview/preview';
import type { Assignment } from '../preview/types';
import { publishBreaks, scoredAccounts } from './publish-check';

const sample = generateSample({ accounts: 60, weeks: 2 });
const asOf = sample.snapshots
	.map((snapshot) => snapshot.date)
	.sort()
	.at(-1)!;
const model = new PreviewModel(sample, asOf);
const published = sample.scorecards;
const scale = published.find((card) => card.id === 'scale')!;
const plays = shippedPlays();

/** A new scorecard for the Scale segment built from the shipped one, tried first (it replaces it). */
function scaleV2(change: (card: Scorecard) => void = () => {}): Scorecard {
	const card: Scorecard = {
		...structuredClone(scale),
		id: 'scale_v2',
		name: 'Scale v2',
		priority: 1,
		status: 'draft'
	};
	delete card.version;
	change(card);
	return card;
}

function breaksOf(draft: Scorecard, list = plays) {
	const own = published.find((card) => card.id === draft.id) ?? null;
	const outcome = model.preview(draft, own, { scorecards: published });
	if (!outcome.ok) throw new Error(JSON.stringify(outcome));
	return publishBreaks({
		plays: list,
		published,
		draft,
		assignment: outcome.result.assignment
	});
}

const liveScale = () => {
	const outcome = model.preview(scale, scale, { scorecards: published });
	if (!outcome.ok) throw new Error('no preview');
	return outcome.result.scored;
};

describe('the publish check', () => {
	it('reports each enabled play reading a group the accounts it reaches would lose', () => {
		// The builder's old ids: "Adoption" kept the id group_2.
		const draft = scaleV2((card) => (card.groups[1]!.id = 'group_2'));
		const breaks = breaksOf(draft);
		// In the plays' own order.
		expect(breaks.map((play) => play.id)).toEqual([
			'scale-training-invitation',
			'scale-community-invitation'
		]);
		const training = breaks.find((play) => play.id === 'scale-training-invitation')!;
		expect(training.name).toBe('Scale: invite low-adoption accounts to a live training');
		const scaleAccounts = liveScale();
		expect(scaleAccounts).toBeGreaterThan(0);
		expect(training.references).toEqual([
			{
				path: 'score.groups.adoption',
				kind: 'group',
				id: 'adoption',
				name: 'Adoption',
				lost: scaleAccounts,
				reachable: scaleAccounts
			}
		]);
		// The community play reads deployment too, which the new scorecard still has.
		const community = breaks.find((play) => play.id === 'scale-community-invitation')!;
		expect(community.references.map((reference) => reference.path)).toEqual([
			'score.groups.adoption'
		]);
	});

	it('reports nothing for a group the scorecard still has, or for a disabled play', () => {
		expect(breaksOf(scaleV2())).toEqual([]);
		const draft = scaleV2((card) => (card.groups[1]!.id = 'group_2'));
		const disabled = plays.map((play) => ({ ...play, enabled: false }));
		expect(breaksOf(draft, disabled)).toEqual([]);
	});

	it('reports nothing when the scorecard scores none of the accounts (it comes after Scale)', () => {
		const behind = scaleV2((card) => {
			card.groups[1]!.id = 'group_2';
			card.priority = 9;
		});
		expect(breaksOf(behind)).toEqual([]);
	});

	it('reports a measure taken out of a published scorecard the same way', () => {
		const play = {
			...plays[0]!,
			id: 'reads-measure',
			name: 'Reads active days',
			audience: { segments: ['scale'] },
			when: { '<': [{ var: 'score.measures.active_days' }, 50] },
			actions: []
		};
		const draft: Scorecard = structuredClone(scale);
		draft.groups[1]!.measures[0]!.id = 'usage_days';
		const breaks = breaksOf(draft, [play]);
		expect(breaks).toHaveLength(1);
		expect(breaks[0]!.references[0]).toMatchObject({
			path: 'score.measures.active_days',
			kind: 'measure',
			name: 'Active days in the last 30'
		});
	});

	it('turns the preview’s assignment into accounts with their scorecards', () => {
		const assignment: Assignment = {
			segments: ['scale', 'mid'],
			segment: Uint16Array.from([0, 1, 0]),
			cards: ['scale', 'mid'],
			before: Int16Array.from([0, 1, -1]),
			after: Int16Array.from([1, 1, 0])
		};
		expect(scoredAccounts(assignment, 'before')).toEqual([
			{ id: '0', segment: 'scale', scorecard_id: 'scale' },
			{ id: '1', segment: 'mid', scorecard_id: 'mid' },
			{ id: '2', segment: 'scale', scorecard_id: null }
		]);
		expect(scoredAccounts(assignment, 'after').map((a) => a.scorecard_id)).toEqual([
			'mid',
			'mid',
			'scale'
		]);
	});
});
