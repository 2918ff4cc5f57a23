import { describe, expect, it } from 'vitest';
import { isDormant, isPowerUser, peopleFacts, personEngagement } from './people';
import type { Contact } from './types';

const person = (id: string, extra: Partial<Contact>): Contact => ({
	id,
	account_id: 'a',
	email: `${id}@a.example`,
	...extra
});
const AS_OF = '2026-11-23';

describe('peopleFacts', () => {
	const contacts = [
		person('daily', {
			last_seen: '2026-11-22',
			metrics: { active_days_30d: 22, features_used: 12 }
		}),
		person('weekly', {
			last_seen: '2026-11-10',
			metrics: { active_days_30d: 5, features_used: 4 }
		}),
		person('gone', { last_seen: '2026-03-01', metrics: { active_days_30d: 0, features_used: 0 } }),
		person('never', { metrics: { active_days_30d: 0 } }),
		person('sponsor', { role: 'executive sponsor' })
	];

	it('counts the users, the active, the dormant and the power users', () => {
		expect(peopleFacts(contacts, 20, AS_OF)).toMatchObject({
			users_total: 4,
			users_active_30d: 2,
			users_dormant_180d: 2,
			power_users: 1
		});
	});

	it('counts someone seen exactly 30 days ago as no longer active, and 180 days as dormant', () => {
		const edge = [
			person('x', { last_seen: '2026-10-24' }),
			person('y', { last_seen: '2026-10-25' }),
			person('z', { last_seen: '2026-05-27' })
		];
		expect(peopleFacts(edge, undefined, AS_OF)).toMatchObject({
			users_active_30d: 1,
			users_dormant_180d: 1
		});
	});

	it('leaves out power users when the number of features is unknown', () => {
		expect(peopleFacts(contacts, undefined, AS_OF)).not.toHaveProperty('power_users');
	});

	it('gives no facts for an account whose contacts have no usage data', () => {
		expect(peopleFacts([person('sponsor', { role: 'executive sponsor' })], 20, AS_OF)).toBeNull();
	});

	it('averages the engagement of the users', () => {
		const facts = peopleFacts(contacts, 20, AS_OF)!;
		const each = contacts
			.map((c) => personEngagement(c, 20))
			.filter((e): e is number => e !== null);
		expect(each).toHaveLength(4);
		expect(facts.engagement_avg).toBeCloseTo(each.reduce((a, b) => a + b, 0) / 4, 10);
	});
});

describe('personEngagement', () => {
	it('weighs frequency, breadth and depth 40/30/30, each capped at full', () => {
		expect(
			personEngagement(
				person('p', { metrics: { active_days_30d: 20, features_used: 10, actions_30d: 1000 } }),
				20
			)
		).toBeCloseTo(100 * (0.4 * 1 + 0.3 * 0.5 + 0.3 * 1), 10);
		expect(
			personEngagement(
				person('p', { metrics: { active_days_30d: 10, features_used: 20, actions_30d: 250 } }),
				20
			)
		).toBeCloseTo(100 * (0.4 * 0.5 + 0.3 * 1 + 0.3 * 0.5), 10);
	});

	it('reweights over the parts it has data for, and is null with none', () => {
		expect(personEngagement(person('p', { metrics: { active_days_30d: 10 } }), undefined)).toBe(50);
		expect(personEngagement(person('p', { last_seen: '2026-11-01' }), 20)).toBeNull();
	});
});

describe('dormant and power users judged by the usage rollup', () => {
	it('takes the rollup’s judgement (the team’s thresholds) over the built-in rule', () => {
		const recent = {
			id: 'a',
			account_id: 'x',
			email: 'a@x.example',
			last_seen: '2026-11-30T10:00:00Z'
		};
		// Seen three days ago, yet dormant by a team that counts 2 days without use.
		expect(isDormant({ ...recent, metrics: { dormant: true } }, '2026-12-03')).toBe(true);
		expect(isDormant(recent, '2026-12-03')).toBe(false);
		// Never seen, yet not dormant by the rollup (a person it has just met).
		expect(
			isDormant({ ...recent, last_seen: null, metrics: { dormant: false } }, '2026-12-03')
		).toBe(false);
		const light = { ...recent, metrics: { active_days_30d: 4, features_used: 2 } };
		expect(isPowerUser(light, 20)).toBe(false);
		expect(isPowerUser({ ...light, metrics: { ...light.metrics, power_user: true } }, 20)).toBe(
			true
		);
		expect(
			peopleFacts(
				[{ ...light, metrics: { ...light.metrics, power_user: true, dormant: true } }],
				20,
				'2026-12-03'
			)
		).toMatchObject({ users_dormant_180d: 1, power_users: 1 });
	});
});
