/**
 * The live preview of a scorecard being edited: what the page asks the preview worker, and what
 * it answers. Everything here crosses `postMessage`, so it is plain data (no Maps, no classes).
 */
import type { IsoDate, Scorecard, WorkspaceIssue } from '$lib/engine';

/** Counts of values in consecutive bins: `counts[i]` holds the values in [edges[i], edges[i+1]). */
export interface Histogram {
	/** One more edge than bins; the last bin includes its upper edge. */
	edges: number[];
	counts: number[];
}

/** One distinct raw value, as a `map` scoring looks it up (`"true"`, a category), and how often. */
export interface TextCount {
	value: string;
	count: number;
}

/** What a measure's raw values look like over the accounts behind the scorecard. */
export interface MeasureStats {
	measureId: string;
	/** The accounts the draft applies to. */
	accounts: number;
	/** Accounts where the measure has a value of its own (a missing-data policy does not count). */
	present: number;
	/** Accounts without a value (not counting stale manual entries). */
	missing: number;
	/** Accounts whose latest manual entry is older than the measure's validity (manual measures). */
	stale: number;
	/** present / accounts; 0 when no account matches. */
	coverage: number;
	/** The numeric values among the present ones (numbers, numeric text, yes/no as 1/0). */
	numbers: { count: number; min: number; max: number; histogram: Histogram } | null;
	/** The most frequent distinct values as text, most frequent first (at most `TEXTS_LISTED`). */
	texts: TextCount[];
	/** How many distinct values there are (counted up to 1,000: more reads as 1,001). */
	distinct: number;
}

export interface BandCount {
	name: string;
	color?: string;
	min: number;
	count: number;
	/** Accounts in a band of this name under the published version, when there is one. */
	published?: number;
}

/** An account whose band differs between the published version and the draft. */
export interface BandMove {
	accountId: string;
	name: string;
	from: string;
	to: string;
	direction: 'up' | 'down';
	fromScore: number | null;
	toScore: number | null;
}

export interface BandChanges {
	/** Accounts scored by both versions whose band moved; `up + down`. */
	moved: number;
	up: number;
	down: number;
	/** Accounts the draft applies to and the published version does not. */
	entered: number;
	/** Accounts the published version applies to and the draft does not. */
	left: number;
	/** The moves with the largest score change first, at most `MOVES_LISTED`. */
	moves: BandMove[];
}

export interface PreviewTimings {
	/** Reading the store and building the facts, when this request had to (else 0). */
	loadMs: number;
	compileMs: number;
	scoreMs: number;
	statsMs: number;
	/** All of the request's work in the worker, loading included. */
	totalMs: number;
}

export interface PreviewResult {
	asOf: IsoDate;
	dataVersion: number;
	/** Live accounts (not churned by the as-of date): the ones any scorecard could score. */
	accounts: number;
	/** Those the draft applies to. */
	matching: number;
	/** Of those, the accounts with no measure present ("No data"). */
	noData: number;
	/** The draft's bands from the lowest up, with their counts. */
	bands: BandCount[];
	/** Overall scores of the matching accounts in bins of `SCORE_BIN` points (0–100). */
	histogram: Histogram;
	/** The same for the published version's accounts, for comparison; null without one. */
	publishedHistogram: Histogram | null;
	/** Null when there is no published version to compare with. */
	changes: BandChanges | null;
	/** Per measure id of the draft. */
	measures: Record<string, MeasureStats>;
	/** Names of the facts present in the data (for picking a measure's value). */
	fields: string[];
	timings: PreviewTimings;
}

export type PreviewOutcome =
	| { ok: true; result: PreviewResult }
	/** The draft is not a valid scorecard yet (the builder shows why); nothing was scored. */
	| { ok: false; reason: 'invalid'; issues: WorkspaceIssue[] }
	| { ok: false; reason: 'failed'; message: string };

export interface PreviewInput {
	draft: Scorecard;
	published: Scorecard | null;
	/** The date to score as of: the date of the app's scores, so the preview agrees with the pages. */
	asOf: IsoDate;
}

export type PreviewRequest = PreviewInput & { id: number };
export type PreviewResponse = PreviewOutcome & { id: number };
