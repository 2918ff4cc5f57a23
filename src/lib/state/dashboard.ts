/** What the dashboard shows, computed from the account rows and histories: pure and tested. */
import { trendOf, type HistoryRow, type TrendPoint } from '$lib/db';
import { addDays } from '$lib/engine/dates';
import type { AccountRow } from './account-rows';

/** The bands that put an account at risk when its renewal is near. */
export const AT_RISK_BANDS: readonly string[] = ['Red', 'Orange'];
/** How near a renewal counts as soon, in days. */
export const RENEWAL_WINDOW_DAYS = 90;

export interface Scope {
	/** Empty means any. */
	segment: string;
	csm: string;
}

export function inScope(row: AccountRow, scope: Scope): boolean {
	return (!scope.segment || row.segment === scope.segment) && (!scope.csm || row.csm === scope.csm);
}

/** The accounts whose score rose most and fell most over 30 days, `count` of each, biggest first. */
export function movers(
	rows: readonly AccountRow[],
	count = 5
): { up: AccountRow[]; down: AccountRow[] } {
	const moved = rows.filter((row) => row.delta30d !== null && row.delta30d !== 0);
	const byName = (a: AccountRow, b: AccountRow) => a.name.localeCompare(b.name);
	return {
		up: moved
			.filter((row) => row.delta30d! > 0)
			.sort((a, b) => b.delta30d! - a.delta30d! || byName(a, b))
			.slice(0, count),
		down: moved
			.filter((row) => row.delta30d! < 0)
			.sort((a, b) => a.delta30d! - b.delta30d! || byName(a, b))
			.slice(0, count)
	};
}

/**
 * Accounts in an at-risk band whose renewal falls within the window from the as-of date (both
 * ends included), soonest first, the lower score first on the same day.
 */
export function atRiskRenewals(
	rows: readonly AccountRow[],
	asOf: string,
	days = RENEWAL_WINDOW_DAYS
): AccountRow[] {
	const until = addDays(asOf, days);
	return rows
		.filter(
			(row) =>
				row.band.kind === 'band' &&
				AT_RISK_BANDS.includes(row.band.name) &&
				row.renewalDate !== null &&
				row.renewalDate >= asOf &&
				row.renewalDate <= until
		)
		.sort(
			(a, b) =>
				(a.renewalDate! < b.renewalDate! ? -1 : a.renewalDate! > b.renewalDate! ? 1 : 0) ||
				(a.overall ?? 0) - (b.overall ?? 0)
		);
}

/** Accounts whose score fell by the anomaly threshold or more within 30 days, biggest fall first. */
export function anomalies(rows: readonly AccountRow[]): AccountRow[] {
	return rows
		.filter((row) => row.anomaly && row.overall !== null)
		.sort((a, b) => b.drop30d - a.drop30d || a.name.localeCompare(b.name));
}

/**
 * The weekly trend of the accounts in scope, churned ones included until they churned: the
 * portfolio of each week as it was then. `rows` are all accounts, churned ones too.
 */
export function trendInScope(
	histories: readonly HistoryRow[],
	rows: readonly AccountRow[],
	scope: Scope
): TrendPoint[] {
	const churnedOn = new Map<string, string>();
	const include = scope.segment || scope.csm ? new Set<string>() : null;
	for (const row of rows) {
		if (row.churnedOn !== null) churnedOn.set(row.id, row.churnedOn);
		if (include && inScope(row, scope)) include.add(row.id);
	}
	return trendOf(histories, churnedOn, include);
}
