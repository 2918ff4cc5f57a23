/**
 * The Backtest page's state: the backtest run in a worker whenever the store's data changes, the
 * scorecard, horizon and threshold the user picks, the figures at that threshold, and the
 * suggestions saved to drafts (read back live, so the page shows what the draft now holds).
 */
import { untrack } from 'svelte';
import { getDatabase, listDrafts, type ScorecraftDatabase } from '$lib/db';
import type { ScorecardDraft } from '$lib/engine';
import {
	confusionAt,
	thresholdMetrics,
	type FactSuggestion,
	type ScorecardBacktest,
	type ThresholdMetrics
} from '$lib/engine/backtest';
import { LiveQuery } from '../live-query.svelte';
import { BacktestClient, type Progress } from './client';
import { nowIso } from '../today';
import { saveFactToDraft, saveWeightsToDraft } from './drafts';
import type { PageReport } from './protocol';

export type RunState =
	| { kind: 'waiting' }
	| { kind: 'running'; progress: Progress | null }
	| { kind: 'done' }
	| { kind: 'error'; message: string };

/** What was last saved to a draft from this page. */
export interface Saved {
	scorecardId: string;
	scorecardName: string;
	/** The fact added as a measure; absent for weights. */
	fact?: string;
}

export const DEFAULT_HORIZON = 90;

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class BacktestPage {
	/** Empty: the first scorecard. */
	scorecardId = $state('');
	horizon = $state(DEFAULT_HORIZON);
	/** The threshold the user set; null follows the scorecard's default. */
	#threshold: number | null = $state(null);
	report: PageReport | null = $state.raw(null);
	run: RunState = $state.raw({ kind: 'waiting' });
	/** The save in progress: "weights", or "fact:" and the fact's name. */
	saving: string | null = $state(null);
	saved: Saved | null = $state.raw(null);
	saveError: string | null = $state(null);
	readonly #drafts;
	readonly #db: ScorecraftDatabase;
	readonly #createClient: () => BacktestClient;
	#client: BacktestClient | null = null;
	/** The data version of the run in flight, so one is not started twice. */
	#running: number | null = null;
	/** The current date-time, ISO 8601, for the draft's `updated_at`. */
	readonly #now: () => string;

	/**
	 * `dataVersion` is the store's data version once it has data (null before): a new one runs
	 * the backtest again.
	 */
	constructor(
		dataVersion: () => number | null,
		options: {
			db?: ScorecraftDatabase;
			client?: () => BacktestClient;
			now?: () => string;
		} = {}
	) {
		this.#db = options.db ?? getDatabase();
		const db = this.#db;
		this.#createClient = options.client ?? (() => new BacktestClient(() => db));
		this.#now = options.now ?? nowIso;
		this.#drafts = new LiveQuery(() => listDrafts(db));
		$effect(() => {
			const version = dataVersion();
			if (version !== null) untrack(() => this.#start(version));
		});
		$effect(() => () => {
			this.#client?.close();
			this.#client = null;
		});
	}

	#start(version: number): void {
		if (this.report?.dataVersion === version || this.#running === version) return;
		this.#running = version;
		this.run = { kind: 'running', progress: null };
		this.#client ??= this.#createClient();
		this.#client
			.run((progress) => {
				if (this.#running === version) this.run = { kind: 'running', progress };
			})
			.then(
				(report) => {
					if (this.#running !== version) return;
					this.report = report;
					this.run = { kind: 'done' };
				},
				(error: unknown) => {
					if (this.#running === version) this.run = { kind: 'error', message: messageOf(error) };
				}
			)
			.finally(() => {
				if (this.#running === version) this.#running = null;
			});
	}

	/** The scorecards backtested, in the order they are tried. */
	readonly scorecards = $derived.by(() => {
		const cards: { id: string; name: string }[] = [];
		for (const result of this.report?.report.results ?? [])
			if (!cards.some((card) => card.id === result.scorecardId))
				cards.push({ id: result.scorecardId, name: result.scorecardName });
		return cards;
	});

	readonly horizons = $derived(this.report?.report.horizons ?? []);

	readonly result: ScorecardBacktest | null = $derived.by(() => {
		const results = this.report?.report.results ?? [];
		const id = this.scorecardId || this.scorecards[0]?.id;
		return (
			results.find((result) => result.scorecardId === id && result.horizon === this.horizon) ?? null
		);
	});

	get threshold(): number {
		return this.#threshold ?? this.result?.atThreshold.threshold ?? 40;
	}

	set threshold(value: number) {
		this.#threshold = value;
	}

	/** True while the threshold is the scorecard's default. */
	get thresholdIsDefault(): boolean {
		return this.#threshold === null || this.#threshold === this.result?.atThreshold.threshold;
	}

	resetThreshold(): void {
		this.#threshold = null;
	}

	/** The confusion matrix and rates at the chosen threshold. */
	readonly atThreshold: ThresholdMetrics | null = $derived.by(() => {
		const result = this.result;
		if (!result) return null;
		const points = result.points;
		return thresholdMetrics(
			this.threshold,
			confusionAt(
				points.map((point) => point.overall),
				points.map((point) => point.churned),
				this.threshold
			)
		);
	});

	/** Every outcome across the scorecards at the first horizon: none means nothing to backtest. */
	readonly outcomeCount = $derived.by(() => {
		const report = this.report?.report;
		if (!report) return 0;
		const first = report.horizons[0];
		return (
			report.results
				.filter((result) => result.horizon === first)
				.reduce((sum, result) => sum + result.outcomes, 0) + (report.unscored[first ?? 0] ?? 0)
		);
	});

	draftOf(id: string): ScorecardDraft | null {
		return this.#drafts.current?.find((draft) => draft.scorecard_id === id) ?? null;
	}

	async applyWeights(): Promise<void> {
		const result = this.result;
		if (!result?.weights.ok || this.saving) return;
		const weights = result.weights;
		await this.#save('weights', result, undefined, () =>
			saveWeightsToDraft(this.#db, result.scorecardId, weights, this.#now())
		);
	}

	async addFact(suggestion: FactSuggestion): Promise<void> {
		const result = this.result;
		if (!result || this.saving) return;
		await this.#save(`fact:${suggestion.fact}`, result, suggestion.fact, () =>
			saveFactToDraft(this.#db, result.scorecardId, suggestion, this.#now())
		);
	}

	async #save(
		key: string,
		result: ScorecardBacktest,
		fact: string | undefined,
		write: () => Promise<unknown>
	): Promise<void> {
		this.saving = key;
		this.saveError = null;
		try {
			await write();
			this.saved = {
				scorecardId: result.scorecardId,
				scorecardName: result.scorecardName,
				...(fact === undefined ? {} : { fact })
			};
		} catch (error) {
			this.saveError = messageOf(error);
		} finally {
			this.saving = null;
		}
	}
}
