/** What the outcomes say about the portfolio on a date. */
import type { IsoDate, Outcome } from './types';

/**
 * The accounts that had churned by `asOf`, with the date: an account whose latest outcome on or
 * before that date is a churn. (A later renewal means it came back.)
 */
export function churnedBy(outcomes: readonly Outcome[], asOf: IsoDate): Map<string, IsoDate> {
	const latest = new Map<string, Outcome>();
	for (const outcome of outcomes) {
		if (outcome.date > asOf) continue;
		const seen = latest.get(outcome.account_id);
		if (!seen || outcome.date >= seen.date) latest.set(outcome.account_id, outcome);
	}
	const churned = new Map<string, IsoDate>();
	for (const [accountId, outcome] of latest)
		if (outcome.type === 'churned') churned.set(accountId, outcome.date);
	return churned;
}
