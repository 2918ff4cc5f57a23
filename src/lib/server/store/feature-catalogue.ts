/**
 * The product's feature catalogue: the features the product team names (some advanced, some
 * integrations with other systems), the rules that map the events seen to them (an event's name,
 * and optionally one property's value: `Report Exported` with `format` = `pdf`), the events that
 * mark a completed workflow, and the team's usage thresholds (dormant people, power users). The
 * rollups (`../events/rollup.ts`) read them; the Product usage page edits them.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from './database';

export interface Feature {
	id: string;
	name: string;
	advanced: boolean;
	integration: boolean;
}

export interface FeatureRule {
	id: string;
	/** The `track` event's name, or the page's or screen's. */
	event: string;
	/** With `value`: the rule matches only events whose property holds that value (as text). */
	property: string | null;
	value: string | null;
	/** The feature its events are use of; null: the event marks a completion only. */
	feature_id: string | null;
	/** Its events are completed workflows. */
	completion: boolean;
}

export interface SeenEvent {
	event: string;
	/** `track`, `page` or `screen`. */
	type: string;
	count: number;
	last_seen: string;
	/** Whether any rule names it. */
	mapped: boolean;
}

export interface UsageSettings {
	/** Days without use after which a person is dormant (180 in the framework). */
	dormant_days: number;
	/** A power user is active on at least this many of the last 30 days… */
	power_user_days: number;
	/** …and used at least this share of the catalogue's features in them. */
	power_user_breadth: number;
}

/** What a catalogue change cannot do, said to the person who asked. */
export class CatalogueError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CatalogueError';
	}
}

const MAX_NAME = 200;
/** A feature's id as it appears in URLs and metrics: lower-case words joined by `_` or `-`. */
const FEATURE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function text(value: unknown, what: string, max = MAX_NAME): string {
	if (typeof value !== 'string' || value.trim() === '')
		throw new CatalogueError(`${what} is required`);
	if (value.trim().length > max)
		throw new CatalogueError(`${what} is longer than ${max} characters`);
	return value.trim();
}

const optionalText = (value: unknown, what: string): string | null =>
	value === null || value === undefined || value === '' ? null : text(value, what);

/** A feature id from its name: `Report builder` → `report_builder`. */
export function featureIdOf(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 64) || 'feature'
	);
}

function checkSettings(settings: UsageSettings): UsageSettings {
	const whole = (value: unknown, what: string, min: number, max: number) => {
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
			throw new CatalogueError(`${what} must be a whole number from ${min} to ${max}`);
		return value;
	};
	const breadth = settings.power_user_breadth;
	if (typeof breadth !== 'number' || !(breadth >= 0 && breadth <= 1))
		throw new CatalogueError('the power users’ share of features must be from 0 to 1');
	return {
		dormant_days: whole(settings.dormant_days, 'the days before a person is dormant', 1, 3650),
		power_user_days: whole(settings.power_user_days, 'a power user’s active days', 1, 30),
		power_user_breadth: breadth
	};
}

export class FeatureCatalogue {
	constructor(readonly database: Database) {}

	async features(): Promise<Feature[]> {
		return this.database.query<Feature>(
			'select id, name, advanced, integration from product_feature order by name, id'
		);
	}

	/** Adds a feature, or changes the one with its id. */
	async saveFeature(input: {
		id?: string;
		name: unknown;
		advanced?: unknown;
		integration?: unknown;
	}): Promise<Feature> {
		const name = text(input.name, 'a feature’s name');
		const id = input.id ?? featureIdOf(name);
		if (!FEATURE_ID.test(id))
			throw new CatalogueError(
				`a feature’s id is lower-case letters, digits, _ and - (at most 64): ${JSON.stringify(id)} is not`
			);
		// A new feature (no id given) never takes over one whose name makes the same id.
		if (input.id === undefined) {
			const [held] = await this.database.query<{ name: string }>(
				'select name from product_feature where id = $1',
				[id]
			);
			if (held)
				throw new CatalogueError(
					`the feature ${JSON.stringify(held.name)} has the id ${id} already: choose another name`
				);
		}
		const feature: Feature = {
			id,
			name,
			advanced: input.advanced === true,
			integration: input.integration === true
		};
		await this.database.query(
			`insert into product_feature (id, name, advanced, integration) values ($1, $2, $3, $4)
			 on conflict (id) do update set name = excluded.name, advanced = excluded.advanced,
			   integration = excluded.integration`,
			[feature.id, feature.name, feature.advanced, feature.integration]
		);
		return feature;
	}

