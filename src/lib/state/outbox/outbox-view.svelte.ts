/**
 * The Outbox page: every entry live from the store, filtered by status, play and action; a
 * selection of waiting entries that a person approves or rejects.
 */
import { approveEntries, outboxEntries, rejectEntries, type ScorecraftDatabase } from '$lib/db';
import type { OutboxEntry } from '$lib/engine';
import { LiveQuery } from '../live-query.svelte';
import { countBy, sortedDistinct } from '../lists';
import { nowIso } from '../today';
import { EmailDelivery, syncQuietly } from '../mail/email-delivery.svelte';
import { MailApi } from '../mail/api';
import { postPendingWebhooks } from './webhooks';

export const OUTBOX_PAGE = 200;

export class OutboxView {
	/** The status chosen, or null while the user has chosen none (see `status`). */
	#status: string | null = $state(null);
	play = $state('');
	action = $state('');
	limit = $state(OUTBOX_PAGE);
	selected: string[] = $state([]);
	/** The last decision, for the page to say what it did. */
	decided: { approved: boolean; changed: number; skipped: number } | null = $state(null);
	/** What the last posting of queued webhooks did. */
	posted: { sent: number; failed: number } | null = $state(null);
	busy = $state(false);
	readonly #entries: LiveQuery<OutboxEntry[]>;
	readonly #db: ScorecraftDatabase;
	readonly #api: MailApi;
	/** Sends queued emails through the server (after an approval, or on request). */
	readonly delivery: EmailDelivery;

	/** `fetchFn` reaches the app's server: webhooks and emails (tests pass their own). */
	constructor(db: ScorecraftDatabase, fetchFn: typeof fetch = (...args) => fetch(...args)) {
		this.#db = db;
		this.#api = new MailApi(fetchFn);
		this.delivery = new EmailDelivery(db, this.#api);
		this.#entries = new LiveQuery(() => outboxEntries(db));
	}

	/**
	 * The status filter: what the user chose, or, until they choose, the entries waiting for a
	 * person when any wait (the page opens on them) and every entry otherwise.
	 */
	get status(): string {
		return this.#status ?? (this.all.some((entry) => entry.status === 'planned') ? 'planned' : '');
	}

	set status(value: string) {
		this.#status = value;
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

	/** The entries the filters let through, computed once per change. */
	readonly #filtered = $derived.by(() => {
		const { status, play, action } = this;
		return this.all.filter(
			(entry) =>
				(!status || entry.status === status) &&
				(!play || entry.play_id === play) &&
				(!action || entry.action === action)
		);
	});

	get filtered(): OutboxEntry[] {
		return this.#filtered;
	}

	get shown(): OutboxEntry[] {
		return this.#filtered.slice(0, this.limit);
	}

	get counts(): [OutboxEntry['status'], number][] {
		return countBy(this.all.map((entry) => entry.status));
	}

	get plays(): string[] {
		return sortedDistinct(this.all.map((entry) => entry.play_id));
	}

	/** Webhooks approved and not yet posted. */
	get queuedWebhooks(): number {
		return this.all.filter((entry) => entry.status === 'approved' && entry.action === 'webhook')
			.length;
	}

	/** Emails queued for delivery, or left `sending` by an interrupted delivery. */
	get queuedEmails(): number {
		return this.all.filter(
			(entry) =>
				entry.action === 'email' && (entry.status === 'approved' || entry.status === 'sending')
		).length;
	}

	/** The waiting entries shown: the ones a person can select. */
	get selectable(): string[] {
		return this.shown.filter((entry) => entry.status === 'planned').map((entry) => entry.key);
	}

	/** The selected entries still shown and waiting: what Approve and Reject act on. */
	get selection(): string[] {
		const selectable = this.selectable;
		return this.selected.filter((key) => selectable.includes(key));
	}

	/** Whether every selectable entry shown is selected (the select-all box). */
	get allSelected(): boolean {
		const selectable = this.selectable;
		return selectable.length > 0 && selectable.every((key) => this.selected.includes(key));
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
		this.selected = this.allSelected ? [] : this.selectable;
	}

	async decide(approve: boolean, by: string, at = nowIso()): Promise<void> {
		const keys = this.selection;
		if (keys.length === 0) return;
		this.busy = true;
		try {
			const result = approve
				? await approveEntries(this.#db, keys, { at, by })
				: await rejectEntries(this.#db, keys, { at, by });
			this.decided = { approved: approve, ...result };
			this.selected = [];
			if (approve && result.changed) {
				await this.#post();
				if (this.queuedEmails > 0) void this.delivery.run();
			}
		} finally {
			this.busy = false;
		}
	}

	/** Brings in what the server did meanwhile: its scheduled runs and the unsubscribes. */
	sync(): Promise<void> {
		return syncQuietly(this.#db, this.#api);
	}

	/** Posts the webhooks waiting in `approved` through the server. */
	async postQueued(): Promise<void> {
		this.busy = true;
		try {
			await this.#post();
		} finally {
			this.busy = false;
		}
	}

	async #post(): Promise<void> {
		const result = await postPendingWebhooks(this.#db, this.#api);
		if (result.sent || result.failed) this.posted = result;
	}
}
