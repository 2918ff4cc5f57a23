/**
 * The scoring of a fact fitted from outcomes: its values fall into levels (bins of a number at
 * quantiles, the values of a category, and one level for missing), and each level is scored by the
 * log-odds of the event it went with beyond what the measures already chosen foresee. Log-odds,
 * scaled to 0–100 with the lowest odds 100, because the scorecard adds weighted scores and
 * log-odds are what add up in a logistic model. "Beyond what is chosen" so that a fact scores only
 * what it adds: an internet add-on whose "no internet" level merely repeats the internet service
 * already measured scores that level as neutral, and its other levels by what they tell apart.
 */
import { isPresent } from '../scoring/measure';
import { numberOf, type FactKind, type FittedScoring } from './candidates';
import { isotonic } from './fit-scoring';

/** Five bins at least; more when each can still hold this many events (and non-events). */
const MIN_BINS = 5;
const MAX_BINS = 10;
const EVENTS_PER_BIN = 25;
/** What pulls a level's log-odds toward the model's: about five accounts' worth of information. */
const PRIOR = 1;
const NEWTON_STEPS = 10;

/**
 * Whether a number's scores must move one way (isotonic), so that a score never zig-zags on
 * noise, or may follow the bins freely (an age band where churn peaks in the middle).
 */
export type Shape = 'monotone' | 'free';

/** How a fact's values fall into levels: bins or categories, then one level for missing. */
export class Levels {
	readonly #index: Map<string, number>;

	constructor(
		readonly kind: FactKind,
		readonly cuts: readonly number[],
		readonly keys: readonly string[]
	) {
		this.#index = new Map(keys.map((key, i) => [key, i]));
	}

	/** The last level: the missing values. */
	get missing(): number {
		return this.kind === 'number' ? this.cuts.length + 1 : this.keys.length;
	}

