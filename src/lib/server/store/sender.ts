/**
 * The sender identity the server sends as (Settings → Sender), a row of `setting`: replaced whole
 * on each save. A stored field that does not pass today's checks counts as not set.
 */
import {
	EMPTY_SENDER,
	parseSender,
	trustedSender,
	type SenderIdentity,
	type SenderProblem
} from '../../mail/sender';
import type { Actor } from './audit';
import type { Database } from './database';

const NAME = 'sender';

export class SenderSetting {
	constructor(readonly database: Database) {}

	/** The stored identity; every field empty when none was saved. */
	async current(): Promise<SenderIdentity> {
		const [row] = await this.database.query<{ value: unknown }>(
			'select value from setting where name = $1',
			[NAME]
		);
		return row ? trustedSender(row.value) : { ...EMPTY_SENDER };
	}

	/** Checks and stores an identity; the problems by field when it is refused. */
	async save(
		input: unknown,
		by: Actor | null = null
	): Promise<{ ok: true; value: SenderIdentity } | { ok: false; errors: SenderProblem[] }> {
		const result = parseSender(input);
		if (!result.ok) return result;
		await this.database.query(
			`insert into setting (name, value, updated_by) values ($1, $2, $3)
			 on conflict (name) do update set value = excluded.value, updated_at = now(), updated_by = excluded.updated_by`,
			[NAME, JSON.stringify(result.value), by?.id ?? null]
		);
		return result;
	}

	/**
	 * An older data folder's identity, unless one was saved here already (a file put back later
	 * never overwrites the Settings page's). Returns whether it was stored.
	 */
	async importIdentity(identity: SenderIdentity): Promise<boolean> {
		const rows = await this.database.query(
			`insert into setting (name, value) values ($1, $2) on conflict (name) do nothing returning name`,
			[NAME, JSON.stringify(identity)]
		);
		return rows.length === 1;
	}
}
