/** The plan on the foundation issue's example workspace: who gets what, why, and what stops it. */
import { describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { parsePlay, parseWorkspace } from '../workspace/load';
import type { Play, Workspace } from '../types';
import { planPlays } from './plan';
import type { OutboxEntry, PlanEntry } from './types';

const AS_OF = '2026-11-02';

/** The example (Globex: Adoption low; Acme: healthy) with its one play, or the plays given. */
function workspace(plays?: Play[], edit?: (w: Workspace) => void): Workspace {
	const w = exampleWorkspace();
	if (plays) w.plays = plays;
	edit?.(w);
	return w;
}

function play(overrides: Partial<Play>): Play {
	return {
		id: 'p',
		name: 'P',
		enabled: true,
		mode: 'auto',
		when: true,
		actions: [{ type: 'email', template: 't', to: 'contacts' }],
		cooldown_days: 7,
		...overrides
	};
}

/** Plan entries as a run would keep them, created on `date`. */
function kept(entries: readonly PlanEntry[], date: string): OutboxEntry[] {
	return entries.map((entry) => ({
		...entry,
		status: entry.status === 'planned' ? 'sent' : 'suppressed',
		created_at: `${date}T06:00:00Z`,
		updated_at: `${date}T06:00:00Z`,
		attempts: 1
	}));
}

describe('planPlays', () => {
	it('plans the example play for the low-adoption Scale account, with the reason and values seen', () => {
		const plan = planPlays({ workspace: workspace(), asOf: AS_OF });
		expect(
			plan.entries.map((e) => [e.play_id, e.account_id, e.action, e.recipient, e.status])
		).toEqual([['scale-training', 'globex', 'email', 'bo@globex.example', 'planned']]);
		const [entry] = plan.entries;
		expect(entry!.conditions.map((c) => [c.text, c.held])).toEqual([
			['account.segment == "scale"', true],
			['score.groups.adoption < 60', true]
		]);
		expect(entry!.conditions[1]!.values['score.groups.adoption']).toBeLessThan(60);
		expect(entry!.reason).toMatch(
			/^account\.segment == "scale" \(account\.segment = "scale"\); score\.groups\.adoption < 60 \(score\.groups\.adoption = \d+(\.\d)?\)$/
		);
		expect(entry!.detail).toMatchObject({
			type: 'email',
			template: 'training-invitation',
			contact_id: 'c2'
		});
		expect(plan.counts).toEqual([{ play_id: 'scale-training', status: 'planned', count: 1 }]);
	});

	it('gives the same keys for the same inputs, and a new key in the next cooldown window', () => {
		const keys = (asOf: string) =>
			planPlays({ workspace: workspace(), asOf }).entries.map((e) => e.key);
		expect(keys(AS_OF)).toEqual(keys(AS_OF));
		expect(keys(AS_OF)[0]).toMatch(/^scale-training:globex:0:bo@globex\.example:\d+$/);
		expect(keys('2026-12-15')).not.toEqual(keys(AS_OF));
	});

	it('resolves every field of the score context', () => {
		const read = (path: string) =>
			planPlays({
				workspace: workspace([
					play({ when: { '!==': [{ var: path }, null] }, actions: [{ type: 'tag', add: ['x'] }] })
				]),
				asOf: AS_OF
			}).entries.map((e) => e.conditions[0]!.values[path]);
		expect(read('account.segment')).toEqual(['scale', 'scale']);
		expect(read('account.seats_purchased')).toEqual([20, 20]);
		expect(read('account.seats_active')).toEqual([18, 8]);
		expect(read('score.band')).toHaveLength(2);
		expect(read('score.overall').every((v) => typeof v === 'number')).toBe(true);
		expect(read('score.groups.deployment')).toHaveLength(2);
		expect(read('score.measures.seat_penetration')).toEqual([95, 60]); // 18/20 and 8/20 seats in use;
		expect(read('days_to_renewal')).toEqual([119, 74]);
		expect(read('contacts')).toEqual([1, 1]);
		expect(read('now')).toEqual([AS_OF, AS_OF]);
		// Nothing 30 days before: the change is unknown, and the context says null.
		expect(read('score.previous')).toEqual([]);
		expect(read('score.drop_30d')).toEqual([0, 0]);
	});

	it('suppresses the unsubscribed, invalid addresses and do-not-contact accounts, and says so', () => {
		const plan = planPlays({
			workspace: workspace([play({})], (w) => {
				w.contacts.push(
					{
						id: 'c3',
						account_id: 'acme',
						email: 'gone@acme.example',
						unsubscribed_at: '2026-10-01'
					},
					{ id: 'c4', account_id: 'acme', email: 'x@acme.example\r\nBcc: all@evil.example' },
					{ id: 'c5', account_id: 'acme', email: 'quiet@acme.example', do_not_contact: true }
				);
				w.accounts[1]!.do_not_contact = true;
			}),
			asOf: AS_OF
		});
		expect(plan.entries.map((e) => [e.recipient.split('\r')[0], e.status, e.suppression])).toEqual([
			['ana@acme.example', 'planned', undefined],
			['gone@acme.example', 'suppressed', 'unsubscribed'],
			['x@acme.example', 'suppressed', 'invalid_address'],
			['quiet@acme.example', 'suppressed', 'do_not_contact'],
			['bo@globex.example', 'suppressed', 'do_not_contact']
		]);
	});

	it('reports an action with nobody to go to as no_recipient', () => {
		const plan = planPlays({
			workspace: workspace([
				play({ actions: [{ type: 'email', template: 't', to: 'role:sponsor' }] })
			]),
			asOf: AS_OF
		});
		expect(plan.entries.map((e) => [e.recipient, e.suppression])).toEqual([
			['', 'no_recipient'],
			['', 'no_recipient']
		]);
	});

	it('keeps a cooldown across runs: not again within it, again after it', () => {
		const w = workspace([play({ cooldown_days: 10 })]);
		const first = planPlays({ workspace: w, asOf: AS_OF });
		expect(first.entries.every((e) => e.status === 'planned')).toBe(true);
		const history = kept(first.entries, AS_OF);
		const again = planPlays({ workspace: w, asOf: AS_OF, history });
		expect(again.entries.map((e) => e.key)).toEqual(first.entries.map((e) => e.key));
		expect(again.entries.every((e) => e.suppression === 'cooldown')).toBe(true);
		const nextDay = planPlays({ workspace: w, asOf: '2026-11-03', history });
		expect(nextDay.entries.every((e) => e.suppression === 'cooldown')).toBe(true);
		const after = planPlays({ workspace: w, asOf: '2026-11-12', history });
		expect(after.entries.every((e) => e.status === 'planned')).toBe(true);
		// A rejected entry does not hold the cooldown.
		const rejected = history.map((e) => ({ ...e, status: 'rejected' as const }));
		const retry = planPlays({ workspace: w, asOf: '2026-11-03', history: rejected });
		expect(retry.entries.every((e) => e.status === 'planned')).toBe(true);
	});

	it('caps automated emails per contact over 7 days, across plays and runs', () => {
		const plays = ['a', 'b', 'c'].map((id) => play({ id, cooldown_days: 0 }));
		const w = workspace(plays, (x) => (x.settings = { contact_email_cap_7d: 2 }));
		const plan = planPlays({ workspace: w, asOf: AS_OF });
		const forAna = plan.entries.filter((e) => e.recipient === 'ana@acme.example');
		expect(forAna.map((e) => [e.play_id, e.status, e.suppression])).toEqual([
			['a', 'planned', undefined],
			['b', 'planned', undefined],
			['c', 'suppressed', 'contact_cap']
		]);
		// Two sent three days ago fill the week: nothing more until they are 7 days old.
		const history = kept(forAna.slice(0, 2), '2026-10-30');
		const later = planPlays({ workspace: w, asOf: AS_OF, plays: ['c'], history });
		expect(later.entries.find((e) => e.recipient === 'ana@acme.example')?.suppression).toBe(
			'contact_cap'
		);
		const nextWeek = planPlays({ workspace: w, asOf: '2026-11-06', plays: ['c'], history });
		expect(nextWeek.entries.find((e) => e.recipient === 'ana@acme.example')?.status).toBe(
			'planned'
		);
	});

	it('caps the emails of one run', () => {
		const w = workspace([play({})], (x) => (x.settings = { run_email_cap: 1 }));
		const plan = planPlays({ workspace: w, asOf: AS_OF });
		expect(plan.entries.map((e) => [e.status, e.suppression])).toEqual([
			['planned', undefined],
			['suppressed', 'run_cap']
		]);
	});

	it('flags a contact or account that several plays reach in the same week', () => {
		const w = workspace([
			play({ id: 'nurture' }),
			play({ id: 'training', when: { '<': [{ var: 'score.groups.adoption' }, 60] } }),
			play({ id: 'call', actions: [{ type: 'task', title: 'Call', due_in_days: 2 }] })
		]);
		const plan = planPlays({ workspace: w, asOf: AS_OF });
		const bo = plan.conflicts.find((c) => c.kind === 'contact' && c.id === 'bo@globex.example');
		expect(bo?.plays.sort()).toEqual(['nurture', 'training']);
		const globex = plan.conflicts.find((c) => c.kind === 'account' && c.id === 'globex');
		expect(globex?.plays.sort()).toEqual(['call', 'nurture', 'training']);
		const task = plan.entries.find((e) => e.play_id === 'call' && e.account_id === 'globex')!;
		expect(task.conflicts).toEqual(['nurture', 'training']);
		expect(task.detail).toEqual({
			type: 'task',
			title: 'Call',
			assignee: 'kim@vendor.example',
			due_date: '2026-11-04'
		});
	});

	it('plans only the chosen accounts and plays, and leaves out churned customers', () => {
		const w = workspace([play({ id: 'a' }), play({ id: 'b', enabled: false })]);
		expect(planPlays({ workspace: w, asOf: AS_OF }).entries.map((e) => e.play_id)).toEqual([
			'a',
			'a'
		]);
		const sample = planPlays({ workspace: w, asOf: AS_OF, plays: ['b'], accounts: ['acme'] });
		expect(sample.entries.map((e) => [e.play_id, e.account_id])).toEqual([['b', 'acme']]);
		w.outcomes.push({ account_id: 'acme', date: '2026-10-01', type: 'churned' });
		expect(planPlays({ workspace: w, asOf: AS_OF }).entries.map((e) => e.account_id)).toEqual([
			'globex'
		]);
	});

	it('fills a webhook body from the context, and tags the account', () => {
		const w = workspace([
			play({
				actions: [
					{
						type: 'webhook',
						url: 'https://hooks.example/x',
						body: { text: '{{ account.name }} is {{ score.band }}' }
					},
					{ type: 'tag', add: ['nurture'], remove: ['new'] }
				]
			})
		]);
		const [hook, tag] = planPlays({ workspace: w, asOf: AS_OF, accounts: ['acme'] }).entries;
		expect(hook!.detail).toEqual({
			type: 'webhook',
			url: 'https://hooks.example/x',
			body: { text: expect.stringMatching(/^Acme Ltd is \w+/) }
		});
		expect(hook!.recipient).toBe('https://hooks.example/x');
		expect(tag!.detail).toEqual({ type: 'tag', add: ['nurture'], remove: ['new'] });
	});
});

describe('plays at load time', () => {
	it('reports a play reading a group or measure no scorecard has, and unknown recipients', () => {
		const w = workspace([
			play({
				when: {
					and: [
						{ '<': [{ var: 'score.groups.adoptoin' }, 60] },
						{ '>': [{ var: 'score.measures.nps' }, 0] }
					]
				},
				actions: [{ type: 'email', template: 't', to: 'everyone' }]
			})
		]);
		const result = parseWorkspace(w);
		expect(result.ok ? [] : result.errors).toMatchObject([
			{ path: 'plays[0].when', message: 'unknown group "adoptoin" (score.groups.adoptoin)' },
			{ path: 'plays[0].when', message: 'unknown measure "nps" (score.measures.nps)' },
			{
				path: 'plays[0].actions[0].to',
				message:
					'unknown recipients "everyone" (expected contacts, primary, csm, dormant_users, role:<name>)'
			}
		]);
	});

	it('checks one play on its own, as the editor saves it, with paths inside the play', () => {
		const cards = exampleWorkspace().scorecards;
		const broken = parsePlay(
			{ ...play({}), cooldown_days: -1, actions: [{ type: 'task' }], when: { nope: [] } },
			cards
		);
		expect(broken.ok ? [] : broken.errors.map((e) => e.path)).toEqual([
			'actions[0].title',
			'cooldown_days',
			'when.nope'
		]);
		const unknown = parsePlay(play({ when: { '<': [{ var: 'score.groups.x' }, 1] } }), cards);
		expect(unknown.ok ? [] : unknown.errors).toMatchObject([
			{ path: 'when', message: 'unknown group "x" (score.groups.x)' }
		]);
		expect(parsePlay(play({}), cards).ok).toBe(true);
	});
});

describe('a play on a missing score', () => {
	const adoptionBelow50 = play({
		id: 'training',
		when: { '<': [{ var: 'score.groups.adoption' }, 50] },
		actions: [{ type: 'email', template: 'training-invitation', to: 'contacts' }]
	});

	/**
	 * The example's two Scale accounts (Globex with low adoption), plus: Initech with low adoption,
	 * Hooli with no usage data (adoption missing), and Umbrella in a segment whose scorecard has no
	 * Adoption group at all.
	 */
	function accountsWithGaps(): Workspace {
		return workspace([adoptionBelow50], (w) => {
			const contact = (id: string, account: string) => ({
				id,
				account_id: account,
				email: `${id}@${account}.example`
			});
			w.accounts.push(
				{ id: 'initech', name: 'Initech', segment: 'scale', facts: { seats_purchased: 10 } },
				{ id: 'hooli', name: 'Hooli', segment: 'scale', facts: { seats_purchased: 10 } },
				{ id: 'umbrella', name: 'Umbrella', segment: 'mid', facts: { seats_purchased: 10 } }
			);
			w.contacts.push(
				contact('ini', 'initech'),
				contact('hoo', 'hooli'),
				contact('umb', 'umbrella')
			);
			w.snapshots.push(
				{
					account_id: 'initech',
					date: '2026-11-01',
					metrics: { seats_active: 5, active_days_30d: 2 }
				},
				{
					account_id: 'hooli',
					date: '2026-11-01',
					metrics: { seats_active: 5, active_days_30d: null }
				},
				{ account_id: 'umbrella', date: '2026-11-01', metrics: { seats_active: 5 } }
			);
			const scale = w.scorecards[0]!;
			w.scorecards.push({
				...scale,
				id: 'mid',
				name: 'Mid',
				priority: 2,
				applies_to: { '==': [{ var: 'segment' }, 'mid'] },
				groups: [scale.groups[0]!]
			});
		});
	}

	it('plans nothing for accounts where the group is missing or absent, only for a low score', () => {
		const plan = planPlays({ workspace: accountsWithGaps(), asOf: AS_OF });
		// json-logic-js would read Hooli's and Umbrella's missing adoption as 0 and send to both.
		expect(plan.entries.map((e) => e.account_id)).toEqual(['globex', 'initech']);
		expect(plan.entries[1]!.reason).toBe('score.groups.adoption < 50 (score.groups.adoption = 20)');
	});

	it('names the accounts whose scorecard has no such group, with that scorecard', () => {
		const plan = planPlays({ workspace: accountsWithGaps(), asOf: AS_OF });
		expect(plan.unresolved).toEqual([
			{
				play_id: 'training',
				path: 'score.groups.adoption',
				kind: 'group',
				id: 'adoption',
				accounts: 1,
				reachable: 5,
				scorecards: ['mid']
			}
		]);
		// A play whose audience leaves the Mid segment out reaches no account that lacks it.
		const scaleOnly = accountsWithGaps();
		scaleOnly.plays[0]!.audience = { segments: ['scale'] };
		expect(planPlays({ workspace: scaleOnly, asOf: AS_OF }).unresolved).toEqual([]);
	});
});
