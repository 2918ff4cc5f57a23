/**
 * The server's store: its database brought to the current schema, and the tables' owners. Opened
 * once per process by the server (`../app.ts`) and by the command line with `--database-url`.
 */
import { Approvals } from './approvals';
import { AuditLog, SYSTEM } from './audit';
import { openDatabase, type Database } from './database';
import { EventSources } from './event-sources';
import { FeatureCatalogue } from './feature-catalogue';
import { importDataFolder } from './import';
import { DatabaseLedger } from './ledger';
import { Mailbox } from './mailbox';
import { migrate } from './migrations';
import { People } from './people';
import { ProductEvents } from './product-events';
import { RevisionFeed } from '../sync/feed';
import { markUnsubscribed } from '../sync/unsubscribed';
import { adoptPublishedFile, PublishedStore } from './published';
import { Runs } from './runs';
import { SenderSetting } from './sender';
import { SupportTickets } from './support-tickets';
import { Unsubscribes } from './unsubscribes';

export interface Store {
	database: Database;
	ledger: DatabaseLedger;
	people: People;
	audit: AuditLog;
	/** The team workspace, put together from its records. */
	published: PublishedStore;
	/** New revisions of the records, for the pages' live streams. */
	feed: RevisionFeed;
	approvals: Approvals;
	unsubscribes: Unsubscribes;
	/** The local mail sink's messages (no SMTP server set). */
	mailbox: Mailbox;
	runs: Runs;
	/** The sender identity saved on the Settings page. */
	sender: SenderSetting;
	/** Where product events come from, with their write keys; and the events. */
	eventSources: EventSources;
	productEvents: ProductEvents;
	/** The product's features, the rules mapping events to them, and the usage thresholds. */
	catalogue: FeatureCatalogue;
	/** Support tickets, from the tickets API and CSV uploads. */
	tickets: SupportTickets;
	close(): Promise<void>;
}

export async function storeOn(database: Database): Promise<Store> {
	await migrate(database);
	const published = new PublishedStore(database);
	await adoptPublishedFile(published, SYSTEM);
	const unsubscribes = new Unsubscribes(database);
	// Unsubscribes from before the team workspace, or from a process that stopped half-way.
	await markUnsubscribed(published.records, await unsubscribes.all());
	const feed = new RevisionFeed(published.records);
	return {
		database,
		ledger: new DatabaseLedger(database),
		people: new People(database),
		audit: new AuditLog(database),
		published,
		feed,
		approvals: new Approvals(database),
		unsubscribes,
		mailbox: new Mailbox(database),
		runs: new Runs(database),
		sender: new SenderSetting(database),
		eventSources: new EventSources(database),
		productEvents: new ProductEvents(database),
		catalogue: new FeatureCatalogue(database),
		tickets: new SupportTickets(database),
		close: () => {
			feed.stop();
			return database.close();
		}
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
