/**
 * `engine score`: every account's score as of a date, as JSON or CSV; by the engine in JavaScript,
 * or (`--engine`) in SQL on DuckDB (the workspace, or a folder of files with `--data`) or on a
 * PostgreSQL database's tables, printed alike.
 */
import { scoreWorkspace, type Workspace } from '../../lib/engine';
import { isIsoDate } from '../../lib/engine/dates';
import { ENGINES, type EngineName } from '../../lib/engine/sql/dialect';
import { csvRow } from '../../lib/csv-cell';
import { readWorkspace, today, UsageError, type CommandOutput } from '../io';
import { scoreInSql, type ScoreRecord } from '../sql/score-in-sql';

export interface ScoreArguments {
	workspace?: string;
	'as-of'?: string;
	format?: string;
	engine?: string;
	'database-url'?: string;
	data?: string;
}

export const scoreUsage = `score --workspace FILE [--as-of YYYY-MM-DD] [--format json|csv] [--engine js|${ENGINES.join('|')} [--database-url URL | --data DIR]]`;

/** The record the command prints: the engine's result without the explanation's weight shares. */
function record(score: ScoreRecord) {
	const measures: Record<string, { value: unknown; score: number | null }> = {};
	for (const [id, measure] of Object.entries(score.measures))
		measures[id] = { value: measure.value, score: measure.score };
	return {
		account_id: score.account_id,
		scorecard_id: score.scorecard_id,
		overall: score.overall,
		band: score.band,
		groups: score.groups,
		measures,
		missing: score.missing
	};
}

/** One column per group id across all scorecards, in the order they first appear. */
function groupColumns(workspace: Workspace): string[] {
	const ids = new Set<string>();
	for (const card of workspace.scorecards) for (const group of card.groups) ids.add(group.id);
	return [...ids];
}

const BASE_COLUMNS = ['account_id', 'scorecard_id', 'overall', 'band'];

export function toCsv(workspace: Workspace, scores: readonly ScoreRecord[]): string {
	const groups = groupColumns(workspace);
	const header = [
		...BASE_COLUMNS,
		...groups.map((id) => (BASE_COLUMNS.includes(id) || id === 'missing' ? `group_${id}` : id)),
		'missing'
	];
	const rows = scores.map((score) =>
		csvRow([
			score.account_id,
			score.scorecard_id,
			score.overall,
			score.band,
			...groups.map((id) => score.groups[id]),
			score.missing.join(';')
		])
	);
	return [csvRow(header), ...rows].join('\n') + '\n';
}

export function toJson(scores: readonly ScoreRecord[]): string {
	if (scores.length === 0) return '[]\n';
	return `[\n${scores.map((score) => JSON.stringify(record(score))).join(',\n')}\n]\n`;
}

export function runScore(args: ScoreArguments): string | Promise<CommandOutput> {
	if (!args.workspace)
		throw new UsageError(`--workspace FILE is required\nusage: engine ${scoreUsage}`);
	const asOf = args['as-of'] ?? today();
	if (!isIsoDate(asOf)) throw new UsageError(`--as-of expects a date as YYYY-MM-DD, got "${asOf}"`);
	const format = args.format ?? 'json';
	if (format !== 'json' && format !== 'csv')
		throw new UsageError(`--format expects json or csv, got "${format}"`);
	const engine = args.engine ?? 'js';
	if (engine !== 'js' && !(ENGINES as readonly string[]).includes(engine))
		throw new UsageError(`--engine expects js, ${ENGINES.join(' or ')}, got "${engine}"`);
	if (engine === 'postgres' && !args['database-url'])
		throw new UsageError(
			'--engine postgres scores the tables accounts and snapshots of --database-url URL'
		);
	if (engine !== 'postgres' && args['database-url'])
		throw new UsageError('--database-url goes with --engine postgres');
	if (engine !== 'duckdb' && args.data !== undefined)
		throw new UsageError('--data DIR goes with --engine duckdb (DuckDB reads the files in place)');
	const workspace = readWorkspace(args.workspace);
	const print = (scores: readonly ScoreRecord[]) =>
		format === 'csv' ? toCsv(workspace, scores) : toJson(scores);
	if (engine === 'js') return print(scoreWorkspace(workspace, asOf));
	return scoreInSql(workspace, {
		engine: engine as EngineName,
		asOf,
		databaseUrl: args['database-url'],
		data: args.data
	}).then((scores) => ({ stdout: print(scores), stderr: '', exitCode: 0 }));
}
