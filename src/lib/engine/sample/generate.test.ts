import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../dates';
import {
	accountFacts,
	compileScorecards,
	parseWorkspace,
	scoreFacts,
	SnapshotIndex,
	type Workspace
} from '..';
import { generateSample, SAMPLE_END, sampleSizeProblem } from '.';

const sample = generateSample();
const byId = new Map(sample.accounts.map((account) => [account.id, account]));
const snapshotsOf = new SnapshotIndex(sample.snapshots);

const share = (part: number, whole: number) => part / whole;

describe('generateSample', () => {
	it('gives the same workspace for the same seed and another for another seed', () => {
		const a = generateSample({ seed: 7, accounts: 200 });
		expect(generateSample({ seed: 7, accounts: 200 })).toEqual(a);
		const b = generateSample({ seed: 8, accounts: 200 });
		expect(b.accounts).not.toEqual(a.accounts);
		expect(b.snapshots).not.toEqual(a.snapshots);
	});

	it('is a valid workspace', () => {
		const parsed = parseWorkspace(sample);
		expect(parsed.ok ? [] : parsed.errors.slice(0, 10)).toEqual([]);
		expect(sample.scorecards.map((card) => card.id)).toEqual([
			'scale',
			'enterprise-dream',
			'three-dimensions'
		]);
		expect(sample.contacts.length).toBeGreaterThan(sample.accounts.length);
	});

	it('has about the asked number of accounts, in each segment its share, and a snapshot a week', () => {
		expect(sample.accounts).toHaveLength(2000);
		const count = (segment: string) =>
			sample.accounts.filter((account) => account.segment === segment).length;
		expect(share(count('scale'), 2000)).toBeCloseTo(0.6, 1);
		expect(share(count('mid'), 2000)).toBeCloseTo(0.28, 1);
		expect(share(count('enterprise'), 2000)).toBeCloseTo(0.12, 1);

		const perAccount = sample.accounts.map((account) => snapshotsOf.of(account.id).length);
		expect(Math.min(...perAccount)).toBeGreaterThanOrEqual(1);
		expect(Math.max(...perAccount)).toBe(52);
		// Short only where an account churned or started during the year.
		expect(sample.snapshots.length / 2000).toBeGreaterThan(52 * 0.8);

		const dates = new Set(sample.snapshots.map((snapshot) => snapshot.date));
		expect(dates.size).toBe(52);
		for (const date of dates) expect(daysBetween(date, SAMPLE_END) % 7).toBe(0);
		expect([...dates].sort()[0]).toBe(addDays(SAMPLE_END, -7 * 51));
	});

	it('honours the end, the weeks and the number of accounts', () => {
		const small = generateSample({ accounts: 30, weeks: 4, end: '2025-06-30', seed: 3 });
		expect(small.accounts).toHaveLength(30);
		expect(new Set(small.snapshots.map((snapshot) => snapshot.date))).toEqual(
			new Set(['2025-06-09', '2025-06-16', '2025-06-23', '2025-06-30'])
		);
		expect(parseWorkspace(small).ok).toBe(true);
		expect(generateSample({ accounts: 0 }).accounts).toEqual([]);
		expect(() => generateSample({ weeks: 0 })).toThrow(RangeError);
		expect(() => generateSample({ end: '2026-02-30' })).toThrow(RangeError);
	});

	it('refuses, at once, a sample too large to hold or to write', () => {
		expect(sampleSizeProblem(100_000, 10)).toBeNull();
		expect(sampleSizeProblem(19_230, 52)).toBeNull();
		expect(sampleSizeProblem(1_000_000_000, 1)).toBe('at most 100000 accounts, got 1000000000');
		expect(sampleSizeProblem(30_000, 52)).toBe(
			'30000 accounts over 52 weeks make 1560000 weekly snapshots: at most 1000000 (accounts × weeks), so fewer accounts or weeks'
		);
		// Thrown before a single account is made: a billion would run until memory ran out.
		expect(() => generateSample({ accounts: 1_000_000_000 })).toThrow(
			'at most 100000 accounts, got 1000000000'
		);
		expect(() => generateSample({ accounts: 1, weeks: 2_000_000 })).toThrow(RangeError);
	});

	it('makes a one-week sample of many accounts with unique names (the benchmark shape)', () => {
		const wide = generateSample({ accounts: 10_000, weeks: 1 });
		expect(wide.snapshots).toHaveLength(10_000);
		expect(new Set(wide.accounts.map((account) => account.name)).size).toBe(10_000);
		expect(wide.accounts[9_999]!.id).toBe('acc-10000');
	});

	it('gives accounts unique names, their own domain, CSMs and the facts the scorecards read', () => {
		expect(new Set(sample.accounts.map((account) => account.name)).size).toBe(2000);
		expect(sample.accounts[0]!.id).toBe('acc-0001');
		for (const account of sample.accounts) {
			expect(account.facts).toMatchObject({
				seats_purchased: expect.any(Number),
				features_available: expect.any(Number),
				contract_months: expect.any(Number),
				plan: expect.any(String),
				region: expect.any(String),
				industry: expect.any(String),
				start_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
			});
			expect(account.csm).toMatch(/^[a-z-]+@vendor\.example$/);
			if (account.segment === 'scale') expect(account.csm).toBe('digital-cs@vendor.example');
			expect(account.arr).toBeGreaterThan(0);
		}
		expect(new Set(sample.accounts.map((account) => account.csm)).size).toBeGreaterThanOrEqual(5);
	});

	it('gives each account its people, on the account domain, with roles and some usage', () => {
		const contactsOf = new Map<string, typeof sample.contacts>();
		for (const contact of sample.contacts) {
			contactsOf.set(contact.account_id, [...(contactsOf.get(contact.account_id) ?? []), contact]);
		}
		const ranges: Record<string, [number, number]> = {
			scale: [1, 3],
			mid: [3, 6],
			enterprise: [5, 12]
		};
		const domains = new Set<string>();
		for (const account of sample.accounts) {
			const people = contactsOf.get(account.id) ?? [];
			const [min, max] = ranges[account.segment]!;
			expect(people.length).toBeGreaterThanOrEqual(min);
			expect(people.length).toBeLessThanOrEqual(max);
			// About 1 % of addresses are broken on purpose (" at " for "@"): plans suppress them.
			const reachable = people.filter((person) => !person.email.includes(' at '));
			if (reachable.length === 0) continue;
			const domain = reachable[0]!.email.split('@')[1]!;
			expect(domain).toMatch(/\.example$/);
			expect(domains.has(domain)).toBe(false);
			domains.add(domain);
			for (const person of reachable) expect(person.email.endsWith(`@${domain}`)).toBe(true);
			if (account.segment !== 'scale')
				expect(people.map((person) => person.role)).toContain('executive sponsor');
		}
		const broken = sample.contacts.filter((c) => c.email.includes(' at ')).length;
		expect(share(broken, sample.contacts.length)).toBeCloseTo(0.01, 1);
		expect(sample.accounts.filter((a) => a.do_not_contact).length).toBeGreaterThan(0);
		expect(new Set(sample.contacts.map((contact) => contact.role))).toEqual(
			new Set(['admin', 'champion', 'executive sponsor', 'user'])
		);
		const seen = sample.contacts.filter((contact) => contact.last_seen);
		expect(share(seen.length, sample.contacts.length)).toBeGreaterThan(0.5);
		expect(seen.every((contact) => typeof contact.metrics?.active_days_30d === 'number')).toBe(
			true
		);
		const unsubscribed = sample.contacts.filter((contact) => contact.unsubscribed_at).length;
		expect(unsubscribed).toBeGreaterThan(0);
		expect(share(unsubscribed, sample.contacts.length)).toBeLessThan(0.1);
	});

	it('keeps metrics in their ranges and consistent with each other', () => {
		// Plain checks gathered into one list: an expect() per value of 100,000 snapshots is slow.
		const problems: string[] = [];
		const check = (ok: boolean, what: string, snapshot: { account_id: string; date: string }) => {
			if (!ok && problems.length < 20)
				problems.push(`${snapshot.account_id} on ${snapshot.date}: ${what}`);
		};
		const within = (value: unknown, min: number, max: number) =>
			typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
		for (const snapshot of sample.snapshots) {
			const m = snapshot.metrics;
			const account = byId.get(snapshot.account_id)!;
			const facts = account.facts as { seats_purchased: number; features_available: number };
			check(
				within(m.seats_active, 0, facts.seats_purchased),
				'seats_active beyond seats_purchased',
				snapshot
			);
			check(
				within(m.power_users, 0, m.seats_active as number),
				'power_users beyond seats_active',
				snapshot
			);
			check(within(m.active_days_30d, 0, 30), 'active_days_30d outside 0–30', snapshot);
			check(
				within(m.features_used, 0, facts.features_available),
				'features_used beyond features_available',
				snapshot
			);
			check(
				within(m.logins_30d, m.active_days_30d as number, Infinity),
				'fewer logins than active days',
				snapshot
			);
			check(
				within(m.days_since_last_login, 0, Infinity),
				'days_since_last_login negative',
				snapshot
			);
			check(
				(m.active_days_30d === 0) === (m.days_since_last_login as number) >= 30,
				'days_since_last_login disagrees with active_days_30d',
				snapshot
			);
			check(
				within(m.workflows_completed_30d, 0, Infinity),
				'workflows_completed_30d negative',
				snapshot
			);
			check(within(m.integrations_active, 0, 10), 'integrations_active outside 0–10', snapshot);
			check(within(m.outcome_progress, 0, 1), 'outcome_progress outside 0–1', snapshot);
			check(within(m.invoices_late, 0, 6), 'invoices_late outside 0–6', snapshot);
			check(within(m.open_tickets, 0, Infinity), 'open_tickets negative', snapshot);
			check(
				m.nps === null || (Number.isInteger(m.nps) && within(m.nps, 0, 10)),
				'nps not null or 0–10',
				snapshot
			);
			check(
				m.csat === null || (Number.isInteger(m.csat) && within(m.csat, 1, 5)),
				'csat not null or 1–5',
				snapshot
			);
			check(
				typeof m.exec_sponsor_engaged === 'boolean',
				'exec_sponsor_engaged not a boolean',
				snapshot
			);
			check(typeof m.champion_changed === 'boolean', 'champion_changed not a boolean', snapshot);
			check(
				account.segment === 'scale' ? !('qbr_attended' in m) : typeof m.qbr_attended === 'boolean',
				'qbr_attended where there are no QBRs, or missing where there are',
				snapshot
			);
		}
		expect(problems).toEqual([]);
		// Surveys are sparse and an answer is kept for six months, so NPS is there about half the time.
		const withNps = sample.snapshots.filter((snapshot) => snapshot.metrics.nps !== null).length;
		expect(share(withNps, sample.snapshots.length)).toBeLessThan(0.8);
		expect(share(withNps, sample.snapshots.length)).toBeGreaterThan(0.2);
	});

	it('decides renewals in the period, stops a churned account there and moves the others on', () => {
		const first = addDays(SAMPLE_END, -7 * 51);
		const types = new Set(sample.outcomes.map((outcome) => outcome.type));
		expect(types).toEqual(new Set(['churned', 'renewed', 'expanded', 'downsold']));
		expect(new Set(sample.outcomes.map((outcome) => outcome.account_id)).size).toBe(
			sample.outcomes.length
		);
		const decided = new Map(sample.outcomes.map((outcome) => [outcome.account_id, outcome]));
		for (const outcome of sample.outcomes) {
			expect(outcome.date >= first && outcome.date <= SAMPLE_END).toBe(true);
			const history = snapshotsOf.of(outcome.account_id);
			if (outcome.type === 'churned') {
				expect(history.at(-1)!.date <= outcome.date).toBe(true);
				expect(daysBetween(history.at(-1)!.date, outcome.date)).toBeLessThan(7);
				expect(byId.get(outcome.account_id)!.renewal_date).toBe(outcome.date);
			}
		}
		for (const account of sample.accounts) {
			if (decided.get(account.id)?.type === 'churned') continue;
			// Every other account is heading for a renewal within the next twelve months.
			const days = daysBetween(SAMPLE_END, account.renewal_date!);
			expect(days).toBeGreaterThan(0);
			expect(days).toBeLessThanOrEqual(366);
		}
	});

	it('hands out copies of the shipped scorecards', () => {
		const a = generateSample({ accounts: 1 });
		a.scorecards[0]!.name = 'Edited';
		expect(generateSample({ accounts: 1 }).scorecards[0]!.name).not.toBe('Edited');
	});
});

