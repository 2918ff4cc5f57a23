/**
 * The Backtest page's state: the backtest run in a worker whenever the store's data or the target
 * changes, the scorecard, horizon and threshold the user picks, the figures at that threshold, the
 * selection's calibration and discovery (computed in the worker on demand), and the suggestions
 * saved to drafts (read back live, so the page shows what the draft now holds).
 */
import { untrack } from 'svelte';
import { getDatabase, listDrafts, type ScorecraftDatabase } from '$lib/db';
import type { Scorecard, ScorecardDraft } from '$lib/engine';
import {
	confusionAt,
	thresholdMetrics,
	type DiscoveryResult,
	type FactSuggestion,
	type ScorecardBacktest,
	type ThresholdMetrics
} from '$lib/engine/backtest';
import { LiveQuery } from '../live-query.svelte';
import { BacktestClient, type Progress } from './client';
import { nowIso } from '../today';
import { saveDiscoveredDraft, saveFactToDraft, saveWeightsToDraft } from './drafts';
import { KeyedResults, type Outcome } from './keyed.svelte';
import type { CalibrationView, PageReport, Selection, Target } from './protocol';

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
	/** A discovered scorecard, saved as a draft of its own. */
	discovered?: boolean;
}

export const DEFAULT_HORIZON = 90;

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function savedOf(result: ScorecardBacktest, fact?: string): Saved {
	return {
		scorecardId: result.scorecardId,
		scorecardName: result.scorecardName,
		...(fact === undefined ? {} : { fact })
	};
}

export class BacktestPage {
	/** Empty: the first scorecard. */
	scorecardId = $state('');
	horizon = $state(DEFAULT_HORIZON);
	/** The event a low score should foresee; a change runs the backtest again. */
	target: Target = $state('churn');
	/** The threshold the user set; null follows the scorecard's default. */
	#threshold: number | null = $state(null);
	#report: PageReport | null = $state.raw(null);
	run: RunState = $state.raw({ kind: 'waiting' });
	/** The save in progress: "weights", or "fact:" and the fact's name. */
	saving: string | null = $state(null);
	saved: Saved | null = $state.raw(null);
	saveError: string | null = $state(null);
	readonly #drafts;
	readonly #db: ScorecraftDatabase;
	readonly #createClient: () => BacktestClient;
	#client: BacktestClient | null = null;
	/** The data version and target of the run in flight, so one is not started twice. */
	#running: string | null = null;
	readonly #calibrations = new KeyedResults<CalibrationView>();
	readonly #discoveries = new KeyedResults<DiscoveryResult>();
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
			const target = this.target;
			if (version !== null) untrack(() => this.#start(version, target));
		});
		// Calibration takes as long again as the whole run (2 s, not 1, on the sample), so only the
		// selection's is computed, once the report it belongs to is shown.
		$effect(() => {
			const key = this.#selectionKey;
			const selection = this.selection;
			if (key && selection)
				untrack(() => this.#calibrations.request(key, () => this.#clientOf().calibrate(selection)));
		});
		$effect(() => () => {
			this.#client?.close();
			this.#client = null;
		});
	}

	#clientOf(): BacktestClient {
		return (this.#client ??= this.#createClient());
	}

	#start(version: number, target: Target): void {
		const key = `${version}|${target}`;
		const report = this.#report;
		if ((report?.dataVersion === version && report.target === target) || this.#running === key)
			return;
		this.#running = key;
		this.run = { kind: 'running', progress: null };
		this.#clientOf()
			.run(target, (progress) => {
				if (this.#running === key) this.run = { kind: 'running', progress };
			})
			.then(
				(report) => {
					if (this.#running !== key) return;
					this.#report = report;
					this.run = { kind: 'done' };
				},
				(error: unknown) => {
					if (this.#running === key) this.run = { kind: 'error', message: messageOf(error) };
				}
			)
			.finally(() => {
				if (this.#running === key) this.#running = null;
			});
	}

	/** The report for the chosen target; null while the other target's is all there is. */
	get report(): PageReport | null {
		return this.#report?.target === this.target ? this.#report : null;
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

	/** The scorecard, horizon and target the calibration and discovery are for. */
	readonly selection: Selection | null = $derived(
		this.result
			? { scorecardId: this.result.scorecardId, horizon: this.horizon, target: this.target }
			: null
	);

	readonly #selectionKey: string | null = $derived.by(() => {
		const selection = this.selection;
		const version = this.report?.dataVersion;
		return selection && version !== undefined
			? [version, selection.target, selection.scorecardId, selection.horizon].join('|')
			: null;
	});

	/** The selection's calibration: running from the moment its report is shown. */
	get calibration(): Outcome<CalibrationView> | null {
		const key = this.#selectionKey;
		return key ? (this.#calibrations.get(key) ?? { kind: 'running' }) : null;
	}

	/** The selection's discovery; undefined until asked for. */
	get discovery(): Outcome<DiscoveryResult> | undefined {
		const key = this.#selectionKey;
		return key ? this.#discoveries.get(key) : undefined;
	}

	/** Runs discovery for the selection in the worker (from its scorecard, for its target). */
	discover(): void {
		const key = this.#selectionKey;
		const selection = this.selection;
		if (key && selection)
			this.#discoveries.request(key, () => this.#clientOf().discover(selection));
	}

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
		await this.#save('weights', savedOf(result), () =>
			saveWeightsToDraft(this.#db, result.scorecardId, weights, this.#now())
		);
	}

	async addFact(suggestion: FactSuggestion): Promise<void> {
		const result = this.result;
		if (!result || this.saving) return;
		await this.#save(`fact:${suggestion.fact}`, savedOf(result, suggestion.fact), () =>
			saveFactToDraft(this.#db, result.scorecardId, suggestion, this.#now())
		);
	}

	/** Saves the selection's discovered scorecard as a draft of a new scorecard. */
	async saveDiscovered(): Promise<void> {
		const discovery = this.discovery;
		if (discovery?.kind !== 'done' || !discovery.value.ok || this.saving) return;
		const scorecard: Scorecard = discovery.value.scorecard;
		await this.#save(
			'discovered',
			{ scorecardId: scorecard.id, scorecardName: scorecard.name, discovered: true },
			() => saveDiscoveredDraft(this.#db, scorecard, this.#now())
		);
	}

	async #save(key: string, saved: Saved, write: () => Promise<unknown>): Promise<void> {
		this.saving = key;
		this.saveError = null;
		try {
			await write();
			this.saved = saved;
		} catch (error) {
			this.saveError = messageOf(error);
		} finally {
			this.saving = null;
		}
	}
}
