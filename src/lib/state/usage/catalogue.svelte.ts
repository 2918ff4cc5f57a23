/**
 * Product usage: the feature catalogue as the page edits it (features, the rules mapping the events
 * seen to them, the usage thresholds) and the rollup of events into usage. After each change the
 * catalogue is read again, so what the page shows is what the server holds: an event's "mapped",
 * a feature's rules gone with it.
 */
import { addDays } from '$lib/engine/dates';
import type { RolledDay } from '$lib/server/events/rollup-days';
import type {
	Feature,
	FeatureRule,
	SeenEvent,
	UsageSettings
} from '$lib/server/store/feature-catalogue';

/** `GET /api/catalogue`. */
export interface CatalogueAnswer {
	features: Feature[];
	rules: FeatureRule[];
	events: SeenEvent[];
	settings: UsageSettings;
	last_rollup: RolledDay | null;
}

/** The most days one rollup takes (the server's `MAX_DAYS`). */
const MAX_ROLLUP_DAYS = 366;
const maxDay = (a: string, b: string) => (a > b ? a : b);

/** `POST /api/usage/rollup`. */
export interface RollupAnswer {
	days: string[];
	accounts: number;
	people: number;
}

export type CatalogueAction = 'load' | 'feature' | 'rule' | 'settings' | 'rollup';

/** What failed, for the part of the page that asked to say it. */
export interface CatalogueFailure {
	action: CatalogueAction;
	message: string;
}

/** The rule form, as typed: empty texts are "none". */
export interface RuleDraft {
	event: string;
	property: string;
	value: string;
	feature_id: string;
	completion: boolean;
}

/** The settings form: the breadth as a percentage; null where a field is empty. */
export interface SettingsDraft {
	dormant_days: number | null;
	power_user_days: number | null;
	power_user_percent: number | null;
}

const emptyRule = (): RuleDraft => ({
	event: '',
	property: '',
	value: '',
	feature_id: '',
	completion: false
});

const draftOf = (settings: UsageSettings): SettingsDraft => ({
	dormant_days: settings.dormant_days,
	power_user_days: settings.power_user_days,
	// 0.333 → 33.3, not 33.300000000000004.
	power_user_percent: Math.round(settings.power_user_breadth * 1000) / 10
});

/** Whether a form's fields still hold what was sent (flat records of text and flags). */
const sameFields = <T extends object>(now: T, sent: T): boolean =>
	(Object.keys(sent) as (keyof T)[]).every((key) => now[key] === sent[key]);

export class Catalogue {
	/** Null until the server answers. */
	data: CatalogueAnswer | null = $state.raw(null);
	busy: CatalogueAction | null = $state(null);
	failure: CatalogueFailure | null = $state.raw(null);
	/** The new feature, as typed. */
	feature = $state({ name: '', advanced: false, integration: false });
	rule: RuleDraft = $state(emptyRule());
	/** Null until the settings are read. */
	settings: SettingsDraft | null = $state(null);
	/** Whether the seen events list shows only those no rule names. */
	onlyUnmapped = $state(false);
	/** Whether the settings were just saved (until the next save). */
	settingsSaved = $state(false);
	/** The last rollup asked for here. */
	rolled: RollupAnswer | null = $state.raw(null);
	/** Counts the times Map filled the rule form, for the form to take the focus. */
	prefilled = $state(0);
	/** The feature whose deletion waits for confirmation. */
	confirming: Feature | null = $state.raw(null);
	readonly #fetch: typeof fetch;

	constructor(fetchFn: typeof fetch = (...args) => fetch(...args)) {
		this.#fetch = fetchFn;
	}

	/** Unmapped events first (what is left to do), then the rest, each most frequent first. */
	readonly shownEvents: SeenEvent[] = $derived.by(() => {
		const events = this.data?.events ?? [];
		const unmapped = events.filter((event) => !event.mapped);
		return this.onlyUnmapped ? unmapped : [...unmapped, ...events.filter((event) => event.mapped)];
	});

	readonly unmappedCount: number = $derived(
		(this.data?.events ?? []).filter((event) => !event.mapped).length
	);

	/** A feature's name by its id, for the rules table. */
	featureName(id: string): string {
		return this.data?.features.find((feature) => feature.id === id)?.name ?? id;
	}

