import { resolve } from 'node:path';
import type { Account, ManualEntry, Scorecard, Snapshot, Workspace } from '../../src/lib/engine';
import example from '../fixtures/example-workspace.json';

/** The path of a file in tests/fixtures (tests run from the project's root). */
export const fixture = (name: string) => resolve('tests/fixtures', name);

/** The example workspace of the foundation issue, a fresh copy for each caller. */
export function exampleWorkspace(): Workspace {
	return structuredClone(example) as unknown as Workspace;
}

/** A minimal valid workspace holding the given records. */
export function workspaceWith(parts: {
	accounts?: Account[];
	snapshots?: Snapshot[];
	scorecards?: Scorecard[];
	manual_entries?: ManualEntry[];
}): Workspace {
	return {
		format: 'scorecraft-workspace',
		version: 1,
		accounts: parts.accounts ?? [],
		contacts: [],
		snapshots: parts.snapshots ?? [],
		outcomes: [],
		scorecards: parts.scorecards ?? [],
		plays: [],
		templates: [],
		settings: {},
		...(parts.manual_entries ? { manual_entries: parts.manual_entries } : {})
	};
}
