/** What the dashboard shows, computed from the account rows and histories: pure and tested. */
import { trendOf, type TrendPoint } from '$lib/db';
import type { AccountHistory } from '$lib/engine';
import { getLocale } from '$lib/i18n/messages';
import { listView, viewRows, type ChangeFilter, type ListView } from './account-query';
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

/** The Accounts list's view of the rises (or falls) in scope: biggest change first, as shown. */
export function moversView(scope: Scope, change: ChangeFilter): ListView {
	return listView({
		...scope,
		change,
		sortKey: 'delta',
		direction: change === 'up' ? 'descending' : 'ascending'
	});
}

/** The Accounts list's view of the at-risk renewals in scope: soonest first, lower score first. */
export function atRiskView(scope: Scope, days = RENEWAL_WINDOW_DAYS): ListView {
	return listView({
		...scope,
		bands: AT_RISK_BANDS.map((name) => `band:${name}`),
		renewalDays: days,
		sortKey: 'renewal',
		direction: 'ascending'
	});
}

/** The Accounts list's view of the sudden drops in scope, biggest fall over 30 days first. */
export function dropsView(scope: Scope): ListView {
	return listView({ ...scope, drops: true, sortKey: 'delta', direction: 'ascending' });
}

const collatorOf = () => new Intl.Collator(getLocale(), { numeric: true, sensitivity: 'base' });

/**
 * Every account whose score rose and every one that fell over 30 days, biggest change first, by
 * the change as the pages show it (the scores rounded down first): "+34, +33, +32", never
 * "+34, +32, +33" because the hidden decimals said so. Unchanged and unknown changes are left out.
 */
export function movers(
	rows: readonly AccountRow[],
	collator = collatorOf()
): { up: AccountRow[]; down: AccountRow[] } {
	const all = { segment: '', csm: '' };
	return {
		up: viewRows(rows, moversView(all, 'up'), null, collator),
		down: viewRows(rows, moversView(all, 'down'), null, collator)
	};
}

/**
 * Accounts in an at-risk band whose renewal falls within the window from the as-of date (both
 * ends included), soonest first, the lower score first on the same day.
 */
export function atRiskRenewals(
	rows: readonly AccountRow[],
	asOf: string,
	days = RENEWAL_WINDOW_DAYS,
	collator = collatorOf()
): AccountRow[] {
	return viewRows(rows, atRiskView({ segment: '', csm: '' }, days), asOf, collator);
}

/**
 * Accounts whose score fell by the anomaly threshold or more within 30 days, biggest fall first:
 * the same accounts as `dropsView`, in the order of the fall from the 30-day high.
 */
export function anomalies(rows: readonly AccountRow[], collator = collatorOf()): AccountRow[] {
	return viewRows(rows, dropsView({ segment: '', csm: '' }), null, collator).sort(
		(a, b) => b.drop30d - a.drop30d || collator.compare(a.name, b.name)
	);
}

/**
 * The weekly trend of the accounts in scope, churned ones included until they churned: the
 * portfolio of each week as it was then. `rows` are all accounts, churned ones too.
 */
export function trendInScope(
	histories: readonly AccountHistory[],
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
