/**
 * `engine discover`: a scorecard built from the outcomes by forward selection (see
 * `discoverScorecard`), printed as its path (the AUC after each step) and the resulting draft, as
 * readable text or JSON. Starts from the first published scorecard, or from nothing without one.
 */
import { discoverScorecard, type Discovery } from '../../lib/engine/backtest';
import type { Measure, Scorecard } from '../../lib/engine/types';
import { CliError, readWorkspace, UsageError } from '../io';

export interface DiscoverArguments {
	workspace?: string;
	horizon?: string;
	target?: string;
	format?: string;
}

export const discoverUsage =
	'discover --workspace FILE [--horizon 30|60|90] [--target churn|expansion] [--format json]';

const CONVENTION =
	'A low score foresees the event: churn (an outcome "churned"), or for --target expansion not ' +
	'expanding (any outcome but "expanded"). auc: the chance that an account with the event scored ' +
	'below one without (ties count half). Steps are chosen by cross-validation within the training ' +
	'accounts; the held-out accounts only report.';

const REASONS: Record<string, string> = {
	'too-few-outcomes':
		'too few outcomes: at least 5 with the event and 5 without are needed in both the training and the held-out accounts',
	'nothing-found': 'no fact foresees the event: nothing to build a scorecard from',
	'unknown-scorecard': 'no such scorecard'
};

export function toJson(discovery: Discovery): string {
	return `${JSON.stringify(
		{
			format: 'scorecraft-discovery',
			convention: CONVENTION,
			target: discovery.target,
			horizon: discovery.horizon,
			start: discovery.start,
			base_scorecard_id: discovery.baseId,
			steps: discovery.steps.map((step) => ({
				action: step.action,
				measure_id: step.measureId ?? null,
				fact: step.fact ?? null,
				cross_validated_auc: step.crossValidatedAuc,
				held_out_auc: step.heldOutAuc,
				train_auc: step.trainAuc,
				measures: step.measures
			})),
			held_out: discovery.heldOut,
			train: discovery.train,
			skipped_copies: discovery.skippedCopies.map((copy) => ({
				fact: copy.fact,
				copy_of: copy.copyOf
			})),
			scorecard: discovery.scorecard
		},
		null,
		2
	)}\n`;
}

const figure = (value: number | null) => (value === null ? '–' : value.toFixed(3));

/** A scoring in one line: `≥ 58 → 100, ≥ 51 → 91, else 0`, `Month-to-month 0, One year 51`. */
function scoringText(measure: Measure): string {
	const { scoring } = measure;
	let text: string;
	if (scoring.type === 'steps')
		text = [
			...scoring.steps.map((step) =>
				step.min !== undefined ? `≥ ${step.min} → ${step.score}` : `≤ ${step.max} → ${step.score}`
			),
			`else ${scoring.else ?? 0}`
		].join(', ');
	else if (scoring.type === 'map')
		text = [
			...Object.entries(scoring.map).map(([key, score]) => `${key} ${score}`),
			`other ${scoring.else ?? 0}`
		].join(', ');
	else if (scoring.type === 'linear')
		text = `linear through ${scoring.points.map(([x, y]) => `(${x}, ${y})`).join(' ')}`;
	else text = 'a custom rule';
	if (measure.missing?.policy === 'score') text += `; missing ${measure.missing.score}`;
	return text;
}

function scorecardText(scorecard: Scorecard): string[] {
	return [
		`${scorecard.name} (${scorecard.id}), ${scorecard.status}:`,
		...scorecard.groups.flatMap((group) => [
			`  ${group.name} (${group.id}) ${group.weight} %`,
			...group.measures.map(
				(measure) =>
					`    ${measure.name} (${measure.id}) ${measure.weight} %: ${scoringText(measure)}`
			)
		])
	];
}

export function toText(discovery: Discovery): string {
	const rows = [
		['step', 'measure', 'cross-validated', 'held out', 'train', 'measures'],
		...discovery.steps.map((step) => [
			step.action,
			step.measureId ?? '',
			figure(step.crossValidatedAuc),
			figure(step.heldOutAuc),
			figure(step.trainAuc),
			String(step.measures)
		])
	];
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
	const { heldOut } = discovery;
	return `${[
		CONVENTION,
		'',
		`Discovery for ${discovery.target}, ${discovery.horizon} days before each outcome, from ` +
			(discovery.baseId ? `scorecard ${discovery.baseId}` : 'an empty scorecard'),
		...rows.map((row) =>
			`  ${row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`.trimEnd()
		),
		`held-out auc ${figure(heldOut.before)} → ${figure(heldOut.after)} (${heldOut.accounts} outcomes, ${heldOut.events} with the event)`,
		...(discovery.skippedCopies.length > 0
			? [
					'copies considered once: ' +
						discovery.skippedCopies.map((copy) => `${copy.fact} (of ${copy.copyOf})`).join(', ')
				]
			: []),
		'',
		...scorecardText(discovery.scorecard)
	].join('\n')}\n`;
}

export function runDiscover(args: DiscoverArguments): string {
	if (!args.workspace)
		throw new UsageError(`--workspace FILE is required\nusage: engine ${discoverUsage}`);
	const format = args.format ?? 'text';
	if (format !== 'text' && format !== 'json')
		throw new UsageError(`--format expects text or json, got "${format}"`);
	const target = args.target ?? 'churn';
	if (target !== 'churn' && target !== 'expansion')
		throw new UsageError(`--target expects churn or expansion, got "${target}"`);
	let horizon: number | undefined;
	if (args.horizon !== undefined) {
		if (!/^\d+$/.test(args.horizon) || Number(args.horizon) < 1 || Number(args.horizon) > 730)
			throw new UsageError(
				`--horizon expects a number of days (30, 60 or 90, say), got "${args.horizon}"`
			);
		horizon = Number(args.horizon);
	}
	const result = discoverScorecard(readWorkspace(args.workspace), { horizon, target });
	if (!result.ok) throw new CliError(`cannot discover a scorecard: ${REASONS[result.reason]}`);
	return format === 'json' ? toJson(result) : toText(result);
}
