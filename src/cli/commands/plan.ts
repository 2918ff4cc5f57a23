/**
 * `engine plan`: what the workspace's enabled plays would do as of a date, as JSON or CSV. A play
 * reading a group or measure that some accounts' scorecard lacks is named on stderr: it can never
 * fire for those accounts, which an empty plan alone would not say.
 */
import {
	planPlays,
	type OutboxEntry,
	type PlanEntry,
	type UnresolvedReference
} from '../../lib/engine';
import { isIsoDate } from '../../lib/engine/dates';
import { formatRecords } from '../csv';
import { readWorkspace, today, UsageError, type CommandOutput } from '../io';

export interface PlanArguments {
	workspace?: string;
	'as-of'?: string;
	format?: string;
}

export const planUsage = 'plan --workspace FILE [--as-of YYYY-MM-DD] [--format json|csv]';

/** The printed fields, in this order; `suppression` says why a suppressed entry is. */
const COLUMNS = [
	'play_id',
	'account_id',
	'action',
	'recipient',
	'key',
	'status',
	'reason',
	'suppression'
] as const;

function record(entry: PlanEntry) {
	return {
		play_id: entry.play_id,
		account_id: entry.account_id,
		action: entry.action,
		recipient: entry.recipient,
		key: entry.key,
		status: entry.status,
		reason: entry.reason,
		suppression: entry.suppression ?? null
	};
}

/**
 * One warning line, e.g. `play scale-training reads score.groups.adoption, but 912 of the 912
 * accounts it reaches have no such group (scored by scorecard scale-v2): it cannot fire for them`.
 */
export function unresolvedWarning(reference: UnresolvedReference): string {
	const cards = reference.scorecards
		.map((id) => (id === null ? 'no scorecard' : `scorecard ${id}`))
		.join(', ');
	const accounts = reference.reachable === 1 ? 'account' : 'accounts';
	const have = reference.accounts === 1 ? 'has' : 'have';
	return (
		`warning: play ${reference.play_id} reads ${reference.path}, but ${reference.accounts} of the ` +
		`${reference.reachable} ${accounts} it reaches ${have} no such ${reference.kind} ` +
		`(scored by ${cards}): it cannot fire for them\n`
	);
}

export function runPlan(args: PlanArguments): CommandOutput {
	if (!args.workspace)
		throw new UsageError(`--workspace FILE is required\nusage: engine ${planUsage}`);
	const asOf = args['as-of'] ?? today();
	if (!isIsoDate(asOf)) throw new UsageError(`--as-of expects a date as YYYY-MM-DD, got "${asOf}"`);
	const format = args.format ?? 'json';
	if (format !== 'json' && format !== 'csv')
		throw new UsageError(`--format expects json or csv, got "${format}"`);
	const workspace = readWorkspace(args.workspace);
	// The workspace's outbox is the history: cooldowns and caps count what it holds.
	const history = (workspace.outbox ?? []) as unknown as OutboxEntry[];
	const plan = planPlays({ workspace, asOf, history });
	return {
		stdout: formatRecords(plan.entries.map(record), COLUMNS, format),
		stderr: plan.unresolved.map(unresolvedWarning).join(''),
		exitCode: 0
	};
}
