/**
 * The sample's product usage, from events: its product's feature catalogue, a year of the events
 * its Scale accounts' people sent (`$lib/engine/sample/events`), stored under a "Sample product"
 * source as the ingestion API stores what it accepts, then rolled up by the daily rollup, which
 * writes those accounts' usage of the last day and their people. The events go only into a store
 * that holds none yet: a team's real events are never mixed with made-up ones (starting over with
 * the sample rolls up the events held instead).
 */
import { randomUUID } from 'node:crypto';
import type { IsoDate, Workspace } from '$lib/engine';
import { SAMPLE_FEATURES, sampleRules } from '$lib/engine/sample/product';
import { sampleEvents } from '$lib/engine/sample/events';
import { checkEvent, type IngestedEvent } from '../events/spec';
import { rollUp } from '../events/usage-job';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';

export const SAMPLE_SOURCE = 'Sample product';

/** Events per statement: one JSON document each, within what a statement comfortably holds. */
const CHUNK = 20_000;

export interface SampleUsage {
	/** Events stored now (0: the store held events already). */
	events: number;
	/** Accounts and people the rollup wrote. */
	accounts: number;
	people: number;
}

/** Seeds the catalogue and the events when the store holds none, then rolls up `today`. */
export async function seedSampleUsage(
	store: Store,
	workspace: Workspace,
	options: { today: IsoDate; actor: Actor }
): Promise<SampleUsage> {
	const events =
		(await store.productEvents.count()) === 0
			? await seedEvents(store, workspace, options.actor)
			: 0;
	const { today, actor } = options;
	const rolled = await rollUp(store, { days: [today], today, actor });
	return { events, accounts: rolled.accounts, people: rolled.people };
}

async function seedEvents(store: Store, workspace: Workspace, actor: Actor): Promise<number> {
	if ((await store.catalogue.features()).length === 0) {
		for (const feature of SAMPLE_FEATURES) await store.catalogue.saveFeature(feature);
		for (const rule of sampleRules()) await store.catalogue.saveRule(rule);
	}

	const receivedAt = Date.now();
	const events: IngestedEvent[] = [];
	for (const message of sampleEvents(workspace, { until: new Date(receivedAt).toISOString() })) {
		const checked = checkEvent(message, { receivedAt, newId: randomUUID });
		// The generator makes what the spec allows; anything else is a bug to hear of at once.
		if (!checked.ok) throw new Error(`sample event ${message.messageId}: ${checked.reason}`);
		events.push(checked.event);
	}
	// No one holds its write key: the sample's events are all it will ever have.
	const { source } = await store.eventSources.create(SAMPLE_SOURCE, actor);
	await store.eventSources.revoke(source.id);
	await store.database.transaction(async (tx) => {
		for (let start = 0; start < events.length; start += CHUNK)
			await store.productEvents.store(source.id, events.slice(start, start + CHUNK), tx);
	});
	return events.length;
}
