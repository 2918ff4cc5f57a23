/**
 * The server's runs of plays (kept in its database, `../store/runs.ts`): what the app syncs into
 * its outbox, and the history the next run plans with. Before the database, one JSON file each in
 * `<dataDir>/runs/`, read here once to move them in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutboxEntry, OutboxStatus } from '../../engine';
import type { RunEntry, RunReport } from './run';

const RUN_FILE = /^([\w-]+)\.json$/;

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

/** A run as `<dataDir>/runs/<id>.json` kept it, or null when a field is missing. */
function readStoredRun(value: unknown, id: string): StoredRun | null {
	if (typeof value !== 'object' || value === null) return null;
	const run = value as Record<string, unknown>;
	if (typeof run.trigger !== 'string' || typeof run.as_of !== 'string') return null;
	if (typeof run.started_at !== 'string' || Number.isNaN(Date.parse(run.started_at))) return null;
	if (typeof run.finished_at !== 'string' || !Array.isArray(run.entries)) return null;
	if (typeof run.counts !== 'object' || run.counts === null) return null;
	return { ...(run as unknown as StoredRun), id };
}

/**
 * The runs of a data folder from before the database (`<dataDir>/runs/<id>.json`), oldest first,
 * for moving them in; `damaged` names the files that do not parse or lack a field.
 */
export function readRunFolder(dir: string): { runs: StoredRun[]; damaged: string[] } {
	const runs: StoredRun[] = [];
	const damaged: string[] = [];
	for (const name of readdirSync(dir).sort()) {
		const id = RUN_FILE.exec(name)?.[1];
		if (!id) continue;
		let run: StoredRun | null = null;
		try {
			run = readStoredRun(JSON.parse(readFileSync(join(dir, name), 'utf8')), id);
		} catch {
			// unreadable: damaged below
		}
		if (run) runs.push(run);
		else damaged.push(join(dir, name));
	}
	return { runs, damaged };
}
