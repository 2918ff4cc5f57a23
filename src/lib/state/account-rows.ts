/**
 * Accounts joined with their cached scores, flattened into what the lists show. Pure: the
 * portfolio state builds these once per change in the store, the tables only read them.
 */
import type { PortfolioRow } from '$lib/db';
import { DEFAULT_BANDS, NO_DATA, type Band, type Scorecard } from '$lib/engine';
import { shownChange } from '$lib/i18n/format';

/** A health band as shown: a named band of a scorecard, or one of the two states with no band. */
export type BandView =
	| { kind: 'band'; key: string; name: string; color: string | undefined; rank: number }
	| { kind: 'no-data'; key: 'no-data'; rank: number }
	| { kind: 'unscored'; key: 'unscored'; rank: number };

export interface AccountRow {
	id: string;
	name: string;
	segment: string;
	csm: string | null;
	arr: number | null;
	renewalDate: string | null;
	scorecardName: string | null;
	/** Full precision; null when unscored or when no measure had data. */
	overall: number | null;
	band: BandView;
	/** The score 30 days before, and the change since (null when either has no score). */
	previous: number | null;
	delta30d: number | null;
	/** The largest fall within the 30 days up to the as-of date (0 when none). */
	drop30d: number;
	anomaly: boolean;
	missing: number;
	/** The date the account churned; such accounts are history, not the live portfolio. */
	churnedOn: string | null;
	/** The probability of churn within PROBABILITY_HORIZON days, with its range; null when unknown. */
	churnProbability: { p: number; low: number; high: number } | null;
}

/**
 * The 30-day change as every page shows it: the difference of the two scores each rounded down
 * ("40 → 72" reads "+32"). Lists that order or split by change use this, not the full-precision
 * `delta30d`, so "+34, +33, +32" never shows as "+34, +32, +33".
 */
export function shownDelta(row: Pick<AccountRow, 'previous' | 'overall'>): number | null {
	return row.previous === null || row.overall === null
		? null
		: shownChange(row.previous, row.overall);
}

export interface BandTotal {
	band: BandView;
	count: number;
	/** count / all accounts (0–1). */
	share: number;
	arr: number;
	/** arr / all ARR (0–1). */
	arrShare: number;
}

/**
 * Every band name the scorecards use, worst first, with its colour. Scorecards may name their own
 * bands; a band without a colour borrows the default band of that name, else it is drawn grey.
 */
export function bandOrder(scorecards: readonly Pick<Scorecard, 'bands'>[]): BandView[] {
	const defaults = new Map(DEFAULT_BANDS.map((band) => [band.name, band.color]));
	const seen = new Map<string, string | undefined>();
	const add = (band: Band) => {
		if (!seen.has(band.name)) seen.set(band.name, band.color ?? defaults.get(band.name));
	};
	for (const scorecard of scorecards) {
		[...(scorecard.bands ?? DEFAULT_BANDS)].sort((a, b) => a.min - b.min).forEach(add);
	}
	if (seen.size === 0) DEFAULT_BANDS.forEach(add);
	const bands: BandView[] = [...seen].map(([name, color], rank) => ({
		kind: 'band',
		key: `band:${name}`,
		name,
		color,
		rank
	}));
	bands.push(
		{ kind: 'no-data', key: 'no-data', rank: bands.length },
		{ kind: 'unscored', key: 'unscored', rank: bands.length + 1 }
	);
	return bands;
}

/** One row per account, in the store's order. */
export function accountRows(
	rows: readonly PortfolioRow[],
	scorecards: readonly Pick<Scorecard, 'id' | 'name'>[],
	bands: readonly BandView[]
): AccountRow[] {
	const scorecardName = new Map(scorecards.map((scorecard) => [scorecard.id, scorecard.name]));
	const byName = new Map<string, BandView>();
	for (const band of bands) if (band.kind === 'band') byName.set(band.name, band);
	const noData = bands.find((band) => band.kind === 'no-data')!;
	const unscored = bands.find((band) => band.kind === 'unscored')!;

	return rows.map(({ account, score }) => {
		let band: BandView = unscored;
		if (score?.scorecard_id && score.band !== null) {
			band =
				score.band === NO_DATA
					? noData
					: (byName.get(score.band) ?? {
							kind: 'band',
							key: `band:${score.band}`,
							name: score.band,
							color: undefined,
							rank: noData.rank
						});
		}
		return {
			id: account.id,
			name: account.name,
			segment: account.segment,
			csm: account.csm ?? null,
			arr: account.arr ?? null,
			renewalDate: account.renewal_date ?? null,
			scorecardName: score?.scorecard_id
				? (scorecardName.get(score.scorecard_id) ?? score.scorecard_id)
				: null,
			overall: score?.overall ?? null,
			band,
			previous: score?.previous ?? null,
			delta30d: score?.delta_30d ?? null,
			drop30d: score?.drop_30d ?? 0,
			anomaly: score?.anomaly === 1,
			missing: score?.missing.length ?? 0,
			churnedOn: score?.churned_on ?? null,
			churnProbability: score?.churn_probability ?? null
		};
	});
}

/**
 * Accounts, ARR and their shares per band, in band order; "No data" and "Unscored" only when
 * some accounts are in them, so the counts always add up to the rows given.
 */
export function bandTotals(rows: readonly AccountRow[], bands: readonly BandView[]): BandTotal[] {
	const totals = new Map(bands.map((band) => [band.key, { band, count: 0, arr: 0 }]));
	let allArr = 0;
	for (const row of rows) {
		let total = totals.get(row.band.key);
		if (!total) {
			// A band a score named that no scorecard lists (a scorecard changed since): count it anyway.
			total = { band: row.band, count: 0, arr: 0 };
			totals.set(row.band.key, total);
		}
		total.count++;
		total.arr += row.arr ?? 0;
		allArr += row.arr ?? 0;
	}
	return [...totals.values()]
		.filter((total) => total.band.kind === 'band' || total.count > 0)
		.map((total) => ({
			...total,
			share: rows.length ? total.count / rows.length : 0,
			arrShare: allArr ? total.arr / allArr : 0
		}));
}
