/**
 * The local store (IndexedDB through Dexie): the browser's one database and the functions over
 * it. Nothing here opens IndexedDB at import time, since the server and node import it too.
 */
import { ScorecraftDatabase } from './database';

let database: ScorecraftDatabase | undefined;

/** The browser's database, created on first use (Dexie opens it on the first query). */
export function getDatabase(): ScorecraftDatabase {
	database ??= new ScorecraftDatabase();
	return database;
}

export type * from './types';
export { DATABASE_NAME, SCHEMA_VERSION, ScorecraftDatabase } from './database';
export { exportWorkspace, replaceWorkspace } from './workspace';
export { importRecords } from './import';
export { refreshScores, scoreCacheState } from './scores';
export {
	accountDetail,
	accountWorkspace,
	anomalies,
	csms,
	historyRows,
	orderedScorecards,
	portfolioRows,
	trendOf,
	segments,
	workspaceCurrency,
	workspaceSettings
} from './queries';
export { requestPersistence, storageState, type StorageApi } from './storage';
export { startStore, type StartResult } from './start';
export {
	discardDraft,
	getDraft,
	listDrafts,
	listVersions,
	publishDraft,
	rollBack,
	saveDraft,
	StalePublishError,
	type Author
} from './drafts';
export { addManualEntry, manualEntriesOf } from './manual';
export {
	accountOutbox,
	accountTasks,
	approveEntries,
	assignTask,
	claimForSending,
	completeTask,
	doneTasks,
	markDelivery,
	markWebhookResult,
	OUTBOX_STATUSES,
	outboxEntries,
	outboxHistory,
	rejectEntries,
	reopenTask,
	runPlan,
	snoozeTask,
	taskQueue,
	type OutboxFilter,
	type RunResult,
	type WebhookOutcome
} from './outbox';
export { accountCsms, markTasksSeen, newTasksFor, reassignAccount } from './book';
export { deletePlay, listPlays, savePlay, setPlayEnabled } from './plays';
export {
	claimEmails,
	importServerRun,
	recordDeliveries,
	releaseEmails,
	type DeliveryAnswer,
	type ServerRun
} from './delivery';
