/** Runs of plays into the outbox and the task queue: idempotent, all or nothing, decided by people. */
import { describe, expect, it } from 'vitest';
import { planPlays, type Play, type Workspace } from '$lib/engine';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { readMeta } from './meta';
import {
	accountOutbox,
	accountTasks,
	approveEntries,
	assignTask,
	claimForSending,
	completeTask,
	doneTasks,
	markWebhookResult,
	outboxEntries,
	outboxHistory,
	rejectEntries,
	reopenTask,
	runPlan,
	snoozeTask,
	taskQueue
} from './outbox';
import { keysInOutbox, playFigures, totalFigures } from './run-figures';
import { testDatabase } from './testing';
import { exportWorkspace, replaceWorkspace } from './workspace';

const AS_OF = '2026-11-02';
const kim = { at: `${AS_OF}T08:00:00.000Z`, by: 'kim@vendor.example' };

const plays: Play[] = [
	{
		id: 'nurture',
		name: 'Nurture',
		enabled: true,
		mode: 'auto',
		when: true,
		actions: [
			{ type: 'email', template: 'content-nurture', to: 'contacts' },
			{ type: 'tag', add: ['nurtured'] }
		],
		cooldown_days: 14
	},
	{
		id: 'call',
		name: 'Call',
		enabled: true,
		mode: 'approve',
		when: { '<': [{ var: 'score.groups.adoption' }, 60] },
		actions: [{ type: 'task', title: 'Call them', due_in_days: 3 }],
		cooldown_days: 30
	}
];

async function store(): Promise<{ db: ReturnType<typeof testDatabase>; workspace: Workspace }> {
	const db = testDatabase();
	const workspace = { ...exampleWorkspace(), plays };
	await replaceWorkspace(db, workspace);
	return { db, workspace };
}

