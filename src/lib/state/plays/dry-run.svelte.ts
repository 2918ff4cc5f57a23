/**
 * A dry run: the plan for some plays on some accounts as of a date, computed in the planning
 * worker. It writes and sends nothing; the table pages through the entries, filtered by status.
 */
import type { Play, PlanEntry } from '$lib/engine';
import { todayUtc } from '../today';
import type { PlanClient } from './client';
import type { AccountChoice, PlanResult } from './protocol';

export type AccountMode = AccountChoice['kind'];

export const PAGE_SIZE = 50;

export class DryRun {
	mode: AccountMode = $state('all');
	segment = $state('');
	picked: string[] = $state([]);
	size = $state(50);
	seed = $state(1);
	asOf = $state(todayUtc());
	/** '' for every entry, 'planned', 'suppressed' or 'conflicts'. */
	show = $state('');
	page = $state(0);
	result: PlanResult | null = $state.raw(null);
	running = $state(false);
	error: string | null = $state(null);
	readonly #client: () => PlanClient;
	readonly #scope: () => { plays?: string[]; edited?: Play };
	readonly #prepare: () => Promise<void>;

	/**
	 * `scope` says which plays: some ids, and a play as edited (planned in place of its stored
	 * version). `prepare` runs before each plan (the pages bring in the server's unsubscribes).
	 */
	constructor(
		client: () => PlanClient,
		scope: () => { plays?: string[]; edited?: Play } = () => ({}),
		prepare: () => Promise<void> = async () => {}
	) {
		this.#client = client;
		this.#scope = scope;
		this.#prepare = prepare;
	}

	get choice(): AccountChoice {
		switch (this.mode) {
			case 'segment':
				return { kind: 'segment', segment: this.segment };
			case 'picked':
				return { kind: 'picked', ids: [...this.picked] };
			case 'random':
				return { kind: 'random', size: Math.max(1, Math.floor(this.size)), seed: this.seed };
			default:
				return { kind: 'all' };
		}
	}

	/** Whether the choice can be planned (a segment chosen, some accounts picked). */
	get ready(): boolean {
		if (this.mode === 'segment') return this.segment !== '';
		if (this.mode === 'picked') return this.picked.length > 0;
		if (this.mode === 'random') return this.size >= 1;
		return true;
	}

	async run(): Promise<void> {
		if (!this.ready || this.running) return;
		this.running = true;
		this.error = null;
		try {
			await this.#prepare();
			this.result = await this.#client().plan({
				asOf: this.asOf,
				accounts: this.choice,
				...this.#scope()
			});
			this.page = 0;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.running = false;
		}
	}

	/** Another random sample, planned at once. */
	async newSample(): Promise<void> {
		this.seed += 1;
		await this.run();
	}

	pick(id: string): void {
		if (!this.picked.includes(id)) this.picked = [...this.picked, id];
	}

	unpick(id: string): void {
		this.picked = this.picked.filter((picked) => picked !== id);
	}

	/** The entries the table shows, before paging. */
	get entries(): PlanEntry[] {
		const entries = this.result?.plan.entries ?? [];
		if (this.show === 'planned' || this.show === 'suppressed')
			return entries.filter((entry) => entry.status === this.show);
		if (this.show === 'conflicts') return entries.filter((entry) => entry.conflicts?.length);
		return entries;
	}

	get pageCount(): number {
		return Math.max(1, Math.ceil(this.entries.length / PAGE_SIZE));
	}

	get pageEntries(): PlanEntry[] {
		const page = Math.min(this.page, this.pageCount - 1);
		return this.entries.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
	}
}
