/** The CSM task queue: open (and due snoozed) tasks by due date, live, with what a CSM does to them. */
import {
	assignTask,
	completeTask,
	doneTasks,
	markTasksSeen,
	reopenTask,
	snoozeTask,
	taskQueue,
	type ScorecraftDatabase
} from '$lib/db';
import { untrack } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import { sameAddress, type Task } from '$lib/engine';
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
	/** The signed-in person's email: their tasks come first, and are marked seen once shown. */
	readonly me: string | null;
	/** Tasks that were new to the person when this queue showed them (marked seen since). */
	readonly fresh = new SvelteSet<string>();
	/**
	 * Open and done tasks read together: two queries answer at different moments, and a task
	 * another person completed would for a while be in both lists.
	 */
	readonly #lists: LiveQuery<{ open: Task[]; done: Task[] }>;
	readonly #db: ScorecraftDatabase;

	constructor(db: ScorecraftDatabase, today = todayUtc(), me: string | null = null) {
		this.#db = db;
		this.today = today;
		this.me = me;
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

	/** The person's own spelling among the assignees, when some open task is theirs. */
	get mine(): string | null {
		return this.assignees.find((who) => sameAddress(who, this.me)) ?? null;
	}

	/** Tasks shown now that are the person's and new to them. */
	get unseen(): Task[] {
		return this.tasks.filter((task) => !task.seen_at && sameAddress(task.assignee, this.me));
	}

	/** Marks the shown new tasks seen (on every browser of the person), keeping them flagged here. */
	async markSeen(): Promise<void> {
		// Read without tracking: called from an effect, which must not rerun on its own write.
		const ids = this.unseen
			.map((task) => task.id)
			.filter((id) => !untrack(() => this.fresh.has(id)));
		if (ids.length === 0) return;
		for (const id of ids) this.fresh.add(id);
		await markTasksSeen(this.#db, ids, nowIso());
	}

	/** Past its due date, or for a band playbook's response, past its due time. */
	overdue(task: Task): boolean {
		if (task.status === 'done') return false;
		return task.due_at ? task.due_at < nowIso() : task.due_date < this.today;
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
