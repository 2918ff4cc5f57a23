/** `engine plan`: what the workspace's enabled plays would do as of a date, as JSON or CSV. */
import { planPlays, type OutboxEntry, type PlanEntry } from '../../lib/engine';
import { isIsoDate } from '../../lib/engine/dates';
import { formatRecords } from '../csv';
import { readWorkspace, today, UsageError } from '../io';

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

export function runPlan(args: PlanArguments): string {
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
	const records = planPlays({ workspace, asOf, history }).entries.map(record);
	return formatRecords(records, COLUMNS, format);
}
