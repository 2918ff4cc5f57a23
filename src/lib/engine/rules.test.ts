/** The scorecards shipped in `rules/`: valid, scoring the sample, and scoring known facts as designed. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceWith } from '../../../tests/support/workspace';
import {
	compileScorecards,
	parseWorkspace,
	scoreFacts,
	scoreWorkspace,
	varsRead,
	type Facts,
	type Scorecard
} from '.';
import { generateSample, SAMPLE_END, shippedScorecards } from './sample';

const files = readdirSync('rules')
	.filter((name) => name.endsWith('.json'))
	.sort();
const cards = new Map(
	files.map((name) => [name, JSON.parse(readFileSync(join('rules', name), 'utf8')) as Scorecard])
);
const sample = generateSample({ accounts: 600 });

describe.each(files)('rules/%s', (file) => {
	const card = cards.get(file)!;

	it('is a valid, published scorecard named after its file, with explicit bands', () => {
		const parsed = parseWorkspace(workspaceWith({ scorecards: [card] }));
		expect(parsed.ok ? [] : parsed.errors).toEqual([]);
		expect(`${card.id}.json`).toBe(file);
		expect(card).toMatchObject({
			status: 'published',
			version: expect.any(Number),
			description: expect.any(String)
		});
		expect(card.bands?.map((band) => [band.name, band.min])).toEqual([
			['Red', 0],
			['Orange', 40],
			['Yellow', 60],
			['Green', 80]
		]);
		expect(card.bands?.every((band) => /^#[0-9a-f]{6}$/i.test(band.color ?? ''))).toBe(true);
	});

	it('reads only facts and metrics the sample has', () => {
		const known = new Set([
			...sample.accounts.flatMap((account) => [
				...Object.keys(account),
				...Object.keys(account.facts ?? {})
			]),
			...sample.snapshots.slice(0, 500).flatMap((snapshot) => Object.keys(snapshot.metrics))
		]);
		const read = card.groups.flatMap((group) =>
			group.measures.flatMap((measure) => varsRead(measure.value))
		);
		expect(read.filter((name) => !known.has(name))).toEqual([]);
	});

	it('scores its share of the sample, nearly all with data', () => {
		const results = scoreWorkspace({ ...sample, scorecards: [card] }, SAMPLE_END).filter(
			(result) => result.scorecard_id === card.id
		);
		expect(results.length).toBeGreaterThan(50);
		const noData = results.filter((result) => result.band === 'No data').length;
		expect(noData / results.length).toBeLessThanOrEqual(0.02);
		// Every measure has data for some account: none reads a metric under the wrong name.
		for (const measure of card.groups.flatMap((group) => group.measures)) {
			expect(
				results.some((result) => result.measures[measure.id]?.score !== null),
				measure.id
			).toBe(true);
		}
	});
});

it('ships the files the sample workspace carries, in priority order', () => {
	const byPriority = [...cards.values()].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
	expect(shippedScorecards()).toEqual(byPriority);
	expect(byPriority.map((card) => card.id)).toEqual([
		'scale',
		'enterprise-dream',
		'three-dimensions'
	]);
});

interface Case {
	description: string;
	scorecard: string;
	facts: Facts;
	expected: {
		overall?: number | null;
		band?: string;
		groups?: Record<string, number | null>;
		measures?: Record<string, number | null>;
	};
}

/** Known facts and what each shipped scorecard must make of them. */
const cases: Case[] = [
	{
		description: 'Scale: the example workspace account Acme (18 of 20 seats, 16 active days)',
		scorecard: 'scale',
		facts: { segment: 'scale', seats_purchased: 20, seats_active: 18, active_days_30d: 16 },
		expected: { overall: 90, band: 'Green', groups: { deployment: 95, adoption: 85 } }
	},
	{
		description: 'Scale: 8 of 20 seats and 2 active days is Orange',
		scorecard: 'scale',
		facts: { segment: 'scale', seats_purchased: 20, seats_active: 8, active_days_30d: 2 },
		expected: { overall: 40, band: 'Orange' }
	},
	{
		description:
			'Mid: login frequency lands in the field bands (daily, weekly, fortnightly, monthly, never)',
		scorecard: 'three-dimensions',
		facts: { segment: 'mid', active_days_30d: 20 },
		expected: { measures: { login_frequency: 90 } }
	},
	{
		description: 'Mid: weekly use scores 70',
		scorecard: 'three-dimensions',
		facts: { segment: 'mid', active_days_30d: 4 },
		expected: { measures: { login_frequency: 70 } }
	},
	{
		description:
			'Mid: use every two weeks scores 50, and nothing else known makes it the overall score',
		scorecard: 'three-dimensions',
		facts: { segment: 'mid', active_days_30d: 2 },
		expected: {
			overall: 50,
			band: 'Orange',
			groups: { product: 50, relationship: null, business: null }
		}
	},
	{
		description: 'Mid: monthly use scores 30; no active seat scores 0 on penetration',
		scorecard: 'three-dimensions',
		facts: { segment: 'mid', active_days_30d: 1, seats_purchased: 100, seats_active: 0 },
		expected: { measures: { login_frequency: 30, seat_penetration: 0 } }
	},
	{
		description: 'Mid: seat penetration 80 % scores 90',
		scorecard: 'three-dimensions',
		facts: { segment: 'mid', seats_purchased: 100, seats_active: 80 },
		expected: { measures: { seat_penetration: 90 } }
	},
	{
		description: 'Mid: seat penetration 50 % scores 60',
		scorecard: 'three-dimensions',
		facts: { segment: 'mid', seats_purchased: 100, seats_active: 50 },
		expected: { measures: { seat_penetration: 60 } }
	},
	{
		description: 'Mid: a detractor, CSAT 2 of 5 and no sponsor make a Red relationship',
		scorecard: 'three-dimensions',
		facts: { segment: 'mid', nps: 5, csat: 2, exec_sponsor_engaged: false },
		expected: { groups: { relationship: 27.5 }, band: 'Red' }
	},
	{
		description: 'Mid: late invoices count against Business, lower is better',
		scorecard: 'three-dimensions',
		facts: { segment: 'mid', outcome_progress: 1, invoices_late: 3 },
		expected: { groups: { business: (2 * 100 + 0) / 3 }, measures: { invoices_late: 0 } }
	},
	{
		description: 'Enterprise: NPS promoter, passive and detractor; a week without login',
		scorecard: 'enterprise-dream',
		facts: { segment: 'enterprise', nps: 9, days_since_last_login: 7 },
		expected: { measures: { nps: 100, days_since_last_login: 70, exec_sponsor: null } }
	},
	{
		description: 'Enterprise: a passive with an engaged sponsor and a missed QBR',
		scorecard: 'enterprise-dream',
		facts: { segment: 'enterprise', nps: 7, exec_sponsor_engaged: true, qbr_attended: false },
		expected: { groups: { relationship: (2 * 100 + 40 + 70) / 4 } }
	},
	{
		description: 'Enterprise: a healthy, deeply adopted account is Green',
		scorecard: 'enterprise-dream',
		facts: {
			segment: 'enterprise',
			seats_purchased: 1000,
			seats_active: 950,
			exec_sponsor_engaged: true,
			qbr_attended: true,
			nps: 10,
			active_days_30d: 22,
			days_since_last_login: 0,
			features_used: 28,
			features_available: 32,
			workflows_completed_30d: 2000,
			integrations_active: 6,
			power_users: 300
		},
		expected: { band: 'Green' }
	},
	{
		description: 'Enterprise: no active seats leaves per-seat measures missing, not zero',
		scorecard: 'enterprise-dream',
		facts: {
			segment: 'enterprise',
			seats_purchased: 500,
			seats_active: 0,
			workflows_completed_30d: 0,
			power_users: 0
		},
		expected: {
			measures: {
				workflows_per_seat: null,
				power_user_share: null,
				seat_penetration: 25,
				licences_unassigned: 40
			}
		}
	},
	{
		description: 'Segments pick their scorecard: a mid account is not scored by the Scale card',
		scorecard: 'scale',
		facts: { segment: 'mid', seats_purchased: 20, seats_active: 18, active_days_30d: 16 },
		expected: { overall: null }
	}
];

describe('shipped scorecards on known facts', () => {
	const compiled = new Map(
		[...cards.values()].map((card) => [card.id, compileScorecards([card])] as const)
	);

	it.each(cases)('$description', ({ scorecard, facts, expected }) => {
		const result = scoreFacts(compiled.get(scorecard)!, facts, 'case');
		if (expected.overall !== undefined) {
			if (expected.overall === null) expect(result.overall).toBeNull();
			else expect(result.overall).toBeCloseTo(expected.overall, 6);
		}
		if (expected.band) expect(result.band).toBe(expected.band);
		for (const [id, score] of Object.entries(expected.groups ?? {})) {
			if (score === null) expect(result.groups[id]).toBeNull();
			else expect(result.groups[id], id).toBeCloseTo(score, 6);
		}
		for (const [id, score] of Object.entries(expected.measures ?? {})) {
			if (score === null) expect(result.measures[id]?.score).toBeNull();
			else expect(result.measures[id]?.score, id).toBeCloseTo(score, 6);
		}
	});
});
