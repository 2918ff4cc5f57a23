/**
 * The order in which scorecards are tried, and the priorities that give a new order. The engine
 * tries published scorecards by `priority`, lowest first, ties (and no priority) in workspace order.
 */
import type { Scorecard } from '$lib/engine';

export function trialOrder<T extends Pick<Scorecard, 'priority'>>(scorecards: readonly T[]): T[] {
	return scorecards
		.map((card, index) => ({ card, index }))
		.sort(
			(a, b) =>
				(a.card.priority ?? Number.POSITIVE_INFINITY) -
					(b.card.priority ?? Number.POSITIVE_INFINITY) || a.index - b.index
		)
		.map(({ card }) => card);
}

/**
 * Moves the scorecard at `from` to `to` in a list in trial order, and returns the priorities that
 * make it so (1, 2, 3, … in the new order): only the scorecards whose priority changes.
 */
export function reorderPriorities(
	ordered: readonly Pick<Scorecard, 'id' | 'priority'>[],
	from: number,
	to: number
): { id: string; priority: number }[] {
	if (from === to || from < 0 || to < 0 || from >= ordered.length || to >= ordered.length)
		return [];
	const next = [...ordered];
	const [moved] = next.splice(from, 1);
	next.splice(to, 0, moved!);
	return next.flatMap((card, index) =>
		card.priority === index + 1 ? [] : [{ id: card.id, priority: index + 1 }]
	);
}
