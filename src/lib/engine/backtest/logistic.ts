/**
 * L2-regularised logistic regression, fitted by Newton's method (iteratively reweighted least
 * squares): small, exact and dependency-free for the few dozen columns a scorecard has.
 */

export interface LogisticFit {
	/** Log-odds at all-zero features, on the features' own scale. */
	intercept: number;
	/** Change in log-odds per unit of each feature; 0 for a constant feature. */
	coefficients: number[];
	iterations: number;
}

export interface LogisticOptions {
	/**
	 * Strength of the penalty on the standardised coefficients (the intercept is not penalised).
	 * Standardising first makes the penalty fair to features on different scales.
	 */
	lambda?: number;
	maxIterations?: number;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and well-posed here). */
export function solve(matrix: number[][], vector: number[]): number[] {
	const n = vector.length;
	const a = matrix.map((row, i) => [...row, vector[i]!]);
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let row = col + 1; row < n; row++)
			if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
		[a[col], a[pivot]] = [a[pivot]!, a[col]!];
		const head = a[col]!;
		if (head[col] === 0) throw new RangeError('singular system');
		for (let row = col + 1; row < n; row++) {
			const current = a[row]!;
			const factor = current[col]! / head[col]!;
			if (factor === 0) continue;
			for (let k = col; k <= n; k++) current[k]! -= factor * head[k]!;
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let row = n - 1; row >= 0; row--) {
		let sum = a[row]![n]!;
		for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
		x[row] = sum / a[row]![row]!;
	}
	return x;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Fits P(y = 1) = σ(intercept + Σ coefficientⱼ·xⱼ) to the rows `x` and labels `y`. */
export function fitLogistic(
	x: readonly (readonly number[])[],
	y: readonly boolean[],
	options: LogisticOptions = {}
): LogisticFit {
	const { lambda = 1, maxIterations = 50 } = options;
	const n = x.length;
	const width = x[0]?.length ?? 0;
	const mean = new Array<number>(width).fill(0);
	const sd = new Array<number>(width).fill(0);
	for (const row of x) for (let j = 0; j < width; j++) mean[j]! += row[j]! / n;
	for (const row of x) for (let j = 0; j < width; j++) sd[j]! += (row[j]! - mean[j]!) ** 2 / n;
	for (let j = 0; j < width; j++) sd[j] = Math.sqrt(sd[j]!);
	// Constant columns carry nothing and would make the system singular: left out.
	const used = [...Array(width).keys()].filter((j) => sd[j]! > 1e-12);
	const z = x.map((row) => [1, ...used.map((j) => (row[j]! - mean[j]!) / sd[j]!)]);
	const p = used.length + 1;
	const beta = new Array<number>(p).fill(0);
	let iterations = 0;
	for (; iterations < maxIterations; iterations++) {
		const gradient = new Array<number>(p).fill(0);
		const hessian = Array.from({ length: p }, () => new Array<number>(p).fill(0));
		for (let i = 0; i < n; i++) {
			const row = z[i]!;
			let eta = 0;
			for (let k = 0; k < p; k++) eta += beta[k]! * row[k]!;
			const mu = sigmoid(eta);
			const w = Math.max(mu * (1 - mu), 1e-10);
			const residual = mu - (y[i] ? 1 : 0);
			for (let k = 0; k < p; k++) {
				gradient[k]! += residual * row[k]!;
				for (let l = 0; l <= k; l++) hessian[k]![l]! += w * row[k]! * row[l]!;
			}
		}
		for (let k = 0; k < p; k++) for (let l = 0; l < k; l++) hessian[l]![k] = hessian[k]![l]!;
		for (let k = 1; k < p; k++) {
			gradient[k]! += lambda * beta[k]!;
			hessian[k]![k]! += lambda;
		}
		const step = solve(hessian, gradient);
		let largest = 0;
		for (let k = 0; k < p; k++) {
			beta[k]! -= step[k]!;
			largest = Math.max(largest, Math.abs(step[k]!));
		}
		if (largest < 1e-9) {
			iterations++;
			break;
		}
	}
	const coefficients = new Array<number>(width).fill(0);
	let intercept = beta[0]!;
	used.forEach((j, k) => {
		coefficients[j] = beta[k + 1]! / sd[j]!;
		intercept -= (beta[k + 1]! * mean[j]!) / sd[j]!;
	});
	return { intercept, coefficients, iterations };
}
