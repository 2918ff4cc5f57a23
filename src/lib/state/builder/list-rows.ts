/** The Scorecards page's lists, as pure functions of what the store holds. */
import type { Scorecard, ScorecardDraft } from '$lib/engine';
import { keyFrom, uniqueKey } from '$lib/engine/palette';
import { trialOrder } from './priorities';

export interface ScorecardRow {
	scorecard: Scorecard;
	/** The pending draft of a published scorecard, if any. */
	draft: ScorecardDraft | null;
}

/** Published scorecards in the order the engine tries them, each with its draft. */
export function scorecardRows(
	scorecards: readonly Scorecard[],
	drafts: readonly ScorecardDraft[]
): ScorecardRow[] {
	const byId = new Map(drafts.map((draft) => [draft.scorecard_id, draft]));
	return trialOrder(scorecards).map((scorecard) => ({
		scorecard,
		draft: byId.get(scorecard.id) ?? null
	}));
}

/** Drafts of scorecards never published: they score nothing yet. */
export function unpublishedDrafts(
	scorecards: readonly Scorecard[],
	drafts: readonly ScorecardDraft[]
): ScorecardDraft[] {
	const published = new Set(scorecards.map((card) => card.id));
	return drafts.filter((draft) => !published.has(draft.scorecard_id));
}

/** An id for a new scorecard from its name, not used by any scorecard or draft. */
export function newScorecardId(
	name: string,
	scorecards: readonly Scorecard[],
	drafts: readonly ScorecardDraft[]
): string {
	const taken = new Set([
		...scorecards.map((card) => card.id),
		...drafts.map((draft) => draft.scorecard_id)
	]);
	return uniqueKey(keyFrom(name, 'scorecard'), taken);
}
