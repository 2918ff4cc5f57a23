/**
 * The server's mail settings, from its environment: where it keeps its files, how it sends, who
 * it is. One place reads `process.env`, so tests and the command line pass their own.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface MailConfig {
	/** `SCORECRAFT_DATA` (default `.scorecraft` in the working directory): ledger, sink, unsubscribes, published workspace. */
	dataDir: string;
	/** `SMTP_URL` (e.g. `smtps://user:pass@smtp.example.com:465`); null: messages go to the local sink. */
	smtpUrl: string | null;
	/** `MAIL_FROM`, the From header of every message. */
	mailFrom: string;
	/** `PUBLIC_URL`, where customers reach the app (unsubscribe links); null: the request's own origin, or http://localhost:3000. */
	publicUrl: string | null;
	/** `OPERATOR_EMAIL`: the only address test sends go to (default: MAIL_FROM's address). */
	operatorEmail: string;
	/** `SCORECRAFT_SECRET`, or a random one generated once into `<dataDir>/secret`: API token and unsubscribe signatures. */
	secret: string;
}

export const DEFAULT_MAIL_FROM = 'Scorecraft <scorecraft@localhost>';
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/** The address inside `Name <address>`, or the whole value. */
export function addressOf(mailbox: string): string {
	const match = /<([^<>]+)>\s*$/.exec(mailbox);
	return (match ? match[1]! : mailbox).trim();
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
	const mailFrom = env.MAIL_FROM || DEFAULT_MAIL_FROM;
	return {
		dataDir,
		smtpUrl: env.SMTP_URL || null,
		mailFrom,
		publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
		operatorEmail: env.OPERATOR_EMAIL || addressOf(mailFrom),
		secret: loadSecret(dataDir, env.SCORECRAFT_SECRET)
	};
}
