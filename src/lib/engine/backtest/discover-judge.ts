/**
 * Discovery's judge: how well a set of measures ranks the outcomes, by cross-validation within the
 * training accounts (each fold scored by scorings and weights fitted on the others), and what the
 * set reaches once fitted on all of them. Weights come from a penalised logistic regression of the
 * event on the measure scores, kept non-negative; scores combine as the scorecard combines them.
 */
import type { Measure } from '../types';
import { auc } from './auc';
import { percents } from './fit-weights';
import { overallOf, type Layout } from './layout';
import { fitLogistic } from './logistic';
import { folds } from './split';
import type { Observation } from './types';

export const FOLDS = 5;

const mean = (values: readonly number[]) =>
	values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
/** A mild penalty on the standardised coefficients: steady weights when two measures overlap. */
const LAMBDA = 1;

/** One measure the search may hold, scored on every row it needs. */
export interface Column {
	measure: Measure;
	group: string;
	fact?: string;
	/** Training rows: with the scoring fitted on all of them, and with it fitted without fold k. */
	train: Float64Array;
	byFold: Float64Array[];
	heldOut: Float64Array;
}

/** The rows' scores of each column, with `valueOf` choosing which of its score arrays. */
type ValueOf = (column: Column) => Float64Array;

/** A logistic regression of the events on some score arrays over `rows`, a missing score at its mean. */
function regress(
	arrays: readonly Float64Array[],
	rows: readonly number[],
	events: readonly boolean[]
) {
	const means = arrays.map((values) => {
		let sum = 0;
		let count = 0;
		for (const i of rows)
			if (!Number.isNaN(values[i]!)) {
				sum += values[i]!;
				count++;
			}
		return count > 0 ? sum / count : 0;
	});
	const x = rows.map((i) =>
		arrays.map((values, k) => (Number.isNaN(values[i]!) ? means[k]! : values[i]!))
	);
	const y = rows.map((i) => events[i]!);
	const fit = fitLogistic(x, y, { lambda: LAMBDA });
	/** The fitted log-odds of any row of the arrays. */
	const predict = (i: number) =>
		arrays.reduce((sum, values, k) => {
			const value = Number.isNaN(values[i]!) ? means[k]! : values[i]!;
			return sum + fit.coefficients[k]! * value;
		}, fit.intercept);
	let logLikelihood = 0;
	rows.forEach((i, r) => {
		// log σ(±eta), computed so that a large |eta| cannot overflow.
		const z = y[r] ? predict(i) : -predict(i);
		logLikelihood -= z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
	});
	return { coefficients: fit.coefficients, logLikelihood, predict };
}

/**
 * Non-negative weights from a penalised logistic regression of the event on the scores: a column
 * whose coefficient says "higher score, more events" is set aside and the rest refitted, since a
 * scorecard weight cannot be negative.
 */
function fitWeights(
	columns: readonly Column[],
	rows: readonly number[],
	valueOf: ValueOf,
	events: readonly boolean[]
): number[] {
	const weights = columns.map(() => 0);
	let active = columns.map((_, j) => j);
	while (active.length > 0) {
		const { coefficients } = regress(
			active.map((j) => valueOf(columns[j]!)),
			rows,
			events
		);
		const worst = coefficients.reduce((best, c, k) => (c > coefficients[best]! ? k : best), 0);
		if (coefficients[worst]! > 0) {
			active = active.filter((_, k) => k !== worst);
			continue;
		}
		active.forEach((j, k) => (weights[j] = -coefficients[k]!));
		break;
	}
	return weights;
}

/** The scorecard's combination of the columns: groups in order of first appearance. */
export function layoutFor(
	columns: readonly Column[],
	weights: readonly number[],
	rounded: boolean
): Layout {
	const byGroup = new Map<string, number[]>();
	columns.forEach((column, j) => {
		const members = byGroup.get(column.group) ?? [];
		byGroup.set(column.group, [...members, j]);
	});
	const groups = [...byGroup.values()];
	const totals = groups.map((members) => members.reduce((sum, j) => sum + weights[j]!, 0));
	const groupWeights = rounded ? percents(totals) : totals;
	return {
		groups: groups.map((members, g) => {
			const parts = members.map((j) => weights[j]!);
			const within = rounded
				? percents(parts.some((part) => part > 0) ? parts : parts.map(() => 1))
				: parts;
			return {
				weight: groupWeights[g]!,
				measures: members.map((column, i) => ({ weight: within[i]!, column }))
			};
		})
	};
}

function overallScores(
	columns: readonly Column[],
	layout: Layout,
	rows: readonly number[],
	valueOf: ValueOf
): number[] {
	const arrays = columns.map(valueOf);
	const row = new Float64Array(columns.length);
	return rows.map((i) => {
		arrays.forEach((values, j) => (row[j] = values[i]!));
		return overallOf(layout, row);
	});
}

/** The search's fixed material: the training rows and their folds, the held-out rows. */
export class Judge {
	readonly #events: boolean[];
	readonly #heldOutEvents: boolean[];
	readonly #folds: number[][];
	readonly #rests: number[][];
	readonly #train: number[];
	readonly #heldOut: number[];
	readonly #memo = new Map<string, number[]>();
	readonly #outOfFold = new WeakMap<Column, Float64Array>();
	readonly #ids = new WeakMap<Column, number>();
	#nextId = 0;

