/**
 * The tables scorecards are scored from in SQL, with the workspace's shape: `accounts` (the fields
 * every account has as columns; its `facts`, its tags and any other field in one JSON column),
 * `snapshots` (an account's metrics on a date, in one JSON column), `contacts` (people, with their
 * own usage `metrics` in JSON, for the people facts) and `manual_entries` (the values people enter
 * for manual measures; `value` is JSON, so a number, a boolean or text keeps its type). A data team
 * makes these as views over its own tables; the command line loads a workspace file into them.
 */
import { DIALECT, type DialectName } from './dialect';

export const ACCOUNT_COLUMNS = ['id', 'name', 'segment', 'arr', 'renewal_date', 'csm'] as const;

/** `create table` statements for the tables, in this dialect. */
export function tablesSql(dialect: DialectName): string[] {
	const { types } = DIALECT[dialect];
	return [
		`create table accounts (
  id ${types.text} primary key,
  name ${types.text},
  segment ${types.text},
  arr ${types.number},
  renewal_date ${types.text},
  csm ${types.text},
  facts ${types.json}
)`,
		`create table snapshots (
  account_id ${types.text} not null,
  date ${types.date} not null,
  metrics ${types.json},
  primary key (account_id, date)
)`,
		`create table contacts (
  id ${types.text} primary key,
  account_id ${types.text} not null,
  email ${types.text},
  name ${types.text},
  role ${types.text},
  last_seen ${types.text},
  unsubscribed_at ${types.text},
  metrics ${types.json}
)`,
		`create table manual_entries (
  account_id ${types.text} not null,
  measure_id ${types.text} not null,
  value ${types.json} not null,
  comment ${types.text},
  entered_by ${types.text},
  entered_at ${types.text} not null
)`
	];
}
