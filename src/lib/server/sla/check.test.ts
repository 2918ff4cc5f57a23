// @vitest-environment node
/**
 * The server's check of the band playbooks, on both databases: an account entering Orange gets a
 * task for its CSM due in 48 hours, written into the team workspace; overdue, it escalates once to
 * the CSM's manager (a task and an email); a response done in time never escalates.
 */
import { expect, it } from 'vitest';
import { exampleWorkspace } from '../../../../tests/support/workspace';
import { FRAMEWORK_PLAYBOOKS, type Band, type Task, type Workspace } from '../../engine';
import { SYSTEM } from '../store/audit';
import { describeStore } from '../store/fixture';
import type { Store } from '../store/store';
import { checkSla, type Notify } from './check';

const AS_OF = '2026-11-15';
const T0 = new Date('2026-12-01T09:00:00Z');
const hoursAfter = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

/** The example workspace, Acme in Cam's book, scored into `bands` (every account into the lowest). */
function workspaceWith(bands: Band[]): Workspace {
	const workspace = exampleWorkspace();
	workspace.accounts = workspace.accounts.map((account) =>
		account.id === 'acme' ? { ...account, csm: 'Cam@Team.example' } : account
	);
	workspace.scorecards = workspace.scorecards.map((scorecard) => ({ ...scorecard, bands }));
	workspace.settings = { ...workspace.settings, band_playbooks: [...FRAMEWORK_PLAYBOOKS] };
	return workspace;
}
const ALL_GREEN = [{ name: 'Green', min: 0 }];
const ALL_ORANGE = [
	{ name: 'Orange', min: 0 },
	{ name: 'Green', min: 100 }
];

const tasksOf = async (store: Store) =>
	((await store.published.current())!.workspace.tasks ?? []) as unknown as Task[];

describeStore(({ fresh, user }) => {
	async function team() {
		const store = await fresh();
		const member = async (email: string, role: string) => {
			const person = await user(email);
			await store.database.query('insert into member (user_id, role) values ($1, $2)', [
				person.id,
				role
			]);
			return person;
		};
		const owner = await member('owner@team.example', 'owner');
		const lee = await member('lee@team.example', 'leader');
		const cam = await member('cam@team.example', 'csm');
		await member('kim@vendor.example', 'csm');
		expect(await store.people.setManager(cam.id, lee.id)).toBe('ok');
		expect(await store.people.setManager(cam.id, cam.id)).toBe('self');
		await store.published.publish(JSON.stringify(workspaceWith(ALL_GREEN)), owner);
		const sent: { to: string; task: Task; account: string }[] = [];
		const notify: Notify = async (task, account) => {
			sent.push({ to: task.assignee, task, account });
		};
		const check = (now: Date, send: Notify = notify) =>
			checkSla(store, { now, asOf: AS_OF, notify: send });
		return { store, owner, sent, check };
	}

	it('gives an account entering Orange a CSM task due in 48 hours; overdue, a manager task and one email', async () => {
		const { store, owner, sent, check } = await team();
		// The first check notes each account's band: nobody entered one.
		expect(await check(T0)).toMatchObject({ entered: 0, responses: 0, revision: null });

		await store.published.publish(JSON.stringify(workspaceWith(ALL_ORANGE)), owner);
		const entered = await check(hoursAfter(1));
		expect(entered).toMatchObject({ entered: 2, responses: 2, escalated: 0 });
		const [response] = (await tasksOf(store)).filter((task) => task.account_id === 'acme');
		expect(response).toMatchObject({
			assignee: 'Cam@Team.example',
			status: 'open',
			due_at: hoursAfter(49).toISOString(),
			sla: { band: 'Orange', kind: 'response' }
		});
		// Checked again: nothing entered again, nothing added.
		expect(await check(hoursAfter(2))).toMatchObject({ responses: 0, revision: null });

		// Kim's response is done in time; Cam's is not.
		const kims = (await tasksOf(store)).find((task) => task.account_id === 'globex')!;
		await store.published.records.locked(async (locked) => {
			await locked.write(
				[
					{
						kind: 'tasks',
						id: kims.id,
						body: { ...kims, status: 'done', completed_at: hoursAfter(3).toISOString() }
					}
				],
				{ actor: SYSTEM, client: null }
			);
			return locked.finish();
		});
		const late = await check(hoursAfter(50));
		expect(late).toMatchObject({ escalated: 1, emailed: 1, failures: [] });
		expect(sent).toMatchObject([
			{ to: 'lee@team.example', account: 'Acme Ltd', task: { sla: { csm: 'Cam@Team.example' } } }
		]);
		const tasks = await tasksOf(store);
		expect(tasks.find((task) => task.id === `sla-escalation:${response!.id}`)).toMatchObject({
			assignee: 'lee@team.example',
			status: 'open',
			sla: { kind: 'escalation', of: response!.id }
		});
		expect(tasks.find((task) => task.id === response!.id)!.sla!.escalated_at).toBe(
			hoursAfter(50).toISOString()
		);
		// Escalated once: later checks send nothing more.
		expect(await check(hoursAfter(60))).toMatchObject({ escalated: 0, emailed: 0 });
		expect(sent).toHaveLength(1);
	});

	it('on its first check, tasks the accounts that entered their band in the last week only', async () => {
		const { store, owner, check } = await team();
		const workspace = workspaceWith(exampleWorkspace().scorecards[0]!.bands!);
		// Acme's usage collapsed three days before the as-of date; Globex's did not change.
		const [acme] = workspace.snapshots.filter((snapshot) => snapshot.account_id === 'acme');
		const zeroed = Object.fromEntries(
			Object.entries(acme!.metrics).map(([key, value]) => [
				key,
				typeof value === 'number' ? 0 : value
			])
		);
		workspace.snapshots.push({ ...acme!, date: '2026-11-12', metrics: zeroed });
		await store.published.publish(JSON.stringify(workspace), owner);
		const first = await check(T0);
		expect(first).toMatchObject({ entered: 1, responses: 1 });
		const [task] = await tasksOf(store);
		expect(task).toMatchObject({ account_id: 'acme', sla: { kind: 'response' } });
		expect(task!.title).toMatch(/went from \w+ to Red$/);
	});

	it('keeps an escalation whose email failed, and names the failure', async () => {
		const { store, owner, check } = await team();
		await check(T0);
		await store.published.publish(JSON.stringify(workspaceWith(ALL_ORANGE)), owner);
		await check(hoursAfter(1));
		const failing: Notify = async () => {
			throw new Error('SMTP said 550 no such user');
		};
		// Kim has no manager: hers goes to the leader too.
		const late = await check(hoursAfter(50), failing);
		expect(late).toMatchObject({ escalated: 2, emailed: 0 });
		expect(late.failures).toEqual([
			'lee@team.example: SMTP said 550 no such user',
			'lee@team.example: SMTP said 550 no such user'
		]);
		// Never sent twice: the escalation stands, and the next check does not try again.
		expect(await check(hoursAfter(51))).toMatchObject({ escalated: 0, emailed: 0 });
		const audit = await store.audit.list({ action: 'sla.email_failed' });
		expect(audit).toHaveLength(2);
	});
});
