/**
 * The workspace the app published to the server: what the send API checks requests against and
 * what scheduled runs plan with. One file, replaced whole (written beside, then renamed), so a
 * crash mid-publish leaves the previous one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseWorkspace, type Workspace } from '../../engine';
import { writeFileAtomically } from './files';

export interface Published {
	workspace: Workspace;
	/** Hash of the published text: the app compares it to know whether to publish again. */
	version: string;
	published_at: string;
}

export class PublishError extends Error {
	constructor(readonly problems: string[]) {
		super(
			`the workspace is not valid: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`
		);
		this.name = 'PublishError';
	}
}

function parse(text: string): Workspace {
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

export class PublishedWorkspace {
	#cached: (Published & { mtimeMs: number }) | null = null;

	constructor(readonly file: string) {}

	/** The published workspace, or null when nothing was published yet. */
	current(): Published | null {
		if (!existsSync(this.file)) return null;
		const { mtimeMs } = statSync(this.file);
		if (this.#cached?.mtimeMs === mtimeMs) return this.#cached;
		const text = readFileSync(this.file, 'utf8');
		return this.#remember(text, parse(text), mtimeMs);
	}

	/** Checks and stores a workspace (JSON text); throws a `PublishError` naming each bad field. */
	publish(text: string): Published {
		const workspace = parse(text);
		writeFileAtomically(this.file, text, undefined, 0o644);
		return this.#remember(text, workspace, statSync(this.file).mtimeMs);
	}

	#remember(text: string, workspace: Workspace, mtimeMs: number): Published {
		this.#cached = {
			workspace,
			version: createHash('sha256').update(text).digest('hex').slice(0, 16),
			published_at: new Date(mtimeMs).toISOString(),
			mtimeMs
		};
		return this.#cached;
	}
}
