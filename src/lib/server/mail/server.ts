/**
 * The server's mail state, one per process: its settings and its store, which holds the send
 * ledger, the published workspace, the unsubscribe list, the local sink's messages, runs and the
 * sender identity.
 */
import { app, closeApp } from '../app';
import type { Store } from '../store/store';
import type { MailConfig } from './config';

export interface MailServer {
	config: MailConfig;
	store: Store;
}

let current: Promise<MailServer> | null = null;

export function mailServer(): Promise<MailServer> {
	current ??= app().then(
		({ config, store }) => ({ config, store }),
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
