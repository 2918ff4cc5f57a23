/**
 * What the server's CSV import tests share: a file sent as the Data page sends it (mapped as its
 * first look guessed), imported or refused, and the records the store holds after.
 */
import { readFileSync } from 'node:fs';
import { inspectCsv } from '../../import/pipeline';
import type { ImportKind } from '../../import/types';
import type { RecordKind } from '../../sync/protocol';
import type { WorkspaceRecords } from '../store/records';
import type { Store } from '../store/store';
import { importCsv } from './csv-import';
import type { Pusher } from './push';

/** A file of `tests/fixtures/csv`. */
export const fixture = (name: string) =>
	readFileSync(new URL(`../../../../tests/fixtures/csv/${name}`, import.meta.url));

/** `csv` as the page sends it: mapped as its first look guessed, the body a stream of bytes. */
export async function request(kind: ImportKind, csv: string | Buffer) {
	const blob = new Blob([csv as BlobPart]);
	const inspected = await inspectCsv(blob, kind);
	if (!inspected.ok) throw new Error(inspected.problem);
	const { mapping, format } = inspected.value;
	return { kind, body: new Response(blob).body!, mapping, format, totalBytes: blob.size };
}

/** The answer to importing `csv`, which must not be refused. */
export async function imported(
	records: WorkspaceRecords,
	importer: Pusher,
	kind: ImportKind,
	csv: string | Buffer
) {
	const result = await importCsv(records, await request(kind, csv), importer);
	if (!result.ok) throw new Error(`${result.problem}: ${result.error}`);
	return result.answer;
}

/** The bodies the store holds for `ids` (null: deleted). */
export const held = (store: Store, kind: RecordKind, ids: string[]) =>
	store.published.records.locked((locked) => locked.bodies(kind, ids));

export const snapshotId = (account: string, date: string) => JSON.stringify([account, date]);
