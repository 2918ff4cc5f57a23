/** For tests only: account rows and band views built from a few fields. */
import { paramsFromView, type ListView } from './account-query';
import type { AccountRow, BandView } from './account-rows';

export const BANDS = {
	Red: { kind: 'band', key: 'band:Red', name: 'Red', color: '#c62828', rank: 0 },
	Orange: { kind: 'band', key: 'band:Orange', name: 'Orange', color: '#ef6c00', rank: 1 },
	Yellow: { kind: 'band', key: 'band:Yellow', name: 'Yellow', color: '#f9a825', rank: 2 },
	Green: { kind: 'band', key: 'band:Green', name: 'Green', color: '#2e7d32', rank: 3 },
	noData: { kind: 'no-data', key: 'no-data', rank: 4 },
	unscored: { kind: 'unscored', key: 'unscored', rank: 5 }
} as const satisfies Record<string, BandView>;

/** The default band of a score, as the shipped scorecards band it. */
export function bandOf(overall: number | null): BandView {
	if (overall === null) return BANDS.noData;
	if (overall >= 80) return BANDS.Green;
	if (overall >= 60) return BANDS.Yellow;
	if (overall >= 40) return BANDS.Orange;
	return BANDS.Red;
}

/** A row with sensible defaults; the score's band follows `overall` unless given. */
export function accountRow(id: string, fields: Partial<Omit<AccountRow, 'id'>> = {}): AccountRow {
	const overall = fields.overall === undefined ? 50 : fields.overall;
	return {
		id,
		name: fields.name ?? id,
		segment: 'scale',
		csm: 'kim@vendor.example',
		arr: 10_000,
		renewalDate: '2027-06-01',
		scorecardName: 'Scale segment',
		previous: null,
		delta30d: null,
		drop30d: 0,
		anomaly: false,
		missing: 0,
		churnedOn: null,
		churnProbability: null,
		band: bandOf(overall),
		...fields,
		overall
	};
}

/**
 * `?segment=scale&band=Red…`, or empty for the default view: what follows `/accounts`, as the
 * pages write it.
 */
export function viewSearch(view: Partial<ListView>): string {
	const query = paramsFromView(view).toString();
	return query ? `?${query}` : '';
}
