/**
 * The palette's usage measures score in the framework's bands (issue 15): each value scored by the
 * engine itself, with both backends, lands in the band its description promises. A band "70–89"
 * holds every score from 70 to under 90, since scores keep full precision: the score moves within
 * its band and reaches the next band's floor exactly at the framework's threshold.
 */
import { describe, expect, it } from 'vitest';
import { compileScorecard, type Backend, type Facts, type Scorecard } from '..';
import { PALETTE, paletteEntry } from '.';

type Band = readonly [low: number, high: number];

const TOP: Band = [90, 100];
const HIGH: Band = [70, 89];
const MIDDLE: Band = [50, 69];
const LOW: Band = [30, 49];
const BOTTOM: Band = [0, 29];
/** Seat penetration's lowest band spans two of the others. */
const UNDER_40: Band = [0, 49];

const inBand = (score: number, [low, high]: Band) =>
	score >= low && (high === 100 ? score <= 100 : score < high + 1);

function scorer(id: string, backend: Backend) {
	const entry = paletteEntry(id);
	if (!entry) throw new Error(`no palette entry ${id}`);
	const card: Scorecard = {
		id: 'card',
		name: 'Card',
		groups: [{ id: 'group', name: 'Group', measures: [entry.measure] }]
	};
	const compiled = compileScorecard(card, backend);
	return (facts: Facts) => compiled.score(facts, 'acme').measures[id]?.score ?? null;
}

interface Case {
	facts: Facts;
	band: Band;
	/** The exact score, where the value sits on a threshold. */
	score?: number;
}

