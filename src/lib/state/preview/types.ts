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
	/**
	 * Of the accounts compared (see `BandChanges`), those in a band of this name today, under
	 * whichever scorecard scores each; absent when no scorecard is published.
	 */
	today?: number;
}

/** An account whose band today (under whichever scorecard scores it) differs from the draft's. */
export interface BandMove {
	accountId: string;
	name: string;
	from: string;
	to: string;
	direction: 'up' | 'down';
	fromScore: number | null;
	toScore: number | null;
}

/**
 * How the accounts the draft would score are scored today, by whichever scorecard scores each, and
 * what happens to the accounts its own published version scores today.
 */
export interface BandChanges {
	/** Accounts scored today and by the draft whose band moved; `up + down`. */
	moved: number;
	up: number;
	down: number;
	/** Accounts the draft would score that no scorecard scores today. */
	entered: number;
	/** Accounts its published version scores today that the draft would not. */
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

/** A scorecard as a preview names it, with how many accounts something is true of. */
export interface CardCount {
	id: string;
	name: string;
	/** Its priority; null when it has none (tried after all the others). */
	priority: number | null;
	count: number;
}

/**
 * Which scorecard scores each live account today (under the published scorecards) and once the
 * draft is published in its place, with each account's segment (a play's audience): what the
 * publish check counts to tell which plays the draft breaks. Typed arrays by account position, as
 * they cross `postMessage` with every preview; `scoredAccounts` turns them into the engine's form.
 */
export interface Assignment {
	/** The segments `segment` points at. */
	segments: string[];
	/** Per account: an index into `segments`. */
	segment: Uint16Array;
	/** The scorecard ids `before` and `after` point at. */
	cards: string[];
	/** Per account: an index into `cards`, or −1 when no scorecard scores it. */
	before: Int16Array;
	after: Int16Array;
}

export interface PreviewResult {
	asOf: IsoDate;
	dataVersion: number;
	/** Live accounts (not churned by the as-of date): the ones any scorecard could score. */
	accounts: number;
	/** Those the draft's segment condition (`applies_to`) holds for. */
	matching: number;
	/**
	 * Those it would actually score once published: the matching accounts no scorecard tried
	 * before it takes first. Bands, histogram and band moves are over these.
	 */
	scored: number;
	/** The scorecards tried before it that take some of the matching accounts, in trial order. */
	lostTo: CardCount[];
	/** The scorecards (other than its own published version) scoring today the accounts it would score. */
	takenFrom: CardCount[];
	/** Of the accounts it would score, those with no measure present ("No data"). */
	noData: number;
	/** The draft's bands from the lowest up, with their counts. */
	bands: BandCount[];
	/** Overall scores of the accounts it would score, in bins of `SCORE_BIN` points (0–100). */
	histogram: Histogram;
	/** The same for the accounts compared, as they are scored today; null with nothing published. */
	todayHistogram: Histogram | null;
	/** Against today; null when no scorecard is published. */
	changes: BandChanges | null;
	assignment: Assignment;
	/**
	 * Per measure id of the draft, over the accounts it would score (over those it applies to
	 * while it would score none, so a scorecard still behind another can be tuned).
	 */
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
	/** The draft's published version; null for a scorecard never published. */
	published: Scorecard | null;
	/**
	 * Every published scorecard, in workspace order (the draft's published version among them):
	 * which scorecard scores which account depends on all of them. Only `published` when absent.
	 */
	scorecards?: Scorecard[];
	/** The date to score as of: the date of the app's scores, so the preview agrees with the pages. */
	asOf: IsoDate;
}

export type PreviewRequest = PreviewInput & { id: number };
export type PreviewResponse = PreviewOutcome & { id: number };