describe('the sample against the Scale scorecard', () => {
	/** Each Scale account with an outcome, scored as of 30 days before it. */
	function scoresBeforeOutcomes(workspace: Workspace) {
		const scorecards = compileScorecards(workspace.scorecards);
		const accounts = new Map(workspace.accounts.map((account) => [account.id, account]));
		const snapshots = new SnapshotIndex(workspace.snapshots);
		const churned: number[] = [];
		const kept: number[] = [];
		for (const outcome of workspace.outcomes) {
			const account = accounts.get(outcome.account_id)!;
			if (account.segment !== 'scale') continue;
			const snapshot = snapshots.latestOnOrBefore(account.id, addDays(outcome.date, -30));
			if (!snapshot) continue; // renewed in the period's first month: no history to score yet
			const { overall } = scoreFacts(scorecards, accountFacts(account, snapshot), account.id);
			if (overall === null) continue;
			if (outcome.type === 'churned') churned.push(overall);
			else if (outcome.type === 'renewed' || outcome.type === 'expanded') kept.push(overall);
		}
		return { churned, kept };
	}

	const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

	/** The probability that a random kept account scores above a random churned one. */
	function auc(churned: number[], kept: number[]): number {
		let wins = 0;
		for (const low of churned)
			for (const high of kept) wins += high > low ? 1 : high === low ? 0.5 : 0;
		return wins / (churned.length * kept.length);
	}

	it('scores accounts that later churn clearly lower than those that renew, but not perfectly', () => {
		const { churned, kept } = scoresBeforeOutcomes(sample);
		const area = auc(churned, kept);
		console.log(
			`Scale, 30 days before the outcome: churned ${churned.length} (${((100 * churned.length) / (churned.length + kept.length)).toFixed(1)} %), mean score ${mean(churned).toFixed(1)}; renewed or expanded ${kept.length}, mean score ${mean(kept).toFixed(1)}; AUC ${area.toFixed(3)}`
		);
		expect(churned.length).toBeGreaterThanOrEqual(30);
		expect(mean(churned)).toBeLessThan(mean(kept) - 15);
		expect(area).toBeGreaterThan(0.65);
		expect(area).toBeLessThan(0.95);
	});

	it('leaves churn signals the Scale scorecard does not measure', () => {
		const snapshots = new SnapshotIndex(sample.snapshots);
		const rate = (signal: (metrics: Record<string, unknown>) => boolean) => {
			let total = 0;
			let churned = 0;
			for (const outcome of sample.outcomes) {
				if (byId.get(outcome.account_id)!.segment !== 'scale') continue;
				const snapshot = snapshots.latestOnOrBefore(outcome.account_id, outcome.date)!;
				if (!signal(snapshot.metrics)) continue;
				total++;
				if (outcome.type === 'churned') churned++;
			}
			return churned / total;
		};
		const base = rate(() => true);
		expect(rate((m) => m.champion_changed === true)).toBeGreaterThan(base * 1.5);
		expect(rate((m) => (m.invoices_late as number) > 0)).toBeGreaterThan(base * 1.3);
	});
});
