/** The Scorecards page's lists, as pure functions of what the store holds. */
import type { ScoredCounts } from '$lib/db/scorecard-counts';
import type { Scorecard, ScorecardDraft } from '$lib/engine';
import { keyFrom, uniqueKey } from '$lib/engine/palette';
import type { PreviewResult } from '../preview/types';
import { trialOrder } from './priorities';

export interface ScorecardRow {
	scorecard: Scorecard;
	/** The pending draft of a published scorecard, if any. */
	draft: ScorecardDraft | null;
	/** The live accounts it scores today (the score cache); null while the cache is behind. */
	scores: number | null;
}

/** Why a published scorecard scores no account. */
export type ZeroReason =
	| { kind: 'noMatch' }
	/** Scorecards tried before it take every account its condition holds for (their names). */
	| { kind: 'shadowed'; by: string[] };

/** Published scorecards in the order the engine tries them, each with its draft and its count. */
export function scorecardRows(
	scorecards: readonly Scorecard[],
	drafts: readonly ScorecardDraft[],
	counts: ScoredCounts | null = null
): ScorecardRow[] {
	const byId = new Map(drafts.map((draft) => [draft.scorecard_id, draft]));
	return trialOrder(scorecards).map((scorecard) => ({
		scorecard,
		draft: byId.get(scorecard.id) ?? null,
		scores: counts?.current ? (counts.counts[scorecard.id] ?? 0) : null
	}));
}

/**
 * Why a scorecard scores no account, from its preview as it stands (itself as the draft, in its own
 * place): no account meets its condition, or scorecards tried before it take them all. Null when
 * the preview finds it scores some (the cache it was counted from is behind).
 */
export function zeroReason(result: PreviewResult): ZeroReason | null {
	if (result.scored > 0) return null;
	if (result.matching === 0) return { kind: 'noMatch' };
	return { kind: 'shadowed', by: result.lostTo.map((card) => card.name) };
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
