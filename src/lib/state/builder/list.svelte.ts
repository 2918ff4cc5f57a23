/**
 * The Scorecards page: the published scorecards in the order they are tried, the drafts of new
 * ones, reordering (which publishes the scorecards whose priority changes) and creating one.
 */
import {
	getDatabase,
	getDraft,
	listDrafts,
	orderedScorecards,
	publishDraft,
	saveDraft,
	type ScorecraftDatabase
} from '$lib/db';
import type { Scorecard, ScorecardDraft } from '$lib/engine';

export type { ScorecardRow } from './list-rows';
import { t } from '$lib/i18n/messages';
import { LiveQuery } from '../live-query.svelte';
import { nowIso } from '../today';
import { newScorecardId, scorecardRows, unpublishedDrafts, type ScorecardRow } from './list-rows';
import { reorderPriorities } from './priorities';
import { lastPriority, newScorecard } from './templates';

export type ListOutcome =
	| { kind: 'reordered'; names: string[] }
	| { kind: 'failed'; action: 'reorder' | 'create'; error: string };

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class ScorecardList {
	readonly #db: ScorecraftDatabase;
	readonly #now: () => string;
	readonly #data: LiveQuery<{ scorecards: Scorecard[]; drafts: ScorecardDraft[] }>;
	busy: 'reordering' | 'creating' | null = $state(null);
	outcome: ListOutcome | null = $state.raw(null);

	/** Create it while a component initialises: it reads the store live. */
	constructor(options: { db?: ScorecraftDatabase; now?: () => string } = {}) {
		this.#db = options.db ?? getDatabase();
		this.#now = options.now ?? nowIso;
		this.#data = new LiveQuery(async () => {
			const [scorecards, drafts] = await Promise.all([
				orderedScorecards(this.#db),
				listDrafts(this.#db)
			]);
			return { scorecards, drafts };
		});
	}

	get loading(): boolean {
		return this.#data.loading;
	}

	get error(): string | null {
		return this.#data.error;
	}

	/** Published scorecards in the order the engine tries them. */
	readonly rows: ScorecardRow[] = $derived.by(() => {
		const data = this.#data.current;
		return data ? scorecardRows(data.scorecards, data.drafts) : [];
	});

	/** Drafts of scorecards never published: they score nothing yet. */
	readonly newDrafts: ScorecardDraft[] = $derived.by(() => {
		const data = this.#data.current;
		return data ? unpublishedDrafts(data.scorecards, data.drafts) : [];
	});

	/**
	 * Moves a scorecard `delta` places in the trial order. Each scorecard whose priority changes
	 * is published again with it (a new version, so the history says who reordered when); a draft
	 * being edited keeps its edits and takes the new priority.
	 */
	async move(id: string, delta: number, by: string): Promise<void> {
		if (this.busy) return;
		const ordered = this.rows.map((row) => row.scorecard);
		const from = ordered.findIndex((card) => card.id === id);
		const changes = reorderPriorities(ordered, from, from + delta);
		if (changes.length === 0) return;
		this.busy = 'reordering';
		this.outcome = null;
		try {
			for (const { id: changed, priority } of changes) {
				const published = ordered.find((card) => card.id === changed)!;
				const at = this.#now();
				const pending = await getDraft(this.#db, changed);
				await saveDraft(this.#db, { ...published, priority }, { at });
				await publishDraft(this.#db, changed, { by, at });
				if (pending)
					await saveDraft(
						this.#db,
						{ ...pending.scorecard, priority },
						{ at, ...(pending.origin ? { origin: pending.origin } : {}) }
					);
			}
			const next = [...ordered];
			next.splice(from + delta, 0, ...next.splice(from, 1));
			this.outcome = { kind: 'reordered', names: next.map((card) => card.name) };
		} catch (error) {
			this.outcome = { kind: 'failed', action: 'reorder', error: messageOf(error) };
		} finally {
			this.busy = null;
		}
	}

	/** Creates the draft of a new scorecard and returns its id (null when it failed). */
	async create(name: string, template: string): Promise<string | null> {
		if (this.busy) return null;
		this.busy = 'creating';
		this.outcome = null;
		try {
			const [scorecards, drafts] = await Promise.all([
				orderedScorecards(this.#db),
				listDrafts(this.#db)
			]);
			const id = newScorecardId(name, scorecards, drafts);
			const card = newScorecard(template, {
				id,
				name,
				priority: lastPriority([...scorecards, ...drafts.map((draft) => draft.scorecard)]),
				groupName: t('scorecards.new.defaultGroup')
			});
			await saveDraft(this.#db, card, { at: this.#now() });
			return id;
		} catch (error) {
			this.outcome = { kind: 'failed', action: 'create', error: messageOf(error) };
			return null;
		} finally {
			this.busy = null;
		}
	}
}
