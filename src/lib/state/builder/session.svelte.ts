/**
 * The builder page's session with the store: loads the scorecard's draft (or its published
 * version), saves every valid edit to the draft shortly after it is made, and publishes, rolls
 * back or discards. The scorecard itself, and its undo history, live in `ScorecardBuilder`.
 */
import { untrack } from 'svelte';
import {
	discardDraft,
	getDatabase,
	getDraft,
	listVersions,
	orderedScorecards,
	publishDraft,
	rollBack,
	saveDraft,
	type ScorecraftDatabase
} from '$lib/db';
import type { Scorecard, ScorecardVersion } from '$lib/engine';
import { LiveQuery } from '../live-query.svelte';
import { ScorecardBuilder } from './builder.svelte';
import { nowIso } from '../today';
import { diffScorecards, type Change } from './diff';

export type SaveState =
	| { kind: 'clean' }
	| { kind: 'saving' }
	| { kind: 'saved' }
	| { kind: 'invalid'; count: number }
	| { kind: 'failed'; error: string };

export type SessionOutcome =
	| { kind: 'published'; version: number }
	| { kind: 'rolledBack'; from: number; version: number; draftKept: boolean }
	| { kind: 'discarded' }
	| { kind: 'deleted' }
	| { kind: 'failed'; action: 'publish' | 'rollBack' | 'discard'; error: string };

export interface SessionOptions {
	db?: ScorecraftDatabase;
	/** The clock for `at` (who/when of versions and drafts). */
	now?: () => string;
	/** How long after the last edit the draft is written. */
	delayMs?: number;
}

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

	readonly #db: ScorecraftDatabase;
	readonly #id: () => string;
	readonly #now: () => string;
	readonly #delay: number;
	readonly #scorecards: LiveQuery<Scorecard[]>;
	readonly #versions: LiveQuery<ScorecardVersion[]>;
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
		this.#scorecards = new LiveQuery(() => orderedScorecards(this.#db));
		this.#versions = new LiveQuery(() => listVersions(this.#db, id()), id);
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
			this.hasDraft = draft !== null;
			this.save = draft ? { kind: 'saved' } : { kind: 'clean' };
			if (this.builder) this.builder.load(start);
			else this.builder = new ScorecardBuilder(start);
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

	/** Publishes the draft: it scores from now on, kept as a new version with who and when. */
	async publish(by: string): Promise<void> {
		await this.flush();
		if (!this.hasDraft || !this.builder?.valid || this.busy) return;
		this.busy = 'publishing';
		this.outcome = null;
		try {
			const version = await publishDraft(this.#db, this.#id(), { by, at: this.#now() });
			if (version) {
				this.hasDraft = false;
				this.#stored = version.scorecard;
				// The same scorecard, now with its version number and status; not an edit to undo.
				this.builder.rebase(version.scorecard);
				this.save = { kind: 'clean' };
				this.outcome = { kind: 'published', version: version.version };
			}
		} catch (error) {
			this.outcome = { kind: 'failed', action: 'publish', error: messageOf(error) };
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