	/**
	 * Removes a feature and the rules that map events to it, except those that also mark completions
	 * (they keep doing that); false when there was none.
	 */
	async deleteFeature(id: string): Promise<boolean> {
		return this.database.transaction(async (tx) => {
			await tx.query(
				'update feature_rule set feature_id = null where feature_id = $1 and completion',
				[id]
			);
			return (await tx.write('delete from product_feature where id = $1', [id])) > 0;
		});
	}

	async rules(): Promise<FeatureRule[]> {
		return this.database.query<FeatureRule>(
			`select id, event, property, value, feature_id, completion from feature_rule
			 order by event, property nulls first, value`
		);
	}

	/** Adds a rule, or replaces the one that matches the same events. */
	async saveRule(input: {
		event: unknown;
		property?: unknown;
		value?: unknown;
		feature_id?: unknown;
		completion?: unknown;
	}): Promise<FeatureRule> {
		const event = text(input.event, 'the event’s name');
		const property = optionalText(input.property, 'the property');
		const value = optionalText(input.value, 'the property’s value');
		if ((property === null) !== (value === null))
			throw new CatalogueError('a rule names a property and its value, or neither');
		const featureId = optionalText(input.feature_id, 'the feature');
		const completion = input.completion === true;
		if (featureId === null && !completion)
			throw new CatalogueError(
				'a rule maps its events to a feature, marks them completions, or both'
			);
		if (featureId !== null) {
			const [found] = await this.database.query('select 1 from product_feature where id = $1', [
				featureId
			]);
			if (!found) throw new CatalogueError(`there is no feature ${JSON.stringify(featureId)}`);
		}
		const [row] = await this.database.query<FeatureRule>(
			`insert into feature_rule (id, event, property, value, feature_id, completion)
			 values ($1, $2, $3, $4, $5, $6)
			 on conflict (event, coalesce(property, ''), coalesce(value, ''))
			 do update set feature_id = excluded.feature_id, completion = excluded.completion
			 returning id, event, property, value, feature_id, completion`,
			[randomUUID(), event, property, value, featureId, completion]
		);
		return row!;
	}

	async deleteRule(id: string): Promise<boolean> {
		if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
		return (await this.database.write('delete from feature_rule where id = $1', [id])) > 0;
	}

	/** The events people did (`track`, `page`, `screen`), most frequent first, and whether mapped. */
	async seenEvents(limit = 500): Promise<SeenEvent[]> {
		const rows = await this.database.query<SeenEvent & { last_seen: Date }>(
			`select e.event, e.type, count(*)::int as count, max(e.timestamp) as last_seen,
			   exists (select 1 from feature_rule r where r.event = e.event) as mapped
			 from product_event e
			 where e.event is not null and e.type in ('track', 'page', 'screen')
			 group by e.event, e.type order by count(*) desc, e.event limit $1`,
			[limit]
		);
		return rows.map((row) => ({ ...row, last_seen: new Date(row.last_seen).toISOString() }));
	}

	async settings(): Promise<UsageSettings> {
		const [row] = await this.database.query<UsageSettings>(
			'select dormant_days, power_user_days, power_user_breadth from usage_setting where id = 1'
		);
		return {
			dormant_days: row!.dormant_days,
			power_user_days: row!.power_user_days,
			// A `real` column: 0.5 reads back as 0.5, 0.4 as 0.4000000059604645.
			power_user_breadth: Math.round(Number(row!.power_user_breadth) * 1000) / 1000
		};
	}

	async saveSettings(input: UsageSettings): Promise<UsageSettings> {
		const settings = checkSettings(input);
		await this.database.query(
			`update usage_setting set dormant_days = $1, power_user_days = $2, power_user_breadth = $3,
			   updated_at = now() where id = 1`,
			[settings.dormant_days, settings.power_user_days, settings.power_user_breadth]
		);
		return settings;
	}
}
