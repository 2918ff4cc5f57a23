/** Scoring a whole workspace as of a date: the entry point the pages, the server and the CLI share. */
import { FactsSource } from './facts';
import type { Backend } from './logic';
import { compileScorecards, factsNeedsOf, scoreFacts } from './scoring';
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
	const facts = new FactsSource(workspace, factsNeedsOf(scorecards));
	return workspace.accounts.map((account) =>
		scoreFacts(scorecards, facts.on(account, asOf), account.id)
	);
}
