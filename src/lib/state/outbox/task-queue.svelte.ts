/** The CSM task queue: open (and due snoozed) tasks by due date, live, with what a CSM does to them. */
import {
	assignTask,
	completeTask,
	doneTasks,
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
	/** What the last action did, for the page to say. */
	note: { kind: 'completed' | 'snoozed' | 'reopened'; title: string; date?: string } | null =
		$state(null);
	readonly today: string;
	/**
	 * Open and done tasks read together: two queries answer at different moments, and a task
	 * another person completed would for a while be in both lists.
	 */
	readonly #lists: LiveQuery<{ open: Task[]; done: Task[] }>;
	readonly #db: ScorecraftDatabase;

	constructor(db: ScorecraftDatabase, today = todayUtc()) {
		this.#db = db;
		this.today = today;
		this.#lists = new LiveQuery(async () => ({
			open: await taskQueue(db, today),
			done: await doneTasks(db)
		}));
	}

	get loading(): boolean {
		return this.#lists.loading;
	}

	get tasks(): Task[] {
		const open = this.#lists.current?.open ?? [];
		const done = this.showDone ? (this.#lists.current?.done ?? []) : [];
		return [...open, ...done].filter((task) => !this.assignee || task.assignee === this.assignee);
	}

	get assignees(): string[] {
		return sortedDistinct((this.#lists.current?.open ?? []).map((task) => task.assignee));
	}

	overdue(task: Task): boolean {
		return task.status !== 'done' && task.due_date < this.today;
	}

	get error(): string | null {
		return this.#lists.error;
	}

	async complete(task: Task): Promise<void> {
		await completeTask(this.#db, task.id, nowIso());
		this.note = { kind: 'completed', title: task.title };
	}

	async reopen(task: Task): Promise<void> {
		await reopenTask(this.#db, task.id);
		this.note = { kind: 'reopened', title: task.title };
	}

	/** Snoozes a task for some days from today: it leaves the queue until then. */
	async snooze(task: Task, days: number): Promise<void> {
		const until = addDays(this.today, days);
		await snoozeTask(this.#db, task.id, until);
		this.note = { kind: 'snoozed', title: task.title, date: until };
	}

	assign(task: Task, assignee: string): Promise<void> {
		return assignTask(this.#db, task.id, assignee.trim() || task.assignee);
	}
}
