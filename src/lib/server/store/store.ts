/**
 * The server's store: its database brought to the current schema, and the tables' owners. Opened
 * once per process by the server (`../app.ts`) and by the command line with `--database-url`.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { SendLedger } from '../mail/ledger';
import { Approvals } from './approvals';
import { AuditLog, SYSTEM } from './audit';
import { openDatabase, type Database } from './database';
import { DatabaseLedger } from './ledger';
import { migrate } from './migrations';
import { People } from './people';
import { PublishedStore } from './published';

export interface Store {
	database: Database;
	ledger: DatabaseLedger;
	people: People;
	audit: AuditLog;
	published: PublishedStore;
	approvals: Approvals;
	close(): Promise<void>;
}

export async function storeOn(database: Database): Promise<Store> {
	await migrate(database);
	return {
		database,
		ledger: new DatabaseLedger(database),
		people: new People(database),
		audit: new AuditLog(database),
		published: new PublishedStore(database),
		approvals: new Approvals(database),
		close: () => database.close()
	};
}

/** Opens (creating and migrating) the store: `url` when given, else PGlite under `dataDir`. */
export async function openStore(options: {
	url?: string | null;
	dataDir: string;
	/** Move an older data folder's files in (the server does; the command line does not). */
	importFiles?: boolean;
}): Promise<Store> {
	const store = await storeOn(await openDatabase(options));
	if (options.importFiles ?? true) await importDataFolder(store, options.dataDir);
	return store;
}

/**
 * A data folder from before the database: its ledger and published workspace move into the store
 * on first start; each file is then renamed `*.imported` (kept, never read again), so nothing is
 * lost and nothing is imported twice.
 */
export async function importDataFolder(store: Store, dataDir: string): Promise<void> {
	const ledgerFile = join(dataDir, 'ledger.jsonl');
	if (existsSync(ledgerFile)) {
		const file = SendLedger.open(ledgerFile, { waitMs: 0 });
		const records = file.entries();
		file.close();
		const imported = await store.ledger.importRecords(records);
		renameSync(ledgerFile, `${ledgerFile}.imported`);
		await store.audit.record(SYSTEM, 'import.ledger', ledgerFile, {
			records: records.length,
			imported
		});
	}
	const workspaceFile = join(dataDir, 'workspace.json');
	if (existsSync(workspaceFile)) {
		if (!(await store.published.current()))
			await store.published.publish(readFileSync(workspaceFile, 'utf8'), SYSTEM);
		renameSync(workspaceFile, `${workspaceFile}.imported`);
		await store.audit.record(SYSTEM, 'import.workspace', workspaceFile);
	}
}
