/**
 * The server's state, one per process, opened on first use: its settings (from the environment),
 * its store (database) and sign-in.
 */
import { createAuth, type Auth } from './auth/auth';
import { mailConfig, type MailConfig } from './mail/config';
import { serverSecret } from './store/secrets';
import { openStore, type Store } from './store/store';

export interface App {
	config: MailConfig;
	store: Store;
	auth: Auth;
}

/** Where the app is reached (`ORIGIN`, set by server.js), for cookies and sign-in checks. */
export function baseUrlOf(env: NodeJS.ProcessEnv = process.env): string {
	return (env.ORIGIN || env.PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, '');
}

export async function openApp(
	config: MailConfig,
	env: NodeJS.ProcessEnv = process.env
): Promise<App> {
	const store = await openStore({ url: env.DATABASE_URL || null, dataDir: config.dataDir });
	const auth = createAuth({
		database: store.database,
		baseURL: baseUrlOf(env),
		secret: await serverSecret(store.database, 'auth'),
		mayCreateUser: (email) => store.people.mayCreate(email)
	});
	return { config, store, auth };
}

let opening: Promise<App> | null = null;

export function app(): Promise<App> {
	opening ??= openApp(mailConfig()).catch((error) => {
		opening = null;
		throw error;
	});
	return opening;
}

/** Closes and forgets the process's state (tests pointing the server at another folder). */
export async function closeApp(): Promise<void> {
	const current = opening;
	opening = null;
	if (current) await (await current).store.close();
}
