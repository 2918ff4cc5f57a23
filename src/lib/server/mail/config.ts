/**
 * The server's mail settings, from its environment: where it keeps its files, how it sends, its
 * defaults for the sender. One place reads `process.env`, so tests and the command line pass
 * their own. The sender identity saved on the Settings page (`sender.ts`) wins over `MAIL_FROM`
 * and `PUBLIC_URL`.
 */
import { resolve } from 'node:path';
export { addressOf, DEFAULT_PUBLIC_URL } from '../../mail/sender';

export interface MailConfig {
	/** `SCORECRAFT_DATA` (default `.scorecraft` in the working directory): ledger, sink, unsubscribes, published workspace, sender. */
	dataDir: string;
	/** `SMTP_URL` (e.g. `smtps://user:pass@smtp.example.com:465`); null: messages go to the local sink. */
	smtpUrl: string | null;
	/** `MAIL_FROM`: the From where the sender identity has none; null when not set. */
	mailFrom: string | null;
	/** `PUBLIC_URL`, where customers reach the app, where the sender identity has none; null when not set. */
	publicUrl: string | null;
	/** `OPERATOR_EMAIL`: the only address test sends go to; null: the sender's From address. */
	operatorEmail: string | null;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
	const dataDir = resolve(env.SCORECRAFT_DATA || '.scorecraft');
	return {
		dataDir,
		smtpUrl: env.SMTP_URL || null,
		mailFrom: env.MAIL_FROM || null,
		publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
		operatorEmail: env.OPERATOR_EMAIL || null
	};
}
