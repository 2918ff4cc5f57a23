/** The sample workspace: accounts, their people, a weekly history, renewals and the shipped scorecards. */
import { isIsoDate } from '../dates';
import { MAX_SAMPLE_ACCOUNT_WEEKS, MAX_SAMPLE_ACCOUNTS } from '../limits';
import { Random } from '../random';
import type { Account, Contact, IsoDate, Outcome, Snapshot, Workspace } from '../types';
import { emptyWorkspace } from '../workspace/empty';
import { sampleAccount, settleRenewal } from './accounts';
import { Calendar } from './calendar';
import { sampleContacts } from './contacts';
import { inJapanese } from './japanese';
import type { SampleLanguage } from './language';
import { CompanyNames } from './names';
import { shippedPlays, withContactStates } from './plays';
import { shippedScorecards } from './scorecards';
import { segmentAt } from './segments';
import { simulate } from './simulate';

export interface SampleOptions {
	/** Same seed, same workspace; default 1. */
	seed?: number;
	/** Default 2,000; at most MAX_SAMPLE_ACCOUNTS. */
	accounts?: number;
	/** The date of the last weekly snapshot; default `SAMPLE_END`. */
	end?: IsoDate;
	/** Weeks of history ending at `end`; default 52. Accounts × weeks: at most MAX_SAMPLE_ACCOUNT_WEEKS. */
	weeks?: number;
	/**
	 * `ja`: the same sample told for a Japanese team (companies, people, yen, Japanese scorecards
	 * and plays: `japanese.ts`); default `en`.
	 */
	language?: SampleLanguage;
}

export const SAMPLE_END = '2026-11-23';

/**
 * A separate generator per account, seeded from the sample's seed and the account's index, so an
 * account's story does not depend on how many draws the accounts before it took.
 */
function accountSeed(seed: number, index: number): number {
	let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
	return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Why a sample of `accounts` over `weeks` is too large to generate (it would exhaust memory, or
 * make a file no JavaScript string can hold), or null. Callers taking sizes from people ask first.
 */
export function sampleSizeProblem(accounts: number, weeks: number): string | null {
	if (accounts > MAX_SAMPLE_ACCOUNTS)
		return `at most ${MAX_SAMPLE_ACCOUNTS} accounts, got ${accounts}`;
	if (accounts * weeks > MAX_SAMPLE_ACCOUNT_WEEKS)
		return `${accounts} accounts over ${weeks} weeks make ${accounts * weeks} weekly snapshots: at most ${MAX_SAMPLE_ACCOUNT_WEEKS} (accounts × weeks), so fewer accounts or weeks`;
	return null;
}

/** A valid workspace of fake but plausible data; the same options always give the same workspace. */
export function generateSample(options: SampleOptions = {}): Workspace {
	const {
		seed = 1,
		accounts: count = 2000,
		end = SAMPLE_END,
		weeks = 52,
		language = 'en'
	} = options;
	if (!Number.isInteger(count) || count < 0)
		throw new RangeError(`accounts must be a whole number ≥ 0, got ${count}`);
	if (!Number.isInteger(weeks) || weeks < 1)
		throw new RangeError(`weeks must be a whole number ≥ 1, got ${weeks}`);
	if (!isIsoDate(end)) throw new RangeError(`end must be a date as YYYY-MM-DD, got ${end}`);
	const problem = sampleSizeProblem(count, weeks);
	if (problem) throw new RangeError(problem);

	const calendar = new Calendar(end);
	// Days count from `end` (day 0); the weekly snapshot dates run oldest first up to it.
	const firstDay = -7 * (weeks - 1);
	const dates = Array.from({ length: weeks }, (_, week) => calendar.date(firstDay + 7 * week));
	const names = new CompanyNames();
	const segmentOffset = new Random(seed).next();
	const accounts: Account[] = [];
	const contacts: Contact[] = [];
	const snapshots: Snapshot[] = [];
	const outcomes: Outcome[] = [];

	for (let index = 0; index < count; index++) {
		const random = new Random(accountSeed(seed, index));
		const profile = segmentAt(index, segmentOffset);
		const draft = sampleAccount(index, profile, firstDay, calendar, names, random);
		const history = simulate(draft.plan, dates, random);
		accounts.push(settleRenewal(draft.account, history.outcome, random));
		for (const snapshot of history.snapshots) snapshots.push(snapshot);
		if (history.outcome) outcomes.push(history.outcome);
		const people = sampleContacts(
			{
				accountId: draft.account.id,
				domain: draft.domain,
				profile,
				featuresAvailable: draft.plan.featuresAvailable,
				startDay: draft.startDay,
				lastDay: firstDay + 7 * history.lastWeek,
				health: history.health
			},
			calendar,
			random
		);
		for (const contact of people) contacts.push(contact);
	}

	const reachable = withContactStates(accounts, contacts, end);
	const sample: Workspace = {
		...emptyWorkspace(),
		accounts: reachable.accounts,
		contacts: reachable.contacts,
		snapshots,
		outcomes,
		scorecards: shippedScorecards(),
		plays: shippedPlays()
	};
	return language === 'ja' ? inJapanese(sample, seed) : sample;
}
