/**
 * The backtest's raw material: every outcome, its account scored as of N days before it by the
 * scorecard that applied to the account then. Facts as of a date use nothing after that date
 * (account fields, people's usage, the latest snapshot on or before it), so no score looks ahead.
 */
import { addDays } from '../dates';
import { FactsSource } from '../facts';
import type { Backend } from '../logic';
import { PEOPLE_FACT_NAMES } from '../people';
import {
	compileScorecards,
	factsNeedsOf,
	selectScorecard,
	type CompiledScorecard
} from '../scoring';
import type { Account, Outcome, Workspace } from '../types';
import type { Observation } from './types';

/**
 * What the backtest foresees. A low score goes with the event to avoid: churn, or for
 * `expansion` not expanding (so that Green means ready to grow).
 */
export type Target = 'churn' | 'expansion';

/** Whether an outcome is the event of `target`: an Observation's `churned` holds this. */
export function isEvent(type: Outcome['type'], target: Target = 'churn'): boolean {
	return target === 'expansion' ? type !== 'expanded' : type === 'churned';
}

export interface Observed {
	/** Each published scorecard's outcomes, scored or not ("No data": overall NaN). */
	byScorecard: Map<string, Observation[]>;
	/** Outcomes no published scorecard applied to. */
	unscored: number;
}

/**
 * The people-level facts no account field, account fact or snapshot metric supplies: contacts
 * keep only their latest usage, so these describe the people as they are now, not as of a date.
 */
export function lookAheadFacts(workspace: Workspace): string[] {
	if (!workspace.contacts.some((contact) => contact.last_seen || contact.metrics)) return [];
	const supplied = new Set<string>();
	for (const account of workspace.accounts) {
		for (const key in account) supplied.add(key);
		for (const key in account.facts) supplied.add(key);
	}
	for (const snapshot of workspace.snapshots) for (const key in snapshot.metrics) supplied.add(key);
	return PEOPLE_FACT_NAMES.filter((name) => !supplied.has(name));
}

export class Observer {
	readonly scorecards: CompiledScorecard[];
	readonly lookAheadFacts: string[];
	readonly #workspace: Workspace;
	readonly #accounts: Map<string, Account>;
	readonly #source: FactsSource;
	readonly #target: Target;

	constructor(workspace: Workspace, backend: Backend = 'auto', target: Target = 'churn') {
		this.#workspace = workspace;
		this.#target = target;
		this.scorecards = compileScorecards(workspace.scorecards, backend);
		this.#accounts = new Map(workspace.accounts.map((account) => [account.id, account]));
		this.#source = new FactsSource(workspace, factsNeedsOf(this.scorecards));
		this.lookAheadFacts = lookAheadFacts(workspace);
	}

	/** Every outcome scored as of `horizon` days before its date. */
	at(horizon: number): Observed {
		const byScorecard = new Map<string, Observation[]>(
			this.scorecards.map((card) => [card.id, []])
		);
		let unscored = 0;
		for (const outcome of this.#workspace.outcomes) {
			const account = this.#accounts.get(outcome.account_id);
			if (!account) continue;
			const asOf = addDays(outcome.date, -horizon);
			const facts = this.#source.on(account, asOf);
			const card = selectScorecard(this.scorecards, facts);
			if (!card) {
				unscored++;
				continue;
			}
			const scores = new Float64Array(card.resultLength);
			card.scoreInto(facts, scores);
			byScorecard.get(card.id)!.push({
				accountId: account.id,
				outcomeDate: outcome.date,
				asOf,
				churned: isEvent(outcome.type, this.#target),
				scores,
				facts
			});
		}
		return { byScorecard, unscored };
	}
}
