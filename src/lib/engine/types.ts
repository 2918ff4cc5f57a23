/**
 * The engine's types. Those of the workspace format come from its schema and keep the format's
 * snake_case keys as they are.
 */
import type * as z from 'zod';
import type * as playsSchema from './workspace/plays-schema';
import type * as schema from './workspace/schema';
import type { Problem } from './problems';

export type Workspace = z.infer<typeof schema.workspace>;
export type Account = z.infer<typeof schema.account>;
export type Contact = z.infer<typeof schema.contact>;
export type Snapshot = z.infer<typeof schema.snapshot>;
export type Outcome = z.infer<typeof schema.outcome>;
export type Scorecard = z.infer<typeof schema.scorecard>;
export type Group = z.infer<typeof schema.group>;
export type Measure = z.infer<typeof schema.measure>;
export type Scoring = z.infer<typeof schema.scoring>;
export type Band = z.infer<typeof schema.band>;
export type MissingPolicy = z.infer<typeof schema.missingPolicy>;
export type ManualEntry = z.infer<typeof schema.manualEntry>;
export type ScorecardVersion = z.infer<typeof schema.scorecardVersion>;
export type ScorecardDraft = z.infer<typeof schema.scorecardDraft>;
export type Play = z.infer<typeof playsSchema.play>;
export type Template = z.infer<typeof playsSchema.template>;
export type BandPlaybook = z.infer<typeof playsSchema.bandPlaybook>;

/** What a scorecard's rules read for one account on one date: flat, later sources winning. */
export type Facts = Record<string, unknown>;

/** A date as `YYYY-MM-DD`; comparing two as strings compares them as dates. */
export type IsoDate = string;

/** The result of scoring one account. Scores are 0–100 at full precision. */
export interface AccountScore {
	account_id: string;
	/** The scorecard that scored it, or null when no scorecard applies (unscored). */
	scorecard_id: string | null;
	/** null when unscored, or when no measure had data. */
	overall: number | null;
	/** The band's name; "No data" when nothing could be scored; null when unscored. */
	band: string | null;
	groups: Record<string, number | null>;
	measures: Record<string, MeasureScore>;
	/** Ids of the measures left out for lack of data, in scorecard order. */
	missing: string[];
}

export interface MeasureScore {
	/** The raw value, or null when the measure is missing. */
	value: unknown;
	score: number | null;
	/** The part of the overall score this measure carried (0–1); 0 when missing. */
	weight_share: number;
	/** A manual measure whose latest entry is too old to count: missing, and shown as stale. */
	stale?: true;
	/** Scored by the missing-data policy rather than from data: a given score or the last known value. */
	imputed?: 'score' | 'last_known';
	/** With `imputed: 'last_known'`: the date of the snapshot the value comes from. */
	value_date?: IsoDate;
}

/** A tagged outcome: the core reports bad data as a value, never by throwing. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; errors: E[] };

/** One thing wrong in a workspace, at a JSON path such as `scorecards[0].groups[1].weight`. */
export interface WorkspaceIssue extends Problem {
	path: string;
}