describe('runPlan', () => {
	it('writes the plan once, performs auto plays, and leaves approve plays waiting', async () => {
		const { db, workspace } = await store();
		const plan = planPlays({ workspace, asOf: AS_OF });
		const versionBefore = await readMeta(db, 'dataVersion');
		const first = await runPlan(db, plan, kim);
		expect(first).toEqual({
			added: 5,
			alreadyThere: 0,
			performed: 2,
			waiting: 1,
			queued: 2,
			suppressed: 0,
			plays: playFigures(plan, new Set())
		});
		expect((await db.accounts.get('acme'))?.tags).toEqual(['nurtured']);
		// Tags are account fields: the score caches must know the data changed.
		expect(await readMeta(db, 'dataVersion')).toBe(versionBefore! + 1);
		const statuses = Object.fromEntries(
			(await db.outbox.toArray()).map((e) => [`${e.play_id}/${e.account_id}/${e.action}`, e.status])
		);
		expect(statuses).toEqual({
			'nurture/acme/email': 'approved',
			'nurture/acme/tag': 'sent',
			'nurture/globex/email': 'approved',
			'nurture/globex/tag': 'sent',
			'call/globex/task': 'planned'
		});
		expect(await db.tasks.count()).toBe(0);

		// The same plan again, or a plan made after the run: nothing new.
		expect(await runPlan(db, plan, kim)).toMatchObject({ added: 0, alreadyThere: 5 });
		const history = await outboxHistory(db, '2026-10-01');
		const replanned = planPlays({ workspace, asOf: AS_OF, history });
		expect(replanned.entries.every((e) => e.suppression === 'cooldown')).toBe(true);
		expect(await runPlan(db, replanned, kim)).toMatchObject({ added: 0 });
		expect(await db.outbox.count()).toBe(5);
	});

	it('reports per play the very figures its confirmation showed, "already done" apart', async () => {
		const { db, workspace } = await store();
		// Globex's contact has unsubscribed: its email is suppressed; a third play plans nothing.
		workspace.contacts = workspace.contacts.map((contact) =>
			contact.id === 'c2' ? { ...contact, unsubscribed_at: '2026-10-01' } : contact
		);
		const idle: Play = { ...plays[1]!, id: 'idle', when: false };
		workspace.plays = [...plays, idle];
		await replaceWorkspace(db, workspace);
		const ids = ['nurture', 'call', 'idle'];

		const plan = planPlays({ workspace, asOf: AS_OF, plays: ids });
		const shown = playFigures(plan, await keysInOutbox(db, plan), ids);
		const zero = { tasks: 0, tags: 0, webhooks: 0, approval: 0, suppressed: 0, already: 0 };
		expect(shown).toEqual([
			{ play_id: 'nurture', ...zero, emails: 1, tags: 2, suppressed: 1 },
			{ play_id: 'call', ...zero, emails: 0, tasks: 1, approval: 1 },
			{ play_id: 'idle', ...zero, emails: 0 }
		]);
		const first = await runPlan(db, plan, { ...kim, plays: ids });
		expect(first.plays).toEqual(shown);
		expect(totalFigures(first.plays)).toEqual({
			...zero,
			emails: 1,
			tasks: 1,
			tags: 2,
			approval: 1,
			suppressed: 1
		});
		// What the run wrote agrees: one email queued, two tags and one task waiting, one suppressed.
		expect(first).toMatchObject({ added: 5, queued: 1, performed: 2, waiting: 1, suppressed: 1 });

		// Later the same day, after someone rejected the call: all of it already done, in both.
		const [call] = await db.outbox.where('play_id').equals('call').primaryKeys();
		await rejectEntries(db, [call!], kim);
		const again = planPlays({
			workspace,
			asOf: AS_OF,
			plays: ids,
			history: await outboxHistory(db, '2026-10-01')
		});
		const before = playFigures(again, await keysInOutbox(db, again), ids);
		expect(totalFigures(before)).toEqual({ ...zero, emails: 0, already: 5 });
		const second = await runPlan(db, again, { ...kim, plays: ids });
		expect(second.plays).toEqual(before);
		expect(second.added).toBe(0);
	});

	it('creates the task when a person approves, and a rejected entry is never performed', async () => {
		const { db, workspace } = await store();
		await runPlan(db, planPlays({ workspace, asOf: AS_OF }), kim);
		const [waiting] = await db.outbox.where('status').equals('planned').toArray();
		expect(await rejectEntries(db, ['nope'], kim)).toEqual({ changed: 0, skipped: 1 });
		expect(await approveEntries(db, [waiting!.key], { ...kim, by: 'lee' })).toEqual({
			changed: 1,
			skipped: 0
		});
		expect(await db.outbox.get(waiting!.key)).toMatchObject({ status: 'sent', decided_by: 'lee' });
		const [task] = await taskQueue(db, AS_OF);
		expect(task).toMatchObject({
			id: waiting!.key,
			account_id: 'globex',
			title: 'Call them',
			assignee: 'kim@vendor.example',
			due_date: '2026-11-05',
			status: 'open'
		});
		// Approving again changes nothing; rejecting a sent entry neither.
		expect(await approveEntries(db, [waiting!.key], kim)).toEqual({ changed: 0, skipped: 1 });
		expect(await rejectEntries(db, [waiting!.key], kim)).toEqual({ changed: 0, skipped: 1 });

		await snoozeTask(db, task!.id, '2026-11-09');
		expect(await taskQueue(db, AS_OF)).toEqual([]);
		expect((await taskQueue(db, '2026-11-09')).map((t) => t.id)).toEqual([task!.id]);
		await completeTask(db, task!.id, kim.at);
		expect(await taskQueue(db, '2026-11-09')).toEqual([]);
		expect((await db.tasks.get(task!.id))?.status).toBe('done');
	});

	it('keeps the outbox and the tasks in the workspace file, and writes nothing of a run that fails', async () => {
		const { db, workspace } = await store();
		const plan = planPlays({ workspace, asOf: AS_OF });
		await runPlan(db, plan, kim);
		const [waiting] = await db.outbox.where('status').equals('planned').primaryKeys();
		await approveEntries(db, [waiting!], kim);
		const exported = await exportWorkspace(db);
		expect(exported.outbox).toHaveLength(5);
		expect(exported.tasks).toHaveLength(1);
		const copy = testDatabase();
		await replaceWorkspace(copy, exported);
		expect(await copy.outbox.count()).toBe(5);
		expect(await copy.tasks.count()).toBe(1);

		// A plan whose entries clash on a key inside the batch cannot half-land.
		const fresh = await store();
		const broken = {
			...plan,
			entries: [...plan.entries, { ...plan.entries[0]!, detail: null as never }]
		};
		broken.entries[1] = {
			...broken.entries[1]!,
			detail: undefined as never,
			status: 'planned',
			mode: 'auto'
		};
		await expect(runPlan(fresh.db, broken, kim)).rejects.toThrow();
		expect(await fresh.db.outbox.count()).toBe(0);
		expect((await fresh.db.accounts.get('acme'))?.tags ?? []).toEqual([]);
	});
});

