/**
 * The dashboard's SLA compliance: of the band playbooks' response tasks created in the last 30 or
 * 90 days, per person, those done on time, late, and open; the CSM the dashboard is scoped to only.
 */
import type { ScorecraftDatabase } from '$lib/db';
import { sameAddress, slaCompliance, type SlaCompliance, type Task } from '$lib/engine';
import { LiveQuery } from '../live-query.svelte';
import { nowIso } from '../today';

export const SLA_WINDOWS = [30, 90] as const;

export class SlaComplianceView {
	days: (typeof SLA_WINDOWS)[number] = $state(30);
	readonly #tasks: LiveQuery<Task[]>;

	constructor(
		db: ScorecraftDatabase,
		readonly scope: () => string
	) {
		this.#tasks = new LiveQuery(async () =>
			(await db.tasks.toArray()).filter((task) => task.sla?.kind === 'response')
		);
	}

	get loading(): boolean {
		return this.#tasks.current === undefined;
	}

	/** Whether any band playbook has created a task yet. */
	get any(): boolean {
		return (this.#tasks.current?.length ?? 0) > 0;
	}

	/** Counted once per change of the tasks, the window or the scope, however often it is read. */
	readonly #rows = $derived.by(() => {
		const scope = this.scope();
		const rows = slaCompliance(this.#tasks.current ?? [], nowIso(), this.days);
		return scope ? rows.filter((row) => sameAddress(row.assignee, scope)) : rows;
	});

	get rows(): SlaCompliance[] {
		return this.#rows;
	}
}
