/**
 * The builder page's session with the store: loads the scorecard's draft (or its published
 * version), saves every valid edit to the draft shortly after it is made, and publishes (after
 * checking which plays it would break), rolls back or discards. The scorecard itself, and its undo
 * history, live in `ScorecardBuilder`.
 */
import { untrack } from 'svelte';
import {
	discardDraft,
	getDatabase,
	getDraft,
	listPlays,
	listVersions,
	orderedScorecards,
	publishDraft,
	rollBack,
	saveDraft,
	StalePublishError,
	type ScorecraftDatabase
} from '$lib/db';
import type { Play, Scorecard, ScorecardVersion } from '$lib/engine';
import { LiveQuery } from '../live-query.svelte';
import { previewBoard } from '../preview/board.svelte';
import type { PreviewResult } from '../preview/types';
import { ScorecardBuilder } from './builder.svelte';
import { nowIso } from '../today';
import { diffScorecards, type Change } from './diff';
import { makeRoom } from './priorities';
import { publishBreaks } from './publish-check';
import type { PublishCheck, SaveState, SessionOptions, SessionOutcome } from './session-types';

export type {
	MovedScorecard,
	PublishCheck,
	SaveState,
	SessionOptions,
	SessionOutcome
} from './session-types';

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class BuilderSession {
	builder: ScorecardBuilder | null = $state.raw(null);
	state: 'loading' | 'notFound' | 'ready' | 'error' = $state('loading');
	error: string | null = $state(null);
	save: SaveState = $state.raw({ kind: 'clean' });
	/** Whether the store holds a draft of this scorecard. */
	hasDraft = $state(false);
	busy: 'publishing' | 'rollingBack' | 'discarding' | null = $state(null);
	outcome: SessionOutcome | null = $state.raw(null);
	/** The publish check under way or waiting for a decision; null otherwise. */
	check: PublishCheck | null = $state.raw(null);
	/** Scorecards this one was told to come after (the overlap question is not asked again). */
	keptAfter: readonly string[] = $state.raw([]);

	readonly #db: ScorecraftDatabase;
	readonly #id: () => string;
	readonly #now: () => string;
	readonly #delay: number;
	readonly #scorecards: LiveQuery<Scorecard[]>;
	readonly #versions: LiveQuery<ScorecardVersion[]>;
	readonly #plays: LiveQuery<Play[]>;
	readonly #previewOf: (draft: Scorecard) => Promise<PreviewResult>;
	/** Whether the scorecard had a published version when it was loaded (before the live query). */
	#publishedAtLoad = false;
	/** The scorecard as the store holds it now (the draft, else the published one). */
	#stored: Scorecard | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** Writes run one after another, so an older edit never lands after a newer one. */
	#writes: Promise<void> = Promise.resolve();

	/** Create it while a component initialises: it follows `id` and the store in effects. */
	constructor(id: () => string, options: SessionOptions = {}) {
		this.#db = options.db ?? getDatabase();
		this.#id = id;
		this.#now = options.now ?? nowIso;
		this.#delay = options.delayMs ?? 300;
		this.#previewOf = options.previewOf ?? ((draft) => previewBoard.resultFor(id(), draft));
		this.#scorecards = new LiveQuery(() => orderedScorecards(this.#db));
		this.#versions = new LiveQuery(() => listVersions(this.#db, id()), id);
		this.#plays = new LiveQuery(() => listPlays(this.#db));
		$effect(() => {
			const current = id();
			untrack(() => void this.#load(current));
		});
		$effect(() => {
			const card = this.builder?.scorecard;
			if (card) untrack(() => this.#edited(card));
		});
		// Leaving the page writes what is pending rather than dropping it.
		$effect(() => () => void this.flush());
	}

	get id(): string {
		return this.#id();
	}

	/** The version that scores now; null for a scorecard never published. */
	get published(): Scorecard | null {
		return this.#scorecards.current?.find((card) => card.id === this.#id()) ?? null;
	}

	/** Every scorecard that scores, for the priority hint (which ones come before this one). */
	get scorecards(): Scorecard[] {
		return this.#scorecards.current ?? [];
	}

	/** Published versions, oldest first. */
	get versions(): ScorecardVersion[] {
		return this.#versions.current ?? [];
	}

	/** The workspace's plays, for what reads the scorecard's ids. */
	get plays(): Play[] {
		return this.#plays.current ?? [];
	}

	/**
	 * Whether to ask, when scorecards tried before this one take accounts it applies to, whether it
	 * should replace them or come after them: once it has a segment condition (without one it is a
	 * catch-all, after the others by design), for a new scorecard or one whose segment or priority
	 * the draft changes (a long-standing overlap of a published one is no question).
	 */
	get asksAboutOverlap(): boolean {
		const card = this.builder?.scorecard;
		const published = this.published;
		if (!card || card.applies_to === undefined) return false;
		if (!this.everPublished) return true;
		return (
			!!published &&
			(published.priority !== card.priority ||
				JSON.stringify(published.applies_to ?? null) !== JSON.stringify(card.applies_to ?? null))
		);
	}

	/** The person chose to come after that scorecard: not asked again in this session. */
	keepAfter(id: string): void {
		if (!this.keptAfter.includes(id)) this.keptAfter = [...this.keptAfter, id];
	}

	/** Whether the scorecard has a published version: plays may read its ids then. */
	get everPublished(): boolean {
		return this.published !== null || this.#publishedAtLoad;
	}

	/** What publishing would change, against the version that scores now. */
	readonly pending: Change[] = $derived.by(() => {
		const card = this.builder?.scorecard;
		const published = this.published;
		return card && published ? diffScorecards(published, card) : [];
	});

	get canPublish(): boolean {
		return (
			this.busy === null && !!this.builder?.valid && (this.hasDraft || this.save.kind === 'saving')
		);
	}

	async #load(id: string): Promise<void> {
		this.state = 'loading';
		try {
			const [draft, scorecards] = await Promise.all([
				getDraft(this.#db, id),
				orderedScorecards(this.#db)
			]);
			const start = draft?.scorecard ?? scorecards.find((card) => card.id === id);
			if (!start) {
				this.state = 'notFound';
				return;
			}
			this.#stored = start;
			this.#publishedAtLoad = scorecards.some((card) => card.id === id);
			this.hasDraft = draft !== null;
			this.save = draft ? { kind: 'saved' } : { kind: 'clean' };
			if (this.builder) this.builder.load(start);
			else this.builder = new ScorecardBuilder(start, { published: () => this.everPublished });
			this.state = 'ready';
		} catch (error) {
			this.error = messageOf(error);
			this.state = 'error';
		}
	}

	#edited(card: Scorecard): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		// Back to what the store holds (an undo, a reload): nothing to write.
		if (card === this.#stored) {
			this.save = this.hasDraft ? { kind: 'saved' } : { kind: 'clean' };
			return;
		}
		const validation = this.builder!.validation;
		if (!validation.ok) {
			this.save = { kind: 'invalid', count: validation.errors.length };
			return;
		}
		this.save = { kind: 'saving' };
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.#write(card);
		}, this.#delay);
	}

	#write(card: Scorecard): Promise<void> {
		this.#writes = this.#writes.then(async () => {
			try {
				await saveDraft(this.#db, card, { at: this.#now() });
				this.#stored = card;
				this.hasDraft = true;
				if (this.builder?.scorecard === card) this.save = { kind: 'saved' };
			} catch (error) {
				this.save = { kind: 'failed', error: messageOf(error) };
			}
		});
		return this.#writes;
	}

	/** Writes a pending edit now (before publishing, when leaving the page). */
	async flush(): Promise<void> {
		if (this.#timer) {
			clearTimeout(this.#timer);
			this.#timer = null;
			const builder = this.builder;
			if (builder?.valid) void this.#write(builder.scorecard);
		}
		await this.#writes;
	}

	/**
	 * Publishes after checking the plays: when the draft would take away a group or measure that
	 * enabled plays read for accounts they reach, `check` lists them and waits for `confirmPublish`
	 * or `cancelPublish`; otherwise it publishes at once.
	 */
	async requestPublish(by: string): Promise<void> {
		await this.flush();
		const draft = this.builder?.scorecard;
		if (!draft || !this.hasDraft || !this.builder?.valid || this.busy || this.check) return;
		this.check = { kind: 'checking' };
		this.outcome = null;
		try {
			const [result, plays, published] = await Promise.all([
				this.#previewOf(draft),
				listPlays(this.#db),
				orderedScorecards(this.#db)
			]);
			// Edited while the check ran: what was checked is not what would be published.
			if (this.builder?.scorecard !== draft) {
				this.check = null;
				return;
			}
			const breaks = publishBreaks({ plays, published, draft, assignment: result.assignment });
			if (breaks.length > 0) {
				this.check = { kind: 'confirm', breaks, by };
				return;
			}
			this.check = null;
			await this.publish(by);
		} catch (error) {
			this.check = { kind: 'unchecked', error: messageOf(error), by };
		}
	}

	/** Publishes what the check waits about, as the person decided. */
	async confirmPublish(): Promise<void> {
		const check = this.check;
		if (check?.kind !== 'confirm' && check?.kind !== 'unchecked') return;
		this.check = null;
		await this.publish(check.by);
	}

	/** Back to editing: nothing is published. */
	cancelPublish(): void {
		if (this.check?.kind !== 'checking') this.check = null;
	}

	/**
	 * Publishes the draft: it scores from now on, kept as a new version with who and when. The
	 * scorecards it takes the place of (at its priority) are published again after it. When someone
	 * published since the draft started, nothing is written: the outcome shows both (`stale`), and
	 * `over` (their version, seen) publishes this one after it.
	 */
	async publish(by: string, over?: number): Promise<void> {
		await this.flush();
		if (!this.hasDraft || !this.builder?.valid || this.busy) return;
		this.busy = 'publishing';
		this.outcome = null;
		try {
			const published = await orderedScorecards(this.#db);
			const moves = makeRoom(published, this.builder.scorecard);
			const at = this.#now();
			const version = await publishDraft(this.#db, this.#id(), { by, at }, { moves, over });
			if (version) {
				this.hasDraft = false;
				this.#stored = version.scorecard;
				this.#publishedAtLoad = true;
				// The same scorecard, now with its version number and status; not an edit to undo.
				this.builder.rebase(version.scorecard);
				this.save = { kind: 'clean' };
				const moved = moves.flatMap(({ id, priority }) => {
					const card = published.find((other) => other.id === id);
					return card ? [{ id, name: card.name || id, priority }] : [];
				});
				this.outcome = { kind: 'published', version: version.version, moved };
			}
		} catch (error) {
			this.outcome =
				error instanceof StalePublishError
					? { kind: 'stale', newest: error.newest, mine: error.draft.scorecard, by }
					: { kind: 'failed', action: 'publish', error: messageOf(error) };
		} finally {
			this.busy = null;
		}
	}

	/** Publishes an old version again, as a new one. A draft being edited is kept. */
	async rollBack(version: number, by: string): Promise<void> {
		await this.flush();
		if (this.busy) return;
		this.busy = 'rollingBack';
		this.outcome = null;
		try {
			const published = await rollBack(this.#db, this.#id(), version, { by, at: this.#now() });
			if (published) {
				const draftKept = this.hasDraft;
				if (!draftKept) {
					this.#stored = published.scorecard;
					this.builder?.load(published.scorecard);
					this.save = { kind: 'clean' };
				}
				this.outcome = { kind: 'rolledBack', from: version, version: published.version, draftKept };
			}
		} catch (error) {
			this.outcome = { kind: 'failed', action: 'rollBack', error: messageOf(error) };
		} finally {
			this.busy = null;
		}
	}

	/**
	 * Drops the draft and goes back to the published version. A scorecard never published is
	 * nothing but its draft: it is gone (`deleted`), and the page leaves.
	 */
	async discard(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		await this.#writes;
		if (this.busy) return;
		this.busy = 'discarding';
		this.outcome = null;
		try {
			await discardDraft(this.#db, this.#id());
			this.hasDraft = false;
			const published = (await orderedScorecards(this.#db)).find((c) => c.id === this.#id());
			if (published) {
				this.#stored = published;
				this.builder?.load(published);
				this.save = { kind: 'clean' };
				this.outcome = { kind: 'discarded' };
			} else {
				this.outcome = { kind: 'deleted' };
			}
		} catch (error) {
			this.outcome = { kind: 'failed', action: 'discard', error: messageOf(error) };
		} finally {
			this.busy = null;
		}
	}
}