	constructor(training: readonly Observation[], heldOut: readonly Observation[], seed: number) {
		this.#events = training.map((observation) => observation.churned);
		this.#heldOutEvents = heldOut.map((observation) => observation.churned);
		const indexed = training.map((observation, index) => ({ ...observation, index }));
		this.#folds = folds(indexed, FOLDS, seed).map((fold) => fold.map((row) => row.index));
		this.#rests = this.#folds.map((_, k) =>
			this.#folds.flatMap((fold, j) => (j === k ? [] : fold))
		);
		this.#train = training.map((_, i) => i);
		this.#heldOut = heldOut.map((_, i) => i);
	}

	get events(): readonly boolean[] {
		return this.#events;
	}

	/** The AUC of each fold, scored by weights fitted on the others (no column: 0.5). */
	#perFold(columns: readonly Column[]): number[] {
		// By identity: a fact's column is refitted at each step, under the same measure id.
		const key = columns
			.map((column) => {
				if (!this.#ids.has(column)) this.#ids.set(column, this.#nextId++);
				return this.#ids.get(column);
			})
			.join(' ');
		const known = this.#memo.get(key);
		if (known) return known;
		const result = this.#folds.map((test, k) => {
			const valueOf: ValueOf = (column) => column.byFold[k]!;
			const weights = fitWeights(columns, this.#rests[k]!, valueOf, this.#events);
			if (!weights.some((weight) => weight > 0)) return 0.5;
			const scores = overallScores(columns, layoutFor(columns, weights, false), test, valueOf);
			return (
				auc(
					scores,
					test.map((i) => this.#events[i]!)
				) ?? 0.5
			);
		});
		this.#memo.set(key, result);
		return result;
	}

	/**
	 * The log-odds of each training row by the model of `columns`: per fold as fitted on the rest
	 * of the training rows, and as fitted on all of them (a constant for no column).
	 */
	offsets(columns: readonly Column[]): { byFold: Float64Array[]; full: Float64Array } {
		const all = (fit: { predict: (i: number) => number }) =>
			Float64Array.from(this.#train, (i) => fit.predict(i));
		return {
			byFold: this.#rests.map((rest, k) =>
				all(
					regress(
						columns.map((column) => column.byFold[k]!),
						rest,
						this.#events
					)
				)
			),
			full: all(
				regress(
					columns.map((column) => column.train),
					this.#train,
					this.#events
				)
			)
		};
	}

	/** The rows of fold k's rest (its training part), and of all the training. */
	rest(k: number): readonly number[] {
		return this.#rests[k]!;
	}

	get all(): readonly number[] {
		return this.#train;
	}

	/** The mean AUC over the folds. */
	crossValidated(columns: readonly Column[]): number {
		return mean(this.#perFold(columns));
	}

	/** A column's training scores, each from the scoring fitted without the row's own fold. */
	#crossFitted(column: Column): Float64Array {
		let values = this.#outOfFold.get(column);
		if (!values) {
			values = new Float64Array(this.#events.length);
			for (const [k, fold] of this.#folds.entries())
				for (const i of fold) values[i] = column.byFold[k]![i]!;
			this.#outOfFold.set(column, values);
		}
		return values;
	}

	/**
	 * Twice the log-likelihood `column` adds to `columns` on all the training rows (0 when it
	 * points the wrong way): the likelihood-ratio statistic, one degree of freedom since its scores
	 * are cross-fitted, so that a fact whose link to the events chance could make is not taken.
	 */
	devianceGain(columns: readonly Column[], column: Column): number {
		const arrays = columns.map((one) => this.#crossFitted(one));
		const without = regress(arrays, this.#train, this.#events);
		const withIt = regress([...arrays, this.#crossFitted(column)], this.#train, this.#events);
		if (withIt.coefficients.at(-1)! >= 0) return 0;
		return 2 * (withIt.logLikelihood - without.logLikelihood);
	}

	/** Mean AUC over the folds of one column's own scores (each fitted without its fold). */
	alone(byFold: readonly Float64Array[]): number {
		let total = 0;
		this.#folds.forEach((test, k) => {
			const values = test.map((i) => byFold[k]![i]!);
			total +=
				auc(
					values,
					test.map((i) => this.#events[i]!)
				) ?? 0.5;
		});
		return total / this.#folds.length;
	}

	/** Weights fitted on all the training rows, as whole percents, and the AUCs they reach. */
	fitted(columns: readonly Column[]) {
		const weights = fitWeights(columns, this.#train, (column) => column.train, this.#events);
		const layout = layoutFor(columns, weights, true);
		const kept = layout.groups.flatMap((group) =>
			group.weight > 0 ? group.measures.filter((measure) => measure.weight > 0) : []
		);
		return {
			layout,
			measures: kept.length,
			trainAuc: auc(
				overallScores(columns, layout, this.#train, (column) => column.train),
				this.#events
			),
			heldOutAuc: auc(
				overallScores(columns, layout, this.#heldOut, (column) => column.heldOut),
				this.#heldOutEvents
			)
		};
	}
}
