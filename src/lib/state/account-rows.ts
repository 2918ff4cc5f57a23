/**
 * Accounts joined with their scores, flattened into what the tables show. Pure: the portfolio
 * state builds these once per scoring, the tables only read them.
 */
import { DEFAULT_BANDS, NO_DATA, type AccountScore, type Band, type Workspace } from '$lib/engine';

/** A health band as shown: a named band of a scorecard, or one of the two states with no band. */
export type BandView =
	| { kind: 'band'; name: string; color: string | undefined; rank: number }
	| { kind: 'no-data'; rank: number }
	| { kind: 'unscored'; rank: number };

export interface AccountRow {
	id: string;
	name: string;
	segment: string;
	arr: number | null;
	renewalDate: string | null;
	scorecardName: string | null;
	/** Full precision; null when unscored or when no measure had data. */
	overall: number | null;
	band: BandView;
	missing: number;
}

export interface BandTotal {
	band: BandView;
	count: number;
	/** count / all accounts (0–1). */
	share: number;
	arr: number;
}

/**
 * Every band name the scorecards use, worst first, with its colour. Scorecards may name their own
 * bands; a band without a colour borrows the default band of that name, else it is drawn grey.
 */
export function bandOrder(workspace: Pick<Workspace, 'scorecards'>): BandView[] {
	const defaults = new Map(DEFAULT_BANDS.map((band) => [band.name, band.color]));
	const seen = new Map<string, string | undefined>();
	const add = (band: Band) => {
		if (!seen.has(band.name)) seen.set(band.name, band.color ?? defaults.get(band.name));
	};
	for (const scorecard of workspace.scorecards) {
		[...(scorecard.bands ?? DEFAULT_BANDS)].sort((a, b) => a.min - b.min).forEach(add);
	}
	if (seen.size === 0) DEFAULT_BANDS.forEach(add);
	const bands: BandView[] = [...seen].map(([name, color], rank) => ({
		kind: 'band',
		name,
		color,
		rank
	}));
	bands.push({ kind: 'no-data', rank: bands.length }, { kind: 'unscored', rank: bands.length + 1 });
	return bands;
}

/** One row per account, in the workspace's order; `scores` is `scoreWorkspace`'s result for it. */
export function accountRows(
	workspace: Workspace,
	scores: readonly AccountScore[],
	bands: readonly BandView[]
): AccountRow[] {
	const scoreOf = new Map(scores.map((score) => [score.account_id, score]));
	const scorecardName = new Map(
		workspace.scorecards.map((scorecard) => [scorecard.id, scorecard.name])
	);
	const byName = new Map<string, BandView>();
	for (const band of bands) if (band.kind === 'band') byName.set(band.name, band);
	const noData = bands.find((band) => band.kind === 'no-data')!;
	const unscored = bands.find((band) => band.kind === 'unscored')!;

	return workspace.accounts.map((account) => {
		const score = scoreOf.get(account.id);
		let band: BandView = unscored;
		if (score?.scorecard_id && score.band !== null) {
			band =
				score.band === NO_DATA
					? noData
					: (byName.get(score.band) ?? {
							kind: 'band',
							name: score.band,
							color: undefined,
							rank: noData.rank
						});
		}
		return {
			id: account.id,
			name: account.name,
			segment: account.segment,
			arr: account.arr ?? null,
			renewalDate: account.renewal_date ?? null,
			scorecardName: score?.scorecard_id
				? (scorecardName.get(score.scorecard_id) ?? score.scorecard_id)
				: null,
			overall: score?.overall ?? null,
			band,
			missing: score?.missing.length ?? 0
		};
	});
}

/** Accounts, share and ARR per band, in band order; "No data" and "Unscored" only when some are. */
export function bandTotals(rows: readonly AccountRow[], bands: readonly BandView[]): BandTotal[] {
	const totals = new Map(bands.map((band) => [band, { band, count: 0, share: 0, arr: 0 }]));
	for (const row of rows) {
		let total = totals.get(row.band);
		if (!total) {
			// A band a score named that no scorecard lists (should not happen): count it anyway.
			total = { band: row.band, count: 0, share: 0, arr: 0 };
			totals.set(row.band, total);
		}
		total.count++;
		total.arr += row.arr ?? 0;
	}
	return [...totals.values()]
		.filter((total) => total.band.kind === 'band' || total.count > 0)
		.map((total) => ({ ...total, share: rows.length ? total.count / rows.length : 0 }));
}

/** The `count` scored accounts with the lowest overall scores, lowest first. */
export function lowestScores(rows: readonly AccountRow[], count: number): AccountRow[] {
	return rows
		.filter((row) => row.overall !== null)
		.sort((a, b) => a.overall! - b.overall! || a.name.localeCompare(b.name))
		.slice(0, count);
}
