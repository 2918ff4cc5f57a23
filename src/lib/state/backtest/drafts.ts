/**
 * The backtest's suggestions saved as drafts, never published: onto the scorecard's existing draft
 * when there is one (so edits made in the builder are kept), else onto the published scorecard.
 */
import { getDraft, orderedScorecards, saveDraft, type ScorecraftDatabase } from '$lib/db';
import type { Scorecard, ScorecardDraft } from '$lib/engine';
import {
	addFactMeasure,
	applyWeights,
	type FactSuggestion,
	type ProposedWeights
} from '$lib/engine/backtest';

/** Where a draft from the backtest says it came from. */
export const DRAFT_ORIGIN = 'backtest';

async function draftBase(db: ScorecraftDatabase, id: string): Promise<Scorecard> {
	const draft = await getDraft(db, id);
	if (draft) return draft.scorecard;
	const published = (await orderedScorecards(db)).find((card) => card.id === id);
	if (!published) throw new Error(`no scorecard "${id}"`);
	return published;
}

/** Saves the proposed weights to the draft of scorecard `id`. `at` is the ISO date-time. */
export async function saveWeightsToDraft(
	db: ScorecraftDatabase,
	id: string,
	proposal: ProposedWeights,
	at: string
): Promise<ScorecardDraft> {
	const base = await draftBase(db, id);
	return saveDraft(db, applyWeights(base, proposal), { at, origin: DRAFT_ORIGIN });
}

/** Adds the suggested fact as a measure to the draft of scorecard `id`. */
export async function saveFactToDraft(
	db: ScorecraftDatabase,
	id: string,
	suggestion: FactSuggestion,
	at: string
): Promise<ScorecardDraft> {
	const base = await draftBase(db, id);
	return saveDraft(db, addFactMeasure(base, suggestion), { at, origin: DRAFT_ORIGIN });
}

/**
 * Saves a discovered scorecard as a draft of its own (its id ends in `-discovered`, so the
 * scorecard it started from is untouched), replacing an earlier discovery's draft.
 */
export function saveDiscoveredDraft(
	db: ScorecraftDatabase,
	scorecard: Scorecard,
	at: string
): Promise<ScorecardDraft> {
	return saveDraft(db, scorecard, { at, origin: DRAFT_ORIGIN });
}
