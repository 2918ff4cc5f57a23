import { describe, expect, it } from 'vitest';
import type { Task } from '$lib/engine';
import { exampleWorkspace } from '../../../tests/support/workspace';
import { accountCsms, markTasksSeen, newTasksFor, reassignAccount } from './book';
import { testDatabase } from './testing';
import { replaceWorkspace } from './workspace';

const task = (id: string, fields: Partial<Task> = {}): Task => ({
	id,
	account_id: 'acme',
	play_id: 'call',
	title: id,
	assignee: 'kim@vendor.example',
	due_date: '2026-03-08',
	status: 'open',
	created_at: '2026-03-01T08:00:00.000Z',
	...fields
});

async function setup() {
	const db = testDatabase('book');
	await replaceWorkspace(db, exampleWorkspace());
	await db.tasks.bulkPut([
		task('open', { seen_at: '2026-03-01T09:00:00.000Z' }),
		task('snoozed', { status: 'snoozed', snoozed_until: '2026-03-10' }),
		task('done', { status: 'done', completed_at: '2026-03-02T09:00:00.000Z' }),
		task('handed', { assignee: 'lee@vendor.example' }),
		task('globex', { account_id: 'globex' })
	]);
	return db;
}

describe("a CSM's book", () => {
	it("moves an account's open tasks of its previous CSM with it, new to the next one", async () => {
		const db = await setup();
		expect(await reassignAccount(db, 'acme', ' cara@team.example ')).toEqual({ tasksMoved: 2 });
		expect((await db.accounts.get('acme'))?.csm).toBe('cara@team.example');
		const byId = new Map((await db.tasks.toArray()).map((t) => [t.id, t]));
		expect(byId.get('open')).toMatchObject({ assignee: 'cara@team.example' });
		expect(byId.get('open')?.seen_at).toBeUndefined();
		expect(byId.get('snoozed')?.assignee).toBe('cara@team.example');
		// Done, handed to someone else, or another account's: they stay.
		expect(byId.get('done')?.assignee).toBe('kim@vendor.example');
		expect(byId.get('handed')?.assignee).toBe('lee@vendor.example');
		expect(byId.get('globex')?.assignee).toBe('kim@vendor.example');
		expect(await accountCsms(db)).toEqual(['cara@team.example', 'kim@vendor.example']);
	});

	it('tells a person of the open tasks new to them, whatever the case of their email, until seen', async () => {
		const db = await setup();
		expect((await newTasksFor(db, 'Kim@Vendor.example')).map((t) => t.id)).toEqual([
			'globex',
			'snoozed'
		]);
		await markTasksSeen(db, ['globex', 'snoozed'], '2026-03-03T10:00:00.000Z');
		expect(await newTasksFor(db, 'kim@vendor.example')).toEqual([]);
		expect((await db.tasks.get('globex'))?.seen_at).toBe('2026-03-03T10:00:00.000Z');
	});

	it('refuses an account that does not exist, and changes nothing', async () => {
		const db = await setup();
		await expect(reassignAccount(db, 'nobody', 'cara@team.example')).rejects.toThrow(
			'no account "nobody"'
		);
		expect(await accountCsms(db)).toEqual(['kim@vendor.example']);
	});
});
