/**
 * A data folder from before the database: its files move into the store on first start, each
 * kind in one transaction, and are then renamed `*.imported` (kept, never read again), so nothing
 * is lost and nothing is imported twice (a file put back later adds only what the store lacks).
 *
 * A file that cannot be read is named and left where it is. What the server decides sends with
 * (the ledger, the unsubscribe list, earlier runs as history) stops the start: without it the
 * server could mail someone who asked to stop, or repeat what a run did. The mailbox and the sender
 * identity do not: the readable messages come in, and without an identity the server refuses to
 * send through SMTP until Settings → Sender holds one; the audit log names the damaged files.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { SendLedger } from '../mail/ledger';
import { readMailFolder } from '../mail/mailbox';
import { readRunFolder } from '../mail/runs';
import { readSenderFile } from '../mail/sender';
import { UnsubscribeList } from '../mail/unsubscribe';
import { SYSTEM } from './audit';
import type { Store } from './store';

/** Files of the data folder the server cannot start without, and cannot read. */
export class DataFolderError extends Error {
	constructor(readonly problems: string[]) {
		super(
			`the data folder holds files the server cannot read and does not start without: ${problems.join('; ')}. ` +
				'Repair them (or move them away, accepting what they held is lost), then start again'
		);
		this.name = 'DataFolderError';
	}
}

/** Renames `path` to `path.imported`, or `path.imported-2`… when an earlier import holds that name. */
function setAside(path: string): string {
	let target = `${path}.imported`;
	for (let n = 2; existsSync(target); n++) target = `${path}.imported-${n}`;
	renameSync(path, target);
	return target;
}

/** A file left in place: said on the console and in the audit log, for the owner. */
async function reportDamaged(store: Store, files: string[], reason: string): Promise<void> {
	for (const file of files) {
		console.error(`data folder: ${file} was not imported (${reason}); it is left in place`);
		await store.audit.record(SYSTEM, 'import.damaged', file, { reason });
	}
}

async function importLedger(store: Store, file: string): Promise<void> {
	const ledger = SendLedger.open(file, { waitMs: 0 });
	const records = ledger.entries();
	ledger.close();
	const imported = await store.ledger.importRecords(records);
	setAside(file);
	await store.audit.record(SYSTEM, 'import.ledger', file, { records: records.length, imported });
}

async function importWorkspace(store: Store, file: string): Promise<void> {
	if (!(await store.published.current()))
		await store.published.publish(readFileSync(file, 'utf8'), SYSTEM);
	setAside(file);
	await store.audit.record(SYSTEM, 'import.workspace', file);
}

/** Returns the problem that stops the start, or null. */
async function importUnsubscribes(store: Store, file: string): Promise<string | null> {
	let entries;
	try {
		const list = UnsubscribeList.open(file);
		entries = list.all();
		list.close();
	} catch (error) {
		return `${(error as Error).message} (the unsubscribe list)`;
	}
	const imported = await store.unsubscribes.importEntries(entries);
	setAside(file);
	await store.audit.record(SYSTEM, 'import.unsubscribes', file, {
		entries: entries.length,
		imported
	});
	return null;
}

async function importRuns(store: Store, dir: string): Promise<string | null> {
	const { runs, damaged } = readRunFolder(dir);
	if (damaged.length > 0)
		return `${damaged.join(', ')}: not a run (the runs' history, none of which was imported)`;
	const imported = await store.runs.importRuns(runs);
	setAside(dir);
	await store.audit.record(SYSTEM, 'import.runs', dir, { runs: runs.length, imported });
	return null;
}

async function importMailbox(store: Store, dir: string): Promise<void> {
	const { messages, damaged } = readMailFolder(dir);
	const imported = await store.mailbox.importMessages(messages);
	if (damaged.length === 0) setAside(dir);
	else await reportDamaged(store, damaged, 'not a whole message of the mailbox');
	await store.audit.record(SYSTEM, 'import.mailbox', dir, {
		messages: messages.length,
		imported,
		damaged: damaged.length
	});
}

async function importSender(store: Store, file: string): Promise<void> {
	let identity;
	try {
		identity = readSenderFile(file);
	} catch (error) {
		return reportDamaged(store, [file], `not the sender identity: ${(error as Error).message}`);
	}
	const imported = await store.sender.importIdentity(identity);
	setAside(file);
	await store.audit.record(SYSTEM, 'import.sender', file, { imported });
}

export async function importDataFolder(store: Store, dataDir: string): Promise<void> {
	const path = (name: string) => join(dataDir, name);
	if (existsSync(path('ledger.jsonl'))) await importLedger(store, path('ledger.jsonl'));
	if (existsSync(path('workspace.json'))) await importWorkspace(store, path('workspace.json'));
	const problems: string[] = [];
	if (existsSync(path('unsubscribes.jsonl'))) {
		const problem = await importUnsubscribes(store, path('unsubscribes.jsonl'));
		if (problem) problems.push(problem);
	}
	if (existsSync(path('runs'))) {
		const problem = await importRuns(store, path('runs'));
		if (problem) problems.push(problem);
	}
	if (existsSync(path('mailbox'))) await importMailbox(store, path('mailbox'));
	if (existsSync(path('sender.json'))) await importSender(store, path('sender.json'));
	if (problems.length > 0) throw new DataFolderError(problems);
}
