/** `engine score`: every account's score as of a date, as JSON or CSV. */
import { scoreWorkspace, type AccountScore, type Workspace } from '../../lib/engine';
import { isIsoDate } from '../../lib/engine/dates';
import { csvRow } from '../../lib/csv-cell';
import { readWorkspace, today, UsageError } from '../io';

export interface ScoreArguments {
	workspace?: string;
	'as-of'?: string;
	format?: string;
}

export const scoreUsage = 'score --workspace FILE [--as-of YYYY-MM-DD] [--format json|csv]';

/** The record the command prints: the engine's result without the explanation's weight shares. */
function record(score: AccountScore) {
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

export function toCsv(workspace: Workspace, scores: readonly AccountScore[]): string {
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

export function toJson(scores: readonly AccountScore[]): string {
	if (scores.length === 0) return '[]\n';
	return `[\n${scores.map((score) => JSON.stringify(record(score))).join(',\n')}\n]\n`;
}

export function runScore(args: ScoreArguments): string {
	if (!args.workspace)
		throw new UsageError(`--workspace FILE is required\nusage: engine ${scoreUsage}`);
	const asOf = args['as-of'] ?? today();
	if (!isIsoDate(asOf)) throw new UsageError(`--as-of expects a date as YYYY-MM-DD, got "${asOf}"`);
	const format = args.format ?? 'json';
	if (format !== 'json' && format !== 'csv')
		throw new UsageError(`--format expects json or csv, got "${format}"`);
	const workspace = readWorkspace(args.workspace);
	const scores = scoreWorkspace(workspace, asOf);
	return format === 'csv' ? toCsv(workspace, scores) : toJson(scores);
}