/** Cases by measure: the framework's thresholds, one value under each, and values inside bands. */
const CASES: Record<string, Case[]> = {
	login_frequency: [
		{ facts: { active_days_30d: 30 }, band: TOP, score: 100 },
		{ facts: { active_days_30d: 22 }, band: TOP },
		{ facts: { active_days_30d: 20 }, band: TOP, score: 90 },
		{ facts: { active_days_30d: 19 }, band: HIGH },
		{ facts: { active_days_30d: 8 }, band: HIGH },
		{ facts: { active_days_30d: 4 }, band: HIGH, score: 70 },
		{ facts: { active_days_30d: 3 }, band: MIDDLE },
		{ facts: { active_days_30d: 2 }, band: MIDDLE, score: 50 },
		{ facts: { active_days_30d: 1 }, band: LOW, score: 30 },
		{ facts: { active_days_30d: 0 }, band: BOTTOM, score: 0 }
	],
	login_frequency_per_user: [
		{ facts: { active_days_per_user_30d: 26 }, band: TOP },
		{ facts: { active_days_per_user_30d: 20 }, band: TOP, score: 90 },
		{ facts: { active_days_per_user_30d: 19.9 }, band: HIGH },
		{ facts: { active_days_per_user_30d: 4.3 }, band: HIGH },
		{ facts: { active_days_per_user_30d: 4 }, band: HIGH, score: 70 },
		{ facts: { active_days_per_user_30d: 3.99 }, band: MIDDLE },
		{ facts: { active_days_per_user_30d: 2 }, band: MIDDLE, score: 50 },
		{ facts: { active_days_per_user_30d: 1.99 }, band: LOW },
		{ facts: { active_days_per_user_30d: 1 }, band: LOW, score: 30 },
		{ facts: { active_days_per_user_30d: 0.99 }, band: BOTTOM },
		{ facts: { active_days_per_user_30d: 0.5 }, band: BOTTOM },
		{ facts: { active_days_per_user_30d: 0 }, band: BOTTOM, score: 0 }
	],
	seat_penetration: [
		{ facts: { seats_active: 120, seats_purchased: 100 }, band: TOP, score: 100 },
		{ facts: { seats_active: 100, seats_purchased: 100 }, band: TOP, score: 100 },
		{ facts: { seats_active: 90, seats_purchased: 100 }, band: TOP },
		{ facts: { seats_active: 80, seats_purchased: 100 }, band: TOP, score: 90 },
		{ facts: { seats_active: 79, seats_purchased: 100 }, band: HIGH },
		{ facts: { seats_active: 7, seats_purchased: 10 }, band: HIGH },
		{ facts: { seats_active: 60, seats_purchased: 100 }, band: HIGH, score: 70 },
		{ facts: { seats_active: 599, seats_purchased: 1000 }, band: MIDDLE },
		{ facts: { seats_active: 5, seats_purchased: 10 }, band: MIDDLE },
		{ facts: { seats_active: 40, seats_purchased: 100 }, band: MIDDLE, score: 50 },
		{ facts: { seats_active: 3999, seats_purchased: 10000 }, band: UNDER_40 },
		{ facts: { seats_active: 2, seats_purchased: 10 }, band: UNDER_40 },
		{ facts: { seats_active: 0, seats_purchased: 10 }, band: UNDER_40, score: 0 }
	],
	// The bands this palette chose for the other measures, as their descriptions state them.
	feature_breadth: [
		{ facts: { features_used: 16, features_available: 20 }, band: TOP, score: 100 },
		{ facts: { features_used: 12, features_available: 20 }, band: TOP, score: 90 },
		{ facts: { features_used: 11, features_available: 20 }, band: HIGH },
		{ facts: { features_used: 8, features_available: 20 }, band: HIGH, score: 70 },
		{ facts: { features_used: 5, features_available: 20 }, band: MIDDLE, score: 50 },
		{ facts: { features_used: 2, features_available: 20 }, band: LOW, score: 30 },
		{ facts: { features_used: 1, features_available: 20 }, band: BOTTOM }
	],
	usage_depth: [
		{ facts: { events_30d: 1000, sessions_30d: 20 }, band: TOP, score: 100 },
		{ facts: { events_30d: 600, sessions_30d: 20 }, band: TOP, score: 90 },
		{ facts: { events_30d: 300, sessions_30d: 20 }, band: HIGH, score: 70 },
		{ facts: { events_30d: 160, sessions_30d: 20 }, band: MIDDLE, score: 50 },
		{ facts: { events_30d: 60, sessions_30d: 20 }, band: LOW, score: 30 },
		{ facts: { events_30d: 20, sessions_30d: 20 }, band: BOTTOM }
	],
	power_users: [
		{ facts: { power_users: 10, seats_active: 25 }, band: TOP, score: 100 },
		{ facts: { power_users: 5, seats_active: 20 }, band: TOP, score: 90 },
		{ facts: { power_users: 3, seats_active: 20 }, band: HIGH, score: 70 },
		{ facts: { power_users: 2, seats_active: 25 }, band: MIDDLE, score: 50 },
		{ facts: { power_users: 1, seats_active: 20 }, band: LOW },
		{ facts: { power_users: 0, seats_active: 20 }, band: BOTTOM, score: 0 }
	],
	dormant_users: [
		{ facts: { dormant_users: 0, users_total: 40 }, band: TOP, score: 100 },
		{ facts: { dormant_users: 4, users_total: 40 }, band: TOP, score: 90 },
		{ facts: { dormant_users: 5, users_total: 40 }, band: HIGH },
		{ facts: { dormant_users: 8, users_total: 40 }, band: HIGH, score: 70 },
		{ facts: { dormant_users: 14, users_total: 40 }, band: MIDDLE, score: 50 },
		{ facts: { dormant_users: 20, users_total: 40 }, band: LOW, score: 30 },
		{ facts: { dormant_users: 21, users_total: 40 }, band: BOTTOM },
		{ facts: { dormant_users: 40, users_total: 40 }, band: BOTTOM, score: 0 }
	],
	workflow_completion: [
		{ facts: { workflows_completed_30d: 60, seats_active: 20 }, band: TOP, score: 100 },
		{ facts: { workflows_completed_30d: 30, seats_active: 20 }, band: TOP, score: 90 },
		{ facts: { workflows_completed_30d: 15, seats_active: 20 }, band: HIGH, score: 70 },
		{ facts: { workflows_completed_30d: 6, seats_active: 20 }, band: MIDDLE, score: 50 },
		{ facts: { workflows_completed_30d: 2, seats_active: 20 }, band: LOW, score: 30 },
		{ facts: { workflows_completed_30d: 0, seats_active: 20 }, band: BOTTOM, score: 0 }
	],
	integrations: [
		{ facts: { integrations_active: 6 }, band: TOP, score: 100 },
		{ facts: { integrations_active: 4 }, band: TOP, score: 90 },
		{ facts: { integrations_active: 3 }, band: HIGH, score: 80 },
		{ facts: { integrations_active: 2 }, band: HIGH, score: 70 },
		{ facts: { integrations_active: 1 }, band: MIDDLE, score: 50 },
		{ facts: { integrations_active: 0 }, band: BOTTOM, score: 20 }
	],
	days_since_last_login: [
		{ facts: { days_since_last_login: 0 }, band: TOP, score: 100 },
		{ facts: { days_since_last_login: 3 }, band: TOP, score: 90 },
		{ facts: { days_since_last_login: 4 }, band: HIGH },
		{ facts: { days_since_last_login: 7 }, band: HIGH, score: 70 },
		{ facts: { days_since_last_login: 14 }, band: MIDDLE, score: 50 },
		{ facts: { days_since_last_login: 30 }, band: LOW, score: 30 },
		{ facts: { days_since_last_login: 31 }, band: BOTTOM },
		{ facts: { days_since_last_login: 120 }, band: BOTTOM, score: 0 }
	]
};

