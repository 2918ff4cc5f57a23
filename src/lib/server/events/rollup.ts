/**
 * Product usage rolled up from the stored events, in SQL (the embedded database and PostgreSQL
 * alike), as of the end of a day (UTC).
 *
 * Per person: how often they used the product (active days in the last 7, 30 and 90 days, sessions
 * in the last 30), how broadly (distinct features of the catalogue used in the last 30 days, the
 * advanced ones among them), how deeply (events in the last 30 days), the workflows they completed
 * and the integrations they used; when they were last seen; whether they are dormant (not seen for
 * `dormantDays`, or never) and whether they are a power user (the team's thresholds: active days
 * in the last 30, and a share of the catalogue's features). Per account: its people, those active
 * in the last 30 days (its active seats), the dormant ones and the power users, the days anyone was
 * active, and the features, advanced features and integrations anyone used.
 *
 * A person belongs to the account of their latest `group` call, else of the latest event that named
 * one (`context.groupId`). Activity is what a person did (`track`, `page`, `screen`), not what was
 * said of them (`identify`, `group`). An event is use of the feature its most specific rule names
 * (`../store/feature-catalogue.ts`): a rule on a property's value wins over one on the name alone.
 * A session is a run of a person's events without a gap of 30 minutes.
 *
 * One rollup is one transaction: its steps are temporary tables, each computed once (the people's
 * figures feed the accounts'), with room to sort in memory.
 */
import type { Database } from '../store/database';
import type { UsageSettings } from '../store/feature-catalogue';

export interface PersonUsage {
	user_id: string;
	account_id: string;
	active_days_7: number;
	active_days_30: number;
	active_days_90: number;
	/** When they were last active (ISO); null: never. */
	last_seen: string | null;
	/** Whole days since the last active day; null: never active. */
	days_since_seen: number | null;
	sessions_30: number;
	events_30: number;
	features_30: number;
	advanced_features_30: number;
	workflows_30: number;
	integrations_30: number;
	dormant: boolean;
	power_user: boolean;
}

export interface AccountUsage {
	account_id: string;
	people: number;
	/** People active in the last 30 days: its active seats. */
	active_people_30: number;
	dormant_people: number;
	power_users: number;
	/** Days any of its people was active in the last 7, 30 and 90. */
	active_days_7: number;
	active_days_30: number;
	active_days_90: number;
	/** The mean active days in the last 30 of its people active in the last 90; null: none. */
	active_days_per_person_30: number | null;
	days_since_seen: number | null;
	sessions_30: number;
	events_30: number;
	/** Events of the last 30 days that are use of a catalogue feature. */
	feature_events_30: number;
	features_30: number;
	advanced_features_30: number;
	workflows_30: number;
	integrations_30: number;
}

export interface RollupOptions {
	/** The day the rollup describes (`YYYY-MM-DD`): events up to its end count. */
	asOf: string;
	/** The team's thresholds; the framework's defaults when not given. */
	settings?: Partial<UsageSettings>;
}

const DEFAULTS: UsageSettings = { dormant_days: 180, power_user_days: 20, power_user_breadth: 0.5 };
const ACTIVE = `type in ('track', 'page', 'screen')`;

/**
 * The steps, as temporary tables: each person's account and last activity (`ru_people`,
 * `ru_person_account`); their active
 * events of the last 90 days (`ru_recent`, with `ago` in days before the day: 0 is the day itself),
 * the days among them (`ru_days`), those of the last 30 with their feature (`ru_used`); per person
 * the figures above (`ru_person`). The values are written into the text, checked first: a
 * statement that makes a table takes no parameters.
 */
