/**
 * Scorings fitted from data for a fact that is not measured yet: steps at the quantiles of a
 * number, or a map of booleans or categories, each scored by its churn rate (the lowest rate 100,
 * the highest 0), so that, as for every measure, a higher score means a healthier account.
 */
import type { Scoring } from '../types';

/** Pseudo-accounts at the overall churn rate added to each bin, so a small bin cannot swing. */
const SMOOTHING = 5;
/** Steps at these quantiles: five bins where the data has that many distinct values. */
const QUANTILES = [0.2, 0.4, 0.6, 0.8];

export type StepsScoring = Extract<Scoring, { type: 'steps' }>;
export type MapScoring = Extract<Scoring, { type: 'map' }>;

interface Bin {
	accounts: number;
	churned: number;
}

function smoothedRates(bins: readonly Bin[], overall: number): number[] {
	return bins.map((bin) => (bin.churned + SMOOTHING * overall) / (bin.accounts + SMOOTHING));
}

/** Rates as scores: the lowest rate 100, the highest 0 (all 50 when they are equal). */
function ratesToScores(rates: readonly number[], low: number, high: number): number[] {
	return rates.map((rate) => (high > low ? Math.round((100 * (high - rate)) / (high - low)) : 50));
}

/**
 * The closest non-decreasing sequence in weighted least squares (pool adjacent violators): churn
 * rates by bin, made to move one way only, so the steps never zig-zag on noise.
 */
export function isotonic(values: readonly number[], weights: readonly number[]): number[] {
	const blocks: { value: number; weight: number; size: number }[] = [];
	values.forEach((value, i) => {
		blocks.push({ value, weight: Math.max(weights[i]!, 1e-9), size: 1 });
		while (
			blocks.length > 1 &&
			blocks[blocks.length - 2]!.value > blocks[blocks.length - 1]!.value
		) {
			const last = blocks.pop()!;
			const before = blocks[blocks.length - 1]!;
			const weight = before.weight + last.weight;
			before.value = (before.value * before.weight + last.value * last.weight) / weight;
			before.weight = weight;
			before.size += last.size;
		}
	});
	return blocks.flatMap((block) => new Array<number>(block.size).fill(block.value));
}

/** The cut points of the quantile bins: distinct, above the smallest value (which starts bin 0). */
export function quantileCuts(values: readonly number[]): number[] {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return [];
	const min = sorted[0]!;
	const cuts = new Set<number>();
	for (const q of QUANTILES) {
		const value = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
		if (value > min) cuts.add(value);
	}
	// A fact with most accounts at one value (no late invoices, say): split off the rest.
	if (cuts.size === 0) {
		const next = sorted.find((value) => value > min);
		if (next !== undefined) cuts.add(next);
	}
	return [...cuts].sort((a, b) => a - b);
}

/**
 * Steps for a number, from training values and outcomes: bins at the quantiles, each scored by its
 * churn rate, the rates made monotone in `direction`. Null when the values do not vary.
 */
export function fitSteps(
	values: readonly number[],
	churned: readonly boolean[],
	direction: 'lower-churns' | 'higher-churns'
): StepsScoring | null {
	const cuts = quantileCuts(values);
	if (cuts.length === 0) return null;
	const bins: Bin[] = Array.from({ length: cuts.length + 1 }, () => ({ accounts: 0, churned: 0 }));
	values.forEach((value, i) => {
		let bin = 0;
		while (bin < cuts.length && value >= cuts[bin]!) bin++;
		bins[bin]!.accounts++;
		if (churned[i]) bins[bin]!.churned++;
	});
	const overall = churned.filter(Boolean).length / Math.max(1, churned.length);
	const raw = smoothedRates(bins, overall);
	const weights = bins.map((bin) => bin.accounts + SMOOTHING);
	// Low values churning more means churn falls as the value rises: fit the negated rates upward.
	const rates =
		direction === 'higher-churns'
			? isotonic(raw, weights)
			: isotonic(
					raw.map((rate) => -rate),
					weights
				).map((rate) => -rate);
	const scores = ratesToScores(rates, Math.min(...rates), Math.max(...rates));
	return {
		type: 'steps',
		// Matched from the top: the first step whose `min` the value reaches gives its score.
		steps: cuts.map((min, i) => ({ min, score: scores[i + 1]! })).reverse(),
		else: scores[0]!
	};
}

/**
 * A map for booleans or categories, each scored by its churn rate on the training accounts; any
 * other value gets the score of the overall rate. Null with fewer than two values.
 */
export function fitMap(values: readonly string[], churned: readonly boolean[]): MapScoring | null {
	const bins = new Map<string, Bin>();
	values.forEach((value, i) => {
		let bin = bins.get(value);
		if (!bin) bins.set(value, (bin = { accounts: 0, churned: 0 }));
		bin.accounts++;
		if (churned[i]) bin.churned++;
	});
	if (bins.size < 2) return null;
	const keys = [...bins.keys()].sort();
	const overall = churned.filter(Boolean).length / Math.max(1, churned.length);
	const rates = smoothedRates(
		keys.map((key) => bins.get(key)!),
		overall
	);
	const low = Math.min(...rates);
	const high = Math.max(...rates);
	const scores = ratesToScores(rates, low, high);
	const [otherwise] = ratesToScores([Math.min(high, Math.max(low, overall))], low, high);
	return {
		type: 'map',
		map: Object.fromEntries(keys.map((key, i) => [key, scores[i]!])),
		else: otherwise!
	};
}
