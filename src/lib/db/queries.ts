/**
 * What the pages read, as plain async functions over the store: a page wraps one in Dexie's
 * `liveQuery` and sees it again whenever a table it read changes.
 */
import {
	emptyWorkspace,
	type Account,
	type AccountHistory,
	type Scorecard,
	type Workspace
} from '$lib/engine';
import type { ScorecraftDatabase } from './database';
import { readMeta } from './meta';
import type { AccountDetail, PortfolioRow, ScoreRow, TrendPoint } from './types';
import { inOrder } from './workspace';

/** Scores of accounts that had not churned by the cache's date: the live portfolio. */
const live = (score: ScoreRow) => score.churned_on === undefined;

/** Every account with its cached score; accounts that churned are left out unless asked for. */
export async function portfolioRows(
	db: ScorecraftDatabase,
	options: { includeChurned?: boolean } = {}
): Promise<PortfolioRow[]> {
	const [accounts, scores] = await Promise.all([db.accounts.toArray(), db.scores.toArray()]);
	const scoreOf = new Map(scores.map((score) => [score.account_id, score]));
	const rows = accounts.map((account) => ({ account, score: scoreOf.get(account.id) ?? null }));
	return options.includeChurned ? rows : rows.filter((row) => !row.score || live(row.score));
}

/** One account with its people, its latest snapshots, its score and its history; null if unknown. */
export async function accountDetail(
	db: ScorecraftDatabase,
	id: string
): Promise<AccountDetail | null> {
	const [account, contacts, snapshots, score, history] = await Promise.all([
		db.accounts.get(id),
		db.contacts.where('account_id').equals(id).toArray(),
		db.snapshots.ofAccount(id).then((snapshots) => snapshots.slice(-10).reverse()),
		db.scores.get(id),
		db.histories.get(id)
	]);
	if (!account) return null;
	return { account, contacts, snapshots, score: score ?? null, history: history ?? null };
}

/** The scorecards in the workspace's order, which breaks ties between equal priorities. */
export async function orderedScorecards(db: ScorecraftDatabase): Promise<Scorecard[]> {
	const [scorecards, order] = await Promise.all([db.scorecards.toArray(), readMeta(db, 'order')]);
	return inOrder(scorecards, order?.scorecards);
}

export async function workspaceSettings(db: ScorecraftDatabase): Promise<Workspace['settings']> {
	return (await db.settings.get('workspace'))?.value ?? {};
}

/** The workspace's currency for ARR, from its settings (US dollars when it names none). */
export async function workspaceCurrency(db: ScorecraftDatabase): Promise<string> {
	const currency = (await workspaceSettings(db)).currency;
	return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
}

/** Every account's cached weekly history. */
export function historyRows(db: ScorecraftDatabase): Promise<AccountHistory[]> {
	return db.histories.toArray();
}

/**
 * A workspace of one account: the account with its contacts, snapshots and outcomes, the
 * scorecards and the settings, which is all the engine needs to score it on any date. Null when
 * there is no such account.
 */
export async function accountWorkspace(
	db: ScorecraftDatabase,
	id: string
): Promise<{ account: Account; workspace: Workspace } | null> {
	const [account, contacts, snapshots, outcomes, scorecards, settings, manualEntries] =
		await Promise.all([
			db.accounts.get(id),
			db.contacts.where('account_id').equals(id).toArray(),
			db.snapshots.ofAccount(id),
			db.outcomes.where('account_id').equals(id).toArray(),
			orderedScorecards(db),
			workspaceSettings(db),
			db.manualEntries.where('account_id').equals(id).toArray()
		]);
	if (!account) return null;
	return {
		account,
		workspace: {
			...emptyWorkspace(),
			accounts: [account],
			contacts,
			snapshots,
			outcomes,
			scorecards,
			settings,
			// Manual measures score from these, as in the refresh of the whole store.
			...(manualEntries.length ? { manual_entries: manualEntries } : {})
		}
	};
}

/** The distinct segments, in order. */
export async function segments(db: ScorecraftDatabase): Promise<string[]> {
	return (await db.accounts.orderBy('segment').uniqueKeys()) as string[];
}

/** The distinct CSMs, in order (accounts with none are not counted). */
export async function csms(db: ScorecraftDatabase): Promise<string[]> {
	return (await db.accounts.orderBy('csm').uniqueKeys()) as string[];
}

/** Live accounts whose score fell by the anomaly threshold or more within 30 days. */
export async function anomalies(db: ScorecraftDatabase): Promise<ScoreRow[]> {
	return (await db.scores.toArray()).filter((score) => score.anomaly === 1 && live(score));
}

/**
 * The weekly trend of some accounts from their cached histories: per date, the mean overall score
 * and the accounts per band, counting an account only before the date it churned (so the past is
 * the portfolio as it was then). `include` picks the accounts; all of them when null.
 */
export function trendOf(
	histories: readonly AccountHistory[],
	churnedOn: ReadonlyMap<string, string>,
	include: ReadonlySet<string> | null
): TrendPoint[] {
	// One refresh writes every history, so they all share the first one's dates.
	const dates = histories[0]?.dates ?? [];
	const sums = new Array<number>(dates.length).fill(0);
	const points: TrendPoint[] = dates.map((date) => ({ date, mean: null, scored: 0, bands: {} }));
	for (const history of histories) {
		if (include && !include.has(history.account_id)) continue;
		const until = churnedOn.get(history.account_id);
		points.forEach((point, d) => {
			if (until !== undefined && point.date >= until) return;
			const overall = history.overall[d];
			const band = history.band[d];
			if (overall != null) {
				sums[d]! += overall;
				point.scored++;
			}
			if (band != null) point.bands[band] = (point.bands[band] ?? 0) + 1;
		});
	}
	points.forEach((point, d) => {
		if (point.scored > 0) point.mean = sums[d]! / point.scored;
	});
	return points;
}
