/**
 * The people facts (`../people.ts`) in SQL: per account, date and number of features, how many
 * contacts use the product, how many were active in the last 30 days, are dormant or power users,
 * and their mean engagement, from the `contacts` table. As in the engine, a person's own judgement
 * by the usage rollup (`metrics.dormant`, `metrics.power_user`) wins over the rules of thumb.
 */
import { DORMANT_DAYS, POWER_USER_DAYS } from '../people';
import type { Dialect } from './dialect';
import type { Source } from './layout';

/** The columns a facts row gains, by people fact name; each is NULL when the fact is absent. */
export const PEOPLE_COLUMNS: Record<string, string> = {
	users_total: 'p_users_total',
	users_active_30d: 'p_users_active_30d',
	users_dormant_180d: 'p_dormant',
	dormant_users: 'p_dormant',
	power_users: 'p_power_users',
	engagement_avg: 'p_engagement_avg'
};

/**
 * A query of the people facts for each (account_id, at_date, fa) of `keys` (a relation; `fa` is the
 * account's number of features then, NULL when unknown) with a user among its contacts.
 */
export function peopleSql(d: Dialect, keys: string, number: (value: number) => string): string {
	const member = (name: string, kind: 'number' | 'boolean') => {
		const json = d.member('c.metrics', name);
		const text = d.memberText('c.metrics', name);
		return kind === 'number'
			? `(case when ${d.jsonIs(json, 'number')} then cast(${text} as ${d.types.number}) end)`
			: `(case when ${d.jsonIs(json, 'boolean')} then ${text} = 'true' end)`;
	};
	const seen = `(c.last_seen is not null and c.last_seen <> '')`;
	const lastSeen = `cast(substr(c.last_seen, 1, 10) as ${d.types.date})`;
	const people = `select k.account_id, k.at_date, k.fa,
      (case when ${seen} then greatest(0, ${d.daysBetween(lastSeen, 'k.at_date')}) end) as days,
      ${member('active_days_30d', 'number')} as active_days,
      ${member('features_used', 'number')} as features,
      ${member('actions_30d', 'number')} as actions,
      ${member('dormant', 'boolean')} as judged_dormant,
      ${member('power_user', 'boolean')} as judged_power
    from ${keys} k join contacts c on c.account_id = k.account_id
    where ${seen} or c.metrics is not null`;
	const n = number;
	const one = (condition: string) => `(case when ${condition} then 1 else 0 end)`;
	// The parts of engagement, weighted 40/30/30; a part without data is left out (weight 0).
	const parts: [weight: string, value: string, when: string][] = [
		[n(0.4), `least(${n(1)}, active_days / ${n(POWER_USER_DAYS)})`, 'active_days is not null'],
		[n(0.3), `least(${n(1)}, features / fa)`, 'features is not null and fa is not null'],
		[
			n(0.3),
			`least(${n(1)}, actions / active_days / ${n(50)})`,
			'actions is not null and active_days is not null and active_days <> 0'
		],
		[n(0.3), n(0), `active_days = 0`]
	];
	const weight = parts.map(([w, , when]) => `(case when ${when} then ${w} else ${n(0)} end)`);
	const sum = parts.map(([w, v, when]) => `(case when ${when} then ${w} * ${v} else ${n(0)} end)`);
	const flags = `select account_id, at_date, fa,
      ${one('days is not null and days < 30')} as active,
      (case when judged_dormant is not null then ${one('judged_dormant')} else ${one(`days is null or days >= ${DORMANT_DAYS}`)} end) as dormant,
      (case when judged_power is not null then ${one('judged_power')} else ${one(`fa is not null and active_days is not null and features is not null and active_days >= ${n(POWER_USER_DAYS)} and features >= fa / ${n(2)}`)} end) as power,
      (case when ${weight.join(' + ')} > 0 then (${n(100)} * (${n(0)} + ${sum.join(' + ')})) / (${n(0)} + ${weight.join(' + ')}) end) as engagement
    from (${people}) as people`;
	return `select account_id, at_date, fa,
    cast(count(*) as ${d.types.number}) as p_users_total,
    cast(sum(active) as ${d.types.number}) as p_users_active_30d,
    cast(sum(dormant) as ${d.types.number}) as p_dormant,
    (case when fa is not null then cast(sum(power) as ${d.types.number}) end) as p_power_users,
    (case when count(engagement) > 0 then sum(engagement) / count(engagement) end) as p_engagement_avg
  from (${flags}) as flags
  group by account_id, at_date, fa`;
}

/**
 * The number of features an account has on a row, as the engine finds it: the snapshot's metric,
 * unless absent or null, else the account's fact; counted when a positive number.
 */
export function featuresAvailableSql(d: Dialect, sources: readonly Source[]): string {
	// `??` over the sources in precedence: the first that is not nullish answers.
	const value = sources.length
		? `(case ${sources.map((source) => `when not (${source.nullish}) then ${source.number}`).join(' ')} end)`
		: 'NULL';
	return `(case when ${value} > 0 then ${value} end)`;
}
