/** Approvals of approve-mode entries: which key, by whom, when. A key is approved once. */
import type { Actor } from './audit';
import type { Database } from './database';

export class Approvals {
	constructor(readonly database: Database) {}

	async approve(keys: readonly string[], by: Actor): Promise<void> {
		await this.database.transaction(async (tx) => {
			for (const key of keys)
				await tx.query(
					`insert into approval (key, approved_by, approved_by_email) values ($1, $2, $3)
					 on conflict (key) do nothing`,
					[key, by.id, by.email]
				);
		});
	}

	/** Those of `keys` that were approved. */
	async among(keys: readonly string[]): Promise<Set<string>> {
		if (keys.length === 0) return new Set();
		const rows = await this.database.query<{ key: string }>(
			'select key from approval where key = any($1::text[])',
			[keys]
		);
		return new Set(rows.map((row) => row.key));
	}
}
