/** The messages between the Plays pages and the worker that plans plays over the store. */
import type { IsoDate, Plan, Play } from '$lib/engine';

/** Which accounts a dry run looks at. */
export type AccountChoice =
	| { kind: 'all' }
	| { kind: 'segment'; segment: string }
	| { kind: 'picked'; ids: string[] }
	| { kind: 'random'; size: number; seed: number };

export interface PlanRequest {
	id: number;
	asOf: IsoDate;
	accounts: AccountChoice;
	/** Only these plays (default: the enabled ones). */
	plays?: string[];
	/** A play as edited, planned in place of the stored one of the same id (or added). */
	edited?: Play;
}

export interface PlanResult {
	plan: Plan;
	/** The plays planned, in the workspace's order (a play that planned nothing too). */
	playIds: string[];
	/** Names of the accounts in the plan, of the plays and of the scorecards. */
	accountNames: Record<string, string>;
	playNames: Record<string, string>;
	scorecardNames: Record<string, string>;
	/** How many accounts the plan looked at. */
	accountsConsidered: number;
	ms: number;
}

export type PlanResponse =
	{ id: number; ok: true; result: PlanResult } | { id: number; ok: false; message: string };
