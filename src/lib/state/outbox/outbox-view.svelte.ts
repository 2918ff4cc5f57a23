/**
 * The Outbox page: every entry live from the store, filtered by status, play and action; a
 * selection of waiting entries that a person approves or rejects.
 */
import { approveEntries, outboxEntries, rejectEntries, type ScorecraftDatabase } from '$lib/db';
import type { OutboxEntry } from '$lib/engine';
import { LiveQuery } from '../live-query.svelte';
import { countBy, sortedDistinct } from '../lists';
import { nowIso } from '../today';

export const OUTBOX_PAGE = 200;

export class OutboxView {
	status = $state('');
	play = $state('');
	action = $state('');
	limit = $state(OUTBOX_PAGE);
	selected: string[] = $state([]);
	/** The last decision, for the page to say what it did. */
	decided: { approved: boolean; changed: number; skipped: number } | null = $state(null);
	busy = $state(false);
	readonly #entries: LiveQuery<OutboxEntry[]>;
	readonly #db: ScorecraftDatabase;
	#first = true;

	constructor(db: ScorecraftDatabase) {
		this.#db = db;
		this.#entries = new LiveQuery(() => outboxEntries(db));
		// With entries waiting for a person, the page opens on them.
		$effect(() => {
			const all = this.#entries.current;
			if (all && this.#first) {
				this.#first = false;
				if (all.some((entry) => entry.status === 'planned')) this.status = 'planned';
			}
		});
	}

	get loading(): boolean {
		return this.#entries.loading;
	}

	get error(): string | null {
		return this.#entries.error;
	}

	get all(): OutboxEntry[] {
		return this.#entries.current ?? [];
	}

	get filtered(): OutboxEntry[] {
		return this.all.filter(
			(entry) =>
				(!this.status || entry.status === this.status) &&
				(!this.play || entry.play_id === this.play) &&
				(!this.action || entry.action === this.action)
		);
	}

	get shown(): OutboxEntry[] {
		return this.filtered.slice(0, this.limit);
	}

	get counts(): [OutboxEntry['status'], number][] {
		return countBy(this.all.map((entry) => entry.status));
	}

	get plays(): string[] {
		return sortedDistinct(this.all.map((entry) => entry.play_id));
	}

	isSelected(key: string): boolean {
		return this.selected.includes(key);
	}

	toggle(key: string, on: boolean): void {
		this.selected = on
			? [...this.selected.filter((k) => k !== key), key]
			: this.selected.filter((k) => k !== key);
	}

	/** Selects every waiting entry shown, or none when they all are. */
	toggleAll(): void {
		const waiting = this.shown
			.filter((entry) => entry.status === 'planned')
			.map((entry) => entry.key);
		const all = waiting.every((key) => this.selected.includes(key));
		this.selected = all ? [] : waiting;
	}

	async decide(approve: boolean, by: string, at = nowIso()): Promise<void> {
		if (this.selected.length === 0) return;
		this.busy = true;
		try {
			const keys = [...this.selected];
			const result = approve
				? await approveEntries(this.#db, keys, { at, by })
				: await rejectEntries(this.#db, keys, { at, by });
			this.decided = { approved: approve, ...result };
			this.selected = [];
		} finally {
			this.busy = false;
		}
	}
}
