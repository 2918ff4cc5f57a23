/**
 * How well each person kept the band playbooks' response times: of the response tasks assigned to
 * them in a window, those done on time, those late (done after the due time, or still open past
 * it), and those open and not yet due.
 */
import type { Task } from '../plays/types';

export interface SlaCompliance {
	assignee: string;
	on_time: number;
	late: number;
	open: number;
}

/** Per assignee (by address, as first spelt), the response tasks created in the `days` before `now`. */
export function slaCompliance(tasks: readonly Task[], now: string, days: number): SlaCompliance[] {
	const since = new Date(Date.parse(now) - days * 86_400_000).toISOString();
	const byPerson = new Map<string, SlaCompliance>();
	for (const task of tasks) {
		if (task.sla?.kind !== 'response' || !task.due_at) continue;
		if (task.created_at < since || task.created_at > now) continue;
		const key = task.assignee.trim().toLowerCase();
		let row = byPerson.get(key);
		if (!row)
			byPerson.set(key, (row = { assignee: task.assignee.trim(), on_time: 0, late: 0, open: 0 }));
		if (task.status === 'done') {
			if (task.completed_at && task.completed_at <= task.due_at) row.on_time++;
			else row.late++;
		} else if (task.due_at < now) row.late++;
		else row.open++;
	}
	return [...byPerson.values()].sort((a, b) => a.assignee.localeCompare(b.assignee));
}