describe('suppressed entries', () => {
	it('are kept with their reason, except cooldowns (the earlier entry is the record)', async () => {
		const { db, workspace } = await store();
		const plan = planPlays({ workspace, asOf: AS_OF });
		const [first, second, ...rest] = plan.entries;
		const edited = {
			...plan,
			entries: [
				{ ...first!, status: 'suppressed' as const, suppression: 'unsubscribed' as const },
				{ ...second!, status: 'suppressed' as const, suppression: 'cooldown' as const },
				...rest
			]
		};
		const result = await runPlan(db, edited, kim);
		expect(result).toMatchObject({ added: plan.entries.length - 1, suppressed: 1 });
		expect(await db.outbox.get(first!.key)).toMatchObject({
			status: 'suppressed',
			suppression: 'unsubscribed',
			attempts: 0,
			created_at: kim.at,
			updated_at: kim.at
		});
		expect(await db.outbox.get(second!.key)).toBeUndefined();
	});
});

describe('webhooks', () => {
	const alert: Play = {
		id: 'alert',
		name: 'Alert',
		enabled: true,
		mode: 'auto',
		when: true,
		actions: [{ type: 'webhook', url: 'https://hooks.example/x', body: { text: 'hi' } }],
		cooldown_days: 7
	};

	it('claims an approved entry once, and records the server outcome', async () => {
		const db = testDatabase();
		const workspace = { ...exampleWorkspace(), plays: [alert] };
		await replaceWorkspace(db, workspace);
		expect(await runPlan(db, planPlays({ workspace, asOf: AS_OF }), kim)).toMatchObject({
			queued: 2,
			performed: 0
		});
		const [a, b] = await db.outbox.orderBy('account_id').primaryKeys();
		const later = '2026-11-02T08:01:00.000Z';
		expect(await claimForSending(db, a!, later)).toMatchObject({ status: 'sending' });
		// A second tab finds it taken.
		expect(await claimForSending(db, a!, later)).toBeNull();
		await markWebhookResult(db, a!, { ok: true, status: 200, attempts: 2 }, later);
		await markWebhookResult(db, b!, { ok: false, error: 'HTTP 404', attempts: 1 }, later);
		expect(await db.outbox.get(a!)).toMatchObject({
			status: 'sent',
			attempts: 2,
			updated_at: later
		});
		expect((await db.outbox.get(a!))?.error).toBeUndefined();
		expect(await db.outbox.get(b!)).toMatchObject({ status: 'failed', error: 'HTTP 404' });
		expect(await claimForSending(db, b!, later)).toBeNull();
	});
});

describe('queries for the pages', () => {
	it('filter the outbox and give an account its tasks and entries', async () => {
		const { db, workspace } = await store();
		await runPlan(db, planPlays({ workspace, asOf: AS_OF }), kim);
		const all = await outboxEntries(db);
		expect(all).toHaveLength(5);
		expect((await outboxEntries(db, { status: 'planned' })).map((e) => e.play_id)).toEqual([
			'call'
		]);
		expect(await outboxEntries(db, { play_id: 'nurture', action: 'tag' })).toHaveLength(2);
		expect(
			(await outboxEntries(db, { account_id: 'acme' })).every((e) => e.account_id === 'acme')
		).toBe(true);

		const [waiting] = await db.outbox.where('status').equals('planned').primaryKeys();
		await approveEntries(db, [waiting!], kim);
		expect((await accountTasks(db, 'globex')).map((t) => t.title)).toEqual(['Call them']);
		expect(await accountTasks(db, 'acme')).toEqual([]);
		expect(await accountOutbox(db, 'globex', 2)).toHaveLength(2);

		await assignTask(db, waiting!, 'lee@vendor.example');
		expect((await db.tasks.get(waiting!))?.assignee).toBe('lee@vendor.example');
		await completeTask(db, waiting!, kim.at);
		expect(await accountTasks(db, 'globex')).toEqual([]);
		expect((await doneTasks(db)).map((t) => t.id)).toEqual([waiting]);
		await reopenTask(db, waiting!);
		expect(await db.tasks.get(waiting!)).toMatchObject({ status: 'open' });
		expect((await db.tasks.get(waiting!))?.completed_at).toBeUndefined();
	});
});
