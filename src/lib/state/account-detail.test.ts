import { describe, expect, it } from 'vitest';
import {
	explainChange,
	FactsSource,
	groupNames,
	scoreWorkspace,
	type Contact,
	type Workspace
} from '$lib/engine';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { breakdown, contactLines, contactMarks, factLines, moveLines } from './account-detail';

const AS_OF = '2026-11-24';

/** The example workspace with Acme's later snapshot lacking seats, and a second snapshot date. */
function workspace(): Workspace {
	const example = exampleWorkspace();
	example.snapshots.push({
		account_id: 'acme',
		date: '2026-11-20',
		metrics: { active_days_30d: 6, nps: 9 }
	});
	return example;
}

describe('breakdown', () => {
	it('lays out each group and measure with value, score, share and points adding up to the overall', () => {
		const example = exampleWorkspace();
		const [acme] = scoreWorkspace(example, AS_OF);
		const facts = new FactsSource(example).on(example.accounts[0]!, AS_OF);
		const groups = breakdown(example.scorecards[0]!, acme!, facts);
		expect(groups.map((group) => [group.name, group.score, group.weightShare])).toEqual([
			['Deployment', 95, 0.5],
			['Adoption', 85, 0.5]
		]);
		expect(groups[0]!.measures[0]).toMatchObject({
			name: 'Seat penetration',
			value: 0.9,
			score: 95,
			weightShare: 0.5,
			points: 47.5,
			missing: false,
			absent: []
		});
		const points = groups.flatMap((group) => group.measures).reduce((sum, m) => sum + m.points, 0);
		expect(points).toBeCloseTo(acme!.overall!);
	});

	it('marks a missing measure and names the facts it lacked', () => {
		const example = workspace();
		const [acme] = scoreWorkspace(example, AS_OF);
		const facts = new FactsSource(example).on(example.accounts[0]!, AS_OF);
		const [deployment, adoption] = breakdown(example.scorecards[0]!, acme!, facts);
		expect(deployment).toMatchObject({ score: null, weightShare: 0, points: 0 });
		expect(deployment!.measures[0]).toMatchObject({
			missing: true,
			score: null,
			weightShare: 0,
			absent: ['seats_active']
		});
		expect(adoption!.weightShare).toBe(1);
	});

	it('says no fact was lacking when the value itself could not be computed', () => {
		const example = exampleWorkspace();
		example.accounts[0]!.facts = { seats_purchased: 0 };
		const [acme] = scoreWorkspace(example, AS_OF);
		const facts = new FactsSource(example).on(example.accounts[0]!, AS_OF);
		const measure = breakdown(example.scorecards[0]!, acme!, facts)[0]!.measures[0]!;
		expect(measure).toMatchObject({ missing: true, absent: [] });
	});
});

describe('factLines', () => {
	it('gives each fact the source it came from, the latest source winning, in merge order', () => {
		const example = workspace();
		const account = { ...example.accounts[0]!, facts: { seats_purchased: 20, nps: 3 } };
		const snapshot = example.snapshots.at(-1)!;
		const facts = new FactsSource({ ...example, accounts: [account] }).on(account, AS_OF);
		const lines = factLines(facts, account, snapshot, null);
		const sources = Object.fromEntries(lines.map((line) => [line.name, line.source]));
		expect(sources).toMatchObject({
			name: 'account',
			segment: 'account',
			seats_purchased: 'facts',
			nps: 'snapshot',
			active_days_30d: 'snapshot'
		});
		expect(lines.find((line) => line.name === 'nps')!.value).toBe(9);
		expect(lines.map((line) => line.source)).toEqual(
			[...lines.map((line) => line.source)].sort(
				(a, b) =>
					['account', 'facts', 'people', 'snapshot'].indexOf(a) -
					['account', 'facts', 'people', 'snapshot'].indexOf(b)
			)
		);
		// A fact the snapshot of this date lacks is not carried over from an older one.
		expect(sources.seats_active).toBeUndefined();
	});
});

