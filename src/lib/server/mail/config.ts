/**
 * The server's mail settings, from its environment: where it keeps its files, how it sends, its
 * defaults for the sender. One place reads `process.env`, so tests and the command line pass
 * their own. The sender identity saved on the Settings page (`sender.ts`) wins over `MAIL_FROM`
 * and `PUBLIC_URL`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
	/** `SCORECRAFT_SECRET`, or a random one generated once into `<dataDir>/secret`: API token and unsubscribe signatures. */
	secret: string;
}

/** The secret from the environment, or the data folder's, generated on first use (owner-only file). */
export function loadSecret(dataDir: string, fromEnv?: string): string {
	if (fromEnv && fromEnv.length >= 16) return fromEnv;
	const file = join(dataDir, 'secret');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	mkdirSync(dataDir, { recursive: true });
	const secret = randomBytes(32).toString('base64url');
	writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
	return secret;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
	const dataDir = resolve(env.SCORECRAFT_DATA || '.scorecraft');
	return {
		dataDir,
		smtpUrl: env.SMTP_URL || null,
		mailFrom: env.MAIL_FROM || null,
		publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
		operatorEmail: env.OPERATOR_EMAIL || null,
		secret: loadSecret(dataDir, env.SCORECRAFT_SECRET)
	};
}
