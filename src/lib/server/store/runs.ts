/**
 * The runs of the published plays as a table: the server's (scheduled, or "run now") and those of
 * `engine run --database-url`. The app brings them into its outbox (`after`), and the next run
 * plans with them as history, so what another process ran counts for cooldowns and caps.
 */
import type { OutboxEntry } from '../../engine';
import type { RunReport } from '../mail/run';
import { outboxEntryOf, type StoredRun } from '../mail/runs';
import type { Database, Queryable } from './database';

interface Row {
	id: string;
	trigger: string;
	report: RunReport;
}

const runOf = (row: Row): StoredRun => ({ id: row.id, trigger: row.trigger, ...row.report });

/** The report without the row's own columns (an imported run's file holds them too). */
function reportOf(run: RunReport): RunReport {
	const { as_of, started_at, finished_at, entries, counts } = run;
	return { as_of, started_at, finished_at, entries, counts };
}

async function insert(tx: Queryable, id: string, trigger: string, report: RunReport) {
	const rows = await tx.query(
		`insert into play_run (id, trigger, started_at, report) values ($1, $2, $3, $4)
		 on conflict (id) do nothing returning id`,
		[id, trigger, report.started_at, JSON.stringify(reportOf(report))]
	);
	return rows.length === 1;
}

export class Runs {
	constructor(readonly database: Database) {}

	/** Keeps a run; its id sorts by when it started (then the trigger, then a count for a tie). */
	async save(report: RunReport, trigger: string): Promise<StoredRun> {
		const base = `${report.started_at.replace(/[:.]/g, '-')}-${trigger}`;
		for (let n = 1; ; n++) {
			const id = n === 1 ? base : `${base}-${n}`;
			if (await insert(this.database, id, trigger, report)) return { id, trigger, ...report };
		}
	}

	/** Runs after the given id (all when none), oldest first. */
	async after(id: string | null): Promise<StoredRun[]> {
		const rows = await this.database.query<Row>(
			'select id, trigger, report from play_run where $1::text is null or id > $1 order by id',
			[id]
		);
		return rows.map(runOf);
	}

	/** The newest run of a trigger (the schedule's: whether today's ran), or null. */
	async latest(trigger: string): Promise<Pick<StoredRun, 'id' | 'trigger' | 'started_at'> | null> {
		const [row] = await this.database.query<{ id: string; started_at: Date }>(
			'select id, started_at from play_run where trigger = $1 order by started_at desc limit 1',
			[trigger]
		);
		return row ? { id: row.id, trigger, started_at: new Date(row.started_at).toISOString() } : null;
	}

	/** Every entry of every run, as outbox history. */
	async history(): Promise<OutboxEntry[]> {
		return (await this.after(null)).flatMap((run) =>
			run.entries.map((item) => outboxEntryOf(run, item))
		);
	}

	/** Moves a data folder's runs in, in one transaction (ids kept); returns how many were new. */
	async importRuns(runs: readonly StoredRun[]): Promise<number> {
		return this.database.transaction(async (tx) => {
			let imported = 0;
			for (const run of runs) if (await insert(tx, run.id, run.trigger, run)) imported++;
			return imported;
		});
	}
}
