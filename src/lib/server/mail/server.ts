/**
 * The server's mail state, one per process: its settings, its store (the send ledger and the
 * published workspace live in the database), and what still lives in files of the data folder:
 * the unsubscribe list, the local sink, runs, the sender identity.
 */
import { join } from 'node:path';
import { app, closeApp } from '../app';
import type { Store } from '../store/store';
import type { MailConfig } from './config';
import { MailSink } from './mailbox';
import { RunStore } from './runs';
import { SenderStore } from './sender';
import { UnsubscribeList } from './unsubscribe';

export interface MailServer {
	config: MailConfig;
	store: Store;
	unsubscribes: UnsubscribeList;
	sink: MailSink;
	runs: RunStore;
	/** The sender identity saved on the Settings page. */
	sender: SenderStore;
}

export function openMailServer(config: MailConfig, store: Store): MailServer {
	return {
		config,
		store,
		unsubscribes: UnsubscribeList.open(join(config.dataDir, 'unsubscribes.jsonl')),
		sink: new MailSink(join(config.dataDir, 'mailbox')),
		runs: new RunStore(join(config.dataDir, 'runs')),
		sender: new SenderStore(join(config.dataDir, 'sender.json'))
	};
}

let current: Promise<MailServer> | null = null;

export function mailServer(): Promise<MailServer> {
	current ??= app().then(
		({ config, store }) => openMailServer(config, store),
		(error) => {
			current = null;
			throw error;
		}
	);
	return current;
}

/** Forgets the process's mail state and closes its store (tests pointing the server elsewhere). */
export async function forgetMailServer(): Promise<void> {
	current = null;
	await closeApp();
}
