/** Small list helpers the pages' state shares. */

/** The distinct values of a list, sorted: what a filter can choose from. */
export function sortedDistinct(values: Iterable<string>): string[] {
	return [...new Set(values)].sort();
}

/** How many times each value occurs, in the order values first appear. */
export function countBy<T>(values: Iterable<T>): [T, number][] {
	const counts = new Map<T, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts];
}
