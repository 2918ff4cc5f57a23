/**
 * The score caches: the engine's portfolio scores and weekly histories written to the store, so
 * the pages read rows instead of scoring on every visit. Recomputed only when the as-of date or
 * the data changed.
 */
import {
	churnedBy,
	scorePortfolio,
	type AccountScore,
	type IsoDate,
	type ScoreChange
} from '$lib/engine';
import {
	probabilityFits,
	probabilityFor,
	type ScorecardProbability
} from '$lib/engine/backtest/probabilities';
import type { ScorecraftDatabase } from './database';
import { readMeta, writeMeta } from './meta';
import type { RefreshResult, ScoreCacheState, ScoreRow } from './types';
import { readWorkspace } from './workspace';

function scoreRow(
	score: AccountScore,
	change: ScoreChange,
	churnedOn: IsoDate | undefined,
	fits: Record<string, ScorecardProbability>
): ScoreRow {
	const row: ScoreRow = {
		account_id: score.account_id,
		scorecard_id: score.scorecard_id,
		overall: score.overall,
		band: score.band,
		groups: score.groups,
		measures: score.measures,
		missing: score.missing,
		previous: change.previous,
		delta_30d: change.delta_30d,
		drop_30d: change.drop_30d,
		anomaly: change.anomaly ? 1 : 0
	};
	if (churnedOn !== undefined) row.churned_on = churnedOn;
	const probability = score.scorecard_id
		? probabilityFor(fits[score.scorecard_id], score.overall)
		: null;
	if (probability) row.churn_probability = probability;
	return row;
}

/** The as-of date and data version the caches were computed for, against the data's version now. */
export async function scoreCacheState(db: ScorecraftDatabase): Promise<ScoreCacheState> {
	const [asOf, dataVersion, scoresDataVersion, cursor] = await Promise.all([
		readMeta(db, 'scoresAsOf'),
		readMeta(db, 'dataVersion'),
		readMeta(db, 'scoresDataVersion'),
		readMeta(db, 'syncCursor')
	]);
	const version = dataVersion ?? 0;
	return {
		asOf: asOf ?? null,
		dataVersion: version,
		scoresDataVersion: scoresDataVersion ?? null,
		current: scoresDataVersion === version,
		receiving: (cursor ?? null) !== null
	};
}

async function refreshNow(
	db: ScorecraftDatabase,
	asOf: IsoDate,
	force: boolean
): Promise<RefreshResult> {
	const started = performance.now();
	const state = await scoreCacheState(db);
	if (!force && state.current && state.asOf === asOf)
		return {
			status: 'fresh',
			asOf,
			dataVersion: state.dataVersion,
			totalMs: performance.now() - started
		};

	const { workspace, dataVersion } = await readWorkspace(db);
	const read = performance.now();
	const portfolio = scorePortfolio(workspace, asOf);
	const churned = churnedBy(workspace.outcomes, asOf);
	// Fitted on the outcomes up to the as-of date only: a past date's pages must not know the future.
	const fits = probabilityFits({
		...workspace,
		outcomes: workspace.outcomes.filter((outcome) => outcome.date <= asOf)
	});
	const scores = portfolio.scores.map((score, i) =>
		scoreRow(score, portfolio.changes[i]!, churned.get(score.account_id), fits)
	);
	const scored = performance.now();
	await db.transaction('rw', [db.scoreChunks, db.historyChunks, db.meta], async () => {
		await Promise.all([
			db.scores.replace(scores),
			db.histories.replace(portfolio.histories),
			writeMeta(db, 'scoresAsOf', asOf),
			// The version the data was read at: if it changed while scoring, the next refresh sees it.
			writeMeta(db, 'scoresDataVersion', dataVersion)
		]);
	});
	const written = performance.now();
	return {
		status: 'computed',
		asOf,
		dataVersion,
		accounts: scores.length,
		readMs: read - started,
		scoreMs: scored - read,
		writeMs: written - scored,
		totalMs: written - started
	};
}

/** The last refresh of each database, so a refresh never overlaps another on the same store. */
const running = new WeakMap<ScorecraftDatabase, Promise<unknown>>();

/**
 * Brings the score caches to `asOf` and the current data: does nothing when they already are
 * (unless `force`), else scores the whole portfolio and replaces both caches in one transaction.
 * Calls queue behind the one running, which usually leaves them nothing to do.
 */
export function refreshScores(
	db: ScorecraftDatabase,
	asOf: IsoDate,
	options: { force?: boolean } = {}
): Promise<RefreshResult> {
	const previous = running.get(db) ?? Promise.resolve();
	const next = previous
		.catch(() => undefined)
		.then(() => refreshNow(db, asOf, options.force ?? false));
	running.set(db, next);
	return next;
}
