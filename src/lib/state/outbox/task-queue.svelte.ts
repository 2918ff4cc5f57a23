/** The CSM task queue: open (and due snoozed) tasks by due date, live, with what a CSM does to them. */
import {
	assignTask,
	completeTask,
	reopenTask,
	snoozeTask,
	taskQueue,
	type ScorecraftDatabase
} from '$lib/db';
import type { Task } from '$lib/engine';
import { addDays } from '$lib/engine/dates';
import { LiveQuery } from '../live-query.svelte';
import { sortedDistinct } from '../lists';
import { nowIso, todayUtc } from '../today';

export class TaskQueue {
	assignee = $state('');
	showDone = $state(false);
	readonly today: string;
	readonly #open: LiveQuery<Task[]>;
	readonly #done: LiveQuery<Task[]>;
	readonly #db: ScorecraftDatabase;

	constructor(db: ScorecraftDatabase, today = todayUtc()) {
		this.#db = db;
		this.today = today;
		this.#open = new LiveQuery(() => taskQueue(db, today));
		this.#done = new LiveQuery(() => db.tasks.where('status').equals('done').toArray());
	}

	get loading(): boolean {
		return this.#open.loading;
	}

	get tasks(): Task[] {
		const open = this.#open.current ?? [];
		const done = this.showDone ? (this.#done.current ?? []) : [];
		return [...open, ...done].filter((task) => !this.assignee || task.assignee === this.assignee);
	}

	get assignees(): string[] {
		return sortedDistinct((this.#open.current ?? []).map((task) => task.assignee));
	}

	overdue(task: Task): boolean {
		return task.status !== 'done' && task.due_date < this.today;
	}

	complete(task: Task): Promise<void> {
		return completeTask(this.#db, task.id, nowIso());
	}

	reopen(task: Task): Promise<void> {
		return reopenTask(this.#db, task.id);
	}

	snooze(task: Task, days: number): Promise<void> {
		return snoozeTask(this.#db, task.id, addDays(this.today, days));
	}

	assign(task: Task, assignee: string): Promise<void> {
		return assignTask(this.#db, task.id, assignee.trim() || task.assignee);
	}
}
