/**
 * What `engine run` shares with the app's server. With `--database-url`, the server's store: each
 * key claimed in its ledger, its unsubscribe list asked at each send, its sender identity, its
 * Mailbox (without `--smtp` or `--sink`), and the run saved there (trigger `cli`) for the server's
 * next run to count. Without it, files: the ledger file, and the data folder's `unsubscribes.jsonl`,
 * `sender.json` and `mailbox/` as the server kept them before its database.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SenderIdentity } from '../../lib/mail/sender';
import { SendLedger, type Ledger } from '../../lib/server/mail/ledger';
import { MailSink, type MessageSink } from '../../lib/server/mail/mailbox';
import type { RunReport } from '../../lib/server/mail/run';
import { senderFromFile } from '../../lib/server/mail/sender';
import { UnsubscribeList, type UnsubscribeSource } from '../../lib/server/mail/unsubscribe';
import { CliError } from '../io';

export interface RunSources {
	ledger: Ledger;
	unsubscribes: UnsubscribeSource;
	identity: SenderIdentity;
	/** Where messages go without `--smtp`, and how the summary names it. */
	sink: MessageSink;
	sinkName: string;
	saveRun(report: RunReport): Promise<void>;
	close(): Promise<void>;
}

export interface SourceArguments {
	ledger?: string;
	databaseUrl?: string;
	sink?: string;
	/** The server's data folder (`SCORECRAFT_DATA`). */
	dataDir: string;
}

export function openRunSources(args: SourceArguments): Promise<RunSources> {
	return args.databaseUrl ? openDatabaseSources(args.databaseUrl, args) : openFileSources(args);
}

function sinkFolder(dir: string): Pick<RunSources, 'sink' | 'sinkName'> {
	const folder = resolve(dir);
	return { sink: new MailSink(folder), sinkName: `into ${folder}` };
}

async function openDatabaseSources(url: string, args: SourceArguments): Promise<RunSources> {
	const { openStore } = await import('../../lib/server/store/store');
	let store;
	try {
		store = await openStore({ url, dataDir: args.dataDir, importFiles: false });
	} catch (error) {
		throw new CliError(`cannot open the database: ${(error as Error).message}`);
	}
	try {
		return {
			ledger: store.ledger,
			unsubscribes: store.unsubscribes,
			identity: await store.sender.current(),
			...(args.sink === undefined
				? { sink: store.mailbox, sinkName: "into the server's Mailbox" }
				: sinkFolder(args.sink)),
			saveRun: async (report) => void (await store.runs.save(report, 'cli')),
			close: () => store.close()
		};
	} catch (error) {
		await store.close();
		throw error;
	}
}

const NO_UNSUBSCRIBES: UnsubscribeSource = { has: () => false, all: () => [] };

/**
 * A data folder whose server keeps its unsubscribe list in a database (PGlite's `store/` in the
 * folder, or a list moved there from the folder) holds no list a run without that database could
 * honour: it is refused rather than mailing people who asked to stop.
 */
function refuseServerFolder(dataDir: string): void {
	const database = [join(dataDir, 'store'), join(dataDir, 'unsubscribes.jsonl.imported')].find(
		(path) => existsSync(path)
	);
	if (database)
		throw new CliError(
			`${dataDir} is the data folder of an app server, whose unsubscribe list is in its database ` +
				`(${database}): give --database-url (the PostgreSQL server it uses, DATABASE_URL) so ` +
				"this run honours the list, or set SCORECRAFT_DATA to a folder of the command line's own"
		);
}

async function openFileSources(args: SourceArguments): Promise<RunSources> {
	refuseServerFolder(args.dataDir);
	const identity = senderFromFile(join(args.dataDir, 'sender.json'));
	const file = args.ledger!;
	let ledger: SendLedger;
	try {
		ledger = SendLedger.open(resolve(file), {
			onWait: (pid) =>
				process.stderr.write(`waiting for process ${pid}, which is running on ${file}\n`)
		});
	} catch (error) {
		throw new CliError(`cannot open the ledger ${file}: ${(error as Error).message}`);
	}
	const listFile = join(args.dataDir, 'unsubscribes.jsonl');
	let list: UnsubscribeList | null = null;
	try {
		list = existsSync(listFile) ? UnsubscribeList.open(listFile) : null;
	} catch (error) {
		ledger.close();
		throw new CliError(`cannot read the unsubscribe list: ${(error as Error).message}`);
	}
	return {
		ledger,
		unsubscribes: list ?? NO_UNSUBSCRIBES,
		identity,
		...sinkFolder(args.sink ?? join(args.dataDir, 'mailbox')),
		saveRun: async () => {},
		close: async () => {
			ledger.close();
			list?.close();
		}
	};
}
