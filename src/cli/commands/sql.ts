/**
 * `engine sql`: the query that scores a workspace's accounts with its scorecards, in a dialect:
 * DuckDB's, PostgreSQL's, or generic (portable SQL for a warehouse to adapt, README "SQL dialects").
 */
import { isIsoDate } from '../../lib/engine/dates';
import { DIALECTS, sqlSchemaOf, type DialectName } from '../../lib/engine/sql';
import { readWorkspace, today, UsageError } from '../io';
import { compiledSql } from '../sql/score-in-sql';

export interface SqlArguments {
	workspace?: string;
	scorecard?: string;
	'as-of'?: string;
	dialect?: string;
}

export const sqlUsage = `sql --workspace FILE [--scorecard ID] [--as-of YYYY-MM-DD] --dialect ${DIALECTS.join('|')}`;

export function runSql(args: SqlArguments): string {
	if (!args.workspace)
		throw new UsageError(`--workspace FILE is required\nusage: engine ${sqlUsage}`);
	const dialect = args.dialect;
	if (!dialect || !(DIALECTS as readonly string[]).includes(dialect))
		throw new UsageError(
			`--dialect expects ${DIALECTS.slice(0, -1).join(', ')} or ${DIALECTS.at(-1)}${dialect ? `, got "${dialect}"` : ''}\nusage: engine ${sqlUsage}`
		);
	const asOf = args['as-of'] ?? today();
	if (!isIsoDate(asOf)) throw new UsageError(`--as-of expects a date as YYYY-MM-DD, got "${asOf}"`);
	const workspace = readWorkspace(args.workspace);
	let scorecards = workspace.scorecards;
	if (args.scorecard !== undefined) {
		scorecards = scorecards.filter((card) => card.id === args.scorecard);
		if (scorecards.length === 0)
			throw new UsageError(
				`--scorecard: the workspace has no scorecard "${args.scorecard}" (it has ${workspace.scorecards.map((card) => card.id).join(', ') || 'none'})`
			);
	}
	const { sql } = compiledSql(
		{ scorecards },
		{ asOf, dialect: dialect as DialectName, schema: sqlSchemaOf(workspace) }
	);
	return `${sql};\n`;
}