	/** The level of a raw value, as the engine will score it; -1 for a category not seen. */
	of(value: unknown): number {
		if (this.kind !== 'number')
			return isPresent(value) ? (this.#index.get(String(value)) ?? -1) : this.missing;
		const x = numberOf(value);
		if (Number.isNaN(x)) return this.missing;
		let bin = 0;
		while (bin < this.cuts.length && x >= this.cuts[bin]!) bin++;
		return bin;
	}
}

/** How many bins a number gets: more when the training data has the events to fill them. */
export function binCount(events: number, total: number): number {
	const rarer = Math.min(events, total - events);
	return Math.max(MIN_BINS, Math.min(MAX_BINS, Math.floor(rarer / EVENTS_PER_BIN)));
}

/** Cut points at the `bins`-quantiles: distinct, above the smallest value (which starts bin 0). */
export function cutsAt(sorted: readonly number[], bins: number): number[] {
	if (sorted.length === 0) return [];
	const min = sorted[0]!;
	const cuts = new Set<number>();
	for (let i = 1; i < bins; i++) {
		const value = sorted[Math.min(sorted.length - 1, Math.floor((i / bins) * sorted.length))]!;
		if (value > min) cuts.add(value);
	}
	// Most accounts at one value (no late invoices, say): split off the rest.
	if (cuts.size === 0) {
		const next = sorted.find((value) => value > min);
		if (next !== undefined) cuts.add(next);
	}
	return [...cuts].sort((a, b) => a - b);
}

/**
 * A fact's levels from its training values (no outcome is read but their count): a number's
 * bins at quantiles, or one per value when it has few (products held); a category's values.
 */
export function levelsOf(
	kind: FactKind,
	values: readonly unknown[],
	events: readonly boolean[]
): Levels | null {
	if (kind !== 'number') {
		const keys = [...new Set(values.filter(isPresent).map(String))].sort();
		return keys.length >= 2 ? new Levels(kind, [], keys) : null;
	}
	const sorted = values
		.map(numberOf)
		.filter((x) => !Number.isNaN(x))
		.sort((a, b) => a - b);
	const distinct = [...new Set(sorted)];
	const cuts =
		distinct.length <= MAX_BINS
			? distinct.slice(1)
			: cutsAt(sorted, binCount(events.filter(Boolean).length, events.length));
	return cuts.length > 0 ? new Levels(kind, cuts, []) : null;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Each level's log-odds beyond `offset` (the chosen measures' log-odds for each row) over `rows`,
 * by Newton's method on the penalised likelihood, and its information. Levels are disjoint, so
 * each is one-dimensional.
 */
function levelOdds(
	level: Int32Array,
	count: number,
	rows: readonly number[],
	events: readonly boolean[],
	offset: Float64Array
) {
	const beta = new Float64Array(count);
	const information = new Float64Array(count);
	const seen = new Uint8Array(count);
	for (let step = 0; step < NEWTON_STEPS; step++) {
		const gradient = new Float64Array(count);
		information.fill(0);
		for (const i of rows) {
			const l = level[i]!;
			if (l < 0) continue;
			const p = sigmoid(offset[i]! + beta[l]!);
			gradient[l]! += (events[i] ? 1 : 0) - p;
			information[l]! += p * (1 - p);
			seen[l] = 1;
		}
		for (let l = 0; l < count; l++)
			beta[l]! += (gradient[l]! - PRIOR * beta[l]!) / (information[l]! + PRIOR);
	}
	return { beta: Array.from(beta), information: Array.from(information, (h) => h + PRIOR), seen };
}

const sse = (fitted: readonly number[], raw: readonly number[], weights: readonly number[]) =>
	fitted.reduce((sum, value, i) => sum + weights[i]! * (value - raw[i]!) ** 2, 0);

/**
 * The scoring fitted on `rows`: each level scored by its log-odds beyond `offset`, a number's
 * made monotone (in whichever direction fits better) unless `shape` is free, and equal
 * neighbouring steps merged. A missing value scores its own level, or 0 log-odds (what the
 * chosen measures say) when no account missed it; so does a category not seen. Null when every
 * level scores the same.
 */
export function fitLevels(
	levels: Levels,
	level: Int32Array,
	rows: readonly number[],
	events: readonly boolean[],
	offset: Float64Array,
	shape: Shape = 'monotone'
): FittedScoring | null {
	const { missing } = levels;
	const { beta, information, seen } = levelOdds(level, missing + 1, rows, events, offset);
	let odds = beta.slice(0, missing);
	let direction: FittedScoring['direction'];
	if (levels.kind === 'number' && shape === 'monotone') {
		const weights = information.slice(0, missing);
		const rising = isotonic(odds, weights);
		const falling = isotonic(
			odds.map((value) => -value),
			weights
		).map((value) => -value);
		const up = sse(rising, odds, weights) <= sse(falling, odds, weights);
		odds = up ? rising : falling;
		direction = up ? 'higher-churns' : 'lower-churns';
	}
	const missingOdds = seen[missing] ? beta[missing]! : 0;
	const all = [...odds, missingOdds, ...(levels.kind === 'number' ? [] : [0])];
	const low = Math.min(...all);
	const high = Math.max(...all);
	if (high - low < 1e-9) return null;
	const score = (value: number) => Math.round((100 * (high - value)) / (high - low));
	const scores = odds.map(score);
	if (levels.kind !== 'number')
		return {
			scoring: {
				type: 'map',
				map: Object.fromEntries(levels.keys.map((key, i) => [key, scores[i]!])),
				else: score(0)
			},
			missingScore: score(missingOdds)
		};
	const steps: { min: number; score: number }[] = [];
	levels.cuts.forEach((min, i) => {
		if (scores[i + 1] !== (steps.at(-1)?.score ?? scores[0]))
			steps.push({ min, score: scores[i + 1]! });
	});
	return {
		// Matched from the top: the first step whose `min` the value reaches gives its score.
		scoring: { type: 'steps', steps: steps.reverse(), else: scores[0]! },
		missingScore: score(missingOdds),
		...(direction ? { direction } : {})
	};
}