	async load(): Promise<void> {
		try {
			const data = await this.#call<CatalogueAnswer>('/api/catalogue');
			this.data = data;
			// Read again after another change: what the person is typing stays.
			this.settings ??= draftOf(data.settings);
			if (this.failure?.action === 'load') this.failure = null;
		} catch (error) {
			this.failure = { action: 'load', message: (error as Error).message };
		}
	}

	async addFeature(): Promise<void> {
		const sent = { ...this.feature };
		const added = await this.#change('feature', '/api/catalogue/features', 'POST', sent);
		// Cleared only if unchanged since: what was typed while it saved is the next feature's.
		if (added && sameFields(this.feature, sent))
			this.feature = { name: '', advanced: false, integration: false };
	}

	/** Turns a feature's advanced or integration flag on or off. */
	async setFlag(feature: Feature, flag: 'advanced' | 'integration', on: boolean): Promise<void> {
		await this.#change('feature', '/api/catalogue/features', 'POST', { ...feature, [flag]: on });
	}

	/** Asks before deleting: `deleteFeature` follows when the person confirms. */
	askDelete(feature: Feature): void {
		this.confirming = feature;
	}

	dismissDelete(): void {
		this.confirming = null;
	}

	async deleteFeature(id: string): Promise<void> {
		this.confirming = null;
		await this.#change('feature', `/api/catalogue/features/${encodeURIComponent(id)}`, 'DELETE');
	}

	/** Fills the rule form with a seen event's name, for the person to choose what it maps to. */
	map(event: SeenEvent): void {
		this.rule = { ...emptyRule(), event: event.event, feature_id: this.rule.feature_id };
		this.prefilled += 1;
	}

	async addRule(): Promise<void> {
		const sent = { ...this.rule };
		const { event, property, value, feature_id, completion } = sent;
		const added = await this.#change('rule', '/api/catalogue/rules', 'POST', {
			event,
			// An empty field is none: a rule on every event of its name, or a completion only.
			property: property.trim() || null,
			value: value.trim() || null,
			feature_id: feature_id || null,
			completion
		});
		if (added && sameFields(this.rule, sent)) this.rule = emptyRule();
	}

	async deleteRule(id: string): Promise<void> {
		await this.#change('rule', `/api/catalogue/rules/${encodeURIComponent(id)}`, 'DELETE');
	}

	async saveSettings(): Promise<void> {
		const draft = this.settings;
		if (!draft) return;
		this.settingsSaved = false;
		const saved = await this.#change('settings', '/api/catalogue/settings', 'PUT', {
			dormant_days: draft.dormant_days,
			power_user_days: draft.power_user_days,
			power_user_breadth:
				draft.power_user_percent === null ? null : Math.round(draft.power_user_percent * 10) / 1000
		});
		if (saved && this.data) this.settings = draftOf(this.data.settings);
		this.settingsSaved = saved;
	}

	/**
	 * Rolls the events up into usage now, rather than at the next hourly run; with `days`, those
	 * days again (a year at most: the latest of them), e.g. those a file of past events covers.
	 */
	async rollUp(days?: { from: string; to: string }): Promise<void> {
		this.rolled = null;
		const range = days && {
			from: maxDay(days.from, addDays(days.to, -(MAX_ROLLUP_DAYS - 1))),
			to: days.to
		};
		const done = await this.#act('rollup', async () => {
			this.rolled = await this.#call<RollupAnswer>('/api/usage/rollup', {
				method: 'POST',
				...(range
					? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(range) }
					: {})
			});
		});
		// The last rolled-up day, as the server now has it.
		if (done) await this.load();
	}

	/** A change, then the catalogue read again; whether the change was made. */
	async #change(
		action: CatalogueAction,
		path: string,
		method: string,
		body?: Record<string, unknown>
	): Promise<boolean> {
		const done = await this.#act(action, async () => {
			await this.#call(path, {
				method,
				...(body && {
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body)
				})
			});
		});
		if (done) await this.load();
		return done;
	}

	async #act(action: CatalogueAction, work: () => Promise<void>): Promise<boolean> {
		this.busy = action;
		try {
			await work();
			this.failure = null;
			return true;
		} catch (error) {
			this.failure = { action, message: (error as Error).message };
			return false;
		} finally {
			this.busy = null;
		}
	}

	async #call<T>(path: string, init?: RequestInit): Promise<T> {
		const response = await this.#fetch(path, init);
		const body = (await response.json().catch(() => ({}))) as { error?: string };
		if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
		return body as T;
	}
}
