/**
 * The workspace published to the server, with who published it and when: what the send API
 * checks requests against and what runs plan with. The newest few versions are kept; parsing a
 * version happens once per process.
 */
import { createHash } from 'node:crypto';
import { parseWorkspace, type Workspace } from '../../engine';
import type { Actor } from './audit';
import type { Database } from './database';

export interface Published {
	workspace: Workspace;
	/** Hash of the published text: the app compares it to know whether to publish again. */
	version: string;
	published_at: string;
	published_by: string | null;
}

export class PublishError extends Error {
	constructor(readonly problems: string[]) {
		super(
			`the workspace is not valid: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`
		);
		this.name = 'PublishError';
	}
}

export function parsePublished(text: string): Workspace {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new PublishError([`not JSON: ${(error as Error).message}`]);
	}
	const result = parseWorkspace(json);
	if (!result.ok) throw new PublishError(result.errors.map((i) => `${i.path}: ${i.message}`));
	return result.value;
}

export const versionOf = (text: string) =>
	createHash('sha256').update(text).digest('hex').slice(0, 16);

const KEEP = 5;

interface Row {
	version: string;
	published_at: Date;
	published_by_email: string | null;
}

export class PublishedStore {
	#cached: Published | null = null;

	constructor(readonly database: Database) {}

	/** The current published workspace, or null when nothing was published yet. */
	async current(): Promise<Published | null> {
		const [row] = await this.database.query<Row>(
			'select version, published_at, published_by_email from published_workspace where current'
		);
		if (!row) return null;
		if (this.#cached?.version === row.version) return this.#cached;
		const [body] = await this.database.query<{ body: string }>(
			'select body from published_workspace where version = $1',
			[row.version]
		);
		return this.#remember(row, parsePublished(body!.body));
	}

	/** Checks and stores a workspace (JSON text); throws a `PublishError` naming each bad field. */
	async publish(text: string, by: Actor): Promise<Published> {
		const workspace = parsePublished(text);
		const version = versionOf(text);
		const row = await this.database.transaction(async (tx) => {
			await tx.query('update published_workspace set current = false where current');
			const [saved] = await tx.query<Row>(
				`insert into published_workspace (version, body, published_by, published_by_email, current)
				 values ($1, $2, $3, $4, true)
				 on conflict (version) do update set current = true, published_at = now(),
				   published_by = excluded.published_by, published_by_email = excluded.published_by_email
				 returning version, published_at, published_by_email`,
				[version, text, by.id, by.email]
			);
			await tx.query(
				`delete from published_workspace where version in (
				   select version from published_workspace where not current
				   order by published_at desc offset $1)`,
				[KEEP - 1]
			);
			return saved!;
		});
		return this.#remember(row, workspace);
	}

	#remember(row: Row, workspace: Workspace): Published {
		this.#cached = {
			workspace,
			version: row.version,
			published_at: new Date(row.published_at).toISOString(),
			published_by: row.published_by_email
		};
		return this.#cached;
	}
}
