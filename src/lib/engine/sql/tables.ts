/**
 * The tables scorecards are scored from in SQL, with the workspace's shape: `accounts` (the fields
 * every account has as columns; its `facts`, its tags and any other field in one JSON column) and
 * `snapshots` (an account's metrics on a date, in one JSON column). A data team makes these as
 * views over its own tables; the command line loads a workspace file into them.
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
)`
	];
}
