/**
 * The dashboard's state: the segment and CSM filters, and everything below them computed from the
 * live portfolio and the cached weekly histories of the accounts in scope.
 */
import { getDatabase, historyRows, type ScorecraftDatabase } from '$lib/db';
import { getLocale } from '$lib/i18n/messages';
import { bandTotals } from './account-rows';
import {
	anomalies,
	atRiskRenewals,
	atRiskView,
	dropsView,
	inScope,
	movers,
	moversView,
	trendInScope,
	type Scope
} from './dashboard';
import type { ListView } from './account-query';
import { LiveQuery } from './live-query.svelte';
import type { Portfolio } from './portfolio.svelte';
import { distinct } from './sort-rows';

export class DashboardState {
	/** Empty means any. */
	segment = $state('');
	csm = $state('');
	readonly #portfolio: Portfolio;
	readonly #asOf: () => string | null;
	readonly #histories;
	readonly #collator = new Intl.Collator(getLocale(), { numeric: true, sensitivity: 'base' });

	constructor(
		portfolio: Portfolio,
		asOf: () => string | null,
		db: ScorecraftDatabase = getDatabase()
	) {
		this.#portfolio = portfolio;
		this.#asOf = asOf;
		this.#histories = new LiveQuery(() => historyRows(db));
	}

	readonly segments = $derived.by(() =>
		distinct(this.#portfolio.all, (row) => row.segment, this.#collator)
	);
	readonly csms = $derived.by(() =>
		distinct(this.#portfolio.all, (row) => row.csm, this.#collator)
	);

	/** The live accounts in scope. */
	readonly rows = $derived.by(() =>
		this.#portfolio.live.filter((row) => inScope(row, { segment: this.segment, csm: this.csm }))
	);
	readonly churnedInScope = $derived.by(
		() =>
			this.#portfolio.all.filter(
				(row) => row.churnedOn !== null && inScope(row, { segment: this.segment, csm: this.csm })
			).length
	);
	readonly bandTotals = $derived.by(() => bandTotals(this.rows, this.#portfolio.bands));
	readonly totalArr = $derived(this.rows.reduce((sum, row) => sum + (row.arr ?? 0), 0));
	/** Every rise and every fall in scope, biggest first: the lists show the first few. */
	readonly movers = $derived(movers(this.rows, this.#collator));
	readonly atRisk = $derived.by(() => {
		const asOf = this.#asOf();
		return asOf ? atRiskRenewals(this.rows, asOf, undefined, this.#collator) : [];
	});
	readonly anomalies = $derived(anomalies(this.rows, this.#collator));

	/** The Accounts list's views of each list in scope, for their "Show all" links. */
	readonly views = $derived.by((): Record<'up' | 'down' | 'atRisk' | 'drops', ListView> => {
		const scope: Scope = { segment: this.segment, csm: this.csm };
		return {
			up: moversView(scope, 'up'),
			down: moversView(scope, 'down'),
			atRisk: atRiskView(scope),
			drops: dropsView(scope)
		};
	});

	/** The weekly trend of the accounts in scope, churned ones counted until they churned. */
	readonly trend = $derived.by(() => {
		const histories = this.#histories.current;
		if (!histories) return [];
		return trendInScope(histories, this.#portfolio.all, { segment: this.segment, csm: this.csm });
	});

	get loading(): boolean {
		return this.#histories.loading;
	}
}
