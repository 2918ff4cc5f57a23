/**
 * The Data page's whole-workspace actions: export to a file, import from one (checked, then
 * confirmed), reset to the sample, empty the store. Each write is one transaction in the store,
 * so a failure leaves the store as it was; the scores are recalculated after each.
 */
import { liveQuery } from 'dexie';
import {
	emptyStore,
	exportWorkspace,
	getDatabase,
	replaceWorkspace,
	resetToSample,
	type ScorecraftDatabase
} from '$lib/db';
import { parseWorkspace, type Workspace, type WorkspaceIssue } from '$lib/engine';
import { todayUtc } from '$lib/state/today';
import { bringScoresUpToDate, storeStarting } from './app-store.svelte';

export const RECORD_LISTS = [
	'accounts',
	'contacts',
	'snapshots',
	'outcomes',
	'scorecards',
	'plays',
	'templates'
] as const;
export type RecordList = (typeof RECORD_LISTS)[number];
export type RecordCounts = Record<RecordList, number>;

/** Problems of an invalid workspace file shown at once; the rest are counted. */
export const ISSUES_SHOWN = 50;

export type WorkspaceTask = 'exporting' | 'reading' | 'replacing' | 'resetting' | 'emptying';

/** Which part of the page a task belongs to, so its outcome is shown there. */
export function taskArea(task: WorkspaceTask): 'file' | 'startOver' {
	return task === 'resetting' || task === 'emptying' ? 'startOver' : 'file';
}
export type Confirmation = 'replace' | 'reset' | 'empty';

export type WorkspaceOutcome =
	| { kind: 'exported'; file: string }
	| { kind: 'replaced'; file: string }
	| { kind: 'reset' }
	| { kind: 'emptied' }
	| { kind: 'notJson'; file: string; message: string }
	| { kind: 'invalid'; file: string; issues: WorkspaceIssue[] }
	| { kind: 'failed'; task: WorkspaceTask; message: string };

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export function countRecords(workspace: Workspace): RecordCounts {
	return Object.fromEntries(
		RECORD_LISTS.map((list) => [list, workspace[list].length])
	) as RecordCounts;
}

export function emptyWorkspaceCounts(): RecordCounts {
	return Object.fromEntries(RECORD_LISTS.map((list) => [list, 0])) as RecordCounts;
}

async function storeCounts(db: ScorecraftDatabase): Promise<RecordCounts> {
	const counts = await Promise.all(RECORD_LISTS.map((list) => db[list].count()));
	return Object.fromEntries(RECORD_LISTS.map((list, i) => [list, counts[i]])) as RecordCounts;
}

/** The file name an export is saved under. */
export function exportFileName(today: string): string {
	return `scorecraft-workspace-${today}.json`;
}

export class WorkspaceActions {
	task: WorkspaceTask | null = $state(null);
	outcome: WorkspaceOutcome | null = $state.raw(null);
	/** The dialog open now, if any. */
	confirming: Confirmation | null = $state(null);
	/** A checked workspace file waiting for the user to confirm the replacement. */
	pending: { file: string; workspace: Workspace; counts: RecordCounts } | null = $state.raw(null);
	/** What the store holds, kept current as it changes (null until first read). */
	counts: RecordCounts | null = $state.raw(null);
	refreshing = $state(false);
	/** The part of the page the running or last task belongs to. */
	area: 'file' | 'startOver' = $state('file');

	/** Follows the store's counts; returns the function that stops following them. */
	watchCounts(db: ScorecraftDatabase = getDatabase()): () => void {
		const subscription = liveQuery(() => storeCounts(db)).subscribe({
			next: (counts) => (this.counts = counts),
			error: (error) =>
				(this.outcome = { kind: 'failed', task: 'reading', message: messageOf(error) })
		});
		return () => subscription.unsubscribe();
	}

	/** Saves the whole workspace as a version-1 JSON file. */
	async export(): Promise<void> {
		if (this.task) return;
		this.task = 'exporting';
		this.area = 'file';
		this.outcome = null;
		try {
			const workspace = await exportWorkspace(getDatabase());
			const file = exportFileName(todayUtc());
			download(new Blob([JSON.stringify(workspace)], { type: 'application/json' }), file);
			this.outcome = { kind: 'exported', file };
		} catch (error) {
			this.outcome = { kind: 'failed', task: 'exporting', message: messageOf(error) };
		} finally {
			this.task = null;
		}
	}

	/** Reads and checks a workspace file; a valid one waits for confirmation, nothing is written. */
	async read(file: File): Promise<void> {
		if (this.task) return;
		this.task = 'reading';
		this.area = 'file';
		this.outcome = null;
		this.pending = null;
		try {
			let json: unknown;
			try {
				json = JSON.parse(await file.text());
			} catch (error) {
				this.outcome = { kind: 'notJson', file: file.name, message: messageOf(error) };
				return;
			}
			const parsed = parseWorkspace(json);
			if (!parsed.ok) {
				this.outcome = { kind: 'invalid', file: file.name, issues: parsed.errors };
				return;
			}
			this.pending = {
				file: file.name,
				workspace: parsed.value,
				counts: countRecords(parsed.value)
			};
			this.confirming = 'replace';
		} catch (error) {
			this.outcome = { kind: 'failed', task: 'reading', message: messageOf(error) };
		} finally {
			this.task = null;
		}
	}

	ask(confirmation: Exclude<Confirmation, 'replace'>): void {
		if (!this.task) this.confirming = confirmation;
	}

	/** The dialog closed without confirming: nothing changes. */
	dismiss(): void {
		this.confirming = null;
		this.pending = null;
	}

	async replace(): Promise<void> {
		const pending = this.pending;
		this.confirming = null;
		this.pending = null;
		if (!pending) return;
		await this.#write('replacing', (db) => replaceWorkspace(db, pending.workspace), {
			kind: 'replaced',
			file: pending.file
		});
	}

	async reset(): Promise<void> {
		this.confirming = null;
		await this.#write('resetting', (db) => resetToSample(db, todayUtc()), { kind: 'reset' });
	}

	async empty(): Promise<void> {
		this.confirming = null;
		await this.#write('emptying', (db) => emptyStore(db), { kind: 'emptied' });
	}

	async #write(
		task: WorkspaceTask,
		write: (db: ScorecraftDatabase) => Promise<void>,
		done: WorkspaceOutcome
	): Promise<void> {
		if (this.task || storeStarting()) return;
		const db = getDatabase();
		this.task = task;
		this.area = taskArea(task);
		this.outcome = null;
		try {
			await write(db);
			this.outcome = done;
		} catch (error) {
			this.outcome = { kind: 'failed', task, message: messageOf(error) };
			return;
		} finally {
			this.task = null;
		}
		this.refreshing = true;
		try {
			await bringScoresUpToDate(db, todayUtc());
		} catch (error) {
			this.outcome = { kind: 'failed', task, message: messageOf(error) };
		} finally {
			this.refreshing = false;
		}
	}
}

/** Offers `blob` as a download named `name`. */
function download(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// The browser has started the download by now; the URL only holds the memory.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const workspaceActions = new WorkspaceActions();
