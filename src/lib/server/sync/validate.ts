/**
 * The schema check of a commit's records: the records a browser sends (or a restore writes) are
 * put into a workspace of their own, with the records they refer to (their accounts; the
 * scorecards plays read), and checked as a whole file is, so a record is valid on the server
 * exactly when it would be in a file. Problems name the record and the field.
 */
import { emptyWorkspace, parseWorkspace, type Workspace } from '../../engine';
import { isRecordKind, OUTBOUND_KINDS, type RecordKind } from '../../sync/protocol';
import { idOfBody, LIST_OF } from './mapping';
import type { RecordWrite } from '../store/records';

/** What the records refer to, as held now: the accounts named, the scorecards (for plays). */
export interface RecordContext {
	accounts: readonly unknown[];
	scorecards: readonly unknown[];
}

export type CheckedRecords =
	{ ok: true; writes: RecordWrite[] } | { ok: false; problems: string[] };

const MAX_ID = 512;
const MAX_PROBLEMS = 20;

/** Kinds whose records name an account by `account_id`. */
export const ACCOUNT_BOUND: ReadonlySet<RecordKind> = new Set([
	'contacts',
	'snapshots',
	'outcomes',
	'manualEntries'
]);

/** The accounts the records name that they do not bring themselves. */
export function accountsNamed(writes: readonly RecordWrite[]): string[] {
	const brought = new Set(writes.filter((w) => w.kind === 'accounts').map((w) => w.id));
	const named = new Set<string>();
	for (const write of writes) {
		if (!ACCOUNT_BOUND.has(write.kind) || write.body === null) continue;
		const id = (write.body as { account_id?: unknown }).account_id;
		if (typeof id === 'string' && !brought.has(id)) named.add(id);
	}
	return [...named];
}

/** Checks shapes, ids and the schema; the writes come back with their bodies as the schema reads them. */
export function checkRecords(
	writes: readonly RecordWrite[],
	context: RecordContext
): CheckedRecords {
	const problems: string[] = [];
	for (const write of writes) {
		const problem = shapeProblem(write);
		if (problem) problems.push(problem);
		if (problems.length >= MAX_PROBLEMS) break;
	}
	if (problems.length) return { ok: false, problems };

	// Each kind's records first in its list (so an issue's index finds its record), then the context.
	const byKind = new Map<RecordKind, RecordWrite[]>();
	for (const write of writes) {
		if (write.body === null) continue;
		const list = byKind.get(write.kind);
		if (list) list.push(write);
		else byKind.set(write.kind, [write]);
	}
	const file: Record<string, unknown> = { ...emptyWorkspace() };
	for (const [kind, list] of byKind) {
		if (kind === 'settings') file.settings = (list[0]!.body as { value?: unknown }).value;
		else file[LIST_OF[kind]] = list.map((write) => write.body);
	}
	(file.accounts as unknown[]).push(...context.accounts);
	if (byKind.has('plays')) {
		const own = new Set(byKind.get('scorecards')?.map((write) => write.id));
		(file.scorecards as unknown[]).push(
			...context.scorecards.filter((card) => !own.has((card as { id: string }).id))
		);
	}
	const parsed = parseWorkspace(file);
	if (!parsed.ok)
		return {
			ok: false,
			problems: parsed.errors.slice(0, MAX_PROBLEMS).map(({ path, message }) => {
				const at = recordAt(path, byKind);
				return at
					? `${at.name}: ${at.rest ? `${at.rest}: ` : ''}${message}`
					: `${path}: ${message}`;
			})
		};
	const indexes = new Map<RecordWrite, number>();
	for (const list of byKind.values()) list.forEach((write, index) => indexes.set(write, index));
	return { ok: true, writes: writes.map((write) => readBack(write, indexes, parsed.value)) };
}

function shapeProblem(write: RecordWrite): string | null {
	if (!isRecordKind(write.kind))
		return `unknown kind of record ${JSON.stringify(String(write.kind).slice(0, 40))}`;
	if (typeof write.id !== 'string' || write.id === '' || write.id.length > MAX_ID)
		return `${write.kind}: expected an id of 1 to ${MAX_ID} characters`;
	if (write.body === null) return null;
	if (typeof write.body !== 'object' || Array.isArray(write.body))
		return `${write.kind} ${write.id}: expected an object`;
	if (OUTBOUND_KINDS.has(write.kind)) return null;
	const own = idOfBody(write.kind, write.body);
	if (own !== write.id)
		return `${write.kind} ${write.id}: the record's own key (${own ?? 'none'}) differs from its id`;
	return null;
}

/** The record an issue's path (`snapshots[3].metrics.x`) points into, when it is one of the commit's. */
function recordAt(
	path: string,
	byKind: ReadonlyMap<RecordKind, RecordWrite[]>
): { name: string; rest: string } | null {
	if (path.startsWith('settings'))
		return { name: 'settings', rest: path.slice('settings.'.length) };
	const match = /^([a-z_]+)\[(\d+)\]\.?(.*)$/.exec(path);
	if (!match) return null;
	const kind = (Object.keys(LIST_OF) as RecordKind[]).find((k) => LIST_OF[k] === match[1]);
	const write = kind ? byKind.get(kind)?.[Number(match[2])] : undefined;
	return write ? { name: `${write.kind} ${write.id}`, rest: match[3] ?? '' } : null;
}

function readBack(
	write: RecordWrite,
	indexes: ReadonlyMap<RecordWrite, number>,
	workspace: Workspace
): RecordWrite {
	if (write.body === null) return write;
	if (write.kind === 'settings')
		return { ...write, body: { ...(write.body as object), value: workspace.settings } };
	const list = workspace[LIST_OF[write.kind]] as unknown[];
	return { ...write, body: list[indexes.get(write)!] };
}
