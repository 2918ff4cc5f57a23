/**
 * The server's store: its database brought to the current schema, and the tables' owners. Opened
 * once per process by the server (`../app.ts`) and by the command line with `--database-url`.
 */
import { Approvals } from './approvals';
import { AuditLog } from './audit';
import { openDatabase, type Database } from './database';
import { importDataFolder } from './import';
import { DatabaseLedger } from './ledger';
import { Mailbox } from './mailbox';
import { migrate } from './migrations';
import { People } from './people';
import { PublishedStore } from './published';
import { Runs } from './runs';
import { SenderSetting } from './sender';
import { Unsubscribes } from './unsubscribes';

export interface Store {
	database: Database;
	ledger: DatabaseLedger;
	people: People;
	audit: AuditLog;
	published: PublishedStore;
	approvals: Approvals;
	unsubscribes: Unsubscribes;
	/** The local mail sink's messages (no SMTP server set). */
	mailbox: Mailbox;
	runs: Runs;
	/** The sender identity saved on the Settings page. */
	sender: SenderSetting;
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
		unsubscribes: new Unsubscribes(database),
		mailbox: new Mailbox(database),
		runs: new Runs(database),
		sender: new SenderSetting(database),
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
	try {
		if (options.importFiles ?? true) await importDataFolder(store, options.dataDir);
	} catch (error) {
		await store.close();
		throw error;
	}
	return store;
}
