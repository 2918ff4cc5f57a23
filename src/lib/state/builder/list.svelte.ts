/**
 * The Scorecards page: the published scorecards in the order they are tried, with how many accounts
 * each scores today (and why, for one that scores none), the drafts of new ones, reordering (which
 * publishes the scorecards whose priority changes) and creating one.
 */
import { untrack } from 'svelte';
import {
	getDatabase,
	getDraft,
	listDrafts,
	orderedScorecards,
	publishDraft,
	saveDraft,
	type ScorecraftDatabase
} from '$lib/db';
import { scoredCounts } from '$lib/db/scorecard-counts';
import type { IsoDate, Scorecard, ScorecardDraft } from '$lib/engine';

export type { ScorecardRow, ZeroReason } from './list-rows';
import { t } from '$lib/i18n/messages';
import { LiveQuery } from '../live-query.svelte';
import { PreviewClient } from '../preview/client';
import { nowIso } from '../today';
import {
	newScorecardId,
	scorecardRows,
	unpublishedDrafts,
	zeroReason,
	type ScorecardRow,
	type ZeroReason
} from './list-rows';
import { reorderPriorities } from './priorities';
import { lastPriority, newScorecard } from './templates';

export type ListOutcome =
	| { kind: 'reordered'; names: string[] }
	| { kind: 'failed'; action: 'reorder' | 'create'; error: string };

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export interface ListOptions {
	db?: ScorecraftDatabase;
	now?: () => string;
	/** The date of the app's scores: the reason a scorecard scores none is looked for as of it. */
	asOf?: () => IsoDate | null;
	/** Makes the preview client that finds why a scorecard scores none (a worker by default). */
	client?: () => PreviewClient;
}

export class ScorecardList {
	readonly #db: ScorecraftDatabase;
	readonly #now: () => string;
	readonly #asOf: () => IsoDate | null;
	readonly #makeClient: () => PreviewClient;
	#client: PreviewClient | null = null;
	readonly #data: LiveQuery<{ scorecards: Scorecard[]; drafts: ScorecardDraft[] }>;
	readonly #counts: LiveQuery<Awaited<ReturnType<typeof scoredCounts>>>;
	/** What the reasons were last looked for: the same again is not asked twice. */
	#explained = '';
	busy: 'reordering' | 'creating' | null = $state(null);
	outcome: ListOutcome | null = $state.raw(null);
	/** Why each published scorecard that scores no account scores none, once found. */
	reasons: Record<string, ZeroReason> = $state.raw({});

	/** Create it while a component initialises: it reads the store live. */
	constructor(options: ListOptions = {}) {
		this.#db = options.db ?? getDatabase();
		this.#now = options.now ?? nowIso;
		this.#asOf = options.asOf ?? (() => null);
		this.#makeClient = options.client ?? (() => new PreviewClient());
		this.#data = new LiveQuery(async () => {
			const [scorecards, drafts] = await Promise.all([
				orderedScorecards(this.#db),
				listDrafts(this.#db)
			]);
			return { scorecards, drafts };
		});
		this.#counts = new LiveQuery(() => scoredCounts(this.#db));
		$effect(() => {
			const zero = this.rows.filter((row) => row.scores === 0).map((row) => row.scorecard);
			const scorecards = this.#data.current?.scorecards;
			const counts = this.#counts.current?.counts;
			const asOf = this.#asOf();
			if (zero.length === 0 || !scorecards || !asOf) return;
			const key = JSON.stringify([asOf, scorecards, counts]);
			if (key === this.#explained) return;
			this.#explained = key;
			untrack(() => void this.#explain(zero, scorecards, asOf, key));
		});
		$effect(() => () => this.#client?.close());
	}

	/**
	 * Previews each scorecard that scores none as it stands, in its place among the others: the
	 * preview says whether any account meets its condition and which scorecards take them first.
	 */
	async #explain(
		zero: readonly Scorecard[],
		scorecards: Scorecard[],
		asOf: IsoDate,
		key: string
	): Promise<void> {
		this.#client?.close();
		const client = (this.#client = this.#makeClient());
		const reasons: Record<string, ZeroReason> = {};
		for (const card of zero) {
			const answer = await client.request({
				draft: card,
				published: card,
				scorecards,
				asOf
			});
			const reason = answer.ok ? zeroReason(answer.result) : null;
			if (reason) reasons[card.id] = reason;
		}
		// The worker holds the whole workspace: let it go until a scorecard scores none again.
		client.close();
		if (this.#client === client) this.#client = null;
		if (key === this.#explained) this.reasons = reasons;
	}

	get loading(): boolean {
		return this.#data.loading;
	}

	get error(): string | null {
		return this.#data.error;
	}

	/** Published scorecards in the order the engine tries them, with the accounts each scores. */
	readonly rows: ScorecardRow[] = $derived.by(() => {
		const data = this.#data.current;
		return data ? scorecardRows(data.scorecards, data.drafts, this.#counts.current ?? null) : [];
	});

	/** Whether the counts wait for the scores to be computed again (after a publication, an import). */
	get counting(): boolean {
		const counts = this.#counts.current;
		return !counts || !counts.current;
	}

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
