/**
 * Drafts and published versions of scorecards. Edits go to a scorecard's one draft; publishing
 * makes the draft the scorecard that scores, keeps it as a new numbered version with who and when,
 * and drops the draft; rolling back publishes an old version again, as a new version.
 */
import type { Scorecard, ScorecardDraft, ScorecardVersion } from '$lib/engine';
import type { ScorecraftDatabase } from './database';
import { bumpDataVersion, readMeta, writeMeta } from './meta';

/** Who did it and when (an ISO date-time): kept with every published version. */
export interface Author {
	by: string;
	at: string;
}

/**
 * Publishing a draft started from a version that is no longer the newest: someone else published
 * since (in the team's workspace, from another browser). The person chooses: publish theirs over
 * it anyway (`over`), or take the newer version.
 */
export class StalePublishError extends Error {
	constructor(
		readonly draft: ScorecardDraft,
		readonly newest: ScorecardVersion
	) {
		super(
			`${newest.published_by} published version ${newest.version} of this scorecard since this draft started from ${draft.based_on === undefined ? 'nothing published' : `version ${draft.based_on}`}`
		);
		this.name = 'StalePublishError';
	}
}

/**
 * Saves (or replaces) the draft of `scorecard.id`. Scores are untouched: drafts never score. A
 * draft keeps the version it started from, whatever is published while it is edited.
 */
export async function saveDraft(
	db: ScorecraftDatabase,
	scorecard: Scorecard,
	options: { at: string; origin?: string }
): Promise<ScorecardDraft> {
	return db.transaction('rw', [db.scorecardDrafts, db.scorecardVersions], async () => {
		const existing = await db.scorecardDrafts.get(scorecard.id);
		const basedOn = existing ? existing.based_on : (await latestVersion(db, scorecard.id))?.version;
		const draft: ScorecardDraft = {
			scorecard_id: scorecard.id,
			updated_at: options.at,
			...(basedOn === undefined ? {} : { based_on: basedOn }),
			...(options.origin ? { origin: options.origin } : {}),
			scorecard: { ...scorecard, status: 'draft' }
		};
		await db.scorecardDrafts.put(draft);
		return draft;
	});
}

export async function getDraft(db: ScorecraftDatabase, id: string): Promise<ScorecardDraft | null> {
	return (await db.scorecardDrafts.get(id)) ?? null;
}

export function listDrafts(db: ScorecraftDatabase): Promise<ScorecardDraft[]> {
	return db.scorecardDrafts.toArray();
}

export async function discardDraft(db: ScorecraftDatabase, id: string): Promise<void> {
	await db.scorecardDrafts.delete(id);
}

/** Every published version of a scorecard, oldest first. */
export function listVersions(db: ScorecraftDatabase, id: string): Promise<ScorecardVersion[]> {
	return db.scorecardVersions.where('scorecard_id').equals(id).sortBy('version');
}

async function latestVersion(
	db: ScorecraftDatabase,
	id: string
): Promise<ScorecardVersion | undefined> {
	return (await listVersions(db, id)).at(-1);
}

/** Writes `scorecard` as the next published version of its id, in the caller's transaction. */
async function publish(
	db: ScorecraftDatabase,
	scorecard: Scorecard,
	author: Author
): Promise<ScorecardVersion> {
	const previous = await latestVersion(db, scorecard.id);
	const version = (previous?.version ?? 0) + 1;
	const published: Scorecard = { ...scorecard, status: 'published', version };
	const kept: ScorecardVersion = {
		scorecard_id: scorecard.id,
		version,
		published_at: author.at,
		published_by: author.by,
		scorecard: published
	};
	await db.scorecardVersions.add(kept);
	await db.scorecards.put(published);
	const order = await readMeta(db, 'order');
	if (!order?.scorecards.includes(scorecard.id)) {
		await writeMeta(db, 'order', {
			scorecards: [...(order?.scorecards ?? []), scorecard.id],
			plays: order?.plays ?? [],
			templates: order?.templates ?? []
		});
	}
	// The scorecard that scores changed: the score caches must be computed again.
	await bumpDataVersion(db);
	return kept;
}

function publishingTables(db: ScorecraftDatabase) {
	return [db.scorecardDrafts, db.scorecardVersions, db.scorecards, db.meta];
}

/** A published scorecard to publish again under a new priority, to keep the order a draft takes. */
export interface PriorityMove {
	id: string;
	priority: number;
}

/**
 * Publishes the draft of `id`: it scores from now on. Null when there is no draft. `moves` are the
 * other scorecards that make room for it (a scorecard that takes the place of another at its
 * priority): each is published again, in the same transaction, with its new priority, and its own
 * pending draft takes that priority too. A move of a scorecard not published is skipped. Throws
 * `StalePublishError` when a version newer than the draft's start was published, unless `over`
 * names that version (the person saw it and publishes theirs over it).
 */
export async function publishDraft(
	db: ScorecraftDatabase,
	id: string,
	author: Author,
	options: { moves?: readonly PriorityMove[]; over?: number } = {}
): Promise<ScorecardVersion | null> {
	return db.transaction('rw', publishingTables(db), async () => {
		const draft = await db.scorecardDrafts.get(id);
		if (!draft) return null;
		const newest = await latestVersion(db, id);
		if (newest && newest.version !== draft.based_on && newest.version !== options.over)
			throw new StalePublishError(draft, newest);
		const version = await publish(db, draft.scorecard, author);
		await db.scorecardDrafts.delete(id);
		for (const move of options.moves ?? []) {
			if (move.id === id) continue;
			const current = await db.scorecards.get(move.id);
			if (!current || current.priority === move.priority) continue;
			await publish(db, { ...current, priority: move.priority }, author);
			const pending = await db.scorecardDrafts.get(move.id);
			if (pending)
				await db.scorecardDrafts.put({
					...pending,
					scorecard: { ...pending.scorecard, priority: move.priority }
				});
		}
		return version;
	});
}

/** Publishes version `version` of `id` again, as a new version. Null when there is no such version. */
export async function rollBack(
	db: ScorecraftDatabase,
	id: string,
	version: number,
	author: Author
): Promise<ScorecardVersion | null> {
	return db.transaction('rw', publishingTables(db), async () => {
		const old = await db.scorecardVersions.get([id, version]);
		return old ? publish(db, old.scorecard, author) : null;
	});
}
