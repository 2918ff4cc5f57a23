/**
 * The server's runs of plays, one JSON file each in `<dataDir>/runs/` (written beside, then
 * renamed): what the app syncs into its outbox, and the history the next run plans with.
 */
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import type { OutboxEntry, OutboxStatus } from '../../engine';
import type { RunEntry, RunReport } from './run';

export interface StoredRun extends RunReport {
	id: string;
	/** `schedule` (the daily run), `settings` (run now), `cli`. */
	trigger: string;
}

const STATUS: Record<RunEntry['outcome'], OutboxStatus | null> = {
	sent: 'sent',
	already_sent: 'sent',
	failed: 'failed',
	retry: 'approved',
	suppressed: 'suppressed',
	refused: 'failed',
	for_the_app: null
};

/** A run's entry as the outbox keeps it. */
export function outboxEntryOf(run: Pick<RunReport, 'started_at'>, item: RunEntry): OutboxEntry {
	const { entry } = item;
	const status = STATUS[item.outcome] ?? entry.status;
	return {
		...entry,
		status,
		created_at: run.started_at,
		updated_at: run.started_at,
		attempts: item.attempts ?? 0,
		...(item.message_id ? { message_id: item.message_id } : {}),
		...(item.error && status !== 'suppressed' ? { error: item.error } : {}),
		...(status === 'suppressed' && !entry.suppression && item.error
			? { suppression: item.error as OutboxEntry['suppression'] }
			: {})
	};
}

export class RunStore {
	constructor(readonly dir: string) {}

	#ids(): string[] {
		if (!existsSync(this.dir)) return [];
		return readdirSync(this.dir)
			.filter((name) => /^[\w-]+\.json$/.test(name))
			.map((name) => name.slice(0, -5))
			.sort();
	}

	save(report: RunReport, trigger: string): StoredRun {
		mkdirSync(this.dir, { recursive: true });
		const id = `${report.started_at.replace(/[:.]/g, '-')}-${trigger}`;
		const run: StoredRun = { id, trigger, ...report };
		const file = join(this.dir, `${id}.json`);
		writeFileSync(`${file}.tmp`, JSON.stringify(run));
		renameSync(`${file}.tmp`, file);
		return run;
	}

	get(id: string): StoredRun | null {
		if (!/^[\w-]+$/.test(id) || !existsSync(join(this.dir, `${id}.json`))) return null;
		return JSON.parse(readFileSync(join(this.dir, `${id}.json`), 'utf8')) as StoredRun;
	}

	/** Runs after the given id (all when none), oldest first. */
	after(id: string | null): StoredRun[] {
		return this.#ids()
			.filter((runId) => !id || runId > id)
			.map((runId) => this.get(runId)!)
			.filter(Boolean);
	}

	/** Every entry of every run, as outbox history. */
	history(): OutboxEntry[] {
		return this.after(null).flatMap((run) => run.entries.map((item) => outboxEntryOf(run, item)));
	}
}
