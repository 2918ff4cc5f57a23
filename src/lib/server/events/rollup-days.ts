/**
 * The days rolled up so far (`usage_rollup`): each with when it was last rolled up and how many
 * accounts and people it wrote, so the job knows where to start again and the page can say it.
 */
import type { Queryable } from '../store/database';

export interface RolledDay {
	day: string;
	rolled_at: string;
	accounts: number;
	people: number;
}

interface Row {
	day: string | Date;
	rolled_at: string | Date;
	accounts: number;
	people: number;
}

const dayText = (day: string | Date) =>
	typeof day === 'string' ? day.slice(0, 10) : day.toISOString().slice(0, 10);

export async function latestRollup(db: Queryable): Promise<RolledDay | null> {
	const [row] = await db.query<Row>(
		'select day::text as day, rolled_at, accounts, people from usage_rollup order by day desc limit 1'
	);
	return row
		? {
				day: dayText(row.day),
				rolled_at: new Date(row.rolled_at).toISOString(),
				accounts: row.accounts,
				people: row.people
			}
		: null;
}

export async function recordRollup(
	db: Queryable,
	day: string,
	counts: { accounts: number; people: number }
): Promise<void> {
	await db.query(
		`insert into usage_rollup (day, accounts, people) values ($1, $2, $3)
		 on conflict (day) do update set rolled_at = now(), accounts = excluded.accounts,
		   people = excluded.people`,
		[day, counts.accounts, counts.people]
	);
}