describe('contactMarks', () => {
	const contact = (fields: Partial<Contact> = {}): Contact => ({
		id: 'c',
		account_id: 'a',
		email: 'pat@a.example',
		...fields
	});

	it('says why plays may not email a contact, nothing when they may', () => {
		expect(contactMarks(contact(), {})).toEqual([]);
		expect(contactMarks(contact({ unsubscribed_at: '2026-10-05T08:30:00Z' }), {})).toEqual([
			{ kind: 'unsubscribed', date: '2026-10-05' }
		]);
		expect(contactMarks(contact({ email: 'pat at a.example' }), undefined)).toEqual([
			{ kind: 'invalid_address' }
		]);
		expect(contactMarks(contact({ do_not_contact: true }), {})).toEqual([
			{ kind: 'do_not_contact', by: 'contact' }
		]);
	});

	it('marks everyone of a do-not-contact account, once, beside their other marks', () => {
		expect(
			contactMarks(contact({ do_not_contact: true, email: 'x' }), { do_not_contact: true })
		).toEqual([{ kind: 'do_not_contact', by: 'account' }, { kind: 'invalid_address' }]);
	});
});

describe('contactLines', () => {
	it('shows usage, engagement and dormancy for users, and nothing for other contacts', () => {
		const contacts: Contact[] = [
			{ id: 'sponsor', account_id: 'a', email: 'sue@a.example', name: 'Sue', role: 'sponsor' },
			{
				id: 'old',
				account_id: 'a',
				email: 'old@a.example',
				name: 'Olga',
				last_seen: '2026-03-01',
				metrics: { active_days_30d: 0, features_used: 1 }
			},
			{
				id: 'power',
				account_id: 'a',
				email: 'pat@a.example',
				name: 'Pat',
				last_seen: '2026-11-23T09:00:00Z',
				metrics: { active_days_30d: 20, features_used: 10, actions_30d: 1000 }
			},
			{
				id: 'quiet',
				account_id: 'a',
				email: 'quinn@a.example',
				last_seen: '2026-09-01'
			}
		];
		const lines = contactLines(contacts, 10, AS_OF);
		expect(lines.map((line) => [line.id, line.status])).toEqual([
			['power', 'active'],
			['old', 'dormant'],
			['quiet', 'inactive'],
			['sponsor', null]
		]);
		expect(lines[0]).toMatchObject({
			lastSeen: '2026-11-23',
			activeDays: 20,
			featuresUsed: 10,
			engagement: 100
		});
		expect(lines[3]).toMatchObject({ user: false, engagement: null, lastSeen: null });
	});
});

describe('moveLines', () => {
	it('names the measures that moved, with their groups', () => {
		const example = workspace();
		const [before] = scoreWorkspace(example, '2026-11-10');
		const [after] = scoreWorkspace(example, AS_OF);
		const lines = moveLines(explainChange(before!, after!), example.scorecards);
		// Seat penetration went missing: its 47.5 points went, the rest moved to Adoption.
		expect(lines.map((line) => [line.name, line.group])).toEqual([
			['Seat penetration', 'Deployment'],
			['Active days in the last 30', 'Adoption']
		]);
		expect(lines[0]!.contribution).toBeCloseTo(-47.5);
		const total = lines.reduce((sum, line) => sum + line.contribution, 0);
		expect(total).toBeCloseTo(after!.overall! - before!.overall!);
		expect(groupNames(example.scorecards).get('adoption')).toBe('Adoption');
	});

	it('takes the names of the account’s own scorecard where scorecards share ids', () => {
		const example = workspace();
		const [before] = scoreWorkspace(example, '2026-11-10');
		const [after] = scoreWorkspace(example, AS_OF);
		const own = example.scorecards[0]!;
		const other = structuredClone(own);
		other.id = 'other';
		for (const group of other.groups) {
			group.name = `Other ${group.name}`;
			for (const measure of group.measures) measure.name = `Other ${measure.name}`;
		}
		const scorecards = [other, own];
		expect(groupNames(scorecards).get('adoption')).toBe('Other Adoption');
		expect(groupNames(scorecards, own).get('adoption')).toBe('Adoption');
		const lines = moveLines(explainChange(before!, after!), scorecards, own);
		expect(lines.map((line) => [line.name, line.group])).toEqual([
			['Seat penetration', 'Deployment'],
			['Active days in the last 30', 'Adoption']
		]);
	});
});
