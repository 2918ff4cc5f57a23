// @vitest-environment node
/**
 * Replicas of the team workspace against the real server (its endpoints in process, PGlite): one
 * person's change reaches another's replica; an edit made offline by a role that may not make it
 * is refused with the reason when the connection returns, and put back; two people changing one
 * play get a conflict that the second settles.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { completeTask } from '$lib/db';
import { resolveConflict } from '$lib/db/sync';
import type { Caller } from '$lib/server/auth/access';
import { appFetch, freshServerEnv, TEST_OWNER } from '../../../../tests/support/api';
import { publishTo, replicaOf } from '../../../../tests/support/replica';
import { exampleWorkspace } from '../../../../tests/support/workspace';

const person = (role: Caller['role'], n: number): Caller => ({
	...TEST_OWNER,
	id: `00000000-0000-4000-8000-00000000010${n}`,
	email: `${role}@app.example`,
	role
});

let asOwner: typeof fetch;

beforeAll(async () => {
	freshServerEnv();
	asOwner = await appFetch();
	await publishTo(asOwner, exampleWorkspace());
});

afterAll(async () => {
	await (await import('$lib/server/mail/service')).resetMailService();
});

async function replicaAs(caller: Caller) {
	const replica = await replicaOf(await appFetch(caller));
	onTestFinished(() => replica.stop());
	return replica;
}

const PLAY = 'scale-training';

describe('replicas of the team workspace', () => {
	it("brings one person's change to another's replica", async () => {
		const ops = await replicaAs(person('ops', 1));
		const viewer = await replicaAs(person('viewer', 2));
		await ops.db.plays.update(PLAY, { name: 'Training, from ops' });
		await ops.sync();
		expect(await ops.db.syncChanges.count()).toBe(0);
		await viewer.sync();
		expect((await viewer.db.plays.get(PLAY))?.name).toBe('Training, from ops');
	});

	it('refuses an offline edit the role may not make, with the reason, and puts the record back', async () => {
		const viewer = await replicaAs(person('viewer', 2));
		const before = (await viewer.db.plays.get(PLAY))!;
		viewer.stop();
		await viewer.db.plays.update(PLAY, { enabled: false });
		expect(await viewer.db.syncChanges.count()).toBe(1);
		viewer.start();
		await viewer.sync();
		expect(await viewer.db.syncChanges.count()).toBe(0);
		expect(await viewer.db.plays.get(PLAY)).toEqual(before);
		expect(await viewer.db.syncNotices.toArray()).toEqual([
			expect.objectContaining({
				reason: 'changing plays takes the ops role (yours: viewer)',
				records: [{ kind: 'plays', id: PLAY }]
			})
		]);
	});

	it('shows two people changing one play as a conflict, which the second settles', async () => {
		const first = await replicaAs(person('ops', 3));
		const second = await replicaAs(person('ops', 4));
		second.stop();
		await second.db.plays.update(PLAY, { cooldown_days: 9 });
		await first.db.plays.update(PLAY, { cooldown_days: 3 });
		await first.sync();
		second.start();
		await second.sync();
		const [conflict] = await second.db.syncConflicts.toArray();
		expect(conflict).toMatchObject({
			kind: 'plays',
			id: PLAY,
			mine: { cooldown_days: 9 },
			theirs: { by: 'ops@app.example', body: { cooldown_days: 3 } }
		});
		// Until the person chooses, the replica holds the server's version.
		expect((await second.db.plays.get(PLAY))?.cooldown_days).toBe(3);

		expect(await resolveConflict(second.db, conflict!.seq!, 'mine')).toBe(true);
		await second.sync();
		await first.sync();
		expect((await first.db.plays.get(PLAY))?.cooldown_days).toBe(9);
		expect(await second.db.syncConflicts.count()).toBe(0);
	});

	it('brings a task a CSM completed to the ops person who made it', async () => {
		const ops = await replicaAs(person('ops', 5));
		const csm = await replicaAs(person('csm', 6));
		const task = {
			id: 'call-acme',
			account_id: 'acme',
			play_id: PLAY,
			title: 'Call Acme',
			assignee: 'csm@app.example',
			due_date: '2026-03-08',
			status: 'open' as const,
			created_at: '2026-03-01T08:00:00.000Z'
		};
		await ops.db.tasks.put(task);
		await ops.sync();
		await csm.sync();
		await completeTask(csm.db, task.id, '2026-03-02T09:00:00.000Z');
		await csm.sync();
		expect(await csm.db.syncNotices.toArray()).toEqual([]);
		await ops.sync();
		expect(await ops.db.tasks.get(task.id)).toMatchObject({ status: 'done' });
	});
});