function steps(asOf: string, settings: UsageSettings): string[] {
	const day = `'${asOf}'::date`;
	const until = `(${day} + 1)::timestamp at time zone 'UTC'`;
	return [
		// Each person once (a skip through the index by user, not a sort of every event), with the
		// account of their latest group call, else of their latest event naming one, and when they
		// were last active: each a look at the end of their run in the index.
		`create temp table ru_people on commit drop as
		with recursive users as (
			(select user_id from product_event where user_id is not null order by user_id limit 1)
			union all
			select (select e.user_id from product_event e where e.user_id > users.user_id
				order by e.user_id limit 1)
			from users where users.user_id is not null
		)
		select u.user_id,
			coalesce(
				(select e.group_id from product_event e
				 where e.user_id = u.user_id and e.type = 'group' and e.timestamp < ${until}
				 order by e.timestamp desc limit 1),
				(select e.group_id from product_event e
				 where e.user_id = u.user_id and e.group_id is not null and e.timestamp < ${until}
				 order by e.timestamp desc limit 1)
			) as account_id,
			(select max(e.timestamp) from product_event e
			 where e.user_id = u.user_id and e.${ACTIVE} and e.timestamp < ${until}) as last_seen
		from users u where u.user_id is not null`,
		`create temp table ru_person_account on commit drop as
		select user_id, account_id from ru_people where account_id is not null`,
		`create temp table ru_recent on commit drop as
		select e.user_id, e.timestamp, e.event, e.properties,
			${day} - (e.timestamp at time zone 'UTC')::date as ago
		from product_event e
		where e.user_id is not null and e.${ACTIVE}
			and e.timestamp < ${until} and e.timestamp >= ${until} - interval '90 days'`,
		`create temp table ru_days on commit drop as select distinct user_id, ago from ru_recent`,
		`create temp table ru_used on commit drop as
		select r.user_id, r.timestamp, m.feature_id, coalesce(f.advanced, false) as advanced,
			coalesce(f.integration, false) as integration, coalesce(m.completion, false) as completion
		from ru_recent r
		left join lateral (
			select rule.feature_id, rule.completion from feature_rule rule
			where rule.event = r.event
				and (rule.property is null or (r.properties ->> rule.property) = rule.value)
			order by (rule.property is null) limit 1
		) m on true
		left join product_feature f on f.id = m.feature_id
		where r.ago < 30`,
		`create temp table ru_person on commit drop as
		with catalogue as (select count(*)::int as size from product_feature),
		sessions as (
			select user_id, count(*) filter (where gap is null or gap > interval '30 minutes')::int as n
			from (
				select user_id,
					timestamp - lag(timestamp) over (partition by user_id order by timestamp) as gap
				from ru_used
			) gaps group by user_id
		),
		use30 as (
			select user_id, count(*)::int as events, count(distinct feature_id)::int as features,
				count(distinct feature_id) filter (where advanced)::int as advanced,
				count(*) filter (where completion)::int as workflows,
				count(distinct feature_id) filter (where integration)::int as integrations
			from ru_used group by user_id
		),
		person_days as (
			select user_id, count(*) filter (where ago < 7)::int as d7,
				count(*) filter (where ago < 30)::int as d30, count(*)::int as d90
			from ru_days group by user_id
		)
		select p.user_id, p.account_id,
			coalesce(d.d7, 0) as active_days_7, coalesce(d.d30, 0) as active_days_30,
			coalesce(d.d90, 0) as active_days_90, seen.last_seen,
			(${day} - (seen.last_seen at time zone 'UTC')::date)::int as days_since_seen,
			coalesce(s.n, 0) as sessions_30, coalesce(u.events, 0) as events_30,
			coalesce(u.features, 0) as features_30, coalesce(u.advanced, 0) as advanced_features_30,
			coalesce(u.workflows, 0) as workflows_30, coalesce(u.integrations, 0) as integrations_30,
			(seen.last_seen is null
				or ${day} - (seen.last_seen at time zone 'UTC')::date >= ${settings.dormant_days})
				as dormant,
			(coalesce(d.d30, 0) >= ${settings.power_user_days}
				and (catalogue.size = 0
					or coalesce(u.features, 0) >= ceil(${settings.power_user_breadth}::numeric * catalogue.size)))
				as power_user
		from ru_person_account p
		cross join catalogue
		left join person_days d on d.user_id = p.user_id
		left join ru_people seen on seen.user_id = p.user_id
		left join sessions s on s.user_id = p.user_id
		left join use30 u on u.user_id = p.user_id`
	];
}

