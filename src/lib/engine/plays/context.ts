/** The score context a play's `when` reads: what an account is, how it scores, and when. */
import { daysBetween, isIsoDate } from '../dates';
import type { ScoreChange } from '../history';
import type { Account, AccountScore, Facts, IsoDate } from '../types';
import type { ScoreContext } from './types';

/**
 * One account's context on `asOf`. `facts` are its facts on that date (top-level fields, `facts`,
 * people facts, latest snapshot); `change` its 30-day move, when known.
 */
export function scoreContext(
	account: Account,
	facts: Facts,
	score: AccountScore,
	change: ScoreChange | undefined,
	contacts: number,
	asOf: IsoDate
): ScoreContext {
	const measures: Record<string, number | null> = {};
	for (const [id, measure] of Object.entries(score.measures)) measures[id] = measure.score;
	return {
		// A plain copy: facts objects carry symbol-keyed helpers the plan does not need.
		account: { ...facts },
		score: {
			overall: score.overall,
			band: score.band,
			groups: { ...score.groups },
			measures,
			previous: change?.previous ?? null,
			delta_30d: change?.delta_30d ?? null,
			drop_30d: change?.drop_30d ?? 0
		},
		days_to_renewal: account.renewal_date ? daysBetween(asOf, account.renewal_date) : null,
		days_since_start:
			typeof facts.start_date === 'string' && isIsoDate(facts.start_date)
				? daysBetween(facts.start_date, asOf)
				: null,
		contacts,
		now: asOf
	};
}
