/** The rows the replica keeps about its own sync: changes waiting to be pushed, and what came back. */
import type { RecordKind, ServerRecord } from '$lib/sync/protocol';

/** A record changed here and not yet taken by the server; one row per record (see `capture.ts`). */
export interface PendingChange {
	seq?: number;
	/** The local transaction that made it: the server applies a group whole or not at all. */
	group: string;
	/** The revision the replica held when the person first changed the record. */
	base: number;
	kind: RecordKind;
	id: string;
	/** The record as written; null: deleted. */
	body: unknown | null;
	at: string;
}

/** A change the server refused because another replica changed the record first. */
export interface StoredConflict {
	seq?: number;
	kind: RecordKind;
	id: string;
	mine: unknown | null;
	theirs: ServerRecord;
	at: string;
}

/** A group the server refused whole (a role, the schema): its records were put back. */
export interface SyncNotice {
	seq?: number;
	at: string;
	reason: string;
	records: { kind: RecordKind; id: string }[];
}
