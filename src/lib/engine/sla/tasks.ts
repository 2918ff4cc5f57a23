/**
 * The tasks band playbooks create: a response when an account enters a band, due within the
 * playbook's hours; an escalation to the CSM's manager when a response is overdue. Pure: the
 * server's check (`server/sla`) reads the bands and the people, and writes what these return.
 */
import type { Account, BandPlaybook } from '../types';
import { sameAddress } from '../plays/recipients';
import type { Task } from '../plays/types';

const HOUR = 3_600_000;

/** Who a task goes to: a person's manager, and whom to turn to when there is none. */
export interface SlaPeople {
	managerOf(email: string): string | null;
	/** A leader (else the owner): the manager of anyone who has none. */
	fallback: string | null;
}

/** An account whose band differs from the one it had at the last check. */
export interface BandEntry {
	account: Pick<Account, 'id' | 'name' | 'csm'>;
	band: string;
	previous: string;
}

const plusHours = (at: string, hours: number) =>
	new Date(Date.parse(at) + hours * HOUR).toISOString();

function managerFor(email: string | null | undefined, people: SlaPeople): string | null {
	return (email ? people.managerOf(email) : null) ?? people.fallback;
}

/** The response tasks of accounts that entered a band with a playbook, created `at`. */
export function responseTasks(
	entries: readonly BandEntry[],
	playbooks: ReadonlyMap<string, BandPlaybook>,
	at: string,
	people: SlaPeople
): Task[] {
	const tasks: Task[] = [];
	for (const { account, band, previous } of entries) {
		const playbook = playbooks.get(band);
		if (!playbook || playbook.respond_within_hours === null) continue;
		const csm = account.csm?.trim() || null;
		// An account without a CSM goes to the manager: someone must answer for it.
		const assignee = playbook.to === 'csm' && csm ? csm : managerFor(csm, people);
		if (!assignee) continue;
		const dueAt = plusHours(at, playbook.respond_within_hours);
		tasks.push({
			id: `sla:${account.id}:${band}:${at}`,
			account_id: account.id,
			play_id: 'band-playbook',
			title: `${playbook.response}: ${account.name} went from ${previous} to ${band}`,
			assignee,
			due_date: dueAt.slice(0, 10),
			due_at: dueAt,
			status: 'open',
			created_at: at,
			sla: { band, kind: 'response', ...(csm ? { csm } : {}) }
		});
	}
	return tasks;
}

/** A response task past its due time, not done and not escalated yet. */
export function isOverdue(task: Task, now: string): boolean {
	return (
		task.sla?.kind === 'response' &&
		task.status !== 'done' &&
		!task.sla.escalated_at &&
		!!task.due_at &&
		task.due_at < now
	);
}

/** Overdue responses escalated: each marked, and a task for the assignee's manager due in a day. */
export function escalations(
	tasks: readonly Task[],
	now: string,
	people: SlaPeople
): { escalated: Task[]; created: Task[] } {
	const escalated: Task[] = [];
	const created: Task[] = [];
	for (const task of tasks) {
		if (!isOverdue(task, now)) continue;
		const manager = managerFor(task.assignee, people);
		// Nobody above the assignee: escalating to themselves would only add noise.
		if (!manager || sameAddress(manager, task.assignee)) continue;
		escalated.push({ ...task, sla: { ...task.sla!, escalated_at: now } });
		const dueAt = plusHours(now, 24);
		created.push({
			id: `sla-escalation:${task.id}`,
			account_id: task.account_id,
			play_id: 'band-playbook',
			title: `Overdue since ${task.due_at!.slice(0, 16).replace('T', ' ')} UTC: ${task.title} (${task.assignee})`,
			assignee: manager,
			due_date: dueAt.slice(0, 10),
			due_at: dueAt,
			status: 'open',
			created_at: now,
			sla: { band: task.sla!.band, kind: 'escalation', of: task.id, csm: task.assignee }
		});
	}
	return { escalated, created };
}
