import { resolve } from 'node:path';
import {
	emptyWorkspace,
	type Account,
	type ManualEntry,
	type Scorecard,
	type Snapshot,
	type Workspace
} from '../../src/lib/engine';
import example from '../fixtures/example-workspace.json';

/** The path of a file in tests/fixtures (tests run from the project's root). */
export const fixture = (name: string) => resolve('tests/fixtures', name);

/** The example workspace of the foundation issue, a fresh copy for each caller. */
export function exampleWorkspace(): Workspace {
	return structuredClone(example) as unknown as Workspace;
}

/**
 * The example workspace with both accounts' usage low (a snapshot on 2026-02-01): as of any date
 * from then on, its training play fires for both. Plays fire on data, never on its absence (a
 * comparison with a missing score is false), so runs before the example's own snapshots need this.
 */
export function lowAdoptionExample(): Workspace {
	const workspace = exampleWorkspace();
	workspace.snapshots = workspace.snapshots.map((snapshot) => ({
		...snapshot,
		date: '2026-02-01',
		metrics: { ...snapshot.metrics, active_days_30d: 2 }
	}));
	return workspace;
}

/** A minimal valid workspace holding the given records. */
export function workspaceWith(parts: {
	accounts?: Account[];
	snapshots?: Snapshot[];
	scorecards?: Scorecard[];
	manual_entries?: ManualEntry[];
}): Workspace {
	return {
		...emptyWorkspace(),
		accounts: parts.accounts ?? [],
		snapshots: parts.snapshots ?? [],
		scorecards: parts.scorecards ?? [],
		...(parts.manual_entries ? { manual_entries: parts.manual_entries } : {})
	};
}
