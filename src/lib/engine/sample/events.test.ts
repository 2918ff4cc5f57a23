/**
 * The sample's product events (`./events.ts`): drawn from the workspace's own story, the same every
 * time, only for its live Scale accounts, each event one the catalogue knows (or one of the few
 * it leaves unmapped on purpose), within the weeks of the account's history, its tracked contacts
 * among the people under their own emails.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { generateSample } from './generate';
import { eventAccounts, sampleEvents, SAMPLE_EVENT_ACCOUNTS } from './events';
import { SAMPLE_FEATURES, sampleRules, UNMAPPED_EVENTS } from './product';

const END = '2026-11-23';
const workspace = generateSample({ accounts: 120, end: END });
const events = sampleEvents(workspace);
const accounts = eventAccounts(workspace);

describe('the sample product', () => {
	it('has twenty features, four advanced and four integrations, each named by a rule', () => {
		expect(SAMPLE_FEATURES).toHaveLength(20);
		expect(SAMPLE_FEATURES.filter((f) => f.advanced)).toHaveLength(4);
		expect(SAMPLE_FEATURES.filter((f) => f.integration)).toHaveLength(4);
		const named = new Set(sampleRules().map((rule) => rule.feature_id));
		for (const feature of SAMPLE_FEATURES) expect(named).toContain(feature.id);
		expect(sampleRules().filter((rule) => rule.completion)).toHaveLength(1);
	});
});

describe('the sample events', () => {
	it('are the same for the same workspace', () => {
		expect(sampleEvents(workspace)).toEqual(events);
		expect(new Set(events.map((e) => e.messageId)).size).toBe(events.length);
	});

	it('stop at the moment asked for', () => {
		const until = `${END}T12:00:00.000Z`;
		const before = sampleEvents(workspace, { until });
		expect(before.length).toBeGreaterThan(0);
		expect(before.length).toBeLessThan(events.length);
		expect(before).toEqual(events.filter((event) => event.timestamp <= until));
	});

	it('come from live Scale accounts only, at most SAMPLE_EVENT_ACCOUNTS of them', () => {
		const live = new Set(
			workspace.snapshots.filter((s) => s.date === END).map((s) => s.account_id)
		);
		expect(accounts.length).toBeGreaterThan(10);
		expect(accounts.length).toBeLessThanOrEqual(SAMPLE_EVENT_ACCOUNTS);
		for (const account of accounts) {
			expect(account.segment).toBe('scale');
			expect(live.has(account.id)).toBe(true);
		}
		const ids = new Set(accounts.map((a) => a.id));
		const named = new Set(
			events.filter((e) => e.type !== 'identify').map((e) => e.groupId ?? e.context?.groupId)
		);
		expect(named).toEqual(ids);
	});

	it('are events the catalogue maps, apart from the unmapped few, before the end', () => {
		const mapped = new Set(sampleRules().map((rule) => rule.event));
		// Each snapshot's week: the seven days up to its date.
		const first = workspace.snapshots.reduce((min, s) => (s.date < min ? s.date : min), END);
		const start = addDays(first, -6);
		for (const event of events) {
			expect(event.timestamp < `${END}T23:59:60`).toBe(true);
			expect(event.timestamp >= start).toBe(true);
			if (event.type !== 'track') continue;
			const name = event.event!;
			expect(mapped.has(name) || (UNMAPPED_EVENTS as readonly string[]).includes(name)).toBe(true);
			if (name === 'Integration Synced')
				expect(SAMPLE_FEATURES.map((f) => f.id)).toContain(event.properties?.provider);
		}
	});

	it('name each person once, with their account, before what they do', () => {
		const identified = new Map<string, string>();
		const grouped = new Set<string>();
		for (const event of events) {
			if (event.type === 'identify') {
				expect(identified.has(event.userId)).toBe(false);
				identified.set(event.userId, String(event.traits?.email));
			} else if (event.type === 'group') grouped.add(event.userId);
			else expect(grouped.has(event.userId)).toBe(true);
		}
		// Each account's people are its seats, at most; its tracked contacts are among them.
		for (const account of accounts) {
			const people = [...identified.keys()].filter((id) => id.startsWith(`${account.id}-u`));
			expect(people.length).toBeLessThanOrEqual(Number(account.facts?.seats_purchased));
		}
		const emails = new Set(identified.values());
		const tracked = workspace.contacts.filter(
			(c) => c.last_seen && accounts.some((a) => a.id === c.account_id)
		);
		const seen = tracked.filter((contact) => emails.has(contact.email));
		expect(seen.length).toBeGreaterThan(tracked.length / 2);
	});

	it('leave some people silent for six months, and keep others at it every day', () => {
		const last = new Map<string, string>();
		const days = new Map<string, Set<string>>();
		const monthAgo = '2026-10-24';
		for (const event of events) {
			if (event.type !== 'track') continue;
			last.set(event.userId, event.timestamp);
			if (event.timestamp >= monthAgo) {
				const set = days.get(event.userId) ?? new Set<string>();
				set.add(event.timestamp.slice(0, 10));
				days.set(event.userId, set);
			}
		}
		const sixMonthsAgo = '2026-05-27';
		expect([...last.values()].filter((at) => at < sixMonthsAgo).length).toBeGreaterThan(0);
		expect([...days.values()].filter((set) => set.size >= 20).length).toBeGreaterThan(0);
	});
});
