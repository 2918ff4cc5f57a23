/**
 * Settings → Currency: the workspace's currency for ARR (`settings.currency`, an ISO 4217 code),
 * saved in the workspace's settings and synced to the team like the band playbooks. Every page
 * shows money in it, formatted for the reader's language (JPY without decimals).
 */
import { workspaceCurrency, workspaceSettings, type ScorecraftDatabase } from '$lib/db';

/** The currencies offered first: those CS teams bill in most; any other ISO code is kept as it is. */
export const COMMON_CURRENCIES = [
	'USD',
	'EUR',
	'GBP',
	'JPY',
	'CAD',
	'AUD',
	'CHF',
	'CNY',
	'KRW',
	'INR',
	'SGD',
	'BRL'
] as const;

/** Whether `code` is a currency `Intl` formats (an ISO 4217 code it knows). */
export function isCurrency(code: string): boolean {
	if (!/^[A-Z]{3}$/.test(code)) return false;
	return Intl.supportedValuesOf('currency').includes(code);
}

export class CurrencySetting {
	/** The saved currency; USD when the workspace names none. */
	saved = $state('USD');
	/** The currency chosen in the form, saved or not. */
	chosen = $state('USD');
	loaded = $state(false);
	saving = $state(false);
	error: string | null = $state(null);
	readonly #db: ScorecraftDatabase;

	constructor(db: ScorecraftDatabase) {
		this.#db = db;
	}

	/** The currencies to choose from: the common ones, and the saved one when it is another. */
	get choices(): string[] {
		const common: string[] = [...COMMON_CURRENCIES];
		return common.includes(this.saved) ? common : [...common, this.saved];
	}

	get changed(): boolean {
		return this.chosen !== this.saved;
	}

	async load(): Promise<void> {
		this.saved = this.chosen = await workspaceCurrency(this.#db);
		this.loaded = true;
	}

	/** Writes the chosen currency; a code `Intl` cannot format is refused before anything is written. */
	async save(): Promise<boolean> {
		const currency = this.chosen;
		this.error = null;
		if (!isCurrency(currency)) {
			this.error = currency;
			return false;
		}
		this.saving = true;
		try {
			// Money changes no score: the data version (which the score caches follow) stays.
			await this.#db.transaction('rw', [this.#db.settings], async () => {
				const settings = { ...(await workspaceSettings(this.#db)), currency };
				await this.#db.settings.put({ key: 'workspace', value: settings });
			});
			this.saved = currency;
			return true;
		} finally {
			this.saving = false;
		}
	}
}
