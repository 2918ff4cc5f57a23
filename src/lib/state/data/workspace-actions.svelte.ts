/**
 * The Data page's whole-workspace actions, the owner's: export the team's workspace to a file
 * (a backup), restore one (checked here, then confirmed, then checked again by the server), start
 * over with the sample, empty it. Each is one commit on the server, so a failure leaves the
 * workspace as it was; this browser's replica then follows, and the scores are recalculated.
 */
import { getLocale } from '$lib/i18n/messages';
import { getDatabase, type ScorecraftDatabase } from '$lib/db';
import { watchCounts } from '$lib/db/counts';
import { emptyWorkspace, parseWorkspace, type Workspace, type WorkspaceIssue } from '$lib/engine';
import { MailApi } from '$lib/state/mail/api';
import { replicaAt } from '$lib/state/sync/catch-up';
import { todayUtc } from '$lib/state/today';
import { download } from './download';
import { bringScoresUpToDate, storeStarted } from './app-store.svelte';

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
	readonly #api: MailApi;

	constructor(api: MailApi = new MailApi()) {
		this.#api = api;
	}

	/**
	 * Follows the store's counts, read again at most once a second while a sync or an import keeps
	 * writing (`watchCounts`); returns the function that stops following them.
	 */
	watchCounts(db: ScorecraftDatabase = getDatabase()): () => void {
		return watchCounts(db, RECORD_LISTS, {
			counts: (counts) => (this.counts = counts),
			error: (error) =>
				(this.outcome = { kind: 'failed', task: 'reading', message: messageOf(error) })
		});
	}

	/** Saves the whole workspace as a version-1 JSON file. */
	async export(): Promise<void> {
		if (this.task) return;
		this.task = 'exporting';
		this.area = 'file';
		this.outcome = null;
		try {
			const workspace = await this.#api.exportWorkspace();
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
		await this.#write('replacing', () => this.#restore(pending.workspace), {
			kind: 'replaced',
			file: pending.file
		});
	}

	async reset(): Promise<void> {
		this.confirming = null;
		await this.#write(
			'resetting',
			async () => (await this.#api.startOverWithSample(getLocale())).revision,
			{
				kind: 'reset'
			}
		);
	}

	async empty(): Promise<void> {
		this.confirming = null;
		await this.#write('emptying', () => this.#restore(emptyWorkspace()), { kind: 'emptied' });
	}

	async #restore(workspace: Workspace): Promise<number> {
		const status = await this.#api.publish(JSON.stringify(workspace));
		return Number(status.published?.version ?? 0);
	}

	/** `write` changes the workspace on the server and returns the revision it made. */
	async #write(
		task: WorkspaceTask,
		write: () => Promise<number>,
		done: WorkspaceOutcome
	): Promise<void> {
		if (this.task) return;
		const db = getDatabase();
		this.task = task;
		this.area = taskArea(task);
		this.outcome = null;
		try {
			await storeStarted();
			await replicaAt(db, await write());
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

export const workspaceActions = new WorkspaceActions();
