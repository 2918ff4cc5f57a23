/**
 * The workspace file and the records it is stored as: each list of the file is a kind of record,
 * each element a record whose body is the browser's Dexie row (settings: one row keyed
 * `workspace`). A restore turns a file into records; the server's plan and a backup turn the
 * records back into a file.
 */
import { WORKSPACE_FORMAT, WORKSPACE_KEYS, WORKSPACE_VERSION, type Workspace } from '../../engine';
import { OUTBOUND_KINDS, RECORD_KINDS, recordIdOf, type RecordKind } from '../../sync/protocol';

/** Each kind's list in the workspace file. */
export const LIST_OF = {
	accounts: 'accounts',
	contacts: 'contacts',
	snapshots: 'snapshots',
	outcomes: 'outcomes',
	scorecards: 'scorecards',
	plays: 'plays',
	templates: 'templates',
	settings: 'settings',
	manualEntries: 'manual_entries',
	scorecardVersions: 'scorecard_versions',
	scorecardDrafts: 'scorecard_drafts',
	outbox: 'outbox',
	tasks: 'tasks'
} as const satisfies Record<RecordKind, keyof Workspace>;

/** The lists a file may leave out (later additions to version 1): left out again when empty. */
const OPTIONAL_LISTS = new Set<string>([
	'manual_entries',
	'scorecard_versions',
	'scorecard_drafts',
	'outbox',
	'tasks'
]);

export const SETTINGS_ID = 'workspace';

type Row = Record<string, unknown>;

/** The Dexie key of an inbound-keyed record, from its body. */
function keyOf(kind: RecordKind, body: Row): unknown {
	switch (kind) {
		case 'snapshots':
			return [body.account_id, body.date];
		case 'scorecardVersions':
			return [body.scorecard_id, body.version];
		case 'scorecardDrafts':
			return body.scorecard_id;
		case 'outbox':
			return body.key;
		case 'settings':
			return body.key;
		default:
			return body.id;
	}
}

/** A record's id from its body; outcomes and manual entries carry none (null). */
export function idOfBody(kind: RecordKind, body: unknown): string | null {
	if (OUTBOUND_KINDS.has(kind)) return null;
	const key = keyOf(kind, (body ?? {}) as Row);
	if (Array.isArray(key) ? key.some((part) => part === undefined) : typeof key !== 'string')
		return null;
	return recordIdOf(kind, key);
}

export interface FileRecord {
	kind: RecordKind;
	/** Null for outcomes and manual entries: the restore gives them ids. */
	id: string | null;
	body: unknown;
}

/** A workspace file's records, in the file's order, and its top-level keys the format does not know. */
export function recordsOfWorkspace(workspace: Workspace): {
	records: FileRecord[];
	extra: Record<string, unknown>;
} {
	const records: FileRecord[] = [];
	for (const kind of RECORD_KINDS) {
		if (kind === 'settings') {
			records.push({
				kind,
				id: SETTINGS_ID,
				body: { key: SETTINGS_ID, value: workspace.settings }
			});
			continue;
		}
		const list = (workspace[LIST_OF[kind]] ?? []) as unknown[];
		for (const body of list) records.push({ kind, id: idOfBody(kind, body), body });
	}
	const extra = Object.fromEntries(
		Object.entries(workspace).filter(([key]) => !WORKSPACE_KEYS.has(key))
	);
	return { records, extra };
}

/** The workspace file from its records, each kind's in the workspace's order. */
export function workspaceOfRecords(
	byKind: ReadonlyMap<RecordKind, readonly unknown[]>,
	extra: Record<string, unknown>
): Workspace {
	const workspace: Row = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION };
	for (const kind of RECORD_KINDS) {
		const bodies = byKind.get(kind) ?? [];
		const list = LIST_OF[kind];
		if (kind === 'settings') {
			workspace.settings = (bodies[0] as { value?: unknown } | undefined)?.value ?? {};
			continue;
		}
		if (OPTIONAL_LISTS.has(list) && bodies.length === 0) continue;
		workspace[list] = bodies;
	}
	return { ...(workspace as unknown as Workspace), ...extra };
}
