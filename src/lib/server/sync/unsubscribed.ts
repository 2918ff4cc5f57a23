/**
 * An unsubscribe reaches the team workspace: the contacts with that address get their
 * `unsubscribed_at`, written by the server itself, so every browser's plan suppresses them
 * (whoever is signed in there, whatever their role may change).
 */
import type { Contact } from '../../engine';
import { emailKey } from '../mail/unsubscribe';
import { SYSTEM } from '../store/audit';
import type { WorkspaceRecords } from '../store/records';

/** Marks the contacts of these addresses that are not marked yet; returns the new revision, or null when none changed. */
export async function markUnsubscribed(
	records: WorkspaceRecords,
	entries: readonly { email: string; at: string }[]
): Promise<number | null> {
	if (entries.length === 0) return null;
	const atOf = new Map(entries.map((entry) => [emailKey(entry.email), entry.at]));
	return records.locked(async (locked) => {
		const rows = await locked.tx.query<{ id: string; body: Contact }>(
			`select id, body from workspace_record
			 where kind = 'contacts' and body is not null and lower(btrim(body->>'email')) = any($1::text[])`,
			[[...atOf.keys()]]
		);
		const writes = rows
			.filter((row) => !row.body.unsubscribed_at && atOf.has(emailKey(row.body.email)))
			.map((row) => ({
				kind: 'contacts' as const,
				id: row.id,
				body: { ...row.body, unsubscribed_at: atOf.get(emailKey(row.body.email)) }
			}));
		if (writes.length === 0) return null;
		await locked.write(writes, { actor: SYSTEM, client: null });
		return locked.finish();
	});
}
