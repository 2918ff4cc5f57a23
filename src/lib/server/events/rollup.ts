/**
 * Product usage rolled up from the stored events, in SQL (the embedded database and PostgreSQL
 * alike), as of the end of a day (UTC): per person, how often they used the product (active days
 * in the last 7, 30 and 90 days), when they were last seen, and whether they are dormant (not seen
 * for `dormantDays`, 180 by default as in the framework, or never); per account, its people, those
 * active in the last 30 days and the dormant ones. A person belongs to the account of their latest
 * `group` call, else of the latest event that named one (`context.groupId`). Activity is what a
 * person did (`track`, `page`, `screen`), not what was said of them (`identify`, `group`).
 */
import type { Queryable } from '../store/database';

export interface PersonActivity {
	user_id: string;
	account_id: string;
	active_days_7: number;
	active_days_30: number;
	active_days_90: number;
	/** Whole days since the last active day; null: never active. */
	days_since_seen: number | null;
	dormant: boolean;
}

export interface AccountActivity {
	account_id: string;
	people: number;
	active_people_30: number;
	dormant_people: number;
	/** Days any of its people was active in the last 30. */
	active_days_30: number;
	days_since_seen: number | null;
}

export interface RollupOptions {
	/** The day the rollup describes (`YYYY-MM-DD`): events up to its end count. */
	asOf: string;
	dormantDays?: number;
}

const ACTIVE_TYPES = ['track', 'page', 'screen'];

/**
 * Each person's account (`person_account`), and the days they were active (`active_day`, as days
 * before `asOf`: 0 is that day itself).
 */
const BASE = `
with bounds as (select ($1::date + 1)::timestamp at time zone 'UTC' as until),
person_account as (
	select distinct on (user_id) user_id, group_id as account_id
	from product_event, bounds
	where user_id is not null and group_id is not null and timestamp < bounds.until
	order by user_id, (type = 'group') desc, timestamp desc
),
active_day as (
	select distinct user_id, $1::date - (timestamp at time zone 'UTC')::date as ago
	from product_event, bounds
	where user_id is not null and type = any($2::text[]) and timestamp < bounds.until
),
person as (
	select p.user_id, p.account_id,
		count(d.ago) filter (where d.ago < 7)::int as active_days_7,
		count(d.ago) filter (where d.ago < 30)::int as active_days_30,
		count(d.ago) filter (where d.ago < 90)::int as active_days_90,
		min(d.ago)::int as days_since_seen
	from person_account p left join active_day d on d.user_id = p.user_id
	group by p.user_id, p.account_id
)`;

export async function personActivity(
	db: Queryable,
	options: RollupOptions
): Promise<PersonActivity[]> {
	return db.query<PersonActivity>(
		`${BASE}
		select *, (days_since_seen is null or days_since_seen >= $3) as dormant
		from person order by account_id, user_id`,
		[options.asOf, ACTIVE_TYPES, options.dormantDays ?? 180]
	);
}

export async function accountActivity(
	db: Queryable,
	options: RollupOptions
): Promise<AccountActivity[]> {
	return db.query<AccountActivity>(
		`${BASE},
		account_day as (
			select p.account_id, count(distinct d.ago) filter (where d.ago < 30)::int as days_30
			from person_account p join active_day d on d.user_id = p.user_id
			group by p.account_id
		)
		select person.account_id,
			count(*)::int as people,
			count(*) filter (where person.active_days_30 > 0)::int as active_people_30,
			count(*) filter (where person.days_since_seen is null or person.days_since_seen >= $3)::int
				as dormant_people,
			coalesce(max(account_day.days_30), 0)::int as active_days_30,
			min(person.days_since_seen)::int as days_since_seen
		from person left join account_day using (account_id)
		group by person.account_id order by person.account_id`,
		[options.asOf, ACTIVE_TYPES, options.dormantDays ?? 180]
	);
}
