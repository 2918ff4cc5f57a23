/**
 * The server's own secrets, kept in its database and never sent to anyone: the key that signs
 * session cookies. Made at random on first use.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './database';

export async function serverSecret(database: Database, name: string): Promise<string> {
	await database.query(
		'insert into server_secret (name, value) values ($1, $2) on conflict (name) do nothing',
		[name, randomBytes(32).toString('base64url')]
	);
	const [row] = await database.query<{ value: string }>(
		'select value from server_secret where name = $1',
		[name]
	);
	return row!.value;
}
