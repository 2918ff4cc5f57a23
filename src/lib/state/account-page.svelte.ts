/**
 * The account page's state: the account read live from the store, its breakdown, facts and people
 * as of the scores' date, and why its score moved between two dates the user picks, scored by the
 * engine on a workspace of just this account.
 */
import {
	accountDetail,
	accountWorkspace,
	getDatabase,
	workspaceCurrency,
	type ScorecraftDatabase
} from '$lib/db';
import {
	explainChange,
	FactsSource,
	groupNames,
	peopleFacts,
	scoreWorkspace,
	type AccountScore,
	type IsoDate
} from '$lib/engine';
import { addDays, isIsoDate } from '$lib/engine/dates';
import {
	breakdown,
	contactLines,
	factLines,
	featuresAvailableIn,
	moveLines,
	type MoveLine
} from './account-detail';
import { accountRows, bandOrder } from './account-rows';
import { LiveQuery } from './live-query.svelte';

export interface ScoreMove {
	before: AccountScore;
	after: AccountScore;
	/** The overall change in points, at full precision; null when either date has no score. */
	change: number | null;
	moves: MoveLine[];
}

export class AccountPage {
	readonly #detail;
	readonly #scope;
	readonly #currency;
	readonly #asOf: () => IsoDate | null;
	/** The dates the user typed; null until they do, so the defaults follow the as-of date. */
	#from: string | null = $state(null);
	#to: string | null = $state(null);

	constructor(
		id: () => string,
		asOf: () => IsoDate | null,
		db: ScorecraftDatabase = getDatabase()
	) {
		this.#asOf = asOf;
		this.#detail = new LiveQuery(() => accountDetail(db, id()), id);
		this.#scope = new LiveQuery(() => accountWorkspace(db, id()), id);
		this.#currency = new LiveQuery(() => workspaceCurrency(db));
	}

	get currency(): string {
		return this.#currency.current ?? 'USD';
	}

	get loading(): boolean {
		return this.#detail.loading || this.#scope.loading;
	}

	get error(): string | null {
		return this.#detail.error ?? this.#scope.error;
	}

	/** True once the store has answered that no account has this id. */
	get notFound(): boolean {
		return this.#detail.current === null;
	}

	get detail() {
		return this.#detail.current ?? null;
	}

	get asOf(): IsoDate | null {
		return this.#asOf();
	}

	readonly scorecards = $derived.by(() => this.#scope.current?.workspace.scorecards ?? []);
	readonly scorecard = $derived(
		this.scorecards.find((card) => card.id === this.detail?.score?.scorecard_id) ?? null
	);
	/** The account as the lists show it: band, 30-day change, churn. */
	readonly row = $derived.by(() => {
		const detail = this.detail;
		if (!detail) return null;
		return accountRows([detail], this.scorecards, bandOrder(this.scorecards))[0] ?? null;
	});

	/**
	 * The weekly history as lines: the overall score, then each group, those of the account's
	 * scorecard first in its order, then any other group that has a score on some date.
	 */
	readonly trend = $derived.by(() => {
		const history = this.detail?.history;
		if (!history) return null;
		const names = groupNames(this.scorecards, this.scorecard);
		const own = this.scorecard?.groups.map((group) => group.id) ?? [];
		const ids = [
			...own.filter((id) => id in history.groups),
			...Object.keys(history.groups).filter(
				(id) => !own.includes(id) && history.groups[id]!.some((value) => value !== null)
			)
		];
		return {
			dates: history.dates,
			overall: history.overall,
			groups: ids.map((id) => ({ id, name: names.get(id) ?? id, values: history.groups[id]! }))
		};
	});

	/** The engine's facts source over this account's records: the same facts the scorecard read. */
	readonly #source = $derived.by(() =>
		this.#scope.current ? new FactsSource(this.#scope.current.workspace) : null
	);

	readonly facts = $derived.by(() => {
		const scope = this.#scope.current;
		const asOf = this.asOf;
		if (!scope || !this.#source || !asOf) return null;
		const facts = this.#source.on(scope.account, asOf);
		const snapshot = this.#source.snapshots.latestOnOrBefore(scope.account.id, asOf);
		const features = featuresAvailableIn(facts);
		const people = peopleFacts(scope.workspace.contacts, features, asOf);
		return {
			snapshot: snapshot ?? null,
			lines: factLines(facts, scope.account, snapshot, people),
			contacts: contactLines(scope.workspace.contacts, features, asOf, scope.account),
			raw: facts
		};
	});

	readonly breakdown = $derived(
		this.scorecard && this.detail?.score && this.facts
			? breakdown(this.scorecard, this.detail.score, this.facts.raw)
			: []
	);

	get from(): string {
		return this.#from ?? (this.asOf ? addDays(this.asOf, -30) : '');
	}

	set from(value: string) {
		this.#from = value;
	}

	get to(): string {
		return this.#to ?? this.asOf ?? '';
	}

	set to(value: string) {
		this.#to = value;
	}

	/** Both dates are real dates: the change can be explained. */
	readonly datesValid = $derived(isIsoDate(this.from) && isIsoDate(this.to));

	readonly moved: ScoreMove | null = $derived.by(() => {
		const scope = this.#scope.current;
		if (!scope || !this.datesValid) return null;
		const [before] = scoreWorkspace(scope.workspace, this.from);
		const [after] = scoreWorkspace(scope.workspace, this.to);
		if (!before || !after) return null;
		return {
			before,
			after,
			change:
				before.overall !== null && after.overall !== null ? after.overall - before.overall : null,
			moves: moveLines(
				explainChange(before, after),
				scope.workspace.scorecards,
				scope.workspace.scorecards.find((card) => card.id === after.scorecard_id)
			)
		};
	});
}
