/**
 * Who may change which records of the team workspace, checked on every commit (a browser's push,
 * a restore): leaders the scorecards, ops the plays, templates and the outbox, CSMs tasks and
 * manual measures, the data (accounts, contacts, history) any of owner, leader and ops; the owner
 * anything, the viewer nothing.
 */
import type { RecordKind } from '../../sync/protocol';
import type { Role } from '../store/people';

const DATA: readonly Role[] = ['owner', 'leader', 'ops'];
const SCORECARDS: readonly Role[] = ['owner', 'leader'];
const PLAYS: readonly Role[] = ['owner', 'ops'];

export const WRITERS: Readonly<Record<RecordKind, readonly Role[]>> = {
	accounts: DATA,
	contacts: DATA,
	snapshots: DATA,
	outcomes: DATA,
	scorecards: SCORECARDS,
	scorecardVersions: SCORECARDS,
	scorecardDrafts: SCORECARDS,
	plays: PLAYS,
	templates: PLAYS,
	outbox: PLAYS,
	settings: PLAYS,
	manualEntries: ['owner', 'leader', 'csm'],
	tasks: ['owner', 'ops', 'csm']
};

const WHAT: Readonly<Record<RecordKind, string>> = {
	accounts: 'accounts',
	contacts: 'contacts',
	snapshots: 'snapshots',
	outcomes: 'outcomes',
	scorecards: 'scorecards',
	scorecardVersions: 'published scorecard versions',
	scorecardDrafts: 'scorecard drafts',
	plays: 'plays',
	templates: 'templates',
	outbox: 'the outbox',
	settings: 'the workspace settings',
	manualEntries: 'manual measures',
	tasks: 'tasks'
};

/** Why `role` may not change records of these kinds, or null when it may. */
export function changeRefusal(role: Role, kinds: Iterable<RecordKind>): string | null {
	for (const kind of kinds) {
		const writers = WRITERS[kind];
		if (!writers.includes(role))
			return `changing ${WHAT[kind]} takes the ${writers.filter((r) => r !== 'owner').join(' or ') || 'owner'} role (yours: ${role})`;
	}
	return null;
}
