/**
 * The server's mail state, one per process: its settings, the send ledger, the unsubscribe list,
 * the local sink, the sender identity. Opened on first use from the environment (`mailConfig`).
 */
import { join } from 'node:path';
import { mailConfig, type MailConfig } from './config';
import { SendLedger } from './ledger';
import { MailSink } from './mailbox';
import { PublishedWorkspace } from './published';
import { RunStore } from './runs';
import { SenderStore } from './sender';
import { UnsubscribeList } from './unsubscribe';

export interface MailServer {
	config: MailConfig;
	ledger: SendLedger;
	unsubscribes: UnsubscribeList;
	sink: MailSink;
	published: PublishedWorkspace;
	runs: RunStore;
	/** The sender identity saved on the Settings page. */
	sender: SenderStore;
}

export function openMailServer(config: MailConfig): MailServer {
	return {
		config,
		ledger: SendLedger.open(join(config.dataDir, 'ledger.jsonl')),
		unsubscribes: UnsubscribeList.open(join(config.dataDir, 'unsubscribes.jsonl')),
		sink: new MailSink(join(config.dataDir, 'mailbox')),
		published: new PublishedWorkspace(join(config.dataDir, 'workspace.json')),
		runs: new RunStore(join(config.dataDir, 'runs')),
		sender: new SenderStore(join(config.dataDir, 'sender.json'))
	};
}

let current: MailServer | null = null;

export function mailServer(): MailServer {
	current ??= openMailServer(mailConfig());
	return current;
}

/** Forgets the process's mail state (tests pointing the server at another folder or SMTP server). */
export function forgetMailServer(): void {
	current = null;
}
