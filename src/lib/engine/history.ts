/**
 * Scores over time: every account scored on a series of dates from its snapshots, the change over
 * 30 days and the anomaly flag (a drop of 20 points or more within 30 days, whatever the level).
 */
import { addDays } from './dates';
import { FactsSource } from './facts';
import type { Backend } from './logic';
import {
	compileScorecards,
	factsNeedsOf,
	selectScorecard,
	type CompiledScorecard
} from './scoring';
import { NO_DATA } from './scoring/measure';
import { scoreWorkspace } from './score';
import type { Account, AccountScore, IsoDate, Snapshot, Workspace } from './types';

/** A drop of this many points or more within 30 days is an anomaly worth an alert. */
export const ANOMALY_DROP = 20;

/** `count` dates a week apart, ending at `asOf`, oldest first. */
export function weeklyDates(asOf: IsoDate, count = 53): IsoDate[] {
	return Array.from({ length: count }, (_, i) => addDays(asOf, -7 * (count - 1 - i)));
}

/** One account's scores on each date of a series (the series is shared by all accounts). */
export interface AccountHistory {
	account_id: string;
	dates: readonly IsoDate[];
	/** The scorecard that scored the account on each date; null where none applied. */
	scorecard_id: (string | null)[];
	overall: (number | null)[];
	band: (string | null)[];
	/** Each group's score per date, for every group of every scorecard that scored the account. */
	groups: Record<string, (number | null)[]>;
}

export interface HistoryOptions {
	backend?: Backend;
}

/**
 * Every account's history over `dates` (ascending). One pass over each account's snapshots: the
 * latest snapshot moves forward with the dates, and where the facts depend on nothing but that
 * snapshot, a date whose snapshot is the one of the date before reuses that date's scores.
 */
export function scoreHistories(
	workspace: Workspace,
	dates: readonly IsoDate[],
	options: HistoryOptions = {}
): AccountHistory[] {
	const scorecards = compileScorecards(workspace.scorecards, options.backend);
	const source = new FactsSource(workspace, factsNeedsOf(scorecards));
	const buffers = new Map(scorecards.map((card) => [card.id, new Float64Array(card.resultLength)]));
	return workspace.accounts.map((account) =>
		accountHistory(account, dates, scorecards, source, buffers)
	);
}

function accountHistory(
	account: Account,
	dates: readonly IsoDate[],
	scorecards: readonly CompiledScorecard[],
	source: FactsSource,
	buffers: ReadonlyMap<string, Float64Array>
): AccountHistory {
	const history: AccountHistory = {
		account_id: account.id,
		dates,
		scorecard_id: [],
		overall: [],
		band: [],
		groups: {}
	};
	const snapshots = source.snapshots.of(account.id);
	const reusable = !source.dependsOnDate;
	let next = 0;
	let previous: Snapshot | undefined | null = null;
	dates.forEach((date, d) => {
		while (next < snapshots.length && snapshots[next]!.date <= date) next++;
		const snapshot = next > 0 ? snapshots[next - 1] : undefined;
		if (reusable && d > 0 && snapshot === previous) {
			history.scorecard_id.push(history.scorecard_id[d - 1]!);
			history.overall.push(history.overall[d - 1]!);
			history.band.push(history.band[d - 1]!);
			for (const series of Object.values(history.groups)) series.push(series[d - 1]!);
			return;
		}
		previous = snapshot;
		const facts = source.on(account, date, snapshot);
		const card = selectScorecard(scorecards, facts);
		for (const series of Object.values(history.groups)) series.push(null);
		if (!card) {
			history.scorecard_id.push(null);
			history.overall.push(null);
			history.band.push(null);
			return;
		}
		const out = buffers.get(card.id)!;
		card.scoreInto(facts, out);
		const overall = Number.isNaN(out[0]!) ? null : out[0]!;
		history.scorecard_id.push(card.id);
		history.overall.push(overall);
		history.band.push(overall === null ? NO_DATA : card.band(overall));
		card.plan.groups.forEach((group, g) => {
			const series = (history.groups[group.id] ??= new Array<number | null>(d + 1).fill(null));
			const score = out[1 + g]!;
			series[d] = Number.isNaN(score) ? null : score;
		});
	});
	return history;
}

/** How an account's score moved over the 30 days up to a date. */
export interface ScoreChange {
	/** The score 30 days before, and the change since (null when either has no score). */
	previous: number | null;
	delta_30d: number | null;
	/** The largest fall from a score within the 30 days to the score on the date (0 if none). */
	drop_30d: number;
	anomaly: boolean;
}

/**
 * The change over the 30 days up to the last date of a history, from its scores on the dates
 * within those 30 days; `previous` is the score on the date 30 days before, scored apart since a
 * weekly series does not hold it.
 */
export function scoreChange(history: AccountHistory, previous: number | null): ScoreChange {
	const last = history.dates.length - 1;
	const current = history.overall[last] ?? null;
	const since = addDays(history.dates[last]!, -30);
	let peak = previous;
	for (let d = 0; d < last; d++) {
		const score = history.overall[d];
		if (history.dates[d]! >= since && score != null && (peak === null || score > peak))
			peak = score;
	}
	const drop = current !== null && peak !== null ? Math.max(0, peak - current) : 0;
	return {
		previous,
		delta_30d: current !== null && previous !== null ? current - previous : null,
		drop_30d: drop,
		anomaly: drop >= ANOMALY_DROP
	};
}

/** A portfolio scored as of a date: the full scores, the weekly history and the 30-day changes. */
export interface PortfolioScores {
	asOf: IsoDate;
	/** One per account, in the workspace's order (as `scoreWorkspace` gives them). */
	scores: AccountScore[];
	histories: AccountHistory[];
	changes: ScoreChange[];
}

/** Everything the portfolio pages show about scores, computed in one go (weekly history by default a year). */
export function scorePortfolio(
	workspace: Workspace,
	asOf: IsoDate,
	options: HistoryOptions & { weeks?: number } = {}
): PortfolioScores {
	const histories = scoreHistories(workspace, weeklyDates(asOf, options.weeks ?? 53), options);
	const before = scoreWorkspace(workspace, addDays(asOf, -30), options);
	return {
		asOf,
		scores: scoreWorkspace(workspace, asOf, options),
		histories,
		changes: histories.map((history, i) => scoreChange(history, before[i]!.overall))
	};
}
