/**
 * Weights as the percentages the builder shows beside them. Rounded by the largest remainder, so
 * the shown shares always add up to exactly 100 (three equal weights show 34, 33, 33, not
 * 33, 33, 33).
 */

/** A weight as the engine reads it: absent means 1. */
export function weightOf(item: { weight?: number }): number {
	return item.weight ?? 1;
}

/**
 * Whole percentages of `weights` adding up to 100; all zero when the weights add up to nothing
 * (nothing would count). Ties in the remainders go to the earlier item, so the result is stable.
 */
export function percentShares(weights: readonly number[]): number[] {
	const total = weights.reduce((sum, weight) => sum + Math.max(0, weight), 0);
	if (!(total > 0) || !Number.isFinite(total)) return weights.map(() => 0);
	const exact = weights.map((weight) => (Math.max(0, weight) / total) * 100);
	const shares = exact.map(Math.floor);
	let left = 100 - shares.reduce((sum, share) => sum + share, 0);
	const order = exact
		.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
		.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	for (const { index } of order) {
		if (left <= 0) break;
		shares[index]! += 1;
		left -= 1;
	}
	return shares;
}