const ACCOUNTS = `
with account_days as (
	select p.account_id, count(distinct d.ago) filter (where d.ago < 7)::int as d7,
		count(distinct d.ago) filter (where d.ago < 30)::int as d30,
		count(distinct d.ago)::int as d90
	from ru_person_account p join ru_days d on d.user_id = p.user_id
	group by p.account_id
),
account_use as (
	select p.account_id, count(u.feature_id)::int as feature_events,
		count(distinct u.feature_id)::int as features,
		count(distinct u.feature_id) filter (where u.advanced)::int as advanced,
		count(distinct u.feature_id) filter (where u.integration)::int as integrations
	from ru_person_account p join ru_used u on u.user_id = p.user_id
	group by p.account_id
)
select person.account_id,
	count(*)::int as people,
	count(*) filter (where person.active_days_30 > 0)::int as active_people_30,
	count(*) filter (where person.dormant)::int as dormant_people,
	count(*) filter (where person.power_user)::int as power_users,
	coalesce(max(ad.d7), 0)::int as active_days_7,
	coalesce(max(ad.d30), 0)::int as active_days_30,
	coalesce(max(ad.d90), 0)::int as active_days_90,
	avg(person.active_days_30) filter (where person.active_days_90 > 0)::float8
		as active_days_per_person_30,
	min(person.days_since_seen)::int as days_since_seen,
	sum(person.sessions_30)::int as sessions_30,
	sum(person.events_30)::int as events_30,
	coalesce(max(au.feature_events), 0)::int as feature_events_30,
	coalesce(max(au.features), 0)::int as features_30,
	coalesce(max(au.advanced), 0)::int as advanced_features_30,
	sum(person.workflows_30)::int as workflows_30,
	coalesce(max(au.integrations), 0)::int as integrations_30
from ru_person person
left join account_days ad on ad.account_id = person.account_id
left join account_use au on au.account_id = person.account_id
group by person.account_id order by person.account_id`;

function checked(options: RollupOptions): UsageSettings {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) || Number.isNaN(Date.parse(options.asOf)))
		throw new RangeError(`asOf must be a day (YYYY-MM-DD), not ${options.asOf}`);
	const settings = { ...DEFAULTS, ...options.settings };
	for (const [name, value] of Object.entries(settings))
		if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
			throw new RangeError(`${name} must be a number of 0 or more, not ${value}`);
	return settings;
}

/**
 * Each account's usage, and (`people`, by default) each person's, as of the end of a day. The
 * people come out in account order.
 */
export async function rollUpUsage(
	db: Database,
	options: RollupOptions & { people?: boolean }
): Promise<{ people: PersonUsage[]; accounts: AccountUsage[] }> {
	const settings = checked(options);
	return db.transaction(async (tx) => {
		// A year of a large product's events sorts far faster in memory than in files on disk.
		await tx.exec(`set local work_mem = '64MB'`);
		for (const step of steps(options.asOf, settings)) await tx.exec(step);
		const people =
			options.people === false
				? []
				: await tx.query<PersonUsage & { last_seen: Date | string | null }>(
						'select * from ru_person order by account_id, user_id'
					);
		const accounts = await tx.query<AccountUsage>(ACCOUNTS);
		return {
			people: people.map((row) => ({
				...row,
				last_seen: row.last_seen === null ? null : new Date(row.last_seen).toISOString()
			})),
			accounts: accounts.map((row) => ({
				...row,
				active_days_per_person_30:
					row.active_days_per_person_30 === null ? null : Number(row.active_days_per_person_30)
			}))
		};
	});
}
