/**
 * Sign-in, through better-auth: email and password (scrypt hashes), sessions in httpOnly,
 * SameSite=Lax cookies (Secure on https), sign-in attempts throttled per client address, sign-out
 * everywhere. Its tables live in the server's database under `auth_` names (migration 1).
 *
 * Nobody signs up: the set-up page creates the owner, and invitations create everyone else
 * (`people.ts`); `databaseHooks` refuses any other new user, whatever path reached it.
 */
import { betterAuth } from 'better-auth';
import { PostgresDialect } from 'kysely';
import type { Database } from '../store/database';

/** The header the server sets to the connecting address (any client-sent copy is dropped first). */
export const CLIENT_ADDRESS_HEADER = 'x-scorecraft-client-address';

export const SESSION_DAYS = 14;

export interface AuthOptions {
	database: Database;
	/** The app's own address (`ORIGIN`): cookies are Secure when it is https. */
	baseURL: string;
	/** Signs session cookies; the server's own, never shown to anyone. */
	secret: string;
	/** Whether a new user with this email may be created now (the owner at set-up, or an invitation). */
	mayCreateUser: (email: string) => Promise<boolean>;
	/** Sign-in attempts allowed per client address per minute. */
	signInPerMinute?: number;
}

export function createAuth(options: AuthOptions) {
	const { database } = options;
	return betterAuth({
		appName: 'Scorecraft',
		baseURL: options.baseURL,
		secret: options.secret,
		database:
			database.kind === 'postgres'
				? database.pool
				: {
						dialect: new PostgresDialect({ pool: database.pool as never }),
						type: 'postgres',
						transaction: database.poolTransactions
					},
		user: { modelName: 'auth_user' },
		session: {
			modelName: 'auth_session',
			expiresIn: SESSION_DAYS * 24 * 3600,
			updateAge: 24 * 3600
		},
		account: { modelName: 'auth_account' },
		verification: { modelName: 'auth_verification' },
		emailAndPassword: {
			enabled: true,
			minPasswordLength: 10,
			maxPasswordLength: 128,
			autoSignIn: true
		},
		rateLimit: {
			enabled: true,
			storage: 'database',
			modelName: 'auth_rate_limit',
			window: 60,
			max: 100,
			customRules: {
				'/sign-in/email': { window: 60, max: options.signInPerMinute ?? 10 }
			}
		},
		advanced: {
			cookiePrefix: 'scorecraft',
			useSecureCookies: options.baseURL.startsWith('https:'),
			ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
			database: { generateId: 'uuid' }
		},
		databaseHooks: {
			user: {
				create: {
					before: async (user) => {
						if (!(await options.mayCreateUser(user.email.toLowerCase()))) return false;
						return { data: user };
					}
				}
			}
		},
		telemetry: { enabled: false }
	});
}

export type Auth = ReturnType<typeof createAuth>;
