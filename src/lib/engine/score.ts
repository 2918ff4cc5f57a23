/** Scoring a whole workspace as of a date: the entry point the pages, the server and the CLI share. */
import { FactsBuilder, SnapshotIndex } from './facts';
import type { Backend } from './logic';
import { compileScorecards, scoreFacts } from './scoring';
import type { AccountScore, IsoDate, Workspace } from './types';

export interface ScoreOptions {
	backend?: Backend;
}

/** One result per account, in the workspace's order; accounts no scorecard applies to are unscored. */
export function scoreWorkspace(
	workspace: Workspace,
	asOf: IsoDate,
	options: ScoreOptions = {}
): AccountScore[] {
	const scorecards = compileScorecards(workspace.scorecards, options.backend);
	const snapshots = new SnapshotIndex(workspace.snapshots);
	const facts = new FactsBuilder(workspace.accounts, workspace.snapshots);
	return workspace.accounts.map((account) =>
		scoreFacts(
			scorecards,
			facts.build(account, snapshots.latestOnOrBefore(account.id, asOf)),
			account.id
		)
	);
}
