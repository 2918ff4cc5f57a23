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

type Ranked = Pick<Scorecard, 'id' | 'priority'>;

/**
 * The order in which the scorecards will be tried once `draft` is published. `published` are the
 * published scorecards in workspace order, the draft's own published version among them or not.
 * A draft that keeps its published priority keeps its place. One that takes a priority (a new
 * scorecard, or a priority changed) comes first among the scorecards at that priority: it takes
 * that place, and they move after it (`makeRoom` gives their new priorities). Without a priority
 * it comes after all the others.
 */
export function orderWithDraft<T extends Ranked>(published: readonly T[], draft: T): T[] {
	const current = published.find((card) => card.id === draft.id);
	if (current && current.priority === draft.priority)
		return trialOrder(published.map((card) => (card.id === draft.id ? draft : card)));
	const others = published.filter((card) => card.id !== draft.id);
	if (draft.priority === undefined) return [...trialOrder(others), draft];
	// `trialOrder` breaks ties by list order: first in the list, the draft wins them.
	return trialOrder([draft, ...others]);
}

/**
 * The priorities other scorecards must take for the engine to try them in `orderWithDraft`'s order
 * once the draft is published. The engine breaks ties by workspace order, in which a scorecard
 * published for the first time comes last; so the scorecards after the draft whose place would not
 * hold move, each just past the one before it. Empty when the order holds as it is.
 */
export function makeRoom(
	published: readonly Ranked[],
	draft: Ranked
): { id: string; priority: number }[] {
	if (draft.priority === undefined) return [];
	const order = orderWithDraft(published, draft);
	const ownIndex = published.findIndex((card) => card.id === draft.id);
	const indexOf = (card: Ranked) =>
		card.id === draft.id
			? ownIndex >= 0
				? ownIndex
				: published.length
			: published.findIndex((other) => other.id === card.id);
	const moves: { id: string; priority: number }[] = [];
	let previous = { priority: draft.priority, index: indexOf(draft) };
	for (const card of order.slice(order.findIndex((other) => other.id === draft.id) + 1)) {
		// Scorecards without a priority come after every numbered one whatever happens.
		if (card.priority === undefined) break;
		const index = indexOf(card);
		let priority = card.priority;
		const holds =
			priority > previous.priority || (priority === previous.priority && index > previous.index);
		if (!holds) {
			priority = Math.floor(previous.priority) + 1;
			moves.push({ id: card.id, priority });
		}
		previous = { priority, index };
	}
	return moves;
}
