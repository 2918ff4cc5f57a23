/**
 * The accounts a preview can score and their facts as of one date, built once per load of the
 * workspace. Only the facts' extras grow on demand: the periods of decayed measures and the look-back
 * of last-known values are attached when a scorecard first needs them.
 */
import {
	churnedBy,
	FactsSource,
	type Account,
	type Facts,
	type IsoDate,
	type Workspace
} from '$lib/engine';
import type { FactsNeeds } from '$lib/engine/facts';

const UNLISTED = new Set(['manual', 'manual_age']);

export class AccountsFacts {
	/** The live accounts: not churned by the as-of date, as the dashboard counts them. */
	readonly accounts: Account[];
	readonly asOf: IsoDate;
	readonly #workspace: Workspace;
	#facts: Facts[] | null = null;
	#needs: Required<FactsNeeds> = { decayPeriods: 0, lastKnownDays: 0 };
	#fields: string[] | null = null;

	constructor(workspace: Workspace, asOf: IsoDate) {
		this.#workspace = workspace;
		this.asOf = asOf;
		const churned = churnedBy(workspace.outcomes, asOf);
		this.accounts = workspace.accounts.filter((account) => !churned.has(account.id));
	}

	/**
	 * The facts of every account, with at least what `needs` asks for. True in `rebuilt` when
	 * they were (re)built, so anything computed from the old ones must be dropped.
	 */
	facts(needs: FactsNeeds): { facts: Facts[]; rebuilt: boolean } {
		const decayPeriods = needs.decayPeriods ?? 0;
		const lastKnownDays = needs.lastKnownDays ?? 0;
		if (
			this.#facts &&
			decayPeriods <= this.#needs.decayPeriods &&
			lastKnownDays <= this.#needs.lastKnownDays
		)
			return { facts: this.#facts, rebuilt: false };
		this.#needs = {
			decayPeriods: Math.max(decayPeriods, this.#needs.decayPeriods),
			lastKnownDays: Math.max(lastKnownDays, this.#needs.lastKnownDays)
		};
		const source = new FactsSource(this.#workspace, this.#needs);
		this.#facts = this.accounts.map((account) => source.on(account, this.asOf));
		return { facts: this.#facts, rebuilt: true };
	}

	/** The names of the facts some account has a value for, sorted: the fields a measure can read. */
	get fields(): string[] {
		if (this.#fields) return this.#fields;
		const facts = this.facts({}).facts;
		const found = new Set<string>();
		const names = facts.length ? Object.keys(facts[0]!) : [];
		for (const name of names) {
			if (UNLISTED.has(name)) continue;
			for (const one of facts) {
				const value = one[name];
				if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
					found.add(name);
					break;
				}
			}
		}
		this.#fields = [...found].sort();
		return this.#fields;
	}
}
