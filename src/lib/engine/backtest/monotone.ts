/**
 * Two monotone maps from a score to the probability of an event, fitted on outcomes counted per
 * distinct score: Platt's logistic curve and isotonic steps. Both never rise with the score (a
 * higher score, a lower churn probability), so any mix of the two never rises either.
 */
import { isotonic } from './fit-scoring';

/** p = σ(intercept + slope·score), slope ≤ 0. */
export interface PlattCurve {
	intercept: number;
	slope: number;
}

/** A point of the isotonic map: linear between knots, flat beyond the first and the last. */
export interface IsotonicKnot {
	score: number;
	p: number;
}

/** A whisper of a penalty on the slope keeps Newton's steps finite for any data. */
const RIDGE = 1e-6;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));

/** Outcomes counted per distinct score, ascending: the fits only ever need these sums. */
export interface Row {
	score: number;
	total: number;
	events: number;
}

/** Rows from ascending scores and their counts; a score with no outcome is left out. */
export function table(
	scores: readonly number[],
	totals: ArrayLike<number>,
	events: ArrayLike<number>
): Row[] {
	const rows: Row[] = [];
	scores.forEach((score, i) => {
		if (totals[i]! > 0) rows.push({ score, total: totals[i]!, events: events[i]! });
	});
	return rows;
}

/**
 * Platt scaling on weighted rows, by Newton's method on two parameters (logistic.ts fits
 * unweighted rows, and the bootstrap refits hundreds of times on counts). Platt's targets,
 * (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2) in place of 1 and 0, keep a perfectly separating score's curve
 * finite. A score that goes the wrong way gets a flat line at the base rate: the constrained
 * optimum.
 */
export function fitPlatt(rows: readonly Row[]): PlattCurve {
	let weight = 0;
	let events = 0;
	let sum = 0;
	for (const row of rows) {
		weight += row.total;
		events += row.events;
		sum += row.total * row.score;
	}
	const positive = (events + 1) / (events + 2);
	const negative = 1 / (weight - events + 2);
	const target = rows.map((row) => row.events * positive + (row.total - row.events) * negative);
	const base = target.reduce((a, b) => a + b, 0) / weight;
	const mean = sum / weight;
	const sd = Math.sqrt(
		rows.reduce((s, row) => s + row.total * (row.score - mean) ** 2, 0) / weight
	);
	if (!(sd > 1e-12)) return { intercept: logit(base), slope: 0 };
	const z = rows.map((row) => (row.score - mean) / sd);
	const loss = (a: number, b: number) =>
		rows.reduce(
			(s, row, i) => {
				const eta = a + b * z[i]!;
				// log(1 + e^η) − t·η, written to stay finite for large |η|.
				const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
				return s + row.total * softplus - target[i]! * eta;
			},
			(RIDGE * b * b) / 2
		);
	let a = logit(base);
	let b = 0;
	for (let iteration = 0; iteration < 100; iteration++) {
		let g0 = 0;
		let g1 = RIDGE * b;
		let h00 = 0;
		let h01 = 0;
		let h11 = RIDGE;
		rows.forEach((row, i) => {
			const mu = sigmoid(a + b * z[i]!);
			const residual = row.total * mu - target[i]!;
			const w = row.total * Math.max(mu * (1 - mu), 1e-12);
			g0 += residual;
			g1 += residual * z[i]!;
			h00 += w;
			h01 += w * z[i]!;
			h11 += w * z[i]! ** 2;
		});
		const det = h00 * h11 - h01 * h01;
		let da = (h11 * g0 - h01 * g1) / det;
		let db = (h00 * g1 - h01 * g0) / det;
		// Halve a step that would not lower the loss: Newton's method can overshoot far out.
		const before = loss(a, b);
		while (loss(a - da, b - db) > before && Math.abs(da) + Math.abs(db) > 1e-12) {
			da /= 2;
			db /= 2;
		}
		a -= da;
		b -= db;
		if (Math.abs(da) + Math.abs(db) < 1e-10) break;
	}
	if (b > 0) return { intercept: logit(base), slope: 0 };
	return { intercept: a - (b * mean) / sd, slope: b / sd };
}

/** Isotonic regression of the event rate, non-increasing in the score, kept as its block ends. */
export function fitIsotonic(rows: readonly Row[]): IsotonicKnot[] {
	// Pool adjacent violators fits a non-decreasing sequence: fit the negated rates.
	const fitted = isotonic(
		rows.map((row) => -row.events / row.total),
		rows.map((row) => row.total)
	).map((value) => -value);
	return rows.flatMap((row, i) =>
		i === 0 || i === rows.length - 1 || fitted[i] !== fitted[i - 1] || fitted[i] !== fitted[i + 1]
			? [{ score: row.score, p: fitted[i]! }]
			: []
	);
}

/** Linear interpolation in ascending `xs`, flat beyond the ends. */
export function interpolate(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
	const n = xs.length;
	if (x <= xs[0]!) return ys[0]!;
	if (x >= xs[n - 1]!) return ys[n - 1]!;
	let lo = 0;
	let hi = n - 1;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if (xs[mid]! <= x) lo = mid;
		else hi = mid;
	}
	const t = (x - xs[lo]!) / (xs[hi]! - xs[lo]!);
	return ys[lo]! + t * (ys[hi]! - ys[lo]!);
}

export function plattAt(platt: PlattCurve, score: number): number {
	return sigmoid(platt.intercept + platt.slope * score);
}

export function isotonicAt(knots: IsotonicKnot[], score: number): number {
	return interpolate(
		knots.map((knot) => knot.score),
		knots.map((knot) => knot.p),
		score
	);
}