describe.each(['function', 'closure'] as const)('framework bands (%s backend)', (backend) => {
	for (const [id, cases] of Object.entries(CASES)) {
		it(`${id} scores each value in its band`, () => {
			const score = scorer(id, backend);
			for (const { facts, band, score: exact } of cases) {
				const got = score(facts);
				const where = `${id} on ${JSON.stringify(facts)}: ${got}`;
				expect(got, where).not.toBeNull();
				expect(inBand(got!, band), `${where}, expected ${band.join('–')}`).toBe(true);
				if (exact !== undefined) expect(got, where).toBeCloseTo(exact, 9);
			}
		});
	}
});

describe('direction', () => {
	/** The scores of one measure as one fact grows, the others held. */
	function along(id: string, fact: string, values: number[], held: Facts = {}) {
		const score = scorer(id, 'auto');
		return values.map((value) => score({ ...held, [fact]: value })!);
	}
	const falling = (scores: number[]) => scores.every((s, i) => i === 0 || s < scores[i - 1]!);
	const rising = (scores: number[]) => scores.every((s, i) => i === 0 || s > scores[i - 1]!);

	it('more dormant users, lower score', () => {
		const scores = along('dormant_users', 'dormant_users', [0, 2, 5, 8, 12, 18, 25, 40], {
			users_total: 40
		});
		expect(falling(scores), scores.join(' ')).toBe(true);
	});

	it('longer since the last login, lower score', () => {
		const scores = along('days_since_last_login', 'days_since_last_login', [0, 2, 5, 10, 20, 45]);
		expect(falling(scores), scores.join(' ')).toBe(true);
	});

	it('deeper use, more frequent users and more integrations, higher score', () => {
		const depth = along('usage_depth', 'events_30d', [20, 100, 200, 400, 800], {
			sessions_30d: 20
		});
		const frequency = along(
			'login_frequency_per_user',
			'active_days_per_user_30d',
			[0.5, 1.5, 3, 10, 25]
		);
		const integrations = along('integrations', 'integrations_active', [0, 1, 2, 3, 5]);
		for (const scores of [depth, frequency, integrations])
			expect(rising(scores), scores.join(' ')).toBe(true);
	});

	it('leaves a share with no people out rather than scoring it', () => {
		expect(scorer('dormant_users', 'auto')({ dormant_users: 0, users_total: 0 })).toBeNull();
		expect(scorer('usage_depth', 'auto')({ events_30d: 0, sessions_30d: 0 })).toBeNull();
	});

	it('never turns back: every linear palette scoring runs one way', () => {
		for (const entry of PALETTE) {
			const { scoring } = entry.measure;
			if (scoring.type !== 'linear') continue;
			const steps = scoring.points.slice(1).map(([, s], i) => s - scoring.points[i]![1]);
			const oneWay = steps.every((d) => d >= 0) || steps.every((d) => d <= 0);
			expect(oneWay, entry.id).toBe(true);
		}
	});
});
